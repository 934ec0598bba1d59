import { defaultTopics } from '../../shared/config/schema.ts';
import { type FaKesRow, faKesText, loadFaKes, REPO_DATA_DIR } from '../../shared/corpus/fa-kes.ts';
import {
  BAND_PERIOD_DAYS,
  bandKeys,
  bandPeriod,
  bandSlot,
  contentWords,
  DEFAULT_SIMILARITY,
  fingerprintText,
  isSameStory,
  MINHASH_SIZE,
  type TextFingerprint,
} from '../../shared/dedupe/fingerprint.ts';
import { classifyTopics } from '../../shared/topics/index.ts';

// `npx tsx scripts/bench/band-choice.ts [--data DIR]`: how many MinHash band keys (one Query
// each) story assignment needs. Replays FA-KES in corpus order through the same rules as
// use-cases/assign-story.ts (same text or headline first, else the earliest verified
// near-duplicate among at most 8 candidates, newest 25 entries read per band within +-3 days)
// with each banding, and compares the stories with an exhaustive replay that verifies every
// earlier article in the window (no index at all): pairwise recall and precision of "same
// story", the stories made, and the candidates read per article. Run on the on-topic articles
// (what the pipeline indexes) and, for more pairs, on every article.

const dataArg = process.argv.indexOf('--data');
const dataDir = dataArg > 0 ? (process.argv[dataArg + 1] ?? REPO_DATA_DIR) : REPO_DATA_DIR;

const DAY_MS = 86_400_000;
const BAND_READ_LIMIT = 25;
const MAX_CANDIDATES = 8;

interface Doc {
  id: number;
  date: string;
  title: string;
  fp: TextFingerprint;
  /** The 16 MinHash values, as fingerprintText computes them. */
  minhash: string[];
}

const daysApart = (a: string, b: string) => Math.abs(Date.parse(a) - Date.parse(b)) / DAY_MS;

const titleKey = (t: string) => {
  const w = contentWords(t);
  return w.length >= 5 ? w.join(' ') : null;
};

/** Story of each doc, assigning in order; `candidatesOf` gives the earlier docs to verify. */
/** Candidates that share the most bands first (ties: the earlier article), as the store ranks. */
function mostShared(hits: Map<Doc, number>): Doc[] {
  return [...hits.entries()]
    .sort((x, y) => y[1] - x[1] || x[0].id - y[0].id)
    .slice(0, MAX_CANDIDATES)
    .map(([c]) => c);
}

function assign(docs: Doc[], candidatesOf: (d: Doc, seen: Doc[]) => Doc[]): number[] {
  const story: number[] = [];
  const identities = new Map<string, number>();
  const seen: Doc[] = [];
  for (const d of docs) {
    const near = candidatesOf(d, seen)
      .filter((c) => isSameStory(d.fp, c.fp) && daysApart(d.date, c.date) <= 3)
      .sort((x, y) => x.id - y.id)[0];
    let s = near ? (story[near.id] ?? d.id) : d.id;
    for (const identity of [d.fp.contentHash, titleKey(d.title)]) {
      if (!identity) continue;
      const owner = identities.get(identity);
      if (owner === undefined) identities.set(identity, s);
      else {
        s = owner;
        break;
      }
    }
    story[d.id] = s;
    seen.push(d);
  }
  return story;
}

const exhaustive = (d: Doc, seen: Doc[]) =>
  seen.filter((c) => daysApart(d.date, c.date) <= DEFAULT_SIMILARITY.maxDaysApart);

