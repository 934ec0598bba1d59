import { GetSecretValueCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { isSecretPlaceholder } from '../../contracts/secrets.ts';
import { DeliveryError, SecretNotReadyError } from '../../domain/errors.ts';
import type { SecretReader } from '../../ports/alert-channels.ts';

// Secrets (Slack webhook URLs) are read at run time and cached per warm container, so a rotated
// secret is picked up within the cache time and Secrets Manager is not called per message.
//
// A secret that still holds the stack's placeholder, or that does not exist, is not an error of
// the delivery: the operator has not put the value yet. It throws SecretNotReadyError (retryable,
// with a long wait) and is remembered for a minute only, so a sweep of many deliveries makes one
// call and a value put by the operator is seen within that minute.

export interface SecretsReaderOptions {
  /**
   * The config's secret ids (`webhookUrlSecret`) to the ARNs the stack created or imported for
   * them (SLACK_WEBHOOK_SECRETS). An id not in it is refused. Without it, ids are read as given.
   */
  secretArns?: Readonly<Record<string, string>>;
  /** How long a value is kept (default 5 min). */
  ttlMs?: number;
  /** How long a "not put yet" answer is kept (default 1 min). */
  notReadyTtlMs?: number;
  /** The wait SecretNotReadyError asks of the delivery (default 15 min). */
  notReadyRetryMs?: number;
  /** Called for each read that finds the secret not ready (a metric: deliveries waiting). */
  onNotReady?: (secretId: string) => void;
  now?: () => number;
}

const TRANSIENT = new Set([
  'ThrottlingException',
  'InternalServiceError',
  'InternalServiceErrorException',
  'ServiceUnavailable',
  'TimeoutError',
  'RequestTimeout',
]);

type Cached = { value: string; until: number } | { notReady: SecretNotReadyError; until: number };

export function createSecretsManagerReader(
  client: SecretsManagerClient,
  opts: SecretsReaderOptions = {},
): SecretReader {
  const ttl = opts.ttlMs ?? 5 * 60_000;
  const notReadyTtl = opts.notReadyTtlMs ?? 60_000;
  const retryAfterMs = opts.notReadyRetryMs ?? 15 * 60_000;
  const now = opts.now ?? Date.now;
  const cache = new Map<string, Cached>();

  const notReady = (secretId: string, message: string, cause?: unknown) => {
    const error = new SecretNotReadyError(secretId, message, { retryAfterMs, cause });
    cache.set(secretId, { notReady: error, until: now() + notReadyTtl });
    return error;
  };

  return {
    async read(secretId) {
      const hit = cache.get(secretId);
      if (hit && hit.until > now()) {
        if ('value' in hit) return hit.value;
        opts.onNotReady?.(secretId);
        throw hit.notReady;
      }
      const arn = opts.secretArns ? opts.secretArns[secretId] : secretId;
      if (!arn) {
        throw new DeliveryError(
          `secret ${secretId} is not one this stack created or imported: deploy the config that names it`,
          { retryable: false },
        );
      }
      let value: string | undefined;
      let name = arn;
      try {
        const r = await client.send(new GetSecretValueCommand({ SecretId: arn }));
        value = r.SecretString?.trim();
        name = r.Name ?? arn;
      } catch (err) {
        if ((err as { name?: string }).name !== 'ResourceNotFoundException')
          throw readError(arn, err);
        opts.onNotReady?.(secretId);
        throw notReady(
          secretId,
          `secret ${arn} does not exist: create it, or deploy the stack that does`,
          err,
        );
      }
      if (!value || isSecretPlaceholder(value)) {
        opts.onNotReady?.(secretId);
        throw notReady(
          secretId,
          `secret ${name} ${value ? 'still holds the placeholder the stack wrote' : 'is empty'}: put the value with \`aws secretsmanager put-secret-value --secret-id ${name} --secret-string ...\``,
        );
      }
      cache.set(secretId, { value, until: now() + ttl });
      return value;
    },
  };
}

/** Throttling, 5xx and no answer at all may pass; access denied or a bad key will not. */
function readError(arn: string, err: unknown): DeliveryError {
  const e = err as { name?: string; message?: string; $metadata?: { httpStatusCode?: number } };
  const status = e.$metadata?.httpStatusCode;
  const retryable = status === undefined || status >= 500 || TRANSIENT.has(e.name ?? '');
  return new DeliveryError(
    `secret ${arn}: Secrets Manager ${e.name ?? 'error'}: ${(e.message ?? '').slice(0, 200)}`,
    { retryable, cause: err },
  );
}
