import { describe, expect, it } from 'vitest';
import { ARTICLE_JOB_MAX_BYTES, messageBytes } from '../../../shared/contracts/queues.ts';
import type { FeedItem } from '../../../shared/domain/article.ts';
import {
  boundStoredText,
  boundUtf8,
  STORED_TEXT_MAX_BYTES,
  STORED_TEXT_MAX_CHARS,
  singleLine,
} from '../../../shared/domain/bounds.ts';
import {
  articleIdFor,
  articleJob,
  boundedOutlet,
  fitJob,
  legacyArticleId,
} from '../../../shared/use-cases/article-jobs.ts';
import { parseArticleJob } from '../../../shared/use-cases/messages.ts';

// Feed items as jobs: bounded, identified per feed, within the queue's byte cap.

const item = (over: Partial<FeedItem> = {}): FeedItem => ({
  guid: 'g1',
  link: 'https://news.example/a?utm_source=x',
  title: 'Strike near Raqqa',
  publishedAt: '2017-06-05T00:00:00.000Z',
  content: '<p>Text</p>',
  ...over,
});

describe('bounds', () => {
  it('fold lines and cut at the bound without splitting a surrogate pair', () => {
    expect(singleLine('Reuters\n*Figure:*\r\n  5000', 100)).toBe('Reuters *Figure:* 5000');
    const cut = singleLine('😀'.repeat(300), 11);
    expect(cut.length).toBeLessThanOrEqual(11);
    expect(cut.endsWith('…')).toBe(true);
    expect(cut).not.toMatch(/[\ud800-\udbff]…$/);
  });

  it('stored text within both caps, cut at a character', () => {
    const cjk = '漢'.repeat(STORED_TEXT_MAX_CHARS);
    const stored = boundStoredText(cjk);
    expect(Buffer.byteLength(stored)).toBeLessThanOrEqual(STORED_TEXT_MAX_BYTES);
    expect(stored.endsWith('漢…')).toBe(true);
    expect(boundUtf8('ab', 10)).toBe('ab');
  });
});

describe('article identity', () => {
  it('is per feed: two feeds listing one URL get two articles', () => {
    const a = articleIdFor('reuters', item());
    const b = articleIdFor('evil', item());
    expect(a.canonicalUrl).toBe(b.canonicalUrl);
    expect(a.articleId).not.toBe(b.articleId);
    expect(a.articleId).toMatch(/^[a-f0-9]{32}$/);
    // The id before: the canonical URL alone, for the migration.
    expect(legacyArticleId(a.canonicalUrl ?? '')).not.toBe(a.articleId);
  });

  it('items without links keep the id they always had (feed and GUID)', () => {
    expect(articleIdFor('wire', item({ link: null })).articleId).toBe(
      articleIdFor('wire', item({ link: null, title: 'other' })).articleId,
    );
  });
});

describe('article jobs', () => {
  it('bound what the feed chose: title, outlet, GUID, link, content', () => {
    const job = articleJob(
      { id: 'wire' },
      boundedOutlet(`Wire\n${'x'.repeat(500)}`, 'https://w.example/rss'),
      {
        guid: 'g'.repeat(5000),
        link: `https://w.example/${'p'.repeat(5000)}`,
        title: `A\nB ${'t'.repeat(450_000)}`,
        publishedAt: null,
        content: 'c'.repeat(300_000),
      },
    );
    expect(job.outlet.length).toBeLessThanOrEqual(100);
    expect(job.outlet).not.toContain('\n');
    expect(job.item.title?.length).toBeLessThanOrEqual(500);
    expect(job.item.guid?.length).toBeLessThanOrEqual(1000);
    // A link longer than any article's is no link: the item is known by its GUID.
    expect(job.url).toBeNull();
    expect(messageBytes(job)).toBeLessThanOrEqual(ARTICLE_JOB_MAX_BYTES);
  });

  it('an outlet with nothing left after folding is the feed host', () => {
    expect(boundedOutlet(' \n\t ', 'https://w.example/rss')).toBe('w.example');
    expect(boundedOutlet(null, 'https://w.example/rss')).toBe('w.example');
  });

  it('cut content until the JSON fits, escapes and all', () => {
    // Quotes and controls take more bytes in JSON than in the string.
    const content = `"\u0001é`.repeat(40_000);
    const job = fitJob(articleJob({ id: 'wire' }, 'Wire', item({ content })));
    expect(messageBytes(job)).toBeLessThanOrEqual(ARTICLE_JOB_MAX_BYTES);
    expect(job.item.content?.endsWith('…')).toBe(true);
    expect(messageBytes(job)).toBeGreaterThan(ARTICLE_JOB_MAX_BYTES * 0.9);
  });

  it('a job is bounded again on arrival from the queue', () => {
    const job = {
      ...articleJob({ id: 'wire' }, 'Wire', item()),
      outlet: `Reuters\n${'o'.repeat(400)}`,
    };
    const body = JSON.stringify({ ...job, item: { ...job.item, title: 'T'.repeat(10_000) } });
    const parsed = parseArticleJob(body);
    expect(parsed.outlet.length).toBeLessThanOrEqual(100);
    expect(parsed.outlet).not.toContain('\n');
    expect(parsed.item.title?.length).toBeLessThanOrEqual(500);
    expect(() => parseArticleJob('x'.repeat(5 * ARTICLE_JOB_MAX_BYTES))).toThrow(/too large/);
  });
});
