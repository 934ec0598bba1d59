import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getHeapStatistics } from 'node:v8';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createDynamoDbStore } from '../../shared/adapters/dynamodb/dynamodb-store.ts';
import { itemKey } from '../../shared/adapters/dynamodb/keys.ts';
import { bandItems, fingerprintItem } from '../../shared/adapters/dynamodb/stories.ts';
import type { DynamoTable } from '../../shared/adapters/dynamodb/table.ts';
import { extractClaims } from '../../shared/claims/extract-claims.ts';
import { defaultTopics } from '../../shared/config/schema.ts';
import { type FaKesRow, faKesText, loadFaKes, REPO_DATA_DIR } from '../../shared/corpus/fa-kes.ts';
import { BAND_COUNT, fingerprintText } from '../../shared/dedupe/fingerprint.ts';
import { extractArticle, floorExtract } from '../../shared/extract/extract-article.ts';
import { WorkerExtractor } from '../../shared/extract/worker-extractor.ts';
import type { DemoSite, SitePage } from '../../shared/local/demo-site.ts';
import type { LocalDeps } from '../../shared/local/local-deps.ts';
import { classifyTopics } from '../../shared/topics/index.ts';
import { deliverDue } from '../../shared/use-cases/deliver-alerts.ts';
import {
  type ArticleJob,
  articleIdFor,
  commitFeedState,
  pollFeeds,
} from '../../shared/use-cases/poll-feeds.ts';
import { processArticle } from '../../shared/use-cases/process-article.ts';
import type { Stage, StageReporter } from '../../shared/use-cases/stage-timer.ts';
import { faKesPageRenderer, faKesPages } from '../../testkit/fa-kes-site.ts';
import { type Harness, startHarness } from '../../testkit/pipeline-harness.ts';
import type { BundleMeasurements } from './bundle-size.ts';
import { childService, externalDynamo, median, pct } from './child-services.ts';
import type { ReplayReportFigures } from './report-figures.ts';

// `npm run bench [-- --quick]`: the FA-KES corpus replayed through the real pipeline (pages of
// ~100 KB on 127.0.0.1, dynalite through the AWS SDK, Slack and SMTP receivers), measured side
// by side in one run with the floor it cannot avoid: bare `new JSDOM(html)` + Readability over
// the same pages. Prints one table and writes scripts/bench/results.json. `--data DIR` replays another
// copy of the corpus.

const quick = process.argv.includes('--quick');
/** `--data DIR`: replay another copy of the corpus (same layout as data/); default data/. */
const dataArg = process.argv.indexOf('--data');
const dataDir = dataArg > 0 ? resolve(process.argv[dataArg + 1] ?? '') : REPO_DATA_DIR;
const here = dirname(fileURLToPath(import.meta.url));

// The AWS SDK's Node 20 notice is not a benchmark figure.
process.removeAllListeners('warning');

const progress = (msg: string) => process.stderr.write(`bench: ${msg}\n`);

const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

/** `--call-sites`: the breakdown names the store method of each call too (slower: a stack each). */
const callSites = process.argv.includes('--call-sites');

/** The store methods (outside the table itself) on the stack of a call. */
function callSite(): string {
  const frames = (new Error().stack ?? '').split('\n').slice(1);
  const ours = frames
    .map(
      (f) =>
        /at (?:async )?([\w.<>]+) \(.*\/shared\/(?:adapters\/dynamodb|use-cases)\/(?!table\.ts)/.exec(
          f,
        )?.[1],
    )
    .filter((name): name is string => Boolean(name));
  return ours.slice(0, 2).join('<') || 'unknown';
}

/** Counts DynamoDB API calls per operation with an SDK middleware. */
function countCalls(client: DynamoDBClient): {
  total(): number;
  byOp: Map<string, number>;
  reset(): void;
  /** The operations called since the previous take (the calls of one stage). */
  takeSinceLap(): string[];
} {
  const byOp = new Map<string, number>();
  const sinceLap: string[] = [];
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const op = String(context.commandName ?? 'unknown').replace(/Command$/, '');
      byOp.set(op, (byOp.get(op) ?? 0) + 1);
      sinceLap.push(callSites ? `${op}@${callSite()}` : op);
      return next(args);
    },
    { step: 'initialize', name: 'strikewatchBenchCallCounter' },
  );
  return {
    byOp,
    total: () => [...byOp.values()].reduce((a, b) => a + b, 0),
    reset: () => byOp.clear(),
    takeSinceLap: () => sinceLap.splice(0),
  };
}

