import { join } from 'node:path';
import { createHttpClient, type HttpClientOptions } from '../adapters/http/http-client.ts';
import { createSlackSender } from '../alerts/slack-webhook.ts';
import { createSmtpMailer } from '../alerts/smtp-mailer.ts';
import type { Config } from '../config/schema.ts';
import { ConfigError } from '../domain/errors.ts';
import { WorkerExtractor } from '../extract/worker-extractor.ts';
import type { SecretReader } from '../ports/alert-channels.ts';
import { type Clock, systemClock } from '../ports/clock.ts';
import type { ArticleExtractor } from '../ports/extractor.ts';
import type { Logger } from '../ports/logger.ts';
import { DynamoDbStore } from '../store/dynamodb-store.ts';
import type { Store } from '../store/store.ts';
import type { PipelineDeps } from '../use-cases/pipeline-deps.ts';
import { startEmbeddedDynamo } from './embedded-dynamodb.ts';

// Builds the real adapters for a run on this machine: dynalite persisted under the data folder,
// the guarded HTTP client, Slack over HTTP and email over SMTP.

export const TABLE_NAME = 'strikewatch';

export const localSecrets: SecretReader = {
  read(secretId) {
    return Promise.reject(
      new ConfigError(
        `secret "${secretId}" lives in AWS Secrets Manager, which local runs do not read; ` +
          'use `webhookUrl` or `webhookUrlEnv` in the local config instead',
      ),
    );
  },
};

export interface LocalRuntime {
  deps: PipelineDeps;
  close(): Promise<void>;
}

/**
 * The local adapters around a store: guarded HTTP, Slack over HTTP, email over SMTP. Used by the
 * runner, by tests and by test workers in child processes. `close` ends the SMTP pool and
 * the extraction worker.
 */
export function createLocalDeps(
  config: Config,
  store: Store,
  opts: {
    logger: Logger;
    clock?: Clock | undefined;
    http?: HttpClientOptions;
    /** Default: Readability in a worker thread with the configured deadline. */
    extractor?: ArticleExtractor;
  },
): PipelineDeps & { close(): Promise<void> } {
  // A missing webhook variable would only surface as failed deliveries after a whole run.
  const missing = config.subscribers
    .map((sub) => sub.slack?.webhookUrlEnv)
    .filter((name): name is string => Boolean(name) && !process.env[name as string]);
  if (missing.length) {
    throw new ConfigError(
      `environment variable ${missing.join(', ')} (Slack webhook URL) is not set: export it, or give the subscriber a webhookUrl`,
    );
  }
  const http = createHttpClient(config.network, { logger: opts.logger, ...opts.http });
  const smtp = config.delivery.email?.smtp;
  let password: string | undefined;
  if (smtp?.passwordEnv) {
    password = process.env[smtp.passwordEnv];
    if (password === undefined) {
      throw new ConfigError(
        `delivery.email.smtp.passwordEnv: environment variable ${smtp.passwordEnv} is not set`,
      );
    }
  }
  if (smtp?.passwordSecret) {
    throw new ConfigError(
      'delivery.email.smtp.passwordSecret is read only in AWS; use passwordEnv locally',
    );
  }
  const mailer = smtp
    ? createSmtpMailer({ ...smtp, password, timeoutMs: config.delivery.timeoutMs })
    : null;
  const extractor = opts.extractor ?? new WorkerExtractor(config.extraction);
  return {
    config,
    store,
    http,
    extractor,
    clock: opts.clock ?? systemClock,
    logger: opts.logger,
    slack: createSlackSender(http, { timeoutMs: config.delivery.timeoutMs }),
    mailer,
    secrets: localSecrets,
    close: async () => {
      mailer?.close();
      await extractor.close();
    },
  };
}

export async function createLocalRuntime(
  config: Config,
  opts: { dataDir: string; logger: Logger; clock?: Clock; persist?: boolean },
): Promise<LocalRuntime> {
  const dynamo = await startEmbeddedDynamo({
    path: opts.persist === false ? undefined : join(opts.dataDir, 'dynamodb'),
  });
  const store = new DynamoDbStore({ client: dynamo.client, tableName: TABLE_NAME });
  await store.ensureTable();
  const deps = createLocalDeps(config, store, { logger: opts.logger, clock: opts.clock });
  return {
    deps,
    close: async () => {
      await deps.close();
      await dynamo.close();
    },
  };
}
