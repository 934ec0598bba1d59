import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCycle } from '../../shared/use-cases/run-cycle.ts';
import { type Harness, startHarness } from '../../testkit/pipeline-harness.ts';
import {
  articlePage,
  type HostileSite,
  type RequestLog,
  RSS_TYPE,
  rssFeed,
  startHostileSite,
  strikeReport,
} from './hostile-site.ts';

// Issue 16 item 6: one slow feed held back every other feed's alerts locally. Pages were read one
// after another and deliveries started only at the end of the cycle: a normal feed's alert
// reached Slack 98 s after the start, behind 8 drip pages. Now pages are read with bounded
// concurrency per host and in total, and each article's alerts go out as soon as it is done.
// Asserted on order, not on absolute times: the normal feed's alert is in Slack before the drip
// pages are done, and the drip host never had more than its share of requests at once.

const DRIP_PAGES = 8;
const PER_HOST = 4;

/** The most requests in flight at once among these. */
function maxInFlight(log: RequestLog[]): number {
  const edges = log.flatMap((r) => [
    { at: r.startedAt, d: 1 },
    { at: r.endedAt ?? Number.POSITIVE_INFINITY, d: -1 },
  ]);
  edges.sort((a, b) => a.at - b.at || a.d - b.d);
  let now = 0;
  let max = 0;
  for (const e of edges) {
    now += e.d;
    max = Math.max(max, now);
  }
  return max;
}

describe('one slow host', () => {
  let slow: HostileSite;
  let normal: HostileSite;
  let h: Harness;
  const slackAt: number[] = [];
  let cycleEnd = 0;
  let summary: Awaited<ReturnType<typeof runCycle>>;
  const normalPath = '/world/strike';

  beforeAll(async () => {
    slow = await startHostileSite();
    normal = await startHostileSite();
    const drips = Array.from({ length: DRIP_PAGES }, (_, i) => `/drip/${i}`);
    for (const path of drips) slow.set(path, { drip: { intervalMs: 100 } });
    slow.set('/rss.xml', {
      type: RSS_TYPE,
      body: rssFeed(
        'Slow News',
        drips.map((path, i) => ({
          title: `Market report ${i}`,
          link: slow.url(path),
          description: `Shares closed higher on the ${i}th day of trading, analysts said.`,
        })),
      ),
    });
    const title = 'US-led coalition strike kills 12 civilians near Raqqa';
    normal.set(normalPath, { body: articlePage(title, strikeReport('Raqqa', '12')) });
    normal.set('/rss.xml', {
      type: RSS_TYPE,
      body: rssFeed('Wire', [{ title, link: normal.url(normalPath), pubDate: '2017-06-05' }]),
    });
    h = await startHarness({
      pages: [],
      config: (base) => {
        const network = base.network as { allowPrivateHosts: string[] };
        return {
          ...base,
          feeds: [
            // The slow feed first: in the old order its pages were all read before the other's.
            { id: 'slow', url: slow.url('/rss.xml'), outlet: 'Slow News' },
            { id: 'wire', url: normal.url('/rss.xml'), outlet: 'Wire' },
          ],
          network: {
            ...network,
            allowPrivateHosts: [...network.allowPrivateHosts, slow.host, normal.host],
            // Each drip page is given up after this; one attempt each.
            timeoutMs: 2_000,
            retries: 0,
          },
        };
      },
    });
    h.slack.setResponder(() => {
      slackAt.push(Date.now());
      return { status: 200, body: 'ok' };
    });
    const deps = h.deps();
    // The extraction worker's first start (jsdom) is not what this test measures.
    await deps.extractor.extract(articlePage('warm', strikeReport('Idlib', '2')), normal.url('/'), {
      parseMs: 0,
      readabilityMs: 0,
    });
    summary = await runCycle(deps, { perHost: PER_HOST, concurrency: 8, deliveryWaitMs: 0 });
    cycleEnd = Date.now();
  }, 120_000);
  afterAll(async () => {
    await h?.close();
    await Promise.all([slow?.close(), normal?.close()]);
  });

  const dripRequests = () => slow.requests.filter((r) => r.path.startsWith('/drip/'));

  it('every drip page was tried and given up (its feed text used instead)', () => {
    expect(dripRequests()).toHaveLength(DRIP_PAGES);
    expect(summary.articles.processed).toBe(DRIP_PAGES + 1);
    expect(summary.alerts).toBeGreaterThan(0);
  });

  it("the normal feed's alert reaches Slack before the drip pages are done", () => {
    const lastDripEnd = Math.max(...dripRequests().map((r) => r.endedAt ?? cycleEnd));
    expect(slackAt.length).toBe(summary.alerts);
    const firstAlert = Math.min(...slackAt);
    expect(firstAlert).toBeLessThan(lastDripEnd);
  });

  it("the normal feed's page is read beside the drip pages, not behind them", () => {
    const page = normal.requests.find((r) => r.path === normalPath);
    const drips = dripRequests().map((r) => r.startedAt);
    // Some drip pages could only start once others gave up (the per-host bound); the normal
    // page did not wait for that.
    expect(page?.startedAt).toBeLessThan(Math.max(...drips));
  });

  it('the slow host never had more than its share of requests in flight', () => {
    expect(maxInFlight(dripRequests())).toBe(PER_HOST);
  });
});
