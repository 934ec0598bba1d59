import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalizeUrl } from '../../shared/dedupe/canonical-url.ts';
import type { ArticleRecord } from '../../shared/domain/records.ts';
import { legacyArticleId } from '../../shared/use-cases/article-jobs.ts';
import { articleIdFor } from '../../shared/use-cases/poll-feeds.ts';
import type { ProcessOutcome } from '../../shared/use-cases/process-article.ts';
import { runCycle } from '../../shared/use-cases/run-cycle.ts';
import { type Harness, startHarness } from '../../testkit/pipeline-harness.ts';
import {
  articlePage,
  type HostileSite,
  RSS_TYPE,
  rssFeed,
  startHostileSite,
  strikeReport,
} from './hostile-site.ts';

// Issue 16 item 2: one feed could hijack another outlet's article. The article id was the
// canonical URL alone, shared by every feed: a feed linking to another outlet's URL (a 404 for
// now) with a fake description ("500 children killed") had its text stored and alerted under that
// URL, and when the real page appeared in the outlet's own feed it was skipped as known. Now the
// id is the feed and the URL: the attacker's text stays the attacker's record, the outlet's page
// is read on its own merits, and a third feed listing the same page joins its story by content.

const FAKE =
  'At least 500 children were killed when US-led coalition air strikes hit a school in Raqqa on Tuesday, the Syrian Observatory for Human Rights said.';

