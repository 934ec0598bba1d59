import { join } from 'node:path';
import { createDynamoDbStore } from '../adapters/dynamodb/dynamodb-store.ts';
import { createHttpClient, type HttpClientOptions } from '../adapters/http/http-client.ts';
import { createSlackSender } from '../adapters/slack/slack-webhook.ts';
import { createSlackWebhooks } from '../adapters/slack/webhook-urls.ts';
import { createSmtpMailer } from '../adapters/smtp/smtp-mailer.ts';
import { warmClaimPatterns } from '../claims/warm-patterns.ts';
import type { Config } from '../config/schema.ts';
import { ConfigError } from '../domain/errors.ts';
import { WorkerExtractor } from '../extract/worker-extractor.ts';
import type { Mailer, SecretReader } from '../ports/alert-channels.ts';
import { type Clock, systemClock } from '../ports/clock.ts';
import type { ArticleExtractor } from '../ports/extractor.ts';
import type { Logger } from '../ports/logger.ts';
import { type StoreRoles, storeRoles } from '../ports/store-roles.ts';
import type { CycleDeps } from '../use-cases/run-cycle.ts';
import { startEmbeddedDynamo } from './embedded-dynamodb.ts';

// Builds the real adapters for a run on this machine: dynalite persisted under the data folder,
// the guarded HTTP client, Slack over HTTP and email over SMTP. The local runner runs all three
// steps in one process, so it builds everything they take.

export const TABLE_NAME = 'strikewatch';

/** The environment the CLI was started with: where `webhookUrlEnv` and `passwordEnv` point. */
export type Env = Readonly<Record<string, string | undefined>>;

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

/** Every step's adapters and every store role, and `close` for what holds resources. */
export type LocalDeps = CycleDeps & StoreRoles & { close(): Promise<void> };

export interface LocalRuntime {
  deps: LocalDeps;
  close(): Promise<void>;
}

/** A missing webhook variable would only surface as failed deliveries after a whole run. */
function checkWebhookEnv(config: Config, env: Env): void {
  const missing = config.subscribers
    .map((sub) => sub.slack?.webhookUrlEnv)
    .filter((name): name is string => Boolean(name) && !env[name as string]);
  if (missing.length) {
    throw new ConfigError(
      `environment variable ${missing.join(', ')} (Slack webhook URL) is not set: export it, or give the subscriber a webhookUrl`,
    );
  }
}

function smtpMailer(config: Config, env: Env): (Mailer & { close(): void }) | null {
  const smtp = config.delivery.email?.smtp;
  if (!smtp) return null;
  if (smtp.passwordSecret) {
    throw new ConfigError(
      'delivery.email.smtp.passwordSecret is read only in AWS; use passwordEnv locally',
    );
  }
  const password = smtp.passwordEnv ? env[smtp.passwordEnv] : undefined;
  if (smtp.passwordEnv && password === undefined) {
    throw new ConfigError(
      `delivery.email.smtp.passwordEnv: environment variable ${smtp.passwordEnv} is not set`,
    );
  }
  return createSmtpMailer({ ...smtp, password, timeoutMs: config.delivery.timeoutMs });
}

/**
 * The local adapters around a store: guarded HTTP, Slack over HTTP, email over SMTP. Used by the
 * runner, by tests and by test workers in child processes. `close` ends the SMTP pool and
 * the extraction worker.
 */
export function createLocalDeps(
  config: Config,
  store: StoreRoles,
  opts: {
    logger: Logger;
    env: Env;
    clock?: Clock | undefined;
    http?: HttpClientOptions;
    /** Default: Readability in a worker thread with the configured deadline. */
    extractor?: ArticleExtractor;
  },
): LocalDeps {
  checkWebhookEnv(config, opts.env);
  const mailer = smtpMailer(config, opts.env);
  const http = createHttpClient(config.network, { logger: opts.logger, ...opts.http });
  const extractor = opts.extractor ?? new WorkerExtractor(config.extraction);
  // While the worker loads jsdom: compile the claim patterns, not in the first article's stage.
  warmClaimPatterns();
  return {
    ...storeRoles(store),
    config,
    http,
    extractor,
    clock: opts.clock ?? systemClock,
    logger: opts.logger,
    slack: createSlackSender(http, { timeoutMs: config.delivery.timeoutMs }),
    webhooks: createSlackWebhooks({ secrets: localSecrets, env: opts.env }),
    mailer,
    close: async () => {
      mailer?.close();
      await extractor.close();
    },
  };
}

/** The delivery channels of a local run alone (`notify test`: no store, no feeds). */
export function createLocalChannels(config: Config, opts: { logger: Logger; env: Env }) {
  checkWebhookEnv(config, opts.env);
  const mailer = smtpMailer(config, opts.env);
  const http = createHttpClient(config.network, { logger: opts.logger });
  return {
    config,
    clock: systemClock,
    slack: createSlackSender(http, { timeoutMs: config.delivery.timeoutMs }),
    webhooks: createSlackWebhooks({ secrets: localSecrets, env: opts.env }),
    mailer,
    close: () => mailer?.close(),
  };
}

export async function createLocalRuntime(
  config: Config,
  opts: { dataDir: string; logger: Logger; env: Env; clock?: Clock; persist?: boolean },
): Promise<LocalRuntime> {
  const dynamo = await startEmbeddedDynamo({
    path: opts.persist === false ? undefined : join(opts.dataDir, 'dynamodb'),
  });
  const store = createDynamoDbStore({ client: dynamo.client, tableName: TABLE_NAME });
  await store.table.ensureTable();
  const deps = createLocalDeps(config, store, {
    logger: opts.logger,
    env: opts.env,
    clock: opts.clock,
  });
  return {
    deps,
    close: async () => {
      await deps.close();
      await dynamo.close();
    },
  };
}
