import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createHttpClient } from '../../shared/adapters/http/http-client.ts';
import { createSlackSender } from '../../shared/alerts/slack-webhook.ts';
import { type LambdaEnv, readLambdaEnv } from '../../shared/config/lambda-env.ts';
import { parseConfig } from '../../shared/config/parse-config.ts';
import type { Config } from '../../shared/config/schema.ts';
import { ConfigError } from '../../shared/domain/errors.ts';
import type { Mailer, SecretReader } from '../../shared/ports/alert-channels.ts';
import { systemClock } from '../../shared/ports/clock.ts';
import type { ArticleExtractor } from '../../shared/ports/extractor.ts';
import type { JobQueue } from '../../shared/ports/job-queue.ts';
import { DynamoDbStore } from '../../shared/store/dynamodb-store.ts';
import type { PipelineDeps } from '../../shared/use-cases/pipeline-deps.ts';
import { loggerPort, tracer } from './powertools.ts';

// Builds the real adapters once per cold start. The config is validated here, before the first
// event, with the same schema as the local runner and `cdk synth`. Each handler passes the
// factories of the extra adapters it needs (SES, Secrets Manager, SQS), so a function's bundle
// holds only the AWS clients it uses: less to load on a cold start.

export interface LambdaRuntime {
  deps: PipelineDeps;
  articleQueue: JobQueue | null;
  alertQueue: JobQueue | null;
}

export interface RuntimeParts {
  mailer?: (env: LambdaEnv, config: Config) => Mailer | null;
  secrets?: (env: LambdaEnv) => SecretReader;
  articleQueue?: (env: LambdaEnv) => JobQueue | null;
  alertQueue?: (env: LambdaEnv) => JobQueue | null;
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

/** AWS SDK clients share these: region, bounded retries, X-Ray capture. */
export const awsClientConfig = (env: LambdaEnv, requestTimeout = 5_000) => ({
  region: env.AWS_REGION,
  maxAttempts: 3,
  requestHandler: { connectionTimeout: 2_000, requestTimeout },
});

export function captured<T>(client: T): T {
  return tracer.captureAWSv3Client(client);
}

let runtime: LambdaRuntime | undefined;

export function getRuntime(parts: RuntimeParts = {}): LambdaRuntime {
  if (runtime) return runtime;
  const env = readLambdaEnv({
    ...process.env,
    // The stack bundles the config into the code (esbuild define): Lambda's 4 KB environment
    // would not hold 50 feeds. Read as a direct member so that the define replaces it.
    STRIKEWATCH_CONFIG: process.env.STRIKEWATCH_CONFIG,
  });
  // JSON, not YAML: keeps the yaml parser out of every bundle.
  let raw: unknown;
  try {
    raw = JSON.parse(env.STRIKEWATCH_CONFIG);
  } catch {
    throw new ConfigError('the bundled strikewatch config is not JSON: rebuild with `cdk synth`');
  }
  const config = parseConfig(raw, 'bundled strikewatch config');
  const dynamo = captured(
    new DynamoDBClient({
      ...awsClientConfig(env),
      ...(env.DYNAMODB_ENDPOINT ? { endpoint: env.DYNAMODB_ENDPOINT } : {}),
    }),
  );
  const http = createHttpClient(config.network, { logger: loggerPort });
  runtime = {
    deps: {
      config,
      store: new DynamoDbStore({ client: dynamo, tableName: env.TABLE_NAME }),
      http,
      extractor: parts.extractor?.(config) ?? noExtractor,
      clock: systemClock,
      logger: loggerPort,
      slack: createSlackSender(http, { timeoutMs: config.delivery.timeoutMs }),
      mailer: parts.mailer?.(env, config) ?? null,
      secrets: parts.secrets?.(env) ?? noSecrets,
    },
    articleQueue: parts.articleQueue?.(env) ?? null,
    alertQueue: parts.alertQueue?.(env) ?? null,
  };
  return runtime;
}

/** Tests replace the runtime (dynalite, loopback servers) before invoking a handler. */
export function setRuntimeForTests(r: LambdaRuntime | undefined): void {
  runtime = r;
}
