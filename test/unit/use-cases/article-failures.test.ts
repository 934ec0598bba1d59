import { describe, expect, it } from 'vitest';
import { ClaimContentionError } from '../../../shared/domain/errors.ts';
import { QUARANTINE_AFTER } from '../../../shared/use-cases/article-failures.ts';
import { type ArticleJob, articleIdFor } from '../../../shared/use-cases/poll-feeds.ts';
import { processArticle } from '../../../shared/use-cases/process-article.ts';
import { type FakePipeline, fakePipeline } from '../../fakes/fake-pipeline.ts';
import { simplePage } from '../../fakes/pages.ts';
import { intercept } from '../../helpers/faults.ts';

// Failed attempts on in-memory ports: counted by kind, recorded, released, and quarantined at
// the bound, so that a store outage of a few runs does not quarantine good articles.

const URL = 'https://wire.example/articles/strike';

function setUp(error: () => Error): {
  p: FakePipeline;
  job: ArticleJob;
  deps: FakePipeline['deps'];
} {
  const p = fakePipeline();
  p.web.pages.set(URL, {
    body: simplePage('Coalition strike near Raqqa', [
      'A US-led coalition air strike killed 12 civilians near Raqqa on Monday, the Syrian Observatory for Human Rights said. Residents said the warplanes struck a house where displaced families were sheltering.',
    ]),
  });
  const item = { guid: URL, link: URL, title: 'Strike', publishedAt: null, content: null };
  const job = { feedId: 'wire', outlet: 'Wire', ...articleIdFor('wire', item), item };
  const storyIndex = intercept(p.deps.storyIndex, 'indexFingerprint', {
    before: () => {
      throw error();
    },
  });
  return { p, job, deps: { ...p.deps, storyIndex } };
}

describe('articleFailed', () => {
  it('a bug: thrown and recorded each attempt, quarantined at the third, then skipped', async () => {
    const { p, job, deps } = setUp(() => new RangeError('Invalid time value'));
    for (let i = 1; i < QUARANTINE_AFTER.failures; i++) {
      await expect(processArticle(deps, job)).rejects.toThrow('Invalid time value');
      // Released at once: the next attempt does not wait for the lease.
      expect(await p.store.articleLedger.unfinishedArticles([job.articleId])).toEqual(
        new Set([job.articleId]),
      );
    }
    expect(await processArticle(deps, job)).toMatchObject({
      status: 'error',
      code: 'internal',
      quarantined: true,
    });
    expect(await processArticle(deps, job)).toEqual({
      articleId: job.articleId,
      status: 'quarantined',
    });
    expect(await p.store.articleLedger.unfinishedArticles([job.articleId])).toEqual(new Set());
    expect(p.store.errorLog.errors.map((e) => e.code)).toEqual([
      'internal',
      'internal',
      'internal',
      'article_quarantined',
    ]);
    expect(p.store.errorLog.errors[1]?.message).toContain('failed attempt 2 of 3');
  });

  it('retryable failures count apart, with a bound of their own', async () => {
    const { p, job, deps } = setUp(() => new ClaimContentionError('claim kept changing'));
    for (let i = 1; i < QUARANTINE_AFTER.retries; i++)
      await expect(processArticle(deps, job)).rejects.toThrow(ClaimContentionError);
    expect(p.store.errorLog.errors).toHaveLength(QUARANTINE_AFTER.retries - 1);
    expect(p.store.errorLog.errors[2]?.message).toContain(
      `failed attempt 3 of ${QUARANTINE_AFTER.retries} (retryable)`,
    );
    expect(await processArticle(deps, job)).toMatchObject({ quarantined: true });
  });

  it('a failure whose record cannot be written still leaves the article to retry', async () => {
    const { p, job, deps } = setUp(() => new RangeError('Invalid time value'));
    const errorLog = intercept(p.deps.errorLog, 'recordError', {
      before: () => {
        throw new Error('store down');
      },
    });
    await expect(processArticle({ ...deps, errorLog }, job)).rejects.toThrow('Invalid time value');
    expect(await p.store.articleLedger.unfinishedArticles([job.articleId])).toEqual(
      new Set([job.articleId]),
    );
  });
});