/** DynamoDB calls per on-topic article, by stage and operation: the mean of each, and the p50 per stage. */
type CallBreakdown = { stage: string; p50: number; byOp: Record<string, number> }[];

function callBreakdown(perArticle: Map<string, number>[]): CallBreakdown {
  const stagesSeen = [
    ...new Set(perArticle.flatMap((m) => [...m.keys()].map((k) => k.split(' ')[0] ?? ''))),
  ];
  return stagesSeen.map((stage) => {
    const byOp: Record<string, number> = {};
    const totals = perArticle.map((m) => {
      let n = 0;
      for (const [k, c] of m) {
        const [s, op = ''] = k.split(' ');
        if (s !== stage) continue;
        n += c;
        byOp[op] = (byOp[op] ?? 0) + c / perArticle.length;
      }
      return n;
    });
    for (const op of Object.keys(byOp)) byOp[op] = round(byOp[op] ?? 0);
    return { stage, p50: median(totals), byOp };
  });
}

interface Env {
  harness: Harness;
  site: DemoSite;
  deps: LocalDeps;
  calls: ReturnType<typeof countCalls>;
  /** dynalite's own peak, known once closed. */
  dynamoPeakRssMB(): number | null;
  close(): Promise<void>;
}

/** The outlets' sites in a child process; resolves once it listens. */
async function externalSite(rowIndexes: number[]): Promise<DemoSite> {
  const { info, stop } = await childService<Pick<DemoSite, 'baseUrl' | 'feeds'>>(
    'news-site-process.ts',
    { BENCH_ROWS: rowIndexes.join(','), BENCH_DATA: dataDir },
  );
  return {
    ...info,
    stats: { requests: 0, notModified: 0, bodyBytes: 0 },
    close: async () => {
      await stop();
    },
  };
}

/** What the site served so far (it counts in its own process). */
async function siteStats(site: DemoSite): Promise<DemoSite['stats']> {
  const res = await fetch(`${site.baseUrl}/__stats`);
  return (await res.json()) as DemoSite['stats'];
}

/** The same real components as the integration tests, with ~100 KB pages and a call counter. */
async function pipelineEnv(rowIndexes: number[], onStage?: StageReporter['onStage']): Promise<Env> {
  const dynamo = await externalDynamo();
  const harness = await startHarness({
    site: await externalSite(rowIndexes),
    dynamo,
    config: (base) => ({
      ...base,
      network: { ...(base.network as object), maxItemsPerFeed: 1000 },
    }),
  });
  const calls = countCalls(harness.dynamo.client);
  return {
    harness,
    site: harness.site,
    deps: harness.deps(onStage ? { onStage } : {}),
    calls,
    dynamoPeakRssMB: () => dynamo.peakRssMB(),
    close: () => harness.close(),
  };
}

/** Incident and stand-alone accusation records the replay wrote. */
async function countRecords(env: Env): Promise<{ incidents: number; accusations: number }> {
  const reader = env.harness.storeAt(env.harness.dynamo.client).incidentReader;
  const count = async (kind: 'incident' | 'accusation') => {
    let n = 0;
    let cursor: string | null = null;
    do {
      const page = await reader.listRecords({ kind }, cursor);
      n += page.records.length;
      cursor = page.cursor;
    } while (cursor);
    return n;
  };
  return { incidents: await count('incident'), accusations: await count('accusation') };
}

