import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SQSClient } from '@aws-sdk/client-sqs';
import { createSecretsManagerReader } from '../../shared/adapters/aws/secrets-manager.ts';
import { createSesMailer } from '../../shared/adapters/aws/ses-mailer.ts';
import { createSqsQueue } from '../../shared/adapters/aws/sqs-queue.ts';
import { createSlackSender } from '../../shared/alerts/slack-webhook.ts';
import { readLambdaEnv } from '../../shared/config/lambda-env.ts';
import { parseConfig } from '../../shared/config/parse-config.ts';
import { ConfigError } from '../../shared/domain/errors.ts';
import { createHttpClient } from '../../shared/net/http-client.ts';
import { systemClock } from '../../shared/ports/clock.ts';
import type { JobQueue } from '../../shared/ports/job-queue.ts';
import { DynamoDbStore } from '../../shared/store/dynamodb-store.ts';
import type { PipelineDeps } from '../../shared/use-cases/pipeline-deps.ts';
import { loggerPort, tracer } from './powertools.ts';

// Builds the real adapters once per cold start. The config is validated here, before the first
// event, with the same schema as the local runner and `cdk synth`.

export interface LambdaRuntime {
  deps: PipelineDeps;
  articleQueue: JobQueue | null;
  alertQueue: JobQueue | null;
}

let runtime: LambdaRuntime | undefined;

export function getRuntime(): LambdaRuntime {
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
  const region = env.AWS_REGION;
  const aws = { region, maxAttempts: 3 };
  const dynamo = tracer.captureAWSv3Client(
    new DynamoDBClient({
      ...aws,
      ...(env.DYNAMODB_ENDPOINT ? { endpoint: env.DYNAMODB_ENDPOINT } : {}),
      requestHandler: { connectionTimeout: 2_000, requestTimeout: 5_000 },
    }),
  );
  const sqs = tracer.captureAWSv3Client(
    new SQSClient({ ...aws, requestHandler: { requestTimeout: 5_000 } }),
  );
  const http = createHttpClient(config.network, { logger: loggerPort });
  const deps: PipelineDeps = {
    config,
    store: new DynamoDbStore({ client: dynamo, tableName: env.TABLE_NAME }),
    http,
    clock: systemClock,
    logger: loggerPort,
    slack: createSlackSender(http, { timeoutMs: config.delivery.timeoutMs }),
    mailer: config.delivery.email
      ? createSesMailer(
          tracer.captureAWSv3Client(
            new SESv2Client({
              ...aws,
              requestHandler: { requestTimeout: config.delivery.timeoutMs },
            }),
          ),
          {
            configurationSet: env.SES_CONFIGURATION_SET,
            fromIdentityArn: process.env.SES_FROM_IDENTITY_ARN,
          },
        )
      : null,
    secrets: createSecretsManagerReader(
      tracer.captureAWSv3Client(
        new SecretsManagerClient({ ...aws, requestHandler: { requestTimeout: 5_000 } }),
      ),
    ),
  };
  runtime = {
    deps,
    articleQueue: env.ARTICLE_QUEUE_URL ? createSqsQueue(sqs, env.ARTICLE_QUEUE_URL) : null,
    alertQueue: env.ALERT_QUEUE_URL ? createSqsQueue(sqs, env.ALERT_QUEUE_URL) : null,
  };
  return runtime;
}

/** Tests replace the runtime (dynalite, loopback servers) before invoking a handler. */
export function setRuntimeForTests(r: LambdaRuntime | undefined): void {
  runtime = r;
}
