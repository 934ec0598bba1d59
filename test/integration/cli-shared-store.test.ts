import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFaKes } from '../../shared/corpus/fa-kes.ts';
import { type SlackSink, startSlackSink } from '../../shared/local/demo-sinks.ts';
import { type DemoSite, startDemoSite } from '../../shared/local/demo-site.ts';
import { demoPages } from '../../shared/local/fa-kes-pages.ts';
import { readStoreRecord, STORE_RECORD_FILE } from '../../shared/local/store-server.ts';
import { runCli, startCli, tempFile } from '../helpers/cli-process.ts';

// Several real strikewatch processes on one data folder (issue 17 items 3 and 4): a `run --watch`
// serves the store, and `query`, `status` and a second `run` are its clients; two runs started
// together share it; a dead server's record is replaced. Feeds, pages and the Slack webhook are
// loopback servers in this process.

let site: DemoSite;
let slack: SlackSink;
let config: string;

beforeAll(async () => {
  site = await startDemoSite(demoPages(loadFaKes()));
  slack = await startSlackSink();
  const port = (url: string) => new URL(url).port;
  const feeds = site.feeds.map(
    (f) => `  - id: ${f.id}\n    url: ${f.url}\n    outlet: ${f.outlet}`,
  );
  config = tempFile(
    'shared.yaml',
    `feeds:
${feeds.join('\n')}
  - id: broken
    url: ${site.baseUrl}/no-such-feed.xml
subscribers:
  - id: analysts
    slack: { webhookUrl: '${slack.url()}' }
delivery: { backoffMs: 50 }
network:
  allowPrivateHosts: ['127.0.0.1:${port(site.baseUrl)}', '127.0.0.1:${port(slack.url())}']
`,
  );
});
afterAll(async () => {
  await Promise.all([site?.close(), slack?.close()]);
});

const freshDir = () => mkdtempSync(join(tmpdir(), 'strikewatch-shared-'));
const alertCount = (stdout: string) => Number(/(\d+) new alerts/.exec(stdout)?.[1] ?? Number.NaN);
const noCrash = (stderr: string) => {
  expect(stderr).not.toMatch(/Database is|unexpected error|\n\s+at /);
};

