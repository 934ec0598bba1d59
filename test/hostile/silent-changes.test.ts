import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorRecord } from '../../shared/domain/records.ts';
import { articleIdFor } from '../../shared/use-cases/poll-feeds.ts';
import { runCycle } from '../../shared/use-cases/run-cycle.ts';
import { type Harness, startHarness } from '../../testkit/pipeline-harness.ts';
import {
  articlePage,
  type FeedEntry,
  type HostileSite,
  rssFeed,
  startHostileSite,
  strikeReport,
} from './hostile-site.ts';

// Issue 16 item 9: silent data changes. A wrong charset header gave stored and alerted mojibake
// ("Raqqaâ€™s") with no error record, and items over the per-feed cap were dropped without one.
// Now the article carries a charset warning (and an error row says so), a feed that does not
// decode cleanly is recorded, and a poll that drops items over the cap says how many.

const MAX_ITEMS = 10;

describe('silent data changes', () => {
  let site: HostileSite;
  let h: Harness;
  const runs: Awaited<ReturnType<typeof runCycle>>[] = [];
  const errors = async (code: string): Promise<ErrorRecord[]> =>
    (await h.query({ kind: 'error', limit: 1000 }))
      .flatMap((r) => (r.kind === 'error' ? [r.item] : []))
      .filter((e) => e.code === code);
  const manyItems = (n: number): FeedEntry[] =>
    Array.from({ length: n }, (_, i) => ({
      title: `Market report ${i}`,
      link: site.url(`/cap/${i}`),
      description: `Shares closed higher on day ${i} of trading, analysts said.`,
    }));
  const pagePath = '/mojibake/strike';

  beforeAll(async () => {
    site = await startHostileSite();
    // UTF-8 bytes, served as Latin-1: every curly quote and dash comes out garbled.
    const paragraphs = strikeReport('Raqqa’s outskirts', '12').map((p) => `${p} — “reported”`);
    site.set(pagePath, {
      body: articlePage('Coalition strike near Raqqa’s outskirts', paragraphs),
      type: 'text/html; charset=iso-8859-1',
    });
    site.set('/mojibake/rss.xml', {
      type: 'application/rss+xml; charset=iso-8859-1',
      body: rssFeed('Wire – “world”', [
        { title: 'Coalition strike near Raqqa’s outskirts', link: site.url(pagePath) },
      ]),
    });
    site.set('/cap/rss.xml', {
      type: 'application/rss+xml; charset=utf-8',
      body: rssFeed('Markets', manyItems(MAX_ITEMS + 2)),
    });
    h = await startHarness({
      pages: [],
      config: (base) => {
        const network = base.network as { allowPrivateHosts: string[] };
        return {
          ...base,
          feeds: [
            { id: 'mojibake', url: site.url('/mojibake/rss.xml'), outlet: 'Wire' },
            { id: 'cap', url: site.url('/cap/rss.xml'), outlet: 'Markets' },
          ],
          network: {
            ...network,
            allowPrivateHosts: [...network.allowPrivateHosts, site.host],
            maxItemsPerFeed: MAX_ITEMS,
          },
        };
      },
    });
    runs.push(await runCycle(h.deps(), { force: true, deliveryWaitMs: 0 }));
    // Nothing changed: the feed answers 304 and nothing more is recorded.
    runs.push(await runCycle(h.deps(), { force: true, deliveryWaitMs: 0 }));
    site.set('/cap/rss.xml', {
      type: 'application/rss+xml; charset=utf-8',
      body: rssFeed('Markets', manyItems(MAX_ITEMS + 3)),
    });
    runs.push(await runCycle(h.deps(), { force: true, deliveryWaitMs: 0 }));
  }, 120_000);
  afterAll(async () => {
    await h?.close();
    await site?.close();
  });

  it('a page whose charset does not decode cleanly is stored with a warning on the article', async () => {
    const url = site.url(pagePath);
    const id = articleIdFor('mojibake', {
      guid: url,
      link: url,
      title: null,
      publishedAt: null,
      content: null,
    }).articleId;
    const article = await h.deps().articleLedger.getArticle(id);
    expect(article?.textSource).toBe('page');
    expect(article?.charsetWarning).toMatch(/valid UTF-8; as windows-1252 .*garbled/);
    expect(article?.charsetWarning).toContain('the document itself declares utf-8');
  });

  it('and `query --kind error` shows it, naming the page', async () => {
    const rows = (await errors('charset_suspect')).filter((e) => e.scope === 'article');
    expect(rows).toEqual([
      expect.objectContaining({ subject: site.url(pagePath), feedId: 'mojibake' }),
    ]);
    expect(rows[0]?.message).toMatch(/stored and alerted as decoded/);
  });

  it('a feed whose charset does not decode cleanly is recorded once per poll that read it', async () => {
    const rows = (await errors('charset_suspect')).filter((e) => e.scope === 'feed');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ feedId: 'mojibake', subject: site.url('/mojibake/rss.xml') });
  });

  it('items over the per-feed cap are recorded: how many, of how many, and the setting', async () => {
    const rows = await errors('feed_items_over_cap');
    // The first poll, and the poll after the feed changed; not the 304 between them.
    expect(runs.map((r) => r.polls.find((p) => p.feedId === 'cap')?.status)).toEqual([
      'ok',
      'not_modified',
      'ok',
    ]);
    expect(rows.map((r) => r.message.match(/^\d+ of \d+/)?.[0]).sort()).toEqual([
      `2 of ${MAX_ITEMS + 2}`,
      `3 of ${MAX_ITEMS + 3}`,
    ]);
    for (const r of rows) {
      expect(r).toMatchObject({ scope: 'feed', feedId: 'cap' });
      expect(r.message).toContain(`network.maxItemsPerFeed: ${MAX_ITEMS}`);
    }
    expect(runs[0]?.polls.find((p) => p.feedId === 'cap')).toMatchObject({ truncated: 2 });
  });
});
