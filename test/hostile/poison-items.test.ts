import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDynamoDbStore } from '../../shared/adapters/dynamodb/dynamodb-store.ts';
import type { DynamoTable } from '../../shared/adapters/dynamodb/table.ts';
import { OUTLET_MAX_CHARS, TITLE_MAX_CHARS } from '../../shared/domain/bounds.ts';
import { RecordNotStorableError } from '../../shared/domain/errors.ts';
import type { ErrorRecord } from '../../shared/domain/records.ts';
import { type EmbeddedDynamo, startEmbeddedDynamo } from '../../shared/local/embedded-dynamodb.ts';
import type { LocalDeps } from '../../shared/local/local-deps.ts';
import { QUARANTINE_AFTER } from '../../shared/use-cases/article-failures.ts';
import { articleIdFor } from '../../shared/use-cases/poll-feeds.ts';
import { runCycle } from '../../shared/use-cases/run-cycle.ts';
import { type Harness, startHarness } from '../../testkit/pipeline-harness.ts';
import { intercept } from '../helpers/faults.ts';
import {
  articlePage,
  type FeedEntry,
  type HostileSite,
  RSS_TYPE,
  rssFeed,
  startHostileSite,
  strikeReport,
} from './hostile-site.ts';

// Issue 16 item 1: poison items. Before, a page stating "1e30 civilians killed" failed with
// "Number 1e+30 is greater than Number.MAX_SAFE_INTEGER" and a 450 kB title with "Item size has
// exceeded the maximum allowed size", on every run, with nothing in `query --kind error`, and the
// feed's state was never saved. Now strings are bounded where they enter, the store refuses what
// it cannot hold with a named error, and an item that keeps failing is recorded on every attempt
// and quarantined, so the feed's state commits and the rest of the feed moves on.

const HUGE = 450 * 1024;
const errorsOf = async (h: Harness): Promise<ErrorRecord[]> =>
  (await h.query({ kind: 'error', limit: 1000 })).flatMap((r) =>
    r.kind === 'error' ? [r.item] : [],
  );

async function hostileHarness(site: HostileSite, feeds: { id: string; path: string }[]) {
  return startHarness({
    pages: [],
    config: (base) => ({
      ...base,
      feeds: feeds.map((f) => ({ id: f.id, url: site.url(f.path) })),
      network: {
        ...(base.network as { allowPrivateHosts: string[] }),
        allowPrivateHosts: [
          ...(base.network as { allowPrivateHosts: string[] }).allowPrivateHosts,
          site.host,
        ],
      },
    }),
  });
}

function publish(site: HostileSite, path: string, title: string, entries: FeedEntry[]): void {
  site.set(path, { body: rssFeed(title, entries), type: RSS_TYPE });
}

const idOf = (feedId: string, link: string) =>
  articleIdFor(feedId, { guid: link, link, title: null, publishedAt: null, content: null })
    .articleId;

describe('the store boundary', () => {
  let dynamo: EmbeddedDynamo;
  let table: DynamoTable;
  beforeAll(async () => {
    dynamo = await startEmbeddedDynamo();
    ({ table } = createDynamoDbStore({ client: dynamo.client, tableName: 'boundary' }));
    await table.ensureTable();
  });
  afterAll(() => dynamo?.close());

  it.each([
    ['1e30', 1e30],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['NaN', Number.NaN],
    ['2^53', 2 ** 53],
  ])(
    'a figure of %s is a named error naming the attribute, and nothing is written',
    async (_n, count) => {
      const key = { pk: `TEST#${String(count)}`, sk: 'TEST' };
      const err = await table
        .put({ ...key, claim: { figure: { count } } })
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(RecordNotStorableError);
      expect(err).toMatchObject({ code: 'record_not_storable', attribute: 'claim.figure.count' });
      expect(await table.get(key)).toBeUndefined();
    },
  );

  it('an item over 400 KB is refused before the request, by name', async () => {
    const err = await table
      .put({ pk: 'TEST#big', sk: 'TEST', type: 'article', title: 'x'.repeat(HUGE) })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RecordNotStorableError);
    expect((err as Error).message).toMatch(/the article item of about \d+ bytes is over/);
  });
});