/** A mirror outlet: every article again, under another feed (new article ids), same pages. */
function mirrorJob(job: ArticleJob): ArticleJob {
  const feedId = 'mirror';
  return { ...job, feedId, outlet: 'Mirror Wire', ...articleIdFor(feedId, job.item) };
}

/** The messages a pass over these jobs queues (0 for a re-run or a mirror). */
async function messagesOf(env: Env, jobs: ArticleJob[]): Promise<number> {
  let n = 0;
  for (const job of jobs) {
    const outcome = await processArticle(env.deps, job);
    if ('alerts' in outcome) n += outcome.alerts.length;
  }
  return n;
}

/** Word salad from the corpus vocabulary: realistic band collisions, never a real story. */
function syntheticTexts(rows: FaKesRow[], count: number): string[] {
  const vocab = [
    ...new Set(rows.flatMap((r) => r.content.split(/\s+/)).filter((w) => w.length > 3)),
  ];
  let seed = 42;
  const rnd = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  return Array.from({ length: count }, () =>
    Array.from({ length: 250 }, () => vocab[Math.floor(rnd() * vocab.length)]).join(' '),
  );
}

/** Fills a store with `items` items shaped like the pipeline's own (BatchWriteItem, 25 a call). */
async function seedStore(table: DynamoTable, rows: FaKesRow[], items: number): Promise<void> {
  const perArticle = BAND_COUNT + 3;
  const articles = Math.ceil(items / perArticle);
  const today = new Date().toISOString().slice(0, 10);
  const batch: Record<string, unknown>[] = [];
  const texts = syntheticTexts(rows, Math.min(articles, 2000));
  for (let i = 0; i < articles; i++) {
    const fp = fingerprintText(`${texts[i % texts.length]} ${i}`);
    const id = `seed${String(i).padStart(8, '0')}`;
    const at = `${today}T00:00:00.000Z#${id}`;
    const owner = { storyId: id, indexedAt: at };
    batch.push(
      { ...itemKey.article(id), status: 'done', articleId: id, relevant: false },
      fingerprintItem({
        articleId: id,
        ...owner,
        publishedDate: null,
        ...fp,
        identities: [fp.contentHash],
      }),
      { ...itemKey.contentHash(fp.contentHash), articleId: id, storyId: id },
      ...bandItems({ articleId: id, bands: fp.bands, storyDate: today }, owner),
    );
    if (batch.length >= 2500 || i === articles - 1) {
      await table.batchPut(batch.splice(0));
      if (articles > 1000 && i % 1000 < perArticle)
        progress(`seeding ${Math.round((i / articles) * 100)}%`);
    }
  }
}

/**
 * The floor, side by side over the same pages (alternating, after a warm-up). Rendered one at a
 * time, so that no page outlives its measurement.
 */
async function measureFloor(pages: SitePage[], rows: FaKesRow[], baseUrl: string) {
  progress('floor: bare new JSDOM(html) + Readability over the same pages');
  const render = faKesPageRenderer(rows);
  const html = (p: SitePage) => render(p, p.outlet, `${baseUrl}/${p.feedId}/articles/${p.slug}`);
  for (const p of pages.slice(0, 10)) {
    floorExtract(html(p), 'https://example.org/a');
    extractArticle(html(p), { url: 'https://example.org/a' });
  }
  const floor: number[] = [];
  const floorParse: number[] = [];
  const floorReadability: number[] = [];
  const extractOnly: number[] = [];
  for (const [i, p] of pages.entries()) {
    const page = html(p);
    const timings = { parseMs: 0, readabilityMs: 0 };
    let t = performance.now();
    floorExtract(page, 'https://example.org/a', timings);
    floor.push(performance.now() - t);
    floorParse.push(timings.parseMs);
    floorReadability.push(timings.readabilityMs);
    t = performance.now();
    extractArticle(page, { url: 'https://example.org/a' });
    extractOnly.push(performance.now() - t);
    // jsdom releases a closed window's memory on a later turn of the event loop, as the
    // pipeline's awaits give it; a tight loop would only measure the garbage piling up.
    await new Promise((r) => setImmediate(r));
    if ((i + 1) % 200 === 0) progress(`floor ${i + 1}/${pages.length}`);
  }
  return { floor, floorParse, floorReadability, extractOnly };
}

