import { type FaKesRow, loadFaKes } from '../../shared/corpus/fa-kes.ts';
import type { Actor, Outcome, Qualifier, Victims } from '../../shared/domain/claims.ts';
import type {
  ActorRef,
  ReportAccount,
  ReportAccusation,
  ReportData,
  ReportIncident,
  ReportStory,
} from '../../shared/report/report-data.ts';

// Report input at the scale of a FA-KES replay, built from the corpus rows themselves (their
// outlets, dates, places and titles), for the browser test and the report bench until the
// replay's own records reach the report. Deterministic: the same options give the same data.
// A figure is drawn from a long-tailed distribution; accounts of one incident scatter around
// it as sources do (the monitor low, a party's organ high).

export interface ReportDataOptions {
  incidents?: number;
  accusations?: number;
  /** Rows of the corpus used as articles (all 804 by default). */
  articles?: number;
  seed?: number;
  /** Puts markup and `javascript:` text in titles, places and allegations. */
  hostile?: boolean;
}

/** Small seeded PRNG (mulberry32): the same seed gives the same report. */
function random(seed: number): () => number {
  let t = seed >>> 0;
  return () => {
    t = (t + 0x6d2b79f5) >>> 0;
    let r = Math.imul(t ^ (t >>> 15), 1 | t);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const pick = <T>(rand: Rand, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
/** The first n of xs in a random order (Fisher-Yates on a copy). */
function sample<T>(rand: Rand, xs: readonly T[], n: number): T[] {
  const out = [...xs];
  for (let k = out.length - 1; k > 0; k--) {
    const j = Math.floor(rand() * (k + 1));
    [out[k], out[j]] = [out[j] as T, out[k] as T];
  }
  return out.slice(0, n);
}

const ACTOR_LABELS: Partial<Record<Actor, string>> = {
  coalition: 'US-led coalition',
  us: 'United States',
  russia: 'Russia',
  syria_gov: 'Syrian government',
  isis: 'Islamic State',
  turkey: 'Turkey',
  rebels: 'Rebel groups',
  opposition: 'Syrian opposition',
  sdf: 'SDF',
  un: 'UN',
  hrw: 'Human Rights Watch',
  amnesty: 'Amnesty International',
  sohr: 'Syrian Observatory for Human Rights',
  iran: 'Iran',
  nusra: 'Nusra Front / HTS',
};
const actor = (id: Actor): ActorRef => ({ id, name: ACTOR_LABELS[id] ?? id });

const PERPETRATORS: (Actor | null)[] = [
  'coalition',
  'coalition',
  'russia',
  'syria_gov',
  'syria_gov',
  'isis',
  'turkey',
  null,
  null,
];
const SOURCES = [
  'Syrian Observatory for Human Rights',
  'White Helmets',
  'Russian Defence Ministry',
  'SANA',
  'local activists',
  'CJTF-OIR',
  'Airwars',
  'hospital officials',
];
/** Who accuses whom, weighted as in the war's news: a few pairs make most accusations. */
const weighted = <T>(w: [T, number][]): T[] => w.flatMap(([x, n]) => Array<T>(n).fill(x));
const ACCUSERS = weighted<Actor>([
  ['russia', 9],
  ['syria_gov', 9],
  ['opposition', 5],
  ['us', 4],
  ['sohr', 3],
  ['turkey', 3],
  ['un', 2],
  ['hrw', 2],
  ['amnesty', 1],
  ['iran', 2],
]);
const ACCUSED = weighted<Actor>([
  ['coalition', 10],
  ['syria_gov', 8],
  ['russia', 6],
  ['us', 5],
  ['rebels', 4],
  ['isis', 3],
  ['sdf', 2],
  ['turkey', 2],
  ['nusra', 1],
]);
const ALLEGATIONS = [
  'killed civilians in air strikes on {place}',
  'struck a hospital in {place}',
  'used white phosphorus over {place}',
  'targeted a market in {place}',
  'supplied weapons to armed groups near {place}',
  'obstructed aid convoys to {place}',
  'bombed residential areas of {place}',
];
const HOSTILE = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '</svg><iframe src="https://evil.example/">',
];
const OUTCOMES: Outcome[] = ['killed', 'killed', 'killed', 'injured'];
const VICTIMS: Victims[] = ['civilians', 'civilians', 'people', 'children', 'fighters'];
const QUALIFIERS: Qualifier[] = ['exact', 'at_least', 'at_least', 'more_than', 'about'];

const placeOf = (row: FaKesRow) => row.location.replace(/\b\w/g, (c) => c.toUpperCase());
const urlOf = (row: FaKesRow, k: number) =>
  `https://www.${row.source}.news.example/syria/${row.unitId}-${k}`;
const timeOf = (date: string, rand: Rand) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + Math.floor(rand() * 86_400_000)).toISOString();
/** A long-tailed toll: most incidents a handful, a few in the hundreds. */
const toll = (rand: Rand) => Math.max(1, Math.round(Math.exp(rand() * rand() * 6.2)));

export interface Article {
  row: FaKesRow;
  url: string;
  reportedAt: string;
}

function articlesOf(rows: FaKesRow[], rand: Rand, hostile: boolean): Article[] {
  return rows
    .filter((r): r is FaKesRow & { date: string } => r.date !== null)
    .map((row, k) => ({
      row: hostile && k % 97 === 0 ? { ...row, title: `${row.title} ${pick(rand, HOSTILE)}` } : row,
      url: urlOf(row, k),
      reportedAt: timeOf(row.date ?? '2017-01-01', rand),
    }));
}

function accountsFor(base: number, articles: Article[], rand: Rand): ReportAccount[] {
  const n = 1 + Math.floor(rand() * rand() * 5);
  const sources = sample(rand, SOURCES, n);
  return sources.map((source) => {
    const a = pick(rand, articles);
    const count = Math.max(1, Math.round(base * (0.5 + rand() * 1.2)));
    const ranged = rand() < 0.08;
    return {
      source,
      outlet: a.row.source,
      count,
      max: ranged ? count + 1 + Math.floor(rand() * 10) : null,
      qualifier: pick(rand, QUALIFIERS),
      url: a.url,
      articleTitle: a.row.title,
      reportedAt: a.reportedAt,
    };
  });
}

const DAY = 86_400_000;

/** Articles from the incident's day to three weeks after, the same place first. */
function reportsOf(anchor: Article, articles: Article[]): Article[] {
  const t = Date.parse(anchor.reportedAt);
  const near = articles.filter((a) => {
    const dt = Date.parse(a.reportedAt) - t;
    return dt >= 0 && dt <= 21 * DAY;
  });
  const samePlace = near.filter((a) => a.row.location === anchor.row.location);
  return samePlace.length >= 3 ? samePlace : near.length > 0 ? near : [anchor];
}

function incidentsOf(
  n: number,
  articles: Article[],
  rand: Rand,
  hostile: boolean,
): ReportIncident[] {
  return Array.from({ length: n }, (_, k) => {
    const anchor = pick(rand, articles);
    const accounts = accountsFor(toll(rand), reportsOf(anchor, articles), rand);
    const perpetrator = pick(rand, PERPETRATORS);
    const date = new Date(Date.parse(anchor.reportedAt) - Math.floor(rand() * 3) * DAY);
    const place = placeOf(anchor.row);
    return {
      incidentId: `inc-${anchor.row.unitId}-${k}`,
      date: date.toISOString().slice(0, 10),
      place: hostile && k % 50 === 7 ? `${place} ${pick(rand, HOSTILE)}` : place,
      perpetrator: perpetrator ? actor(perpetrator) : null,
      outcome: pick(rand, OUTCOMES),
      victims: pick(rand, VICTIMS),
      min: Math.min(...accounts.map((a) => a.count)),
      max: Math.max(...accounts.map((a) => a.max ?? a.count)),
      accounts,
    };
  });
}

function accusationsOf(
  n: number,
  articles: Article[],
  incidents: ReportIncident[],
  rand: Rand,
  hostile: boolean,
): ReportAccusation[] {
  return Array.from({ length: n }, (_, k) => {
    const a = pick(rand, articles);
    const accuser = pick(rand, ACCUSERS);
    const accused = pick(
      rand,
      ACCUSED.filter((x) => x !== accuser),
    );
    const incident = rand() < 0.3 ? pick(rand, incidents) : null;
    const allegation = pick(rand, ALLEGATIONS).replace('{place}', placeOf(a.row));
    return {
      accuser: actor(accuser),
      accused: actor(accused),
      allegation: hostile && k % 101 === 3 ? `${allegation} ${pick(rand, HOSTILE)}` : allegation,
      date: a.row.date ?? '2017-01-01',
      url: a.url,
      outlet: a.row.source,
      incidentId: incident?.incidentId ?? null,
    };
  });
}

/** Articles grouped as a deduper would: by place and week, a few outlets per story. */
function storiesOf(articles: Article[], rand: Rand): ReportStory[] {
  const groups = new Map<string, Article[]>();
  for (const a of articles) {
    const week = Math.floor(Date.parse(a.reportedAt) / (7 * 86_400_000));
    const key = `${a.row.location}/${week}/${Math.floor(rand() * 2)}`;
    groups.set(key, [...(groups.get(key) ?? []), a]);
  }
  return [...groups.values()].map((arts, k) => {
    const sorted = [...arts].sort((x, y) => x.reportedAt.localeCompare(y.reportedAt));
    const first = sorted[0] as Article;
    return {
      storyId: `story-${k}`,
      title: first.row.title,
      outlets: [...new Set(sorted.map((a) => a.row.source))],
      firstOutlet: first.row.source,
      firstSeenAt: first.reportedAt,
      articles: sorted.map((a) => ({ outlet: a.row.source, url: a.url, reportedAt: a.reportedAt })),
    };
  });
}

/** FA-KES-scale report input: ~800 articles, 300 incidents, 1000 accusations by default. */
export function faKesReportData(options: ReportDataOptions = {}): ReportData {
  const rand = random(options.seed ?? 2017);
  const hostile = options.hostile ?? false;
  const rows = loadFaKes().slice(0, options.articles ?? Number.POSITIVE_INFINITY);
  const articles = articlesOf(rows, rand, hostile);
  const incidents = incidentsOf(options.incidents ?? 300, articles, rand, hostile);
  const dates = incidents.map((i) => i.date).sort();
  return {
    period: { since: dates[0] ?? null, until: dates[dates.length - 1] ?? null },
    filters: {},
    generatedAt: '2026-11-01T09:30:00.000Z',
    incidents,
    accusations: accusationsOf(options.accusations ?? 1000, articles, incidents, rand, hostile),
    stories: storiesOf(articles, rand),
  };
}
