import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { loadFaKes } from '../../shared/corpus/fa-kes.ts';
import { ExtractError } from '../../shared/domain/errors.ts';
import { extractArticle } from '../../shared/extract/extract-article.ts';
import { WorkerExtractor, workerExecArgv } from '../../shared/extract/worker-extractor.ts';
import { feedItemText } from '../../shared/feeds/feed-item-text.ts';
import { renderNewsPage } from '../../testkit/news-page.ts';

// The extraction worker the runs use: same results as Readability in the calling thread, and
// what no in-thread timer can give: a deadline on a page that keeps jsdom busy, a heap cap on a
// page too big to parse, and a fresh worker after either, with the run going on.

/** Within the page size cap, but tens of thousands of table cells: seconds of jsdom work. */
const slowPage = (rows: number) =>
  `<html><body><article><p>${'Text. '.repeat(100)}</p><table>${'<tr><td>cell</td><td><b>x</b></td></tr>'.repeat(rows)}</table></article></body></html>`;

const extractors: WorkerExtractor[] = [];
const make = (opts: ConstructorParameters<typeof WorkerExtractor>[0]) => {
  const x = new WorkerExtractor(opts);
  extractors.push(x);
  return x;
};
afterEach(async () => {
  await Promise.all(extractors.splice(0).map((x) => x.close()));
});

describe('WorkerExtractor', () => {
  const rows = loadFaKes().slice(0, 5);
  const pages = rows.map((row) => {
    const url = `https://www.${row.source}.example/news/${row.unitId}`;
    return {
      url,
      html: renderNewsPage({
        title: row.title,
        content: row.content,
        source: row.source,
        date: row.date,
        url,
      }),
    };
  });

  it('returns what Readability returns in the calling thread, one worker for many pages', async () => {
    const x = make({ timeoutMs: 10_000 });
    for (const p of pages) {
      const timings = { parseMs: 0, readabilityMs: 0 };
      expect(await x.extract(p.html, p.url, timings)).toEqual(
        extractArticle(p.html, { url: p.url }),
      );
      // Where the worker's time went, for the bench's parse and Readability stages.
      expect(timings.parseMs).toBeGreaterThan(0);
      expect(timings.readabilityMs).toBeGreaterThan(0);
    }
    expect(x.started).toBe(1);
  });

  it('serves concurrent callers one page at a time, each its own result', async () => {
    const x = make({ timeoutMs: 10_000 });
    const results = await Promise.all(pages.map((p) => x.extract(p.html, p.url)));
    results.forEach((r, i) => {
      const p = pages[i];
      expect(r).toEqual(p ? extractArticle(p.html, { url: p.url }) : null);
    });
    expect(x.started).toBe(1);
  });

  it("turns a feed item's HTML into the same text, and plain text without the worker", async () => {
    const x = make({ timeoutMs: 10_000 });
    const html = '<p>US-led strikes killed <b>12</b> civilians &amp; 3 fighters.</p><p>Second.</p>';
    expect(await x.feedItemText(html)).toBe(feedItemText(html));
    expect(await x.feedItemText('  plain text  ')).toBe('plain text');
  });

  it('gives up a page past its deadline, then carries on with a fresh worker', async () => {
    const x = make({ timeoutMs: 300 });
    const err = await x.extract(slowPage(120_000), 'https://slow.example/a').catch((e) => e);
    expect(err).toBeInstanceOf(ExtractError);
    expect(err.code).toBe('extract_timeout');
    expect(err.message).toMatch(/took longer than 300 ms/);
    x.configure({ timeoutMs: 10_000, maxHeapMb: 256 });
    const p = pages[0];
    if (!p) throw new Error('no page');
    expect((await x.extract(p.html, p.url))?.text.length).toBeGreaterThan(200);
    expect(x.started).toBe(2);
  });

  it('fails a page that needs more heap than the cap, alone', async () => {
    const x = make({ timeoutMs: 60_000, maxHeapMb: 48 });
    const err = await x.extract(slowPage(150_000), 'https://huge.example/a').catch((e) => e);
    expect(err).toBeInstanceOf(ExtractError);
    expect(err.code).toBe('extract_too_big');
    const p = pages[1];
    if (!p) throw new Error('no page');
    expect((await x.extract(p.html, p.url))?.title).toBeTruthy();
  });

  it('reports a worker that cannot start as an extraction error', async () => {
    const script = join(tmpdir(), `strikewatch-broken-worker-${process.pid}.mjs`);
    writeFileSync(script, "throw new Error('cannot load');\n");
    const x = make({ timeoutMs: 1_000, script: { url: pathToFileURL(script) } });
    const err = await x.extract('<p>x</p>', 'https://x.example/').catch((e) => e);
    expect(err).toBeInstanceOf(ExtractError);
    expect(err.message).toMatch(/cannot load/);
  });
});

describe('workerExecArgv', () => {
  it("keeps source maps and loaders, drops what a worker refuses (Lambda's heap flags, -e's)", () => {
    expect(
      workerExecArgv([
        '--expose-gc',
        '--max-semi-space-size=8',
        '--max-old-space-size=460',
        '--max-http-header-size',
        '81920',
        '--enable-source-maps',
        '--input-type=module',
        '--import',
        'tsx',
        '--conditions=node',
      ]),
    ).toEqual(['--enable-source-maps', '--import', 'tsx', '--conditions=node']);
  });
});
