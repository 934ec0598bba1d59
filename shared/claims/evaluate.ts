// Scoring of the claim extractor and the topic classifier against the hand labels in
// data/labels (read at run time, never copied). `npm run eval` prints this report; the
// eval-floor test asserts on it.

import { createHash } from 'node:crypto';
import { faKesText, loadFaKes, loadLabels, REPO_DATA_DIR } from '../corpus/fa-kes.ts';
import type { ArticleContext, ClaimSet } from '../domain/claims.ts';
import { DEFAULT_TOPIC_ID, type TopicDefinition } from '../domain/topics.ts';
import { classifyTopics } from '../topics/index.ts';
import { extractClaims } from './extract-claims.ts';

export interface LabelCasualty {
  count: number;
  max?: number | null;
  outcome: string;
  victims: string;
  qualifier?: string;
  background?: boolean;
  quote?: string;
}

export interface LabelAccusation {
  accuser: string;
  accused: string;
  quote?: string;
}

export interface ArticleLabel {
  unit_id: string;
  coalition_strike: boolean;
  syria_strike?: boolean;
  casualties: LabelCasualty[];
  accusations: LabelAccusation[];
}

export interface Prf {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

/** One disagreement, for a developer to read. */
export interface Finding {
  set: string;
  unitId: string;
  kind:
    | 'casualty-miss'
    | 'casualty-false'
    | 'victims-wrong'
    | 'accusation-miss'
    | 'accusation-false'
    | 'topic-miss'
    | 'topic-false';
  detail: string;
  quote: string;
}

export interface SetReport {
  name: string;
  articles: number;
  casualties: Prf;
  /** Share of matched figures whose victims agree with the label. */
  victimsAccuracy: number;
  /** Share of matched figures whose background flag agrees with the label. */
  backgroundAccuracy: number;
  accusations: Prf;
  topic: Prf;
  findings: Finding[];
}

export interface EvalReport {
  sets: SetReport[];
  /** Every article the rules and the topic model may be tuned or trained on. */
  tuning: SetReport;
  /** The fixed fifth kept out of tuning and training: the generalisation figures. */
  heldOut: SetReport;
}

/**
 * The fixed fifth of the labelled articles kept out of tuning and training, chosen by a hash of
 * `unit_id` (the same split every run, whatever the order or size of the label files). Look at
 * its misses only to check a change, never to write a rule for one article.
 */
export function isHeldOut(unitId: string): boolean {
  return createHash('sha256').update(unitId).digest().readUInt32BE(0) % 5 === 0;
}

export interface LabelledArticle {
  unitId: string;
  text: string;
  ctx: ArticleContext;
  label: ArticleLabel;
}

const TOPICS: TopicDefinition[] = [
  {
    id: DEFAULT_TOPIC_ID,
    name: 'US-led coalition strikes in Syria',
    kind: 'coalition-strikes-syria',
  },
];

function prf(tp: number, fp: number, fn: number): Prf {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, precision, recall, f1 };
}

interface Tally {
  cas: [number, number, number];
  acc: [number, number, number];
  top: [number, number, number];
  victimsOk: number;
  backgroundOk: number;
  matched: number;
  findings: Finding[];
  articles: number;
}

const emptyTally = (): Tally => ({
  cas: [0, 0, 0],
  acc: [0, 0, 0],
  top: [0, 0, 0],
  victimsOk: 0,
  backgroundOk: 0,
  matched: 0,
  findings: [],
  articles: 0,
});

