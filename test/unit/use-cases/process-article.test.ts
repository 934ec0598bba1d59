import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../../shared/claims/extract-claims.ts';
import { loadFaKes } from '../../../shared/corpus/fa-kes.ts';
import { StoreUnavailableError } from '../../../shared/domain/errors.ts';
import type { SitePage } from '../../../shared/local/demo-site.ts';
import { DEMO_ARTICLES, demoPages } from '../../../shared/local/fa-kes-pages.ts';
import { type ArticleJob, articleIdFor } from '../../../shared/use-cases/poll-feeds.ts';
import { processArticle } from '../../../shared/use-cases/process-article.ts';
import { type FakePipeline, fakePipeline } from '../../fakes/fake-pipeline.ts';
import { simplePage } from '../../fakes/pages.ts';
import { intercept, withFaultAt } from '../../helpers/faults.ts';

// One article, start to end, on in-memory ports: the demo's FA-KES articles (data/fa-kes.csv)
// as pages. What the alerts must hold is what the claim extractor finds in each article's own
// text; no figure is written into this test.

const pages = demoPages(loadFaKes());
const [storyA, storyB, tollFirst, tollRevised, , offTopic] = DEMO_ARTICLES.map((a) => {
  const page = pages.find((p) => p.slug === a.unitId);
  if (!page) throw new Error(`no demo page ${a.unitId}`);
  return page;
});

const urlOf = (p: SitePage) => `https://${p.feedId}.example/articles/${p.slug}`;
const claimsOf = (p: SitePage) =>
  extractClaims(`${p.title}\n\n${p.paragraphs.join('\n\n')}`, { title: p.title ?? undefined });

/** The page on the fake web, and its feed item as a job. */
function publish(
  pipeline: FakePipeline,
  p: SitePage | undefined,
  opts: { page?: boolean; content?: boolean } = {},
): ArticleJob {
  if (!p) throw new Error('no such demo page');
  const url = urlOf(p);
  if (opts.page !== false)
    pipeline.web.pages.set(url, { body: simplePage(p.title ?? '', p.paragraphs) });
  const item = {
    guid: url,
    link: url,
    title: p.title,
    publishedAt: p.publishedAt,
    content: opts.content === false ? null : p.paragraphs.join(' '),
  };
  return { feedId: p.feedId, outlet: p.outlet, ...articleIdFor(p.feedId, item), item };
}

const alertIdsIn = (p: FakePipeline) => [...p.store.outbox.alerts.keys()].sort();