/** The candidates an index of `b` bands of `r` rows finds, read as the DynamoDB adapter reads. */
function banded(b: number, r: number, reads: number[]) {
  const partitions = new Map<string, Doc[]>();
  return (d: Doc, seen: Doc[]) => {
    const last = seen[seen.length - 1];
    if (last) {
      bandKeys(last.minhash, b, r).forEach((k, i) => {
        const p = partitions.get(`${i}#${k}`) ?? [];
        p.push(last);
        partitions.set(`${i}#${k}`, p);
      });
    }
    const hits = new Map<Doc, number>();
    bandKeys(d.minhash, b, r).forEach((k, i) => {
      const inWindow = (partitions.get(`${i}#${k}`) ?? [])
        .filter((c) => daysApart(d.date, c.date) <= DEFAULT_SIMILARITY.maxDaysApart)
        .sort((x, y) => y.date.localeCompare(x.date) || y.id - x.id)
        .slice(0, BAND_READ_LIMIT);
      for (const c of inWindow) hits.set(c, (hits.get(c) ?? 0) + 1);
    });
    reads.push(hits.size);
    return mostShared(hits);
  };
}

/**
 * The candidates of a slotted index: one item per (band, value, slot), the slot chosen by the
 * article id, the latest write to it winning; read by key (BatchGetItem), all bands at once.
 */
function slotted(b: number, r: number, slots: number, reads: number[]) {
  const items = new Map<string, Doc>();
  // Each band its own slot: two articles that collide in one band rarely collide in another.
  const slotOf = (d: Doc, band: number) => bandSlot(`article-${d.id}`, band, slots);
  return (d: Doc, _seen: Doc[]) => {
    bandKeys(d.minhash, b, r).forEach((k, i) => {
      items.set(`${i}#${k}#${slotOf(d, i)}`, d);
    });
    const hits = new Map<Doc, number>();
    bandKeys(d.minhash, b, r).forEach((k, i) => {
      for (let s = 0; s < slots; s++) {
        const c = items.get(`${i}#${k}#${s}`);
        if (c && c !== d && daysApart(d.date, c.date) <= DEFAULT_SIMILARITY.maxDaysApart)
          hits.set(c, (hits.get(c) ?? 0) + 1);
      }
    });
    reads.push(hits.size);
    return mostShared(hits);
  };
}

const periodOf = (date: string) => bandPeriod(date);

/** The slotted index with the period of the article's date in the key: old periods evict nothing. */
function periodic(b: number, slots: number, reads: number[]) {
  const items = new Map<string, Doc>();
  const slotOf = (d: Doc, band: number) => bandSlot(`article-${d.id}`, band, slots);
  const span = DEFAULT_SIMILARITY.maxDaysApart * DAY_MS;
  return (d: Doc, _seen: Doc[]) => {
    // Indexed before it looks, as assign-story does (a slot it takes is lost to the article
    // there before).
    bandKeys(d.minhash, b, 1).forEach((k, i) => {
      items.set(`${i}#${k}#${periodOf(d.date)}#${slotOf(d, i)}`, d);
    });
    const t = Date.parse(d.date);
    const periods = new Set([
      periodOf(new Date(t - span).toISOString()),
      periodOf(new Date(t + span).toISOString()),
    ]);
    const hits = new Map<Doc, number>();
    bandKeys(d.minhash, b, 1).forEach((k, i) => {
      for (const w of periods)
        for (let s = 0; s < slots; s++) {
          const c = items.get(`${i}#${k}#${w}#${s}`);
          if (c && c !== d && daysApart(d.date, c.date) <= DEFAULT_SIMILARITY.maxDaysApart)
            hits.set(c, (hits.get(c) ?? 0) + 1);
        }
    });
    reads.push(hits.size);
    return mostShared(hits);
  };
}

/** Pairwise agreement of two story assignments: recall and precision of `got` against `want`. */
function pairScores(want: number[], got: number[]) {
  let both = 0;
  let wanted = 0;
  let found = 0;
  for (let i = 0; i < want.length; i++) {
    for (let j = i + 1; j < want.length; j++) {
      const w = want[i] === want[j];
      const g = got[i] === got[j];
      if (w) wanted++;
      if (g) found++;
      if (w && g) both++;
    }
  }
  return { pairs: wanted, recall: wanted ? both / wanted : 1, precision: found ? both / found : 1 };
}