describe('poison items in a feed', () => {
  let site: HostileSite;
  let h: Harness;
  const titleBomb = `Coalition strike ${'A'.repeat(HUGE)}`;
  const links = {
    normal: '/wire/normal',
    digits: '/wire/digits',
    exponent: '/wire/exponent',
    infinity: '/wire/infinity',
    bigTitle: '/wire/big-title',
  };
  const runs: Awaited<ReturnType<typeof runCycle>>[] = [];

  beforeAll(async () => {
    site = await startHostileSite();
    const pages: [string, string, string][] = [
      [links.normal, 'Coalition strike near Raqqa kills 12', '12'],
      [links.digits, 'Coalition strike near Raqqa', '1000000000000000000000000000000'],
      [links.exponent, 'Coalition strike near Tabqa', '1e30'],
      [links.infinity, 'Coalition strike near Deir ez-Zor', 'Infinity'],
      [links.bigTitle, titleBomb, '7'],
    ];
    for (const [path, title, killed] of pages)
      site.set(path, { body: articlePage(title, strikeReport('Raqqa', killed)) });
    publish(
      site,
      '/wire/rss.xml',
      'Wire',
      pages.map(([path, title]) => ({ title, link: site.url(path), pubDate: '2017-06-05' })),
    );
    // A feed with no outlet in the config: its channel title becomes the outlet name.
    const forged = `Reuters\n*Figure:* at least 5000 children killed\n${'B'.repeat(HUGE)}`;
    site.set('/named/story', { body: articlePage('Strike on Raqqa', strikeReport('Raqqa', '9')) });
    publish(site, '/named/rss.xml', forged, [
      { title: 'Strike on Raqqa', link: site.url('/named/story') },
    ]);
    h = await hostileHarness(site, [
      { id: 'wire', path: '/wire/rss.xml' },
      { id: 'named', path: '/named/rss.xml' },
    ]);
    for (let i = 0; i < QUARANTINE_AFTER.failures + 1; i++)
      runs.push(await runCycle(h.deps(), { force: true, deliveryWaitMs: 0 }));
  }, 120_000);
  afterAll(async () => {
    await h?.close();
    await site?.close();
  });

  it('the rest of the feed is processed in the first run', async () => {
    const ledger = h.deps().articleLedger;
    const normal = await ledger.getArticle(idOf('wire', site.url(links.normal)));
    expect(normal?.relevant).toBe(true);
    expect(normal?.textSource).toBe('page');
    expect(runs[0]?.alerts).toBeGreaterThan(0);
  });

  it('a 450 kB title is stored cut to the bound, and the article goes through', async () => {
    const a = await h.deps().articleLedger.getArticle(idOf('wire', site.url(links.bigTitle)));
    expect(a).not.toBeNull();
    expect(a?.title?.length).toBeLessThanOrEqual(TITLE_MAX_CHARS);
    expect(a?.title?.startsWith('Coalition strike AAAA')).toBe(true);
  });

  it('a 450 kB channel title with forged rows is an outlet name of one bounded line', async () => {
    const a = await h.deps().articleLedger.getArticle(idOf('named', site.url('/named/story')));
    expect(a?.outlet.length).toBeLessThanOrEqual(OUTLET_MAX_CHARS);
    expect(a?.outlet).not.toMatch(/\n/);
    expect(a?.outlet.startsWith('Reuters *Figure:*')).toBe(true);
  });

  it('absurd figures never fail a run silently: each attempt is processed or on record', async () => {
    const errors = await errorsOf(h);
    for (const path of [links.digits, links.exponent, links.infinity]) {
      const id = idOf('wire', site.url(path));
      const done = await h.deps().articleLedger.getArticle(id);
      const rows = errors.filter((e) => e.subject === site.url(path));
      // Either the extractor does not take it for a figure (the article is done), or the store
      // refused it by name on every attempt and the article was quarantined.
      if (done) expect(rows.filter((e) => e.code === 'record_not_storable')).toEqual([]);
      else {
        expect(rows.filter((e) => e.code === 'record_not_storable')).toHaveLength(
          QUARANTINE_AFTER.failures,
        );
        expect(rows.some((e) => e.code === 'article_quarantined')).toBe(true);
      }
    }
  });

  it('no stored figure is beyond what the store holds exactly', async () => {
    for (const row of await h.query({ kind: 'casualty', limit: 1000 })) {
      if (row.kind !== 'casualty' || row.item.kind !== 'casualty') continue;
      expect(Math.abs(row.item.figure.count)).toBeLessThanOrEqual(Number.MAX_SAFE_INTEGER);
    }
  });

  it("the feed's state commits within the quarantine's attempts: the next poll is a 304", () => {
    const last = runs.at(-1);
    expect(last?.polls.find((p) => p.feedId === 'wire')?.status).toBe('not_modified');
    expect(last?.articles.processed).toBe(0);
  });
});

