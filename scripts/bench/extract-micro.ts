// Micro-benchmark: the bare floor (`new JSDOM(html)` + Readability) against extractArticle
// (pre-cleaning + scripting-disabled DOMParser document + Readability) on every FA-KES row
// rendered as a realistic ~100 KB news page.
// Run: npx tsx scripts/bench/extract-micro.ts [--rows N] [--data DIR]
//
// Each page is timed with both functions back to back, in alternating order, after a warm-up,
// so JIT state, GC pressure and CPU frequency drift hit both sides alike.

import { loadFaKes } from '../../shared/corpus/fa-kes.ts';
import { extractArticle, floorExtract } from '../../shared/extract/extract-article.ts';
import { renderNewsPage } from '../../testkit/news-page.ts';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[idx] ?? Number.NaN;
}

const rows = loadFaKes(arg('--data'));
const limit = Number(arg('--rows') ?? rows.length);
const pages = rows.slice(0, limit).map((r, i) => {
  const url = `https://www.${r.source || 'news'}.example/news/${r.unitId || i}`;
  return {
    url,
    html: renderNewsPage({
      title: r.title,
      content: r.content,
      source: r.source,
      date: r.date,
      url,
      // Every third page carries a byline, like the replay corpus.
      ...(i % 3 === 0 ? { byline: 'Staff Reporter' } : {}),
    }),
  };
});
const totalKb = pages.reduce((s, p) => s + p.html.length, 0) / 1024;
console.log(
  `${pages.length} pages, ${(totalKb / pages.length).toFixed(1)} KB mean, node ${process.version}`,
);

const WARMUP = Math.min(30, pages.length);
for (let i = 0; i < WARMUP; i++) {
  const p = pages[i];
  if (!p) continue;
  floorExtract(p.html, p.url);
  extractArticle(p.html, { url: p.url });
  await new Promise((done) => setImmediate(done));
}

const floorMs: number[] = [];
const pipeMs: number[] = [];
let mismatches = 0;
const started = performance.now();
let lastReport = started;
for (let i = 0; i < pages.length; i++) {
  const p = pages[i];
  if (!p) continue;
  const runFloor = (): string => {
    const t0 = performance.now();
    const a = floorExtract(p.html, p.url);
    floorMs.push(performance.now() - t0);
    return a?.text ?? '';
  };
  const runPipe = (): string => {
    const t0 = performance.now();
    const a = extractArticle(p.html, { url: p.url });
    pipeMs.push(performance.now() - t0);
    return a?.text ?? '';
  };
  let floorText: string;
  let pipeText: string;
  if (i % 2 === 0) {
    floorText = runFloor();
    pipeText = runPipe();
  } else {
    pipeText = runPipe();
    floorText = runFloor();
  }
  if (floorText !== pipeText) mismatches++;
  // jsdom frees a closed window only once the event loop turns (its queued load tasks hold it);
  // a synchronous loop over 804 pages would otherwise keep every DOM alive (GBs of heap).
  await new Promise((done) => setImmediate(done));
  const now = performance.now();
  if (now - lastReport > 3000) {
    lastReport = now;
    console.log(`  ${i + 1}/${pages.length} pages, ${((now - started) / 1000).toFixed(1)} s`);
  }
}

const f = [...floorMs].sort((a, b) => a - b);
const x = [...pipeMs].sort((a, b) => a - b);
const fmt = (n: number): string => n.toFixed(2).padStart(8);
console.log('');
console.log('                    median       p95      mean   (ms per page)');
const mean = (a: number[]): number => a.reduce((s, v) => s + v, 0) / a.length;
console.log(`floorExtract    ${fmt(quantile(f, 0.5))}  ${fmt(quantile(f, 0.95))}  ${fmt(mean(f))}`);
console.log(`extractArticle  ${fmt(quantile(x, 0.5))}  ${fmt(quantile(x, 0.95))}  ${fmt(mean(x))}`);
console.log(
  `ratio (extract/floor): median ${(quantile(x, 0.5) / quantile(f, 0.5)).toFixed(3)}, p95 ${(quantile(x, 0.95) / quantile(f, 0.95)).toFixed(3)}`,
);
console.log(`text mismatches vs floor: ${mismatches}/${pages.length}`);
console.log(`heap at end: ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB`);
