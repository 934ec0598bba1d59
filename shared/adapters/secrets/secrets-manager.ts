import { GetSecretValueCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { ConfigError } from '../../domain/errors.ts';
import type { SecretReader } from '../../ports/alert-channels.ts';

// Secrets (Slack webhook URLs) are read at run time and cached per warm container, so a rotated
// secret is picked up within the cache time and Secrets Manager is not called per message.

export function createSecretsManagerReader(
  client: SecretsManagerClient,
  opts: { ttlMs?: number; now?: () => number } = {},
): SecretReader {
  const ttl = opts.ttlMs ?? 5 * 60_000;
  const now = opts.now ?? Date.now;
  const cache = new Map<string, { value: string; until: number }>();
  return {
    async read(secretId) {
      const hit = cache.get(secretId);
      if (hit && hit.until > now()) return hit.value;
      const r = await client.send(new GetSecretValueCommand({ SecretId: secretId }));
      const value = r.SecretString?.trim();
      if (!value)
        throw new ConfigError(
          `secret ${secretId} is empty: put the value with \`aws secretsmanager put-secret-value\``,
        );
      cache.set(secretId, { value, until: now() + ttl });
      return value;
    },
  };
}
