import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ARTICLES } from '../../shared/local/fa-kes-pages.ts';
import { pollFeeds } from '../../shared/use-cases/poll-feeds.ts';
import { processArticle } from '../../shared/use-cases/process-article.ts';
import { type Harness, startHarness } from '../../testkit/pipeline-harness.ts';
import { withFaultAt } from '../helpers/faults.ts';

// Two reports of one story in flight at once, the one taken first finishing last (its page was
// slower, say). Whatever the order, they must end up in one story: the second to index its
// fingerprint must find the first, even though it was claimed earlier.

describe('near-duplicates processed out of order', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  it('join one story when the article claimed first indexes last', async () => {
    let claimed = 0;
    // The k-th article claimed waits the longest: claim order and index order are reversed.
    const deps = withFaultAt(h.deps(), 'article-claimed', async () => {
      const k = claimed++;
      await new Promise((r) => setTimeout(r, (10 - k) * 150));
    });
    const jobs = (await pollFeeds(deps, { force: true })).flatMap((p) =>
      p.status === 'ok' ? p.jobs : [],
    );
    expect(jobs.length).toBe(h.pages.length);
    const outcomes = await Promise.all(jobs.map((job) => processArticle(deps, job)));
    expect(outcomes.filter((o) => o.status === 'processed').length).toBe(
      outcomes.length - outcomes.filter((o) => o.status === 'irrelevant').length,
    );

    const stories = (await h.query({ kind: 'story' })).flatMap((r) =>
      r.kind === 'story' ? [r.item] : [],
    );
    // The demo's first two articles are one story told by two outlets.
    const outlets = DEMO_ARTICLES.slice(0, 2).map(
      (a) => h.pages.find((p) => p.slug === a.unitId)?.outlet,
    );
    const joint = stories.find((s) => outlets.every((o) => o && s.outlets.includes(o)));
    expect(joint, JSON.stringify(stories.map((s) => s.outlets))).toBeDefined();
  });
});