/** Score one article into `t`. Exported so tests can score a single synthetic article. */
export function scoreArticle(
  set: string,
  a: LabelledArticle,
  claims: ClaimSet,
  relevant: boolean,
  t: Tally,
): void {
  t.articles++;
  const id = a.unitId;
  // Casualties: match on (count, outcome); prefer a partner whose victims also agree.
  const gold = a.label.casualties.map((g) => ({ g, used: false }));
  const unmatchedPred = [];
  const preds = [...claims.casualties];
  const pairs: [LabelCasualty, (typeof preds)[number]][] = [];
  for (const p of preds) {
    const same = (x: { g: LabelCasualty; used: boolean }): boolean =>
      !x.used && x.g.count === p.count && x.g.outcome === p.outcome;
    const hit = gold.find((x) => same(x) && x.g.victims === p.victims) ?? gold.find(same);
    if (hit) {
      hit.used = true;
      pairs.push([hit.g, p]);
    } else {
      unmatchedPred.push(p);
    }
  }
  for (const [g, p] of pairs) {
    t.matched++;
    if (g.victims === p.victims) t.victimsOk++;
    else {
      t.findings.push({
        set,
        unitId: id,
        kind: 'victims-wrong',
        detail: `${p.count} ${p.outcome}: got ${p.victims}, label ${g.victims}`,
        quote: p.quote,
      });
    }
    if (Boolean(g.background) === p.background) t.backgroundOk++;
  }
  for (const x of gold) {
    if (x.used) continue;
    t.findings.push({
      set,
      unitId: id,
      kind: 'casualty-miss',
      detail: `${x.g.count} ${x.g.outcome} ${x.g.victims}`,
      quote: x.g.quote ?? '',
    });
  }
  for (const p of unmatchedPred) {
    t.findings.push({
      set,
      unitId: id,
      kind: 'casualty-false',
      detail: `${p.count} ${p.outcome} ${p.victims}${p.background ? ' (background)' : ''}`,
      quote: p.quote,
    });
  }
  t.cas[0] += pairs.length;
  t.cas[1] += unmatchedPred.length;
  t.cas[2] += gold.filter((x) => !x.used).length;

  // Accusations: set of (accuser, accused) pairs per article.
  const goldPairs = new Map<string, string>();
  for (const g of a.label.accusations) {
    const k = `${g.accuser}>${g.accused}`;
    if (!goldPairs.has(k)) goldPairs.set(k, g.quote ?? '');
  }
  const predPairs = new Map<string, string>();
  for (const p of claims.accusations) {
    const k = `${p.accuser}>${p.accused}`;
    if (!predPairs.has(k)) predPairs.set(k, p.quote);
  }
  for (const [k, quote] of predPairs) {
    if (goldPairs.has(k)) t.acc[0]++;
    else {
      t.acc[1]++;
      t.findings.push({ set, unitId: id, kind: 'accusation-false', detail: k, quote });
    }
  }
  for (const [k, quote] of goldPairs) {
    if (predPairs.has(k)) continue;
    t.acc[2]++;
    t.findings.push({ set, unitId: id, kind: 'accusation-miss', detail: k, quote });
  }

  // Topic: `relevant` against the label's coalition_strike.
  const want = a.label.coalition_strike;
  if (relevant && want) t.top[0]++;
  else if (relevant && !want) {
    t.top[1]++;
    t.findings.push({
      set,
      unitId: id,
      kind: 'topic-false',
      detail: 'relevant, label false',
      quote: a.text.slice(0, 100),
    });
  } else if (!relevant && want) {
    t.top[2]++;
    t.findings.push({
      set,
      unitId: id,
      kind: 'topic-miss',
      detail: 'not relevant, label true',
      quote: a.text.slice(0, 100),
    });
  }
}

function report(name: string, t: Tally): SetReport {
  return {
    name,
    articles: t.articles,
    casualties: prf(...t.cas),
    victimsAccuracy: t.matched === 0 ? 1 : t.victimsOk / t.matched,
    backgroundAccuracy: t.matched === 0 ? 1 : t.backgroundOk / t.matched,
    accusations: prf(...t.acc),
    topic: prf(...t.top),
    findings: t.findings,
  };
}

/** A labelled set; `topicOnly` sets carry topic labels and nothing else. */
export interface LabelledSet {
  name: string;
  topicOnly: boolean;
  heldOut: boolean;
  articles: LabelledArticle[];
}

/**
 * The labelled development articles (FA-KES dev labels, topic-only labels), read at run time,
 * each split into its tuning part and its held-out fifth.
 */
export function labelledSets(dataDir = REPO_DATA_DIR): LabelledSet[] {
  const rows = new Map(loadFaKes(dataDir).map((r) => [r.unitId, r]));
  const articlesOf = (labels: ArticleLabel[]): LabelledArticle[] =>
    labels.flatMap((label) => {
      const row = rows.get(label.unit_id);
      if (!row) return [];
      const ctx: ArticleContext = { title: row.title, outlet: row.source, outletId: row.source };
      if (row.date) ctx.publishedAt = row.date;
      return [{ unitId: label.unit_id, text: faKesText(row), ctx, label }];
    });
  const topicLabels = (loadLabels('labels-topic-dev.json', dataDir) as ArticleLabel[]).map((l) => ({
    ...l,
    casualties: [],
    accusations: [],
  }));
  const full = articlesOf(loadLabels('labels-dev.json', dataDir) as ArticleLabel[]);
  const topic = articlesOf(topicLabels);
  const part = (name: string, topicOnly: boolean, all: LabelledArticle[], heldOut: boolean) => ({
    name: `${name}${heldOut ? '/held-out' : '/tuning'}`,
    topicOnly,
    heldOut,
    articles: all.filter((a) => isHeldOut(a.unitId) === heldOut),
  });
  return [
    part('dev', false, full, false),
    part('topic-dev', true, topic, false),
    part('dev', false, full, true),
    part('topic-dev', true, topic, true),
  ];
}

/** Run extractor and classifier over every labelled set; per set, tuning and held-out. */
export function evaluate(dataDir = REPO_DATA_DIR): EvalReport {
  const sets: SetReport[] = [];
  const tuning = emptyTally();
  const heldOut = emptyTally();
  for (const { name, topicOnly, heldOut: kept, articles } of labelledSets(dataDir)) {
    const t = emptyTally();
    for (const a of articles) {
      const claims = topicOnly ? { casualties: [], accusations: [] } : extractClaims(a.text, a.ctx);
      const title = a.ctx.title;
      const decision = classifyTopics(title ? { title, text: a.text } : { text: a.text }, TOPICS);
      scoreArticle(name, a, claims, decision.relevant, t);
      scoreArticle(name, a, claims, decision.relevant, kept ? heldOut : tuning);
    }
    sets.push(report(name, t));
  }
  return { sets, tuning: report('tuning', tuning), heldOut: report('held-out', heldOut) };
}
