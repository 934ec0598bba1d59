import { randomBytes } from 'node:crypto';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSecretsManagerReader } from '../../shared/adapters/secrets/secrets-manager.ts';
import {
  SECRET_PLACEHOLDER_RANDOM_KEY,
  SECRET_PLACEHOLDER_TEMPLATE,
} from '../../shared/contracts/secrets.ts';
import { DeliveryError, describeError, SecretNotReadyError } from '../../shared/domain/errors.ts';
import {
  type AwsJsonServer,
  awsError,
  startAwsJsonServer,
  startSecretsManagerServer,
} from '../helpers/aws-json-server.ts';

// The Secrets Manager adapter with the real SDK against a loopback GetSecretValue server.

const ARN =
  'arn:aws:secretsmanager:eu-west-1:123456789012:secret:strikewatch/slack/analysts-AbCdEf';
const WEBHOOK = 'https://hooks.slack.com/services/T000/B000/XXXX';
/** What Secrets Manager writes from the stack's GenerateSecretString: the template plus a random key. */
const placeholder = () =>
  JSON.stringify({
    ...(JSON.parse(SECRET_PLACEHOLDER_TEMPLATE) as object),
    [SECRET_PLACEHOLDER_RANDOM_KEY]: randomBytes(16).toString('base64url'),
  });

const secrets = new Map<string, string>();
let server: AwsJsonServer;
let client: SecretsManagerClient;

const clientFor = (endpoint: string) =>
  new SecretsManagerClient({
    region: 'eu-west-1',
    endpoint,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });

beforeAll(async () => {
  server = await startSecretsManagerServer(secrets);
  client = clientFor(server.endpoint);
});
afterAll(async () => {
  client.destroy();
  await server.close();
});
beforeEach(() => {
  secrets.clear();
  server.calls.length = 0;
});

function clock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('Secrets Manager adapter', () => {
  it("reads the secret the stack created for the config's id, and caches it", async () => {
    secrets.set(ARN, `  ${WEBHOOK}\n`);
    const c = clock();
    const reader = createSecretsManagerReader(client, {
      secretArns: { 'slack/analysts': ARN },
      now: c.now,
    });
    expect(await reader.read('slack/analysts')).toBe(WEBHOOK);
    c.advance(4 * 60_000);
    expect(await reader.read('slack/analysts')).toBe(WEBHOOK);
    expect(server.calls.map((call) => call.input.SecretId)).toEqual([ARN]);
    c.advance(2 * 60_000);
    await reader.read('slack/analysts');
    expect(server.calls).toHaveLength(2);
  });

  it('a placeholder is a retryable SecretNotReadyError with a long wait, counted, and not a failure', async () => {
    secrets.set(ARN, placeholder());
    const waiting: string[] = [];
    const reader = createSecretsManagerReader(client, {
      secretArns: { 'slack/analysts': ARN },
      onNotReady: (id) => waiting.push(id),
    });
    const error = await reader.read('slack/analysts').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SecretNotReadyError);
    // A delivery error the delivery loop retries, after at least a quarter of an hour.
    expect(error).toBeInstanceOf(DeliveryError);
    expect(error).toMatchObject({
      retryable: true,
      retryAfterMs: 15 * 60_000,
      secretId: 'slack/analysts',
    });
    expect(describeError(error)).toMatchObject({ code: 'secret_not_ready', retryable: true });
    expect((error as Error).message).toMatch(
      /placeholder.*put-secret-value --secret-id strikewatch\/slack\/analysts-AbCdEf/,
    );
    expect(waiting).toEqual(['slack/analysts']);
  });

  it('asks Secrets Manager again a minute later, and uses the value the operator put', async () => {
    secrets.set(ARN, placeholder());
    const c = clock();
    const waiting: string[] = [];
    const reader = createSecretsManagerReader(client, {
      secretArns: { 'slack/analysts': ARN },
      now: c.now,
      onNotReady: (id) => waiting.push(id),
    });
    for (let i = 0; i < 5; i++) {
      await expect(reader.read('slack/analysts')).rejects.toBeInstanceOf(SecretNotReadyError);
    }
    // A sweep of five deliveries: one call, five deliveries counted as waiting.
    expect(server.calls).toHaveLength(1);
    expect(waiting).toHaveLength(5);
    secrets.set(ARN, WEBHOOK);
    c.advance(61_000);
    expect(await reader.read('slack/analysts')).toBe(WEBHOOK);
  });

  it('a missing or empty secret is not ready either', async () => {
    const reader = createSecretsManagerReader(client, {
      secretArns: { gone: ARN, empty: `${ARN}2` },
    });
    secrets.set(`${ARN}2`, '   ');
    await expect(reader.read('gone')).rejects.toThrow(/does not exist/);
    await expect(reader.read('gone')).rejects.toBeInstanceOf(SecretNotReadyError);
    await expect(reader.read('empty')).rejects.toThrow(/is empty/);
  });

  it('refuses an id the stack did not map, without calling AWS', async () => {
    const reader = createSecretsManagerReader(client, { secretArns: { 'slack/analysts': ARN } });
    const error = await reader.read('slack/other').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeliveryError);
    expect(error).not.toBeInstanceOf(SecretNotReadyError);
    expect(error).toMatchObject({ retryable: false });
    expect(server.calls).toEqual([]);
  });

  it('access denied is permanent, a 5xx is retryable', async () => {
    let reply = awsError(400, 'AccessDeniedException', 'not authorised');
    const faulty = await startAwsJsonServer('application/x-amz-json-1.1', () => reply);
    const faultyClient = clientFor(faulty.endpoint);
    try {
      const reader = createSecretsManagerReader(faultyClient);
      await expect(reader.read(ARN)).rejects.toMatchObject({
        name: 'DeliveryError',
        retryable: false,
      });
      reply = awsError(500, 'InternalServiceError', 'oops');
      await expect(reader.read(ARN)).rejects.toMatchObject({
        name: 'DeliveryError',
        retryable: true,
      });
    } finally {
      faultyClient.destroy();
      await faulty.close();
    }
  });
});