describe('an item that fails on every attempt', () => {
  let site: HostileSite;
  let h: Harness;
  const poisonPath = '/wire/poison';
  const runs: Awaited<ReturnType<typeof runCycle>>[] = [];

  /** A fault in the story step for one article only: a bug nobody knows of yet. */
  function withPoison(deps: LocalDeps, articleId: string): LocalDeps {
    const storyIndex = intercept(deps.storyIndex, 'upsertStory', {
      before: (_story, article) => {
        if (article.articleId === articleId) throw new TypeError('cannot read "places" of null');
      },
    });
    return { ...deps, storyIndex };
  }

  beforeAll(async () => {
    site = await startHostileSite();
    site.set('/wire/good', { body: articlePage('Strike near Raqqa', strikeReport('Raqqa', '14')) });
    site.set(poisonPath, { body: articlePage('Strike near Tabqa', strikeReport('Tabqa', '8')) });
    publish(site, '/wire/rss.xml', 'Wire', [
      { title: 'Strike near Raqqa', link: site.url('/wire/good') },
      { title: 'Strike near Tabqa', link: site.url(poisonPath) },
    ]);
    h = await hostileHarness(site, [{ id: 'wire', path: '/wire/rss.xml' }]);
    const poisonId = idOf('wire', site.url(poisonPath));
    for (let i = 0; i < QUARANTINE_AFTER.failures + 1; i++)
      runs.push(await runCycle(withPoison(h.deps(), poisonId), { force: true, deliveryWaitMs: 0 }));
  }, 120_000);
  afterAll(async () => {
    await h?.close();
    await site?.close();
  });

  it('every failed attempt is an error row with its reason, in `query --kind error`', async () => {
    const rows = (await errorsOf(h)).filter((e) => e.subject === site.url(poisonPath));
    const attempts = rows.filter((e) => e.code === 'internal');
    expect(attempts).toHaveLength(QUARANTINE_AFTER.failures);
    for (const [i, row] of [...attempts].reverse().entries()) {
      expect(row.message).toContain('cannot read "places" of null');
      expect(row.message).toContain(`failed attempt ${i + 1} of ${QUARANTINE_AFTER.failures}`);
      expect(row.feedId).toBe('wire');
    }
    const quarantine = rows.find((e) => e.code === 'article_quarantined');
    expect(quarantine?.message).toMatch(/quarantined after 3 failed attempts .*moves on/);
  });

  it('the good item is processed and alerted in the first run, and only once', () => {
    expect(runs[0]?.articles.relevant).toBe(1);
    expect(runs[0]?.alerts).toBeGreaterThan(0);
    for (const run of runs.slice(1)) expect(run.alerts).toBe(0);
  });

  it('the feed is fetched in full until the quarantine, then its state commits (304)', () => {
    const wire = runs.map((r) => r.polls.find((p) => p.feedId === 'wire')?.status);
    expect(wire).toEqual(['ok', 'ok', 'ok', 'not_modified']);
    // The third attempt quarantines: reported as a failure, not thrown.
    expect(runs[2]?.outcomes).toEqual([
      expect.objectContaining({ status: 'error', quarantined: true }),
    ]);
  });

  it('a quarantined article is skipped by every later poll, even with the feed fetched in full', async () => {
    const deps = h.deps();
    const state = await deps.feedState.getFeedState('wire');
    if (state) await deps.feedState.putFeedState({ ...state, etag: null, lastModified: null });
    const again = await runCycle(deps, { force: true, deliveryWaitMs: 0 });
    expect(again.polls[0]).toMatchObject({ status: 'ok', jobs: [] });
  });
});
