import { defaultTopics } from '../../shared/config/schema.ts';
import { loadFaKes, REPO_DATA_DIR } from '../../shared/corpus/fa-kes.ts';
import { type AlertRecord, isDigestAlert } from '../../shared/domain/records.ts';
import type { TrackedRecord } from '../../shared/incidents/types.ts';
import { startDemoSite } from '../../shared/local/demo-site.ts';
import { classifyTopics } from '../../shared/topics/index.ts';
import { type ArticleJob, articleIdFor, pollFeeds } from '../../shared/use-cases/poll-feeds.ts';
import { processArticle } from '../../shared/use-cases/process-article.ts';
import { faKesPageRenderer, faKesPages } from '../../testkit/fa-kes-site.ts';
import { type Harness, startHarness } from '../../testkit/pipeline-harness.ts';

// `npx tsx scripts/bench/trace-messages.ts [--on-topic] [--quiet]`: the bench's FA-KES replay
// (same feeds, same order, same mirror pass), printing every message it queues (article, story,
// record, update kind, changes, headline), then the messages per story and per update kind.
// --on-topic serves only the rows the topic model takes from the corpus text (much faster; the
// figures can differ slightly from the bench's, which judges the extracted page).

const onTopic = process.argv.includes('--on-topic');
/** `--rows 45,373`: only these corpus rows (to look at one case closely). */
const rowsArg = process.argv.indexOf('--rows');
const only = rowsArg > 0 ? new Set((process.argv[rowsArg + 1] ?? '').split(',').map(Number)) : null;
const quiet = process.argv.includes('--quiet');
process.removeAllListeners('warning');

interface Traced {
  pass: string;
  job: ArticleJob;
  storyId: string | null;
  alert: AlertRecord;
}

function describe(t: Traced, record: TrackedRecord | null): string {
  const a = t.alert;
  if (isDigestAlert(a)) return `${t.pass} ${a.kind} ${a.alertId}`;
  const entry = record?.updates.find((u) => u.version === a.version);
  const changes = (entry?.changes ?? []).map((c) => JSON.stringify(c)).join('\n      ');
  return [
    `${t.pass} ${t.job.feedId}/${t.job.item.title?.slice(0, 70)} story=${t.storyId}`,
    `  ${a.recordKind} ${a.recordId} v${a.version} ${a.message.kind}: ${a.headline}`,
    `  place=${a.place} outlets=${record?.reports.map((r) => r.outlet).join(',')}`,
    `      ${changes}`,
  ].join('\n');
}

async function pass(
  name: string,
  jobs: ArticleJob[],
  run: (job: ArticleJob) => ReturnType<typeof processArticle>,
): Promise<Traced[]> {
  const out: Traced[] = [];
  for (const job of jobs) {
    const outcome = await run(job);
    if (only) {
      const story =
        'storyId' in outcome ? `story=${outcome.storyId} dup=${outcome.duplicateOf}` : '';
      process.stdout.write(
        `${name} ${job.feedId}/${job.item.title?.slice(0, 50)} ${outcome.status} ${story}\n`,
      );
    }
    if (!('alerts' in outcome)) continue;
    for (const alert of outcome.alerts)
      out.push({ pass: name, job, storyId: outcome.storyId, alert });
  }
  return out;
}

function tally<T>(xs: T[], key: (x: T) => string): Map<string, number> {
  const m = new Map<string, number>();
  for (const x of xs) m.set(key(x), (m.get(key(x)) ?? 0) + 1);
  return new Map([...m].sort((a, b) => b[1] - a[1]));
}

/** Every record as JSON, one a line (with --rows: small stores only). */
async function dump(harness: Harness, after: string): Promise<void> {
  const reader = harness.storeAt(harness.dynamo.client).incidentReader;
  for (const kind of ['incident', 'accusation'] as const) {
    for (const r of (await reader.listRecords({ kind }, null, 100)).records)
      process.stdout.write(`record after ${after} ${JSON.stringify(r)}\n`);
  }
}

async function main() {
  const all = loadFaKes(REPO_DATA_DIR);
  const rows = all.filter(
    (r, i) =>
      (!only || only.has(i)) &&
      (!onTopic || classifyTopics({ title: r.title, text: r.content }, defaultTopics).relevant),
  );
  const pages = faKesPages(rows);
  // The bench's port: article ids (and so band slots and stories) as in `npm run bench`.
  const site = await startDemoSite(pages, {
    render: faKesPageRenderer(rows),
    preferredPort: 47_841,
  });
  const harness = await startHarness({
    pages,
    site,
    config: (base) => ({
      ...base,
      network: { ...(base.network as object), maxItemsPerFeed: 1000 },
    }),
  });
  const deps = harness.deps();
  const polls = await pollFeeds(deps, { force: true });
  const jobs = polls.flatMap((p) => (p.status === 'ok' ? p.jobs : []));
  process.stderr.write(`trace: ${jobs.length} articles\n`);
  const first = await pass('corpus', jobs, (j) => processArticle(deps, j));
  if (only) await dump(harness, 'corpus');
  const rerun = await pass('rerun', jobs, (j) => processArticle(deps, j));
  const mirror = await pass('mirror', jobs, (j) =>
    processArticle(deps, {
      ...j,
      feedId: 'mirror',
      outlet: 'Mirror Wire',
      ...articleIdFor('mirror', j.item),
    }),
  );
  if (only) await dump(harness, 'mirror');
  const store = harness.storeAt(harness.dynamo.client).incidentStore;
  for (const t of [...(quiet ? [] : first), ...rerun, ...mirror]) {
    const rec = 'recordId' in t.alert ? await store.getRecord(t.alert.recordId) : null;
    process.stdout.write(`${describe(t, rec)}\n`);
  }
  const stories = (await harness.query({ kind: 'story', limit: 1000 })).length;
  const perStory = tally(first, (t) => t.storyId ?? '-');
  const line = (k: string, v: unknown) => process.stdout.write(`${k.padEnd(36)} ${v}\n`);
  line(
    'stories / messages / per story',
    `${stories} / ${first.length} / ${(first.length / stories).toFixed(3)}`,
  );
  line('re-run / mirror messages', `${rerun.length} / ${mirror.length}`);
  line(
    'messages per story (count: stories)',
    [...tally([...perStory.values()], String)].map(([k, v]) => `${k}:${v}`).join(' '),
  );
  line(
    'by update kind',
    [...tally(first, (t) => ('message' in t.alert ? t.alert.message.kind : t.alert.kind))]
      .map(([k, v]) => `${k}:${v}`)
      .join(' '),
  );
  line(
    'by record kind',
    [...tally(first, (t) => ('recordKind' in t.alert ? t.alert.recordKind : '-'))]
      .map(([k, v]) => `${k}:${v}`)
      .join(' '),
  );
  const perArticle = tally(first, (t) => t.job.articleId);
  line(
    'messages per article (count: articles)',
    [...tally([...perArticle.values()], String)].map(([k, v]) => `${k}:${v}`).join(' '),
  );
  await harness.close();
}

await main();