function docsOf(rows: FaKesRow[]): Doc[] {
  return rows
    .filter((r) => r.date)
    .map((r, id) => {
      const fp = fingerprintText(faKesText(r));
      return { id, date: r.date ?? '', title: r.title, fp, minhash: fp.minhash };
    });
}

const SCHEMES: [number, number][] = [
  [16, 1],
  [8, 1],
  [6, 1],
  [5, 1],
  [4, 1],
  [3, 1],
  [2, 1],
  [8, 2],
  [4, 2],
  [4, 4],
];

const SLOTTED: [number, number, number][] = [
  [16, 1, 1],
  [16, 1, 2],
  [16, 1, 4],
  [16, 1, 6],
  [12, 1, 8],
  [24, 1, 4],
];

const PERIODIC: [number, number][] = [
  [16, 1],
  [16, 2],
  [16, 3],
  [12, 4],
];

function report(label: string, docs: Doc[]) {
  const ideal = assign(docs, exhaustive);
  const stories = (s: number[]) => new Set(s).size;
  process.stdout.write(
    `\n${label}: ${docs.length} articles, exhaustive replay makes ${stories(ideal)} stories\n`,
  );
  process.stdout.write('bands x rows  queries  recall  precision  stories  candidates/article\n');
  for (const [b, r] of SCHEMES) {
    const reads: number[] = [];
    const got = assign(docs, banded(b, r, reads));
    const s = pairScores(ideal, got);
    const mean = reads.reduce((a, x) => a + x, 0) / Math.max(1, reads.length);
    process.stdout.write(
      `${`${b} x ${r}`.padEnd(12)}  ${String(b).padStart(7)}  ${s.recall.toFixed(3)}   ${s.precision.toFixed(3)}      ${String(stories(got)).padStart(7)}  ${mean.toFixed(1)}\n`,
    );
  }
  process.stdout.write(
    `periods of ${BAND_PERIOD_DAYS} days: bands x slots  keys read (max)  recall  precision  stories  candidates/article\n`,
  );
  for (const [b, k] of PERIODIC) {
    const reads: number[] = [];
    const got = assign(docs, periodic(b, k, reads));
    const s = pairScores(ideal, got);
    const mean = reads.reduce((a, x) => a + x, 0) / Math.max(1, reads.length);
    process.stdout.write(
      `${`${b} x ${k}`.padEnd(22)}  ${String(b * k * 2).padStart(15)}  ${s.recall.toFixed(3)}   ${s.precision.toFixed(3)}      ${String(stories(got)).padStart(7)}  ${mean.toFixed(1)}\n`,
    );
  }
  process.stdout.write(
    'slotted: bands x rows x slots  keys read  recall  precision  stories  candidates/article\n',
  );
  for (const [b, r, k] of SLOTTED) {
    const reads: number[] = [];
    const got = assign(docs, slotted(b, r, k, reads));
    const s = pairScores(ideal, got);
    const mean = reads.reduce((a, x) => a + x, 0) / Math.max(1, reads.length);
    process.stdout.write(
      `${`${b} x ${r} x ${k}`.padEnd(30)}  ${String(b * k).padStart(9)}  ${s.recall.toFixed(3)}   ${s.precision.toFixed(3)}      ${String(stories(got)).padStart(7)}  ${mean.toFixed(1)}\n`,
    );
  }
}

const rows = loadFaKes(dataDir);
const onTopic = rows.filter(
  (r) => classifyTopics({ title: r.title, text: r.content }, defaultTopics).relevant,
);
process.stdout.write(`MinHash values per article: ${MINHASH_SIZE}\n`);
report('on-topic articles', docsOf(onTopic));
report('every article', docsOf(rows));
// The bench's order: outlet by outlet, as the feeds are polled.
const byOutlet = [...rows].sort((a, b) => a.source.localeCompare(b.source));
report('every article, outlet by outlet', docsOf(byOutlet));
// A deployment's order: as published.
const byDate = [...rows].sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''));
report('every article, by date', docsOf(byDate));
