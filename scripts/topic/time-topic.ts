// `npm run time:topic`: what the topic classifier costs per article, over every FA-KES row
// (title and content as the pipeline passes them), beside topic + claims together, whose budget
// is 5 ms median and 20 ms p95 (issue 13). A quick look, not the bench: one warm-up pass, then
// each article timed on its own in three passes, the middle of its three timings kept.

import { parseArgs } from 'node:util';
import { extractClaims } from '../../shared/claims/extract-claims.ts';
import { defaultTopics } from '../../shared/config/schema.ts';
import { faKesText, loadFaKes, REPO_DATA_DIR } from '../../shared/corpus/fa-kes.ts';
import { classifyTopics } from '../../shared/topics/index.ts';

const { values: args } = parseArgs({ options: { data: { type: 'string' } } });

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

/** Middle of three timings per article, in ms, sorted. */
function perArticle(
  articles: { title: string; text: string }[],
  run: (a: { title: string; text: string }) => void,
): number[] {
  const timings: number[][] = articles.map(() => []);
  for (let pass = 0; pass < 3; pass++) {
    articles.forEach((a, i) => {
      const t = performance.now();
      run(a);
      timings[i]?.push(performance.now() - t);
    });
  }
  return timings.map((t) => t.sort((a, b) => a - b)[1] ?? 0).sort((a, b) => a - b);
}

const articles = loadFaKes(args.data ?? REPO_DATA_DIR).map((r) => ({
  title: r.title,
  text: faKesText(r),
}));
const topic = (a: { title: string; text: string }): void => {
  classifyTopics(a, defaultTopics);
};
const both = (a: { title: string; text: string }): void => {
  classifyTopics(a, defaultTopics);
  extractClaims(a.text, { title: a.title });
};
for (const a of articles) both(a);
for (const [name, ms] of [
  ['topic', perArticle(articles, topic)],
  ['topic + claims', perArticle(articles, both)],
] as const) {
  console.log(
    `${name.padEnd(15)} p50=${quantile(ms, 0.5).toFixed(3)} ms  p95=${quantile(ms, 0.95).toFixed(3)} ms  max=${(ms.at(-1) ?? 0).toFixed(3)} ms  over ${ms.length} articles`,
  );
}