describe('one data folder, several processes', () => {
  it('query, status and a second run use the store a run --watch serves', async () => {
    const dataDir = freshDir();
    const sent = slack.received.length;
    const watch = startCli(['run', '--watch', '--config', config, '--data-dir', dataDir]);
    try {
      // Per cycle: what it did, what is wrong with which feed, when the next poll is.
      await watch.waitFor(/next poll at \d\d:\d\d UTC \(in (9|10) min\): [a-z]/);
      const out = watch.stdout();
      expect(out).toMatch(
        /^\d\d:\d\d UTC {2}5 feeds polled \(4 new content, 0 not modified, 1 failed\)/m,
      );
      expect(out).toMatch(
        /^ {2}✗ broken: http_status: .*404.* \(failed once, never succeeded; next try /m,
      );
      expect(alertCount(out)).toBeGreaterThan(0);
      expect(watch.stderr()).toMatch(
        /serving its store to other strikewatch commands on 127\.0\.0\.1:\d+/,
      );
      const server = readStoreRecord(dataDir);
      expect(server).toMatchObject({ pid: watch.child.pid, command: 'run --watch' });

      const query = await runCli([
        'query',
        '--kind',
        'alert',
        '--data-dir',
        dataDir,
        '--format',
        'json',
      ]);
      expect(query.code, query.stderr).toBe(0);
      noCrash(query.stderr);
      const alerts = query.stdout.trim().split('\n').filter(Boolean);
      expect(alerts).toHaveLength(alertCount(out));

      const status = await runCli(['status', '--data-dir', dataDir]);
      expect(status.code, status.stderr).toBe(0);
      expect(status.stdout).toContain(
        `store: served by strikewatch run --watch (pid ${watch.child.pid}`,
      );
      expect(status.stdout).toMatch(/^next poll at \d\d:\d\d UTC \(in \d+ min\)$/m);
      expect(status.stdout).toMatch(
        /^FEED +HEALTH +LAST POLL +LAST SUCCESS +NEXT POLL AFTER +FAILURES +LAST ERROR$/m,
      );
      expect(status.stdout).toMatch(
        /^broken +failing +\d\d:\d\d UTC +- +\d\d:\d\d UTC +1 +http_status: /m,
      );
      expect(status.stdout).toMatch(
        /^alalam +ok +\d\d:\d\d UTC +\d\d:\d\d UTC +\d\d:\d\d UTC +0$/m,
      );
      const json = await runCli(['status', '--data-dir', dataDir, '--json']);
      const parsed = JSON.parse(json.stdout) as {
        store: { pid: number };
        feeds: {
          feedId: string;
          health: string;
          consecutiveFailures: number;
          nextPollAfter: string;
        }[];
      };
      expect(parsed.store.pid).toBe(watch.child.pid);
      expect(parsed.feeds.find((f) => f.feedId === 'broken')).toMatchObject({
        health: 'failing',
        consecutiveFailures: 1,
      });

      // A second run: a client too; the feeds are not due, nothing is alerted twice.
      const again = await runCli(['run', '--config', config, '--data-dir', dataDir]);
      expect(again.code, again.stderr).toBe(0);
      noCrash(again.stderr);
      expect(again.stdout).toMatch(
        /0 feeds polled \(0 new content, 0 not modified, 0 failed, 5 not due\)/,
      );
      expect(alertCount(again.stdout)).toBe(0);
      expect(slack.received.length - sent).toBe(alerts.length);
    } finally {
      watch.child.kill('SIGINT');
    }
    // Ctrl-C during the wait: stops at once, closes the store, removes its record.
    const end = await watch.exited;
    expect(end.code, watch.stderr()).toBe(0);
    noCrash(watch.stderr());
    expect(existsSync(join(dataDir, STORE_RECORD_FILE))).toBe(false);
    // With no server running, a query opens the store itself.
    const alone = await runCli([
      'query',
      '--kind',
      'alert',
      '--data-dir',
      dataDir,
      '--format',
      'json',
    ]);
    expect(alone.code, alone.stderr).toBe(0);
    expect(alone.stdout.trim().split('\n')).toHaveLength(alertCount(watch.stdout()));
  });

  it('two runs started together share one store: every alert stored and sent once', async () => {
    const dataDir = freshDir();
    const sent = slack.received.length;
    const runs = [0, 1].map(() => startCli(['run', '--config', config, '--data-dir', dataDir]));
    const ends = await Promise.all(runs.map((r) => r.exited));
    for (const [i, end] of ends.entries()) {
      expect(end.code, runs[i]?.stderr()).toBe(0);
      noCrash(runs[i]?.stderr() ?? '');
    }
    const total = runs.reduce((n, r) => n + alertCount(r.stdout()), 0);
    const query = await runCli([
      'query',
      '--kind',
      'alert',
      '--data-dir',
      dataDir,
      '--format',
      'json',
    ]);
    const stored = query.stdout.trim().split('\n').filter(Boolean);
    expect(stored.length).toBeGreaterThan(0);
    expect(total).toBe(stored.length);
    expect(slack.received.length - sent).toBe(stored.length);
    expect(readdirSync(join(dataDir, 'outbox'))).toHaveLength(stored.length);
  });

  it('a server killed outright leaves a stale record that the next command replaces', async () => {
    const dataDir = freshDir();
    const watch = startCli(['run', '--watch', '--config', config, '--data-dir', dataDir]);
    await watch.waitFor(/next poll at /);
    watch.child.kill('SIGKILL');
    await watch.exited;
    expect(readStoreRecord(dataDir)?.pid).toBe(watch.child.pid);
    const status = await runCli(['status', '--data-dir', dataDir]);
    expect(status.code, status.stderr).toBe(0);
    noCrash(status.stderr);
    expect(status.stdout).toContain('store: no strikewatch process is serving it now');
    expect(status.stdout).toMatch(/last run: strikewatch run --watch \(pid \d+, ended\)/);
    // status served the store while it ran, then removed its own record.
    expect(existsSync(join(dataDir, STORE_RECORD_FILE))).toBe(false);
  });
});
