import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// Prints scripts/bench/results.json as the Markdown tables of the README's Performance section:
// `npx tsx scripts/bench/results-markdown.ts`.

interface Bundle {
  name: string;
  bytes: number;
  gzipBytes: number;
  loadMs: number;
  ratioToJsdom: number;
}

const here = dirname(fileURLToPath(import.meta.url));
const r = JSON.parse(readFileSync(resolve(here, 'results.json'), 'utf8'));
const b = Object.fromEntries((r.bundles?.bundles ?? []).map((x: Bundle) => [x.name, x])) as Record<
  string,
  Bundle
>;
const names = ['poll-feeds', 'process-article', 'send-alerts', 'query'];
const round = (x: number, d = 0) => Math.round(x * 10 ** d) / 10 ** d;
const each = (f: (x: Bundle) => string) => names.map((n) => (b[n] ? f(b[n]) : '-')).join(' / ');

const rows: [string, string][] = [
  [
    'articles / stories / claims / alerts',
    `${r.corpus.articles} / ${r.corpus.stories} / ${r.corpus.claims} / ${r.corpus.alerts} (${r.corpus.relevant} on topic)`,
  ],
  ['deliveries / duplicate deliveries', `${r.corpus.deliveries} / ${r.corpus.duplicateDeliveries}`],
  [
    'per article, pipeline p50 / p95',
    `${r.perArticleMs.pipelineP50} / ${r.perArticleMs.pipelineP95} ms`,
  ],
  [
    'per article, floor (bare JSDOM + Readability) p50 / p95',
    `${r.perArticleMs.floorP50} / ${r.perArticleMs.floorP95} ms`,
  ],
  [
    'floor: `new JSDOM(html)` p50 / Readability p50 (compare the parse and readability stages)',
    `${r.perArticleMs.floorParseP50} / ${r.perArticleMs.floorReadabilityP50} ms`,
  ],
  [
    'article text from the page / from the feed item (page under 200 characters) / errors',
    `${r.textSources.page} / ${r.textSources.feed} / ${r.textSources.errors}`,
  ],
  ['**pipeline / floor**', `**${r.pipelineToFloor}**`],
  ['extraction alone (pre-clean + DOM + Readability) / floor', `${r.extractToFloor}`],
  [
    'topic + claims per article p50 / p95',
    `${r.claimsAndTopicMs.p50} / ${r.claimsAndTopicMs.p95} ms`,
  ],
  ['articles per second (poll + process, one at a time)', `${r.articlesPerSecond}`],
  [
    'peak RSS of the replay (pipeline process: main thread + extraction worker)',
    `${r.peakRssMB} MB (extraction workers started: ${r.extractionWorkers})`,
  ],
  ['peak RSS of dynalite, in its own process', `${r.dynamoPeakRssMB} MB`],
  ['bytes fetched (feeds + pages, gzip)', `${r.bytesFetched}`],
  [
    'DynamoDB calls per article p50 / mean / on-topic p50',
    `${r.dynamoCallsPerArticle.p50} / ${r.dynamoCallsPerArticle.mean} / ${r.dynamoCallsPerArticle.onTopicP50}`,
  ],
  [
    'second poll of unchanged feeds: answered 304 / body bytes read',
    `${r.secondPoll.notModified} of ${r.secondPoll.feeds} / ${r.secondPoll.bodyBytes}`,
  ],
  [
    `DynamoDB calls per on-topic article with ${r.scale[0].items} / ${r.scale[1].items} items stored`,
    `${round(r.scale[0].callsPerArticle, 2)} / ${round(r.scale[1].callsPerArticle, 2)} (ratio ${r.scaleRatio})`,
  ],
  [
    `ms per on-topic article with ${r.scale[0].items} / ${r.scale[1].items} items stored (dynalite)`,
    `${round(r.scale[0].msPerArticle)} / ${round(r.scale[1].msPerArticle)}`,
  ],
  ['bare jsdom + Readability module load', `${round(r.bundles?.jsdomReadabilityLoadMs ?? 0)} ms`],
  [
    `cold start: bundle load (process-article: until its app is loaded and its extraction worker ready), ${names.join(' / ')}`,
    `${each((x) => `${round(x.loadMs)}`)} ms (${each((x) => `×${round(x.ratioToJsdom, 2)}`)} of bare jsdom + Readability)`,
  ],
  [
    `bundle size (gzip), ${names.join(' / ')}`,
    `${each((x) => `${Math.round(x.bytes / 1024)} (${Math.round(x.gzipBytes / 1024)})`)} KiB`,
  ],
];

const out = [
  `Latest full run: ${r.when.slice(0, 10)}, Node ${r.machine.node}, ${r.machine.cpus} cores (${r.machine.cpuModel}), heap limit ${r.machine.heapLimitMB} MB, a shared machine: read the ratios rather than the absolute times.`,
  '',
  '| figure | value |',
  '| --- | --- |',
  ...rows.map(([k, v]) => `| ${k} | ${v} |`),
  '',
  'Per stage (ms); the stages after the topic decision are for on-topic articles only:',
  '',
  '| stage | p50 | p95 |',
  '| --- | --- | --- |',
  ...r.stages.map(
    (s: { stage: string; p50: number; p95: number }) => `| ${s.stage} | ${s.p50} | ${s.p95} |`,
  ),
];
process.stdout.write(`${out.join('\n')}\n`);
