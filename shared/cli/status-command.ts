import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { createDynamoDbStore } from '../adapters/dynamodb/dynamodb-store.ts';
import { loadConfigFile } from '../config/load-config.ts';
import { ConfigError } from '../domain/errors.ts';
import { TABLE_NAME } from '../local/local-deps.ts';
import {
  openSharedStore,
  pidAlive,
  readStoreRecord,
  type StoreRecord,
  storePath,
} from '../local/store-server.ts';
import { jsonLine, terminalText } from '../output/sanitise.ts';
import { type FeedRef, healthJson, readFeedHealth, statusTable } from './feed-health.ts';
import { type RunRecord, readRunRecord } from './run-record.ts';
import { agoWords, untilWords, utcClock } from './time-words.ts';

// `strikewatch status --data-dir DIR [--config FILE] [--json]`: each feed's last poll, last
// success, backoff (next poll after) and last error, and which process serves the store. The
// feeds are those of --config, else those of the last run on DIR (DIR/run.json).

function feedList(
  run: RunRecord | null,
  configFeeds: FeedRef[] | null,
  dataDir: string,
): FeedRef[] {
  if (configFeeds) return configFeeds;
  if (run) return run.feeds;
  throw new ConfigError(
    `no run has recorded its feeds in ${dataDir} yet: pass the config its runs use (--config FILE)`,
  );
}

function storeLine(server: StoreRecord | null, now: Date): string {
  if (!server || !pidAlive(server.pid)) return 'store: no strikewatch process is serving it now';
  return `store: served by strikewatch ${server.command} (pid ${server.pid}, since ${utcClock(server.startedAt, now)}) on 127.0.0.1:${server.port}`;
}

function runLines(run: RunRecord | null, now: Date): string[] {
  if (!run) return [];
  const alive = pidAlive(run.pid) && run.pid !== process.pid;
  const who = `strikewatch ${run.command} (pid ${run.pid}, ${alive ? 'running' : 'ended'}) with ${terminalText(run.config, { max: 300 })}`;
  const lines = [`last run: ${who}`];
  if (run.lastCycle) {
    const at = new Date(run.lastCycle.at);
    lines.push(`last cycle: ${utcClock(at, now)} (${agoWords(at, now)}): ${run.lastCycle.summary}`);
  }
  if (alive && run.nextPollAt) {
    const at = new Date(run.nextPollAt);
    lines.push(`next poll at ${utcClock(at, now)} (${untilWords(at, now)})`);
  }
  return lines;
}

export async function runStatus(o: {
  dataDir: string;
  config?: string;
  json?: boolean;
}): Promise<void> {
  const dataDir = resolve(o.dataDir);
  if (!existsSync(storePath(dataDir))) {
    throw new ConfigError(
      `no strikewatch data in ${dataDir}: run \`strikewatch run --config FILE --data-dir ${o.dataDir}\` first (the demo's data is in .strikewatch/demo)`,
    );
  }
  const configFeeds = o.config ? (await loadConfigFile(o.config)).feeds : null;
  const run = readRunRecord(dataDir);
  const feeds = feedList(run, configFeeds, dataDir);
  const server = readStoreRecord(dataDir);
  const store = await openSharedStore(dataDir, {
    command: 'status',
    notice: (m) => process.stderr.write(`strikewatch: ${m}\n`),
  });
  try {
    const roles = createDynamoDbStore({ client: store.client, tableName: TABLE_NAME });
    await roles.table.ensureTable();
    const health = await readFeedHealth(roles.feedState, feeds);
    const now = new Date();
    if (o.json) {
      const live = server && pidAlive(server.pid) ? server : null;
      process.stdout.write(
        `${jsonLine({ dataDir, store: live, lastRun: run, feeds: health.map(healthJson) })}\n`,
      );
      return;
    }
    const head = [storeLine(server, now), ...runLines(run, now)];
    process.stdout.write(`${head.join('\n')}\n\n${statusTable(health, now)}\n`);
  } finally {
    await store.close();
  }
}