describe('article identity across outlets', () => {
  let evil: HostileSite;
  let real: HostileSite;
  let h: Harness;
  const realPath = '/world/raqqa-strike';
  let realUrl = '';
  let first: Awaited<ReturnType<typeof runCycle>>;
  let second: Awaited<ReturnType<typeof runCycle>>;

  const idOf = (feedId: string) =>
    articleIdFor(feedId, {
      guid: realUrl,
      link: realUrl,
      title: null,
      publishedAt: null,
      content: null,
    }).articleId;
  const article = async (feedId: string): Promise<ArticleRecord | null> =>
    h.deps().articleLedger.getArticle(idOf(feedId));
  const outcomeOf = (run: typeof first, feedId: string): ProcessOutcome | undefined =>
    run.outcomes.find((o) => o.articleId === idOf(feedId));

  beforeAll(async () => {
    evil = await startHostileSite();
    real = await startHostileSite();
    realUrl = real.url(realPath);
    // The attacker's feed links to the outlet's URL, which does not exist yet (404).
    evil.set('/rss.xml', {
      type: RSS_TYPE,
      body: rssFeed('Evil Wire', [
        { title: 'Children killed in Raqqa school strike', link: realUrl, description: FAKE },
      ]),
    });
    real.set('/rss.xml', { type: RSS_TYPE, body: rssFeed('Reuters', []) });
    evil.set('/agg.xml', { type: RSS_TYPE, body: rssFeed('Aggregator', []) });
    h = await startHarness({
      pages: [],
      config: (base) => {
        const network = base.network as { allowPrivateHosts: string[] };
        return {
          ...base,
          feeds: [
            { id: 'evil', url: evil.url('/rss.xml'), outlet: 'Evil Wire' },
            { id: 'reuters', url: real.url('/rss.xml'), outlet: 'Reuters' },
            { id: 'agg', url: evil.url('/agg.xml'), outlet: 'Aggregator' },
          ],
          network: {
            ...network,
            allowPrivateHosts: [...network.allowPrivateHosts, evil.host, real.host],
          },
        };
      },
    });
    first = await runCycle(h.deps(), { force: true, deliveryWaitMs: 0 });
    // Then the real page appears, in the outlet's own feed and in an aggregator's.
    const title = 'US-led coalition strike kills 12 civilians near Raqqa';
    real.set(realPath, { body: articlePage(title, strikeReport('Raqqa', '12')) });
    real.set('/rss.xml', {
      type: RSS_TYPE,
      body: rssFeed('Reuters', [{ title, link: realUrl, pubDate: '2017-06-05' }]),
    });
    evil.set('/agg.xml', {
      type: RSS_TYPE,
      body: rssFeed('Aggregator', [{ title, link: realUrl, pubDate: '2017-06-05' }]),
    });
    second = await runCycle(h.deps(), { force: true, deliveryWaitMs: 0 });
  }, 120_000);
  afterAll(async () => {
    await h?.close();
    await Promise.all([evil?.close(), real?.close()]);
  });

  it("the attacker's feed text is the attacker's record, under its own feed and outlet", async () => {
    const a = await article('evil');
    expect(a).toMatchObject({ feedId: 'evil', outlet: 'Evil Wire', textSource: 'feed' });
    expect(a?.extractionNote).toMatch(/HTTP 404/);
    // Its figure is told as the attacker's outlet's, never as the URL's owner's.
    const alerts = outcomeOf(first, 'evil');
    const messages = alerts && 'alerts' in alerts ? alerts.alerts : [];
    const sources = messages.flatMap((x) => x.links);
    expect(sources.length).toBeGreaterThan(0);
    for (const s of sources) expect(s.outlet).toBe('Evil Wire');
    const accounts = messages.flatMap((x) => (x.kind === 'incident' ? x.message.accounts : []));
    for (const a of accounts) expect(a.outlet).toBe('Evil Wire');
  });

  it("the outlet's own page, when it appears, is not skipped as known: it is read on its merits", async () => {
    expect(outcomeOf(second, 'reuters')).toMatchObject({ status: 'processed', textSource: 'page' });
    const r = await article('reuters');
    expect(r).toMatchObject({ feedId: 'reuters', outlet: 'Reuters', textSource: 'page' });
    expect(r?.text).toContain('killed 12 civilians');
    expect(r?.text).not.toContain('500 children');
  });

  it("the attacker's record is left as it was (the outlet's page does not become its text)", async () => {
    const a = await article('evil');
    expect(a?.textSource).toBe('feed');
    expect(a?.storyId).not.toBe((await article('reuters'))?.storyId);
    expect(outcomeOf(second, 'evil')).toBeUndefined();
  });

  it('the same page from another feed joins the outlet’s story by content', async () => {
    const [r, agg] = [await article('reuters'), await article('agg')];
    expect(agg).toMatchObject({ feedId: 'agg', textSource: 'page' });
    expect(agg?.storyId).toBe(r?.storyId);
    const joined = [outcomeOf(second, 'reuters'), outcomeOf(second, 'agg')].filter(
      (o) => o?.status === 'processed' && o.duplicateOf === 'text',
    );
    expect(joined).toHaveLength(1);
    const story = await h.deps().storyIndex.getStory(r?.storyId ?? '');
    expect(story?.outlets.sort()).toEqual(['Aggregator', 'Reuters']);
  });

  it('an id from before ids were per feed still counts as known, for its own feed only', async () => {
    const deps = h.deps();
    const url = real.url('/world/older');
    real.set('/world/older', { body: articlePage('Older report', strikeReport('Tabqa', '3')) });
    const items = [{ title: 'Older report', link: url }];
    real.set('/rss.xml', { type: RSS_TYPE, body: rssFeed('Reuters', items) });
    evil.set('/agg.xml', { type: RSS_TYPE, body: rssFeed('Aggregator', items) });
    // Stored by an earlier version for the outlet's feed, keyed by the canonical URL alone.
    const legacyId = legacyArticleId(canonicalizeUrl(url) ?? url);
    await deps.articleLedger.claimArticle(legacyId, url, new Date().toISOString(), '');
    await deps.articleLedger.completeArticle({
      ...((await article('reuters')) as ArticleRecord),
      articleId: legacyId,
      url,
      canonicalUrl: canonicalizeUrl(url) ?? url,
    });
    const run = await runCycle(deps, { force: true, deliveryWaitMs: 0 });
    const jobs = (feedId: string) => {
      const p = run.polls.find((x) => x.feedId === feedId);
      return p?.status === 'ok' ? p.jobs.map((j) => j.url) : [];
    };
    expect(jobs('reuters')).toEqual([]);
    expect(jobs('agg')).toEqual([url]);
  });
});
