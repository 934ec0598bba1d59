import { z } from 'zod';
import { formatIssues } from '../config/parse-config.ts';
import type { Config } from '../config/schema.ts';
import { ConfigError } from '../domain/errors.ts';
import type { FunctionName } from './functions.ts';

// The environment contract between infra/ (which sets these) and functions/ (which reads them
// once per cold start). Each function has its own schema: a variable it needs is required, so a
// stack that forgets one fails the cold start with the variable's name, not some later event.
// Secrets are never here: only the ids of the secrets to read.

export const ENV = {
  tableName: 'TABLE_NAME',
  /** The validated config as JSON, compiled into the bundle (esbuild define), not the env. */
  config: 'STRIKEWATCH_CONFIG',
  /** SQS queue poll-feeds fans article jobs out to. */
  articleQueueUrl: 'ARTICLE_QUEUE_URL',
  /** SQS queue process-article nudges when it created deliveries. */
  alertQueueUrl: 'ALERT_QUEUE_URL',
  /** JSON object: each `webhookUrlSecret` of the config to the ARN of the secret holding it. */
  slackWebhookSecrets: 'SLACK_WEBHOOK_SECRETS',
  sesConfigurationSet: 'SES_CONFIGURATION_SET',
  /** SES identity to send as. */
  sesFromIdentityArn: 'SES_FROM_IDENTITY_ARN',
  /** Overrides the DynamoDB endpoint (integration tests against dynalite). */
  dynamodbEndpoint: 'DYNAMODB_ENDPOINT',
  region: 'AWS_REGION',
} as const;
export type EnvName = (typeof ENV)[keyof typeof ENV];

/** Variables the stack does not set: the Lambda runtime, the bundle or the tests provide them. */
export const ENV_NOT_FROM_STACK: readonly EnvName[] = [
  ENV.region,
  ENV.config,
  ENV.dynamodbEndpoint,
];

const notSet = (expected: string) => (issue: { input?: unknown }) =>
  issue.input === undefined ? 'is not set' : `must be ${expected}`;
const text = (expected: string) => z.string({ error: notSet(expected) }).min(1, 'is empty');
const url = z.url({ error: notSet('a URL') });

const secretIds = text('a JSON object')
  .transform((raw, ctx) => {
    try {
      return JSON.parse(raw) as unknown;
    } catch {
      ctx.issues.push({ code: 'custom', message: 'must be a JSON object', input: raw });
      return z.NEVER;
    }
  })
  .pipe(z.record(z.string().min(1), z.string().min(1)));

const common = {
  [ENV.tableName]: text('a table name'),
  [ENV.config]: text('the bundled config JSON'),
  [ENV.region]: z.string().min(1).default('us-east-1'),
  [ENV.dynamodbEndpoint]: z.url().optional(),
};

export const FUNCTION_ENV = {
  'poll-feeds': z.object({ ...common, [ENV.articleQueueUrl]: url }),
  'process-article': z.object({ ...common, [ENV.alertQueueUrl]: url }),
  'send-alerts': z.object({
    ...common,
    [ENV.slackWebhookSecrets]: secretIds,
    // Required when the config sends email (see `sesSettings`); the stack wires SES only then.
    [ENV.sesConfigurationSet]: text('a configuration set name').optional(),
    [ENV.sesFromIdentityArn]: text('an SES identity ARN').optional(),
  }),
  query: z.object(common),
} as const satisfies Record<FunctionName, z.ZodObject>;

export type FunctionEnv<N extends FunctionName> = z.infer<(typeof FUNCTION_ENV)[N]>;

/** The variables a function cannot start without (its schema's required keys). */
export function requiredEnv(name: FunctionName): EnvName[] {
  const shape = FUNCTION_ENV[name].shape as Record<string, z.ZodType>;
  return Object.keys(shape).filter((key) => !shape[key]?.safeParse(undefined).success) as EnvName[];
}

/** True when `name`'s schema reads `variable` (a stack must not set what no code reads). */
export function readsEnv(name: FunctionName, variable: EnvName): boolean {
  return variable in FUNCTION_ENV[name].shape;
}

/** Parses a function's environment once, at cold start. Throws ConfigError naming each variable. */
export function readFunctionEnv<N extends FunctionName>(
  name: N,
  env: Readonly<Record<string, string | undefined>>,
): FunctionEnv<N> {
  const result = FUNCTION_ENV[name].safeParse(env, { reportInput: true });
  if (!result.success) {
    throw new ConfigError(
      `${name} cannot start, its environment is invalid (the stack sets it: redeploy):\n${formatIssues(result.error)}`,
    );
  }
  return result.data as FunctionEnv<N>;
}

/** True when the config emails someone: the stack wires SES then, and send-alerts needs it. */
export function sendsEmail(config: Config): boolean {
  return config.subscribers.some((s) => s.email) && config.delivery.email !== undefined;
}

/** send-alerts' SES settings; a config that sends email without them fails the cold start. */
export function sesSettings(
  env: FunctionEnv<'send-alerts'>,
  config: Config,
): { configurationSet: string; fromIdentityArn: string } | null {
  if (!sendsEmail(config)) return null;
  const configurationSet = env.SES_CONFIGURATION_SET;
  const fromIdentityArn = env.SES_FROM_IDENTITY_ARN;
  if (!configurationSet || !fromIdentityArn) {
    const missing = [
      ...(configurationSet ? [] : [ENV.sesConfigurationSet]),
      ...(fromIdentityArn ? [] : [ENV.sesFromIdentityArn]),
    ];
    throw new ConfigError(
      `send-alerts cannot start: the config sends email but ${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not set (the stack sets them: redeploy)`,
    );
  }
  return { configurationSet, fromIdentityArn };
}
