import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createDynamoDbStore } from '../shared/adapters/dynamodb/dynamodb-store.ts';
import { parseConfig } from '../shared/config/load-config.ts';
import type { Config } from '../shared/config/schema.ts';
import { loadFaKes } from '../shared/corpus/fa-kes.ts';
import {
  type SlackSink,
  type SmtpSink,
  startSlackSink,
  startSmtpSink,
} from '../shared/local/demo-sinks.ts';
import { type DemoSite, type SitePage, startDemoSite } from '../shared/local/demo-site.ts';
import { type EmbeddedDynamo, startEmbeddedDynamo } from '../shared/local/embedded-dynamodb.ts';
import { demoPages } from '../shared/local/fa-kes-pages.ts';
import { createLocalDeps, type LocalDeps } from '../shared/local/local-deps.ts';
import type { QueryRow } from '../shared/ports/analyst-query.ts';
import type { Clock } from '../shared/ports/clock.ts';
import { silentLogger } from '../shared/ports/logger.ts';
import { type StoreRoles, storeRoles } from '../shared/ports/store-roles.ts';
import { queryStore } from '../shared/use-cases/query-store.ts';

// Real components on loopback for the integration tests and the benchmark: dynalite through the
// AWS SDK, a news site serving feeds and pages, a Slack webhook receiver and an SMTP server.

export interface Harness {
  dynamo: EmbeddedDynamo;
  site: DemoSite;
  /** The pages the harness's own site serves (none when the site runs elsewhere). */
  pages: SitePage[];
  slack: SlackSink;
  smtp: SmtpSink;
  config: Config;
  tableName: string;
  /** A fresh set of adapters (one "worker"); all share the same table. */
  deps(overrides?: Partial<LocalDeps>): LocalDeps;
  /** The store roles on the harness's table through another client (a faulty proxy, say). */
  storeAt(client: DynamoDBClient): StoreRoles;
  /** What `strikewatch query` answers for these parameters. */
  query(params: Record<string, unknown>): Promise<QueryRow[]>;
  close(): Promise<void>;
}

let tableCounter = 0;

export async function startHarness(
  opts: {
    pages?: SitePage[];
    config?: (base: Record<string, unknown>) => Record<string, unknown>;
    render?: (page: SitePage, siteName: string, url: string) => string;
    /** A site already running elsewhere (the benchmark runs it in another process). */
    site?: DemoSite;
    /** dynalite already running elsewhere (the benchmark's, in another process). */
    dynamo?: EmbeddedDynamo;
  } = {},
): Promise<Harness> {
  const dynamo = opts.dynamo ?? (await startEmbeddedDynamo());
  const pages = opts.site ? (opts.pages ?? []) : (opts.pages ?? demoPages(loadFaKes()));
  const site =
    opts.site ?? (await startDemoSite(pages, opts.render ? { render: opts.render } : {}));
  const slack = await startSlackSink();
  const smtp = await startSmtpSink();
  const base: Record<string, unknown> = {
    feeds: site.feeds.map((f) => ({ id: f.id, url: f.url, outlet: f.outlet })),
    subscribers: [
      { id: 'analysts-slack', slack: { webhookUrl: slack.url() } },
      {
        id: 'desk-email',
        email: 'desk@example.org',
        filters: { kinds: ['casualty'], minCount: 10 },
      },
    ],
    delivery: {
      email: { from: 'strikewatch@example.org', smtp: { host: '127.0.0.1', port: smtp.port } },
      maxAttempts: 4,
      backoffMs: 20,
      timeoutMs: 5_000,
    },
    // The site's and the Slack receiver's ports only: dynalite, also on 127.0.0.1, stays refused.
    network: {
      allowPrivateHosts: [new URL(site.baseUrl).host, new URL(slack.url()).host],
      retries: 1,
      timeoutMs: 5_000,
    },
  };
  const config = parseConfig(opts.config ? opts.config(base) : base, 'test config');
  const tableName = `strikewatch-test-${++tableCounter}`;
  await createDynamoDbStore({ client: dynamo.client, tableName }).table.ensureTable();
  const storeAt = (client: DynamoDBClient) =>
    storeRoles(createDynamoDbStore({ client, tableName }));
  const closers: (() => Promise<void>)[] = [];
  return {
    dynamo,
    site,
    pages,
    slack,
    smtp,
    config,
    tableName,
    deps(overrides = {}) {
      const deps = createLocalDeps(config, storeAt(dynamo.client), {
        logger: silentLogger,
        env: {},
        clock: realClock,
        // Retries of feed and page fetches without real waiting.
        http: { sleep: async () => {} },
      });
      closers.push(deps.close);
      return { ...deps, ...overrides };
    },
    storeAt,
    query: (params) => queryStore({ analystQuery: storeAt(dynamo.client).analystQuery }, params),
    async close() {
      await Promise.all(closers.map((c) => c()));
      await Promise.all([site.close(), slack.close(), smtp.close()]);
      await dynamo.close();
    },
  };
}

export const realClock: Clock = {
  now: () => new Date(),
  sleep: (ms) => new Promise((r) => setTimeout(r, Math.min(ms, 2_000))),
};

/** The strikewatch message id a rendered message carries (updates, digests, overflow). */
export function messageIdIn(text: string): string {
  return /strikewatch (?:update|digest|overflow|message) ([a-z]+_[a-f0-9]+)/.exec(text)?.[1] ?? '';
}

/** The message ids in the Slack messages a sink received (from the message's context line). */
export function slackAlertIds(sink: SlackSink): string[] {
  return sink.received.map((r) => messageIdIn(JSON.stringify(r.payload)));
}

export function duplicates(ids: string[]): string[] {
  return ids.filter((id, i) => ids.indexOf(id) !== i);
}

/** The decoded text of a received email (quoted-printable bodies and soft line breaks undone). */
export function mailText(raw: string): string {
  return raw
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}
