import { createSlackWebhooks } from '../../shared/adapters/slack/webhook-urls.ts';
import { parseConfig } from '../../shared/config/parse-config.ts';
import type { Config } from '../../shared/config/schema.ts';
import type { SecretReader } from '../../shared/ports/alert-channels.ts';
import { silentLogger } from '../../shared/ports/logger.ts';
import type { StoreRoles } from '../../shared/ports/store-roles.ts';
import type { CycleDeps } from '../../shared/use-cases/run-cycle.ts';
import { manualClock } from '../../testkit/manual-clock.ts';
import { RecordingMailer, RecordingSlack, secretsOf } from './channels.ts';
import { type InMemoryStore, inMemoryStore } from './in-memory-store.ts';
import { FakeExtractor, FakeWeb } from './pages.ts';

// Every port of a run in memory: the store roles, a web of pages, recording channels, a clock
// that tests move and predictable ids. The use-cases' unit tests run on it in milliseconds.

export type FakeDeps = CycleDeps & StoreRoles;

export interface FakePipeline {
  deps: FakeDeps;
  store: InMemoryStore;
  web: FakeWeb;
  slack: RecordingSlack;
  mailer: RecordingMailer;
  clock: ReturnType<typeof manualClock>;
  config: Config;
}

export const SLACK_URL = 'https://hooks.slack.example/services/T/B/X';

export function baseConfig(): Record<string, unknown> {
  return {
    feeds: [{ id: 'wire', url: 'https://wire.example/rss', outlet: 'Wire' }],
    subscribers: [
      { id: 'analysts-slack', slack: { webhookUrl: SLACK_URL } },
      {
        id: 'desk-email',
        email: 'desk@example.org',
        filters: { kinds: ['casualty'], minCount: 10 },
      },
    ],
    delivery: {
      email: { from: 'strikewatch@example.org', smtp: { host: 'smtp.example', port: 25 } },
      maxAttempts: 3,
      backoffMs: 20,
      timeoutMs: 5_000,
    },
  };
}

export function fakePipeline(
  opts: {
    config?: (base: Record<string, unknown>) => Record<string, unknown>;
    env?: Record<string, string>;
    secrets?: SecretReader;
    start?: Date;
  } = {},
): FakePipeline {
  const raw = baseConfig();
  const config = parseConfig(opts.config ? opts.config(raw) : raw, 'unit test config');
  const store = inMemoryStore();
  const web = new FakeWeb();
  const slack = new RecordingSlack();
  const mailer = new RecordingMailer();
  const clock = manualClock(opts.start ?? new Date('2017-06-04T08:00:00Z'));
  let ids = 0;
  const deps: FakeDeps = {
    ...store,
    config,
    http: web,
    extractor: new FakeExtractor(),
    clock,
    logger: silentLogger,
    slack,
    mailer,
    webhooks: createSlackWebhooks({ secrets: opts.secrets ?? secretsOf({}), env: opts.env ?? {} }),
    newId: () => `id-${++ids}`,
  };
  return { deps, store, web, slack, mailer, clock, config };
}
