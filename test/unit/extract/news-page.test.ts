import { describe, expect, it } from 'vitest';
import { loadFaKes } from '../../../shared/corpus/fa-kes.ts';
import { extractArticle } from '../../../shared/extract/extract-article.ts';
import { renderNewsPage } from '../../../testkit/news-page.ts';

const rows = loadFaKes();
const first = rows[0];
if (!first) throw new Error('FA-KES corpus is empty');

const article = {
  title: first.title,
  content: first.content,
  source: first.source,
  date: first.date,
  url: `https://www.${first.source}.example/news/${first.unitId}`,
};

describe('renderNewsPage', () => {
  it('is deterministic', () => {
    expect(renderNewsPage(article)).toBe(renderNewsPage({ ...article }));
  });

  it('varies with url and title', () => {
    const a = renderNewsPage(article);
    expect(renderNewsPage({ ...article, url: `${article.url}-2` })).not.toBe(a);
    expect(renderNewsPage({ ...article, title: `${article.title}!` })).not.toBe(a);
  });

  it('weighs about 100 KB on corpus rows', () => {
    for (const r of rows.slice(0, 40)) {
      const kb =
        renderNewsPage({ ...r, url: `https://www.${r.source}.example/news/${r.unitId}` }).length /
        1024;
      expect(kb).toBeGreaterThan(70);
      expect(kb).toBeLessThan(140);
    }
  });

  it('has the furniture of a real news page', () => {
    const html = renderNewsPage({ ...article, byline: 'Jane Doe' });
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<meta property="og:title"');
    expect(html).toMatch(/<meta property="article:published_time" content="\d{4}-\d\d-\d\dT/);
    expect(html.match(/<link rel="stylesheet"/g)?.length).toBeGreaterThanOrEqual(3);
    const css = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].reduce(
      (n, m) => n + (m[1]?.length ?? 0),
      0,
    );
    expect(css).toBeGreaterThan(8_000);
    expect(html).toContain('<script type="application/ld+json">');
    expect(html).toContain('"@type":"NewsArticle"');
    expect(html).toMatch(/<script async src="https:\/\//);
    expect(html).toContain('gtag(');
    expect(html.match(/<a /g)?.length).toBeGreaterThan(150);
    expect(html).toContain('Breaking');
    expect(html).toContain('Most Read');
    expect(html).toContain('Advertisement');
    expect(html).toContain('Share on facebook');
    expect(html).toContain('Jane Doe');
    expect(html).toMatch(/<footer/);
  });

  it('splits one-line content into paragraphs of a few sentences', () => {
    const content = Array.from(
      { length: 12 },
      (_, i) => `Sentence number ${i + 1} reports what the monitor said.`,
    ).join(' ');
    const html = renderNewsPage({ ...article, content });
    const paras = [...html.matchAll(/<p[^>]*>(Sentence number[^<]*)<\/p>/g)].map((m) => m[1] ?? '');
    expect(paras.length).toBeGreaterThanOrEqual(3);
    expect(paras.join(' ')).toBe(content);
    for (const p of paras) {
      const n = p.split('. ').length;
      expect(n).toBeGreaterThanOrEqual(1);
      expect(n).toBeLessThanOrEqual(4);
    }
  });

  it('uses different templates for different outlets', () => {
    const classes = (source: string): string =>
      /<body class="([^"]+)"/.exec(renderNewsPage({ ...article, source }))?.[1] ?? '';
    const seen = new Set(['reuters', 'alaraby', 'sana'].map(classes));
    expect(seen.size).toBe(3);
    // Unknown outlets still get one of the templates, under their own name.
    expect(renderNewsPage({ ...article, source: 'somewire' })).toContain('somewire');
  });

  it('escapes hostile article fields', () => {
    const html = renderNewsPage({
      ...article,
      title: 'Title </title><script>alert(1)</script>',
      content: 'Body <img src=x onerror=alert(1)> text. More "quoted" & more.',
      byline: '<b>Evil</b>',
    });
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<b>Evil</b>');
    const a = extractArticle(html, { url: article.url });
    expect(a?.title).toBe('Title </title><script>alert(1)</script>');
    expect(a?.text).toContain('Body <img src=x onerror=alert(1)> text.');
  });

  it('leaves the date out when there is none', () => {
    const html = renderNewsPage({ ...article, date: null });
    expect(html).not.toContain('article:published_time');
    expect(extractArticle(html, { url: article.url })?.publishedAt).toBeNull();
  });
});