async function measure() {
  const started = Date.now();
  const all = loadFaKes(dataDir);
  const rows = quick ? all.slice(0, 120) : all;
  const pages = faKesPages(rows);
  const rowIndexes = rows.map((_, i) => i);
  progress(
    `${quick ? 'quick run: ' : ''}${rows.length} FA-KES articles as ${new Set(rows.map((r) => r.source)).size} outlet feeds`,
  );

  // ---- 1. the pipeline, one article at a time, stage by stage
  const stages = new Map<Stage, number[]>();
  let current = new Map<Stage, number>();
  // The calls of the article being processed, by "stage operation".
  let currentCalls = new Map<string, number>();
  const env = await pipelineEnv(rowIndexes, (stage, ms) => {
    current.set(stage, (current.get(stage) ?? 0) + ms);
    for (const op of env.calls.takeSinceLap()) {
      const k = `${stage} ${op}`;
      currentCalls.set(k, (currentCalls.get(k) ?? 0) + 1);
    }
  });
  const pollStart = performance.now();
  const polls = await pollFeeds(env.deps, { force: true });
  const pollMs = performance.now() - pollStart;
  const jobs: ArticleJob[] = polls.flatMap((p) => (p.status === 'ok' ? p.jobs : []));
  const perArticle: number[] = [];
  const callsPerArticle: number[] = [];
  const callsPerRelevant: number[] = [];
  const callsOnTopicByStage: Map<string, number>[] = [];
  let alerts = 0;
  let relevant = 0;
  // A run whose pages failed to extract would time the feed's text instead: counted and shown.
  const textSources = { page: 0, feed: 0 };
  let extractionErrors = 0;
  const pipelineStart = performance.now();
  for (const [i, job] of jobs.entries()) {
    current = new Map();
    currentCalls = new Map();
    env.calls.takeSinceLap();
    const before = env.calls.total();
    const t0 = performance.now();
    const outcome = await processArticle(env.deps, job);
    perArticle.push(performance.now() - t0);
    callsPerArticle.push(env.calls.total() - before);
    if (outcome.status === 'processed') {
      callsPerRelevant.push(env.calls.total() - before);
      // Calls after the last lap (none today) are still the article's.
      for (const op of env.calls.takeSinceLap()) {
        const k = `unlapped ${op}`;
        currentCalls.set(k, (currentCalls.get(k) ?? 0) + 1);
      }
      callsOnTopicByStage.push(currentCalls);
    }
    for (const [s, ms] of current) stages.set(s, [...(stages.get(s) ?? []), ms]);
    if ('textSource' in outcome) textSources[outcome.textSource]++;
    else extractionErrors++;
    if (outcome.status === 'processed') {
      relevant++;
      alerts += outcome.alerts.length;
    }
    if ((i + 1) % 100 === 0) progress(`pipeline ${i + 1}/${jobs.length} articles`);
  }
  for (const p of polls) await commitFeedState(env.deps, p);
  const deliverStart = performance.now();
  const delivered = await deliverDue(env.deps, { maxWaitMs: 10_000 });
  const deliverMs = performance.now() - deliverStart;
  const pipelineMs = performance.now() - pipelineStart;
  const bytesFetched = (await siteStats(env.site)).bodyBytes;
  const extractionWorkers =
    env.deps.extractor instanceof WorkerExtractor ? env.deps.extractor.started : 0;
  // The replay's own peak, before the floor and the scale runs add theirs.
  const replayPeakRssMB = process.resourceUsage().maxRSS / 1024;
  const query = env.harness.query;
  const stories = (await query({ kind: 'story', limit: 1000 })).length;
  const records = await countRecords(env);
  const claims = records.incidents + records.accusations;
  // ---- 1b. the same articles again (a re-run), and a mirror outlet republishing every one
  const rerun = await messagesOf(env, jobs);
  const mirror = await messagesOf(env, jobs.map(mirrorJob));
  const deliveries = (await query({ kind: 'alert', limit: 1000 })).flatMap((r) =>
    r.kind === 'alert' ? r.item.deliveries : [],
  );
  const duplicateDeliveries =
    deliveries.length - new Set(deliveries.map((d) => `${d.alertId}/${d.subscriberId}`)).size;

  // ---- 2. the second poll of unchanged feeds
  const before = await siteStats(env.site);
  const second = await pollFeeds(env.deps, { force: true });
  const after = await siteStats(env.site);
  const secondPoll = {
    feeds: second.length,
    notModified: after.notModified - before.notModified,
    bodyBytes: after.bodyBytes - before.bodyBytes,
  };

  // ---- 3. the floor, side by side over the same pages (alternating, after a warm-up)
  const { floor, floorParse, floorReadability, extractOnly } = await measureFloor(
    pages,
    rows,
    env.site.baseUrl,
  );

  // ---- 4. topic + claims alone, per article
  const texts = rows.map(faKesText);
  const claimMs: number[] = [];
  for (const text of texts.slice(0, 20)) extractClaims(text);
  for (const text of texts) {
    const t = performance.now();
    classifyTopics({ text }, defaultTopics);
    extractClaims(text);
    claimMs.push(performance.now() - t);
  }
  // ---- 4b. the analyst report of the records the replay wrote (issue 15: < 5 s, < 10 MB)
  let report: ReplayReportFigures | null = null;
  try {
    progress('rendering the analyst report of the replay records');
    const { measureStoredReport } = await import('./report-figures.ts');
    const store = env.harness.storeAt(env.harness.dynamo.client);
    const data = `the records this FA-KES replay wrote through the pipeline (${rows.length} rows)`;
    report = await measureStoredReport(store, data, quick ? 1 : 3);
  } catch (err) {
    progress(`report measurement failed: ${(err as Error).message.split('\n')[0]}`);
  }
  await env.close();
  const dynamoPeakRssMB = env.dynamoPeakRssMB();

  // ---- 5. scale: the same articles against 1k and 100k stored items
  const scale: { items: number; callsPerArticle: number; msPerArticle: number }[] = [];
  // Articles on the topic, so that every stage (dedupe, claims, alerts) is in the figure.
  const sample = all
    .map((r, i) => ({ r, i }))
    .filter(({ r }) => classifyTopics({ title: r.title, text: r.content }, defaultTopics).relevant)
    .slice(-(quick ? 20 : 50))
    .map(({ i }) => i);
  for (const items of quick ? [1_000, 20_000] : [1_000, 100_000]) {
    progress(`scale: seeding ${items} items`);
    const s = await pipelineEnv(sample);
    const { client } = s.harness.dynamo;
    const seeded = createDynamoDbStore({ client, tableName: s.harness.tableName });
    await seedStore(seeded.table, all, items);
    const sj = (await pollFeeds(s.deps, { force: true })).flatMap((p) =>
      p.status === 'ok' ? p.jobs : [],
    );
    s.calls.reset();
    const t0 = performance.now();
    for (const job of sj) await processArticle(s.deps, job);
    scale.push({
      items,
      callsPerArticle: s.calls.total() / sj.length,
      msPerArticle: (performance.now() - t0) / sj.length,
    });
    await s.close();
  }

  // ---- 6. Lambda bundles
  let bundles: BundleMeasurements | null = null;
  try {
    progress('bundling each function and loading it in fresh Node processes');
    const { measureBundles } = await import('./bundle-size.ts');
    bundles = await measureBundles({ runs: quick ? 3 : 9 });
  } catch (err) {
    progress(`bundle measurement failed: ${(err as Error).message.split('\n')[0]}`);
  }

  const pipelineP50 = median(perArticle);
  const floorP50 = median(floor);
  const stageRows = (
    [
      'fetch',
      'parse',
      'readability',
      'handoff',
      'topic',
      'claims',
      'dedupe',
      'store',
      'alert',
    ] as Stage[]
  ).map((s) => ({
    stage: s,
    p50: round(median(stages.get(s) ?? [])),
    p95: round(pct(stages.get(s) ?? [], 95)),
  }));
  const results = {
    when: new Date().toISOString(),
    machine: {
      heapLimitMB: Math.round(getHeapStatistics().heap_size_limit / 2 ** 20),
      node: process.version,
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? '',
      memoryGiB: round(totalmem() / 2 ** 30, 1),
    },
    quick,
    corpus: {
      articles: rows.length,
      feeds: polls.length,
      relevant,
      stories,
      claims,
      incidents: records.incidents,
      accusationRecords: records.accusations,
      alerts,
      messagesPerStory: round(alerts / Math.max(1, stories), 3),
      rerunMessages: rerun,
      mirrorMessages: mirror,
      deliveries: deliveries.length,
      duplicateDeliveries,
    },
    textSources: { ...textSources, errors: extractionErrors },
    extractionWorkers,
    perArticleMs: {
      pipelineP50: round(pipelineP50),
      pipelineP95: round(pct(perArticle, 95)),
      floorP50: round(floorP50),
      floorP95: round(pct(floor, 95)),
      floorParseP50: round(median(floorParse)),
      floorReadabilityP50: round(median(floorReadability)),
      extractOnlyP50: round(median(extractOnly)),
    },
    pipelineToFloor: round(pipelineP50 / floorP50, 3),
    extractToFloor: round(median(extractOnly) / floorP50, 3),
    stages: stageRows,
    claimsAndTopicMs: { p50: round(median(claimMs), 3), p95: round(pct(claimMs, 95), 3) },
    articlesPerSecond: round(jobs.length / ((pipelineMs + pollMs) / 1000), 1),
    pollMs: round(pollMs),
    deliverMs: round(deliverMs),
    delivered,
    peakRssMB: round(replayPeakRssMB, 1),
    dynamoPeakRssMB,
    bytesFetched,
    dynamoCallsPerArticle: {
      p50: median(callsPerArticle),
      mean: round(callsPerArticle.reduce((a, b) => a + b, 0) / Math.max(1, callsPerArticle.length)),
      onTopicP50: median(callsPerRelevant),
      onTopicByStage: callBreakdown(callsOnTopicByStage),
    },
    secondPoll,
    scale,
    scaleRatio: round((scale[1]?.callsPerArticle ?? 0) / (scale[0]?.callsPerArticle ?? 1), 3),
    bundles,
    report,
    seconds: round((Date.now() - started) / 1000, 1),
  };

  return results;
}