describe('processArticle', () => {
  it('a new on-topic article: its own story, its claims, an alert each, a delivery per interested subscriber', async () => {
    const p = fakePipeline();
    const outcome = await processArticle(p.deps, publish(p, storyA));
    if (outcome.status !== 'processed') throw new Error(`not processed: ${outcome.status}`);
    expect(outcome).toMatchObject({
      storyId: outcome.articleId,
      duplicateOf: null,
      textSource: 'page',
    });
    const figures = claimsOf(storyA as SitePage).casualties.filter((c) => !c.background);
    expect(figures.length).toBeGreaterThan(0);
    const alerted = JSON.stringify(outcome.alerts);
    for (const f of figures) expect(alerted, f.quote).toContain(String(f.count));
    // One message per incident update: each names its record and version, as stored.
    for (const alert of outcome.alerts) {
      if (alert.kind !== 'incident' && alert.kind !== 'accusation') throw new Error(alert.kind);
      const record = await p.store.incidentStore.getRecord(alert.recordId);
      expect(record?.updates.map((u) => u.messageId)).toContain(alert.alertId);
      const deliveries = await p.store.outbox.listDeliveries(alert.alertId);
      // The Slack subscriber has no filters: every update reaches it.
      expect(deliveries.map((d) => d.subscriberId)).toContain('analysts-slack');
    }
    expect(new Set(outcome.alerts.map((a) => a.alertId)).size).toBe(outcome.alerts.length);
    const stored = await p.store.articleLedger.getArticle(outcome.articleId);
    expect(stored).toMatchObject({ relevant: true, storyId: outcome.storyId, textSource: 'page' });
    expect(stored?.casualtyCount).toBe(claimsOf(storyA as SitePage).casualties.length);
  });

  it('processing it again changes nothing', async () => {
    const p = fakePipeline();
    const job = publish(p, storyA);
    await processArticle(p.deps, job);
    const before = alertIdsIn(p);
    expect(await processArticle(p.deps, job)).toEqual({
      articleId: job.articleId,
      status: 'already_done',
    });
    expect(alertIdsIn(p)).toEqual(before);
  });

  it('a second outlet’s report of the story joins it', async () => {
    const p = fakePipeline();
    const a = await processArticle(p.deps, publish(p, storyA));
    // Later, as a second report comes: within one millisecond assign-story ranks the two by id.
    p.clock.advance(60_000);
    const b = await processArticle(p.deps, publish(p, storyB));
    if (a.status !== 'processed' || b.status !== 'processed') throw new Error('not processed');
    expect(b.storyId).toBe(a.storyId);
    expect(b.duplicateOf).not.toBeNull();
    const story = await p.store.storyIndex.getStory(a.storyId ?? '');
    expect(story?.outlets).toEqual([storyA?.outlet, storyB?.outlet]);
  });

  it('a revised toll is an update that says what the figure was', async () => {
    const p = fakePipeline();
    // The toll both reports give: civilians killed in the incident (not a background toll).
    const top = (x: SitePage | undefined) =>
      Math.max(
        ...claimsOf(x as SitePage)
          .casualties.filter((c) => c.victims === 'civilians' && !c.background)
          .map((c) => c.count),
      );
    await processArticle(p.deps, publish(p, tollFirst));
    p.clock.advance(8 * 3_600_000);
    const revised = await processArticle(p.deps, publish(p, tollRevised));
    if (revised.status !== 'processed') throw new Error('not processed');
    expect(revised.claims.updates).toBeGreaterThan(0);
    // The second report updates the incident of the first: version 2, showing both figures.
    const update = revised.alerts.find((a) => a.kind === 'incident' && a.version === 2);
    if (update?.kind !== 'incident') throw new Error('no update of the first incident');
    const changed = update.message.changes.join('\n');
    expect(changed).toContain(String(top(tollRevised)));
    expect(changed).toContain(String(top(tollFirst)));
  });

  it('an off-topic article is stored and alerts nothing', async () => {
    const p = fakePipeline();
    const outcome = await processArticle(p.deps, publish(p, offTopic));
    expect(outcome).toMatchObject({ status: 'irrelevant', alerts: [] });
    expect(p.store.outbox.alerts.size).toBe(0);
    expect((await p.store.articleLedger.getArticle(outcome.articleId))?.relevant).toBe(false);
  });

  it('a page that is gone: the feed item’s own text, and the page’s failure on record', async () => {
    const p = fakePipeline();
    const job = publish(p, storyA, { page: false });
    const outcome = await processArticle(p.deps, job);
    expect(outcome).toMatchObject({ status: 'processed', textSource: 'feed' });
    expect(p.store.errorLog.errors).toEqual([
      expect.objectContaining({ scope: 'article', subject: job.url, code: 'http_status' }),
    ]);
    expect(p.store.errorLog.errors[0]?.message).toMatch(/used the feed item's own content/);
  });

  it('neither a page nor feed content: recorded and done, not fetched forever', async () => {
    const p = fakePipeline();
    const job = publish(p, storyA, { page: false, content: false });
    const outcome = await processArticle(p.deps, job);
    expect(outcome).toMatchObject({ status: 'error', code: 'extract_failed' });
    expect(p.store.errorLog.errors.map((e) => e.code)).toEqual(['extract_failed']);
    expect(await p.store.articleLedger.unfinishedArticles([job.articleId])).toEqual(new Set());
  });

  it('a store failure on the way is thrown, and the article stays unfinished for a retry', async () => {
    const p = fakePipeline();
    const job = publish(p, storyA, { page: false });
    const errorLog = intercept(p.deps.errorLog, 'recordError', {
      before: () => {
        throw new StoreUnavailableError('DynamoDB PutItem failed: throttled', { retryable: true });
      },
    });
    await expect(processArticle({ ...p.deps, errorLog }, job)).rejects.toThrow(
      StoreUnavailableError,
    );
    expect(await p.store.articleLedger.unfinishedArticles([job.articleId])).toEqual(
      new Set([job.articleId]),
    );
  });

  it('an article another worker holds is busy until its lease ends', async () => {
    const p = fakePipeline();
    const job = publish(p, storyA);
    const now = p.clock.now().toISOString();
    await p.store.articleLedger.claimArticle(job.articleId, job.url ?? '', now, now);
    p.clock.advance(-1);
    expect((await processArticle(p.deps, job)).status).toBe('busy');
    p.clock.advance(2);
    expect((await processArticle(p.deps, job)).status).toBe('processed');
  });

  it('a crash between an incident write and its message: the re-run queues exactly the messages of a clean run', async () => {
    const clean = fakePipeline();
    await processArticle(clean.deps, publish(clean, storyA));

    const p = fakePipeline();
    const job = publish(p, storyA);
    let crashes = 0;
    const crashing = withFaultAt(p.deps, 'record-written', () => {
      if (crashes++ === 0) throw new Error('injected crash at record-written');
    });
    await expect(processArticle(crashing, job)).rejects.toThrow('injected crash');
    expect(p.store.incidentStore.records.size).toBe(1);
    expect(p.store.outbox.alerts.size).toBe(0);
    p.clock.advance(10 * 60_000);
    expect((await processArticle(p.deps, job)).status).toBe('processed');
    expect(alertIdsIn(p)).toEqual(alertIdsIn(clean));
    expect(p.store.outbox.deliveries.size).toBe(clean.store.outbox.deliveries.size);
  });
});
