import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../shared/config/parse-config.ts';
import {
  ENV,
  readFunctionEnv,
  requiredEnv,
  sesSettings,
} from '../../../shared/contracts/function-env.ts';
import {
  QUERY_KINDS,
  QUERY_ROUTES,
  queryKindForPath,
} from '../../../shared/contracts/query-kinds.ts';
import {
  ARTICLE_JOB_MAX_BYTES,
  messageBytes,
  SQS_MESSAGE_MAX_BYTES,
} from '../../../shared/contracts/queues.ts';
import {
  isSecretPlaceholder,
  SECRET_PLACEHOLDER_TEMPLATE,
  stackSecretName,
} from '../../../shared/contracts/secrets.ts';
import { ConfigError } from '../../../shared/domain/errors.ts';
import { queryParamsSchema } from '../../../shared/use-cases/query-store.ts';

const base = {
  TABLE_NAME: 'table',
  STRIKEWATCH_CONFIG: '{"feeds":[]}',
  AWS_REGION: 'eu-west-1',
};

function failure(run: () => unknown): string {
  try {
    run();
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('per-function env schemas', () => {
  it('require what each function reads, and only that', () => {
    expect(requiredEnv('poll-feeds')).toEqual(
      expect.arrayContaining([ENV.tableName, ENV.articleQueueUrl]),
    );
    expect(requiredEnv('poll-feeds')).not.toContain(ENV.alertQueueUrl);
    expect(requiredEnv('process-article')).toContain(ENV.alertQueueUrl);
    expect(requiredEnv('send-alerts')).toContain(ENV.slackWebhookSecrets);
    expect(requiredEnv('query')).not.toContain(ENV.articleQueueUrl);
    // The region has a default: Lambda always sets it, tests need not.
    expect(requiredEnv('query')).not.toContain(ENV.region);
  });

  it('a missing variable fails with its name and says the stack sets it', () => {
    const message = failure(() => readFunctionEnv('poll-feeds', base));
    expect(message).toContain('poll-feeds cannot start');
    expect(message).toContain(`- ${ENV.articleQueueUrl}: is not set`);
    expect(message).toMatch(/redeploy/);
    // process-article used to skip its alert nudge silently without the queue URL.
    expect(failure(() => readFunctionEnv('process-article', base))).toContain(
      `- ${ENV.alertQueueUrl}: is not set`,
    );
  });

  it('lists every problem at once, and says which value is wrong', () => {
    const message = failure(() =>
      readFunctionEnv('send-alerts', {
        ...base,
        TABLE_NAME: '',
        SLACK_WEBHOOK_SECRETS: 'not json',
      }),
    );
    expect(message).toContain(`- ${ENV.tableName}: is empty`);
    expect(message).toContain(`- ${ENV.slackWebhookSecrets}: must be a JSON object`);
  });

  it('parses what it reads: the secret map, the queue URL', () => {
    const env = readFunctionEnv('send-alerts', {
      ...base,
      SLACK_WEBHOOK_SECRETS: '{"slack/analysts":"arn:aws:secretsmanager:eu-west-1:1:secret:x"}',
    });
    expect(env.SLACK_WEBHOOK_SECRETS).toEqual({
      'slack/analysts': 'arn:aws:secretsmanager:eu-west-1:1:secret:x',
    });
    expect(
      failure(() => readFunctionEnv('poll-feeds', { ...base, ARTICLE_QUEUE_URL: 'queue' })),
    ).toContain(`- ${ENV.articleQueueUrl}: must be a URL`);
  });

  it('send-alerts needs SES settings exactly when the config emails someone', () => {
    const env = readFunctionEnv('send-alerts', { ...base, SLACK_WEBHOOK_SECRETS: '{}' });
    const feeds = [{ id: 'f', url: 'https://example.org/rss' }];
    const slackOnly = parseConfig({
      feeds,
      subscribers: [{ id: 's', slack: { webhookUrlSecret: 'x' } }],
    });
    expect(sesSettings(env, slackOnly)).toBeNull();
    const emails = parseConfig({
      feeds,
      subscribers: [{ id: 'e', email: 'desk@example.org' }],
      delivery: { email: { from: 'alerts@example.org' } },
    });
    expect(failure(() => sesSettings(env, emails))).toMatch(
      /SES_CONFIGURATION_SET and SES_FROM_IDENTITY_ARN are not set/,
    );
    expect(
      sesSettings(
        { ...env, SES_CONFIGURATION_SET: 'set', SES_FROM_IDENTITY_ARN: 'arn:id' },
        emails,
      ),
    ).toEqual({ configurationSet: 'set', fromIdentityArn: 'arn:id' });
  });
});

describe('query kinds', () => {
  it('one route per kind, and each route maps back to its kind', () => {
    expect(Object.keys(QUERY_ROUTES).sort()).toEqual([...QUERY_KINDS].sort());
    for (const kind of QUERY_KINDS) expect(queryKindForPath(QUERY_ROUTES[kind])).toBe(kind);
    expect(queryKindForPath('/casualties/')).toBe('casualty');
    expect(queryKindForPath('/tweets')).toBeUndefined();
    expect(queryKindForPath('/casualty')).toBeUndefined();
  });

  it('the use-case accepts exactly the contract kinds', () => {
    for (const kind of QUERY_KINDS)
      expect(queryParamsSchema.safeParse({ kind }).success).toBe(true);
    expect(queryParamsSchema.safeParse({ kind: 'tweet' }).success).toBe(false);
  });
});

describe('queue and secret contracts', () => {
  it('counts a message in UTF-8 bytes of its JSON, and the job cap leaves room in a message', () => {
    expect(messageBytes({ t: 'é' })).toBe(Buffer.byteLength('{"t":"é"}'));
    expect(messageBytes({ t: '"' })).toBe('{"t":"\\""}'.length);
    expect(ARTICLE_JOB_MAX_BYTES).toBeLessThan(SQS_MESSAGE_MAX_BYTES);
  });

  it('recognises the placeholder Secrets Manager generates, whatever its key order, and nothing else', () => {
    const generated = JSON.parse(SECRET_PLACEHOLDER_TEMPLATE) as Record<string, string>;
    expect(isSecretPlaceholder(JSON.stringify({ ...generated, random: 'Ab12' }))).toBe(true);
    expect(isSecretPlaceholder(JSON.stringify({ random: 'Ab12', ...generated }))).toBe(true);
    expect(isSecretPlaceholder('https://hooks.slack.com/services/T0/B0/X')).toBe(false);
    expect(isSecretPlaceholder('{"url":"https://hooks.slack.com/x"}')).toBe(false);
    expect(isSecretPlaceholder('{not json')).toBe(false);
  });

  it('names a secret after its stack, and leaves an ARN alone', () => {
    expect(stackSecretName('strikewatch', 'slack/analysts')).toBe('strikewatch/slack/analysts');
    expect(stackSecretName('strikewatch-staging', 'slack/analysts')).toBe(
      'strikewatch-staging/slack/analysts',
    );
    const arn = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:shared-AbCdEf';
    expect(stackSecretName('strikewatch', arn)).toBe(arn);
  });
});