type Results = Awaited<ReturnType<typeof measure>>;

function printTable(r: Results) {
  const line = (k: string, v: string) => process.stdout.write(`${k.padEnd(44)} ${v}\n`);
  process.stdout.write(
    `\nstrikewatch bench (${r.quick ? 'quick, ' : ''}Node ${r.machine.node}, heap limit ${r.machine.heapLimitMB} MB, ${r.machine.cpus} cores, ${r.machine.cpuModel})\n\n`,
  );
  line(
    'articles / stories / records / messages',
    `${r.corpus.articles} / ${r.corpus.stories} / ${r.corpus.claims} (${r.corpus.incidents} incidents) / ${r.corpus.alerts} (${r.corpus.relevant} on topic)`,
  );
  line('messages per on-topic story', `${r.corpus.messagesPerStory}`);
  line(
    'messages of a re-run / of a mirror outlet',
    `${r.corpus.rerunMessages} / ${r.corpus.mirrorMessages}`,
  );
  line(
    'deliveries / duplicate deliveries',
    `${r.corpus.deliveries} / ${r.corpus.duplicateDeliveries}`,
  );
  line(
    'per article, pipeline p50 / p95 (ms)',
    `${r.perArticleMs.pipelineP50} / ${r.perArticleMs.pipelineP95}`,
  );
  line(
    'per article, floor JSDOM+Readability p50 (ms)',
    `${r.perArticleMs.floorP50} (p95 ${r.perArticleMs.floorP95})`,
  );
  line(
    'article text from the page / feed item / error',
    `${r.textSources.page} / ${r.textSources.feed} / ${r.textSources.errors}`,
  );
  line('extraction worker threads started', `${r.extractionWorkers}`);
  line(
    'floor: new JSDOM(html) p50 / Readability p50 (ms)',
    `${r.perArticleMs.floorParseP50} / ${r.perArticleMs.floorReadabilityP50}`,
  );
  line('pipeline / floor', `${r.pipelineToFloor}`);
  line('extract (pre-clean + DOM + Readability) / floor', `${r.extractToFloor}`);
  for (const s of r.stages) line(`  stage ${s.stage} p50 / p95 (ms)`, `${s.p50} / ${s.p95}`);
  line(
    'topic + claims per article p50 / p95 (ms)',
    `${r.claimsAndTopicMs.p50} / ${r.claimsAndTopicMs.p95}`,
  );
  line('articles per second (poll + process)', `${r.articlesPerSecond}`);
  line('peak RSS of the replay (MB)', `${r.peakRssMB}`);
  line('  dynalite, in its own process (MB)', `${r.dynamoPeakRssMB ?? 'n/a'}`);
  line('bytes fetched (first poll + pages)', `${r.bytesFetched}`);
  line(
    'DynamoDB calls per article p50 / mean / on topic p50',
    `${r.dynamoCallsPerArticle.p50} / ${r.dynamoCallsPerArticle.mean} / ${r.dynamoCallsPerArticle.onTopicP50}`,
  );
  for (const s of r.dynamoCallsPerArticle.onTopicByStage)
    line(
      `  on topic, stage ${s.stage}: p50 (mean by op)`,
      `${s.p50} (${Object.entries(s.byOp)
        .map(([op, n]) => `${op} ${n}`)
        .join(', ')})`,
    );
  line(
    'second poll: 304 answers / body bytes',
    `${r.secondPoll.notModified} of ${r.secondPoll.feeds} / ${r.secondPoll.bodyBytes}`,
  );
  for (const s of r.scale)
    line(
      `scale ${s.items} items: calls / ms per article`,
      `${round(s.callsPerArticle, 2)} / ${round(s.msPerArticle)}`,
    );
  line('scale ratio (calls per article)', `${r.scaleRatio}`);
  if (r.bundles) {
    line('bare jsdom + Readability load (ms)', `${round(r.bundles.jsdomReadabilityLoadMs)}`);
    for (const b of r.bundles.bundles) {
      line(
        `  bundle ${b.name}: bytes (gzip) / load ms / ratio`,
        `${b.bytes} (${b.gzipBytes}) / ${round(b.loadMs)} / ${round(b.ratioToJsdom, 3)}`,
      );
    }
  }
  if (r.report) {
    line(
      'report of the replay: render first / median (ms), HTML (bytes)',
      `${r.report.firstRenderMs} / ${r.report.medianRenderMs}, ${r.report.htmlBytes}`,
    );
    line('  report data', r.report.data);
  }
  line('bench took (s)', `${r.seconds}`);
}

const results = await measure();
const out = resolve(here, 'results.json');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
printTable(results);
process.stdout.write(`\nwritten: ${out}\n`);
