import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FaKesRow, loadFaKes } from '../../shared/corpus/fa-kes.ts';
import { contentWords } from '../../shared/dedupe/fingerprint.ts';
import { articleIdFor } from '../../shared/use-cases/poll-feeds.ts';
import { runCycle } from '../../shared/use-cases/run-cycle.ts';
import { faKesPages } from '../../testkit/fa-kes-site.ts';
import {
  duplicates,
  type Harness,
  slackAlertIds,
  startHarness,
} from '../../testkit/pipeline-harness.ts';

// All 804 FA-KES rows replayed as outlet feeds with pages on 127.0.0.1. The corpus's own
// repeats (rows with the same text, rows with the same headline) must collapse into stories,
// and a second replay must send nothing.

describe('FA-KES replay', () => {
  let h: Harness;
  const rows: FaKesRow[] = loadFaKes();
  let first: Awaited<ReturnType<typeof runCycle>>;
  const pages = faKesPages(rows);

  beforeAll(async () => {
    h = await startHarness({
      pages,
      config: (base) => ({
        ...base,
        network: { ...(base.network as object), maxItemsPerFeed: 1000 },
        // A backfill of the whole corpus: no caps, so every message is sent (and counted) now.
        delivery: {
          ...(base.delivery as object),
          caps: { perArticle: 1000, perFeedPerPoll: 10_000, perSubscriberPerHour: 10_000 },
        },
      }),
    });
    first = await runCycle(h.deps(), { force: true, concurrency: 4 });
  }, 600_000);
  afterAll(() => h.close());

  const articleIdOfRow = (i: number) => {
    const page = pages[i];
    if (!page) throw new Error(`no page for row ${i}`);
    return articleIdFor(page.feedId, {
      link: `${h.site.baseUrl}/${page.feedId}/articles/${page.slug}`,
      guid: null,
      title: null,
      publishedAt: null,
      content: null,
    }).articleId;
  };

  /** Groups of row indexes sharing a key, from the corpus itself (no labels involved). */
  const groupsBy = (key: (r: FaKesRow) => string | null) => {
    const groups = new Map<string, number[]>();
    rows.forEach((r, i) => {
      const k = key(r);
      if (k) groups.set(k, [...(groups.get(k) ?? []), i]);
    });
    return [...groups.values()].filter((g) => g.length > 1);
  };

  async function storiesOf(group: number[]): Promise<Set<string>> {
    const { articleLedger } = h.deps();
    const stories = new Set<string>();
    for (const i of group) {
      const a = await articleLedger.getArticle(articleIdOfRow(i));
      expect(a, `row ${i} was processed`).not.toBeNull();
      if (a?.relevant && a.storyId) stories.add(a.storyId);
    }
    return stories;
  }

  it('processes every row from its page', () => {
    expect(first.feeds.failed).toBe(0);
    expect(first.articles.processed).toBe(rows.length);
    expect(first.articles.failed).toBe(0);
    expect(first.articles.relevant).toBeGreaterThan(20);
  });

  it('rows that repeat another row’s text join its story', async () => {
    const groups = groupsBy((r) => r.content.trim() || null);
    expect(groups.length).toBeGreaterThan(5);
    for (const g of groups) expect((await storiesOf(g)).size).toBeLessThanOrEqual(1);
  });

  it('rows that repeat another row’s headline join its story', async () => {
    const groups = groupsBy((r) =>
      contentWords(r.title).length >= 5 ? contentWords(r.title).join(' ') : null,
    );
    expect(groups.length).toBeGreaterThan(5);
    for (const g of groups) expect((await storiesOf(g)).size).toBeLessThanOrEqual(1);
  });

  it('sends each incident update exactly once', () => {
    expect(first.alerts).toBeGreaterThan(0);
    expect(duplicates(slackAlertIds(h.slack))).toEqual([]);
    expect(h.slack.received.length).toBe(first.alerts);
  });

  it('a second replay sends nothing, with or without conditional GET', async () => {
    const before = h.slack.received.length + h.smtp.received.length;
    const again = await runCycle(h.deps(), { force: true });
    expect(again.feeds.notModified).toBe(again.polls.length);
    expect(again.alerts).toBe(0);
    // Forget the ETags: the feeds come back in full, and every item is known already.
    const deps = h.deps();
    for (const feed of h.config.feeds) {
      const state = await deps.feedState.getFeedState(feed.id);
      if (state) await deps.feedState.putFeedState({ ...state, etag: null, lastModified: null });
    }
    const full = await runCycle(deps, { force: true });
    expect(full.feeds.ok).toBe(full.polls.length);
    expect(full.articles.processed).toBe(0);
    expect(full.alerts).toBe(0);
    expect(h.slack.received.length + h.smtp.received.length).toBe(before);
  });
});
