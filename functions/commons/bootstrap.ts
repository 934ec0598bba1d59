import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { withoutSdkLogCopies } from '../../shared/adapters/aws/lean-client.ts';
import { createDynamoDbStore } from '../../shared/adapters/dynamodb/dynamodb-store.ts';
import { createHttpClient } from '../../shared/adapters/http/http-client.ts';
import { createSlackSender } from '../../shared/adapters/slack/slack-webhook.ts';
import { createSlackWebhooks } from '../../shared/adapters/slack/webhook-urls.ts';
import { parseConfig } from '../../shared/config/parse-config.ts';
import type { Config } from '../../shared/config/schema.ts';
import { type FunctionEnv, readFunctionEnv } from '../../shared/contracts/function-env.ts';
import type { FunctionName } from '../../shared/contracts/functions.ts';
import { ConfigError } from '../../shared/domain/errors.ts';
import type { Mailer, SecretReader } from '../../shared/ports/alert-channels.ts';
import { systemClock } from '../../shared/ports/clock.ts';
import type { ArticleExtractor } from '../../shared/ports/extractor.ts';
import { type StoreRoles, storeRoles } from '../../shared/ports/store-roles.ts';
import type { CycleDeps } from '../../shared/use-cases/run-cycle.ts';
import { loggerPort, tracer } from './powertools.ts';

// Builds a function's real adapters once per cold start: each handler calls `startFunction` at
// module load with its own name and the factories of the extra adapters it needs (SES, Secrets
// Manager, the extractor), so its bundle holds only the AWS clients it uses and a missing or
// invalid variable fails the cold start with the variable's name. The config is validated here,
// before the first event, with the same schema as the local runner and `cdk synth`.

/** What the handlers' use-cases take (each takes only the ports it uses). */
export type LambdaDeps = CycleDeps & StoreRoles;

export interface FunctionRuntime<N extends FunctionName> {
  readonly env: FunctionEnv<N>;
  readonly config: Config;
  readonly deps: LambdaDeps;
}

export interface RuntimeParts<N extends FunctionName> {
  mailer?: (env: FunctionEnv<N>, config: Config) => Mailer | null;
  secrets?: (env: FunctionEnv<N>, config: Config) => SecretReader;
  extractor?: (config: Config) => ArticleExtractor;
}

/** Functions that deliver nothing never read secrets; a call would be a wiring mistake. */
const noSecrets: SecretReader = {
  read: (id) => Promise.reject(new ConfigError(`secret ${id}: only send-alerts reads secrets`)),
};

/** Only process-article parses pages; the others never load jsdom. */
const noExtractor: ArticleExtractor = {
  extract: () => Promise.reject(new ConfigError('only process-article extracts pages')),
  feedItemText: () => Promise.reject(new ConfigError('only process-article extracts pages')),
  close: async () => {},
};

/** AWS SDK clients share these: region, bounded retries and timeouts. */
export const awsClientConfig = (env: { AWS_REGION: string }, requestTimeout = 5_000) => ({
  region: env.AWS_REGION,
  maxAttempts: 3,
  requestHandler: { connectionTimeout: 2_000, requestTimeout },
});

/** An AWS SDK client traced by X-Ray, without the SDK's log copies (it is given no logger). */
export function captured<T extends Parameters<typeof withoutSdkLogCopies>[0]>(client: T): T {
  return withoutSdkLogCopies(tracer.captureAWSv3Client(client));
}

/** The config the stack compiled into the bundle (esbuild define), validated. */
function bundledConfig(json: string): Config {
  let raw: unknown;
  try {
    // JSON, not YAML: keeps the yaml parser out of every bundle.
    raw = JSON.parse(json);
  } catch {
    throw new ConfigError('the bundled strikewatch config is not JSON: rebuild with `cdk synth`');
  }
  return parseConfig(raw, 'bundled strikewatch config');
}

export function startFunction<N extends FunctionName>(
  name: N,
  parts: RuntimeParts<N> = {},
): FunctionRuntime<N> {
  const env = readFunctionEnv(name, {
    ...process.env,
    // Read as a direct member so that the bundle's define replaces it (see bundlingOptionsFor).
    STRIKEWATCH_CONFIG: process.env.STRIKEWATCH_CONFIG,
  });
  const config = bundledConfig(env.STRIKEWATCH_CONFIG);
  const dynamo = captured(
    new DynamoDBClient({
      ...awsClientConfig(env),
      ...(env.DYNAMODB_ENDPOINT ? { endpoint: env.DYNAMODB_ENDPOINT } : {}),
    }),
  );
  const http = createHttpClient(config.network, { logger: loggerPort });
  const deps: LambdaDeps = {
    config,
    ...storeRoles(createDynamoDbStore({ client: dynamo, tableName: env.TABLE_NAME })),
    http,
    extractor: parts.extractor?.(config) ?? noExtractor,
    clock: systemClock,
    logger: loggerPort,
    slack: createSlackSender(http, { timeoutMs: config.delivery.timeoutMs }),
    mailer: parts.mailer?.(env, config) ?? null,
    webhooks: createSlackWebhooks({
      secrets: parts.secrets?.(env, config) ?? noSecrets,
      env: process.env,
    }),
  };
  return { env, config, deps };
}
