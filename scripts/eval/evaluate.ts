// Scoring of the claim extractor and the topic classifier against the hand labels in
// data/labels (read at run time, never copied). `npm run eval` prints this report; the
// eval-floor test asserts on it. Every figure is given for the tuning part and for the held-out
// fifth (labelled-sets.ts).
//
// - casualties: matched on (count, outcome) per article; victims and background then compared
//   on the matched pairs.
// - accusations: the set of (accuser, accused) pairs per article.
// - US/coalition accusations: the pairs in which the accuser or the accused is `us` or
//   `coalition`, with `us` and `coalition` read as one side (`us/coalition`) on both the label
//   side and the extractor side before pairs are compared: "Russia accuses the US" labelled
//   russia>us and found as russia>coalition is a match. Pairs then counted once per article.
// - allegation quality: the share of the extractor's accusations whose `allegation` breaks
//   rule 2 of issue 13 (allegation-quality.ts), over every accusation it finds.
// - topic: the article's decision against the label's coalition_strike.

import { extractClaims } from '../../shared/claims/extract-claims.ts';
import { REPO_DATA_DIR } from '../../shared/corpus/fa-kes.ts';
import type { Accusation, CasualtyFigure, ClaimSet } from '../../shared/domain/claims.ts';
import {
  DEFAULT_TOPIC_ID,
  type TopicDecision,
  type TopicDefinition,
} from '../../shared/domain/topics.ts';
import { classifyTopics } from '../../shared/topics/index.ts';
import {
  type AllegationFault,
  allegationAgreement,
  allegationFaults,
} from './allegation-quality.ts';
import {
  type LabelAccusation,
  type LabelCasualty,
  type LabelledArticle,
  labelledSets,
} from './labelled-sets.ts';

export { isHeldOut, labelledSets } from './labelled-sets.ts';

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
    | 'allegation-broken'
    | 'allegation-disjoint'
    | 'topic-miss'
    | 'topic-false';
  detail: string;
  quote: string;
}

export interface AllegationQuality {
  /** Accusations the extractor found. */
  total: number;
  /** Of those, the ones whose allegation breaks rule 2. */
  broken: number;
  /** broken / total (0 when there is none). */
  share: number;
  byFault: Record<AllegationFault, number>;
  /** Found accusations whose pair the label has with an allegation phrase. */
  compared: number;
  /** Mean content-word F1 of those against the label's phrase. */
  agreement: number;
  /** Share of those with no content word in common with the label's phrase. */
  disjoint: number;
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
  /** Pairs with `us` or `coalition` on either side, the two read as one side. */
  usCoalitionAccusations: Prf;
  allegations: AllegationQuality;
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

type Counts = [tp: number, fp: number, fn: number];

const noFaults = (): Record<AllegationFault, number> => ({
  empty: 0,
  'starts-with-punctuation': 0,
  'starts-with-conjunction': 0,
  'ends-with-function-word': 0,
  'unbalanced-quotes': 0,
});

export interface Tally {
  cas: Counts;
  acc: Counts;
  usc: Counts;
  top: Counts;
  allegations: {
    total: number;
    broken: number;
    byFault: Record<AllegationFault, number>;
    compared: number;
    agreementSum: number;
    disjoint: number;
  };
  victimsOk: number;
  backgroundOk: number;
  matched: number;
  findings: Finding[];
  articles: number;
}

export const emptyTally = (): Tally => ({
  cas: [0, 0, 0],
  acc: [0, 0, 0],
  usc: [0, 0, 0],
  top: [0, 0, 0],
  allegations: {
    total: 0,
    broken: 0,
    byFault: noFaults(),
    compared: 0,
    agreementSum: 0,
    disjoint: 0,
  },
  victimsOk: 0,
  backgroundOk: 0,
  matched: 0,
  findings: [],
  articles: 0,
});

type Note = (kind: Finding['kind'], detail: string, quote: string) => void;

function scoreCasualties(gold: LabelCasualty[], found: CasualtyFigure[], t: Tally, note: Note) {
  // Matched on (count, outcome); a partner whose victims also agree is preferred.
  const open = gold.map((g) => ({ g, used: false }));
  const unmatched: CasualtyFigure[] = [];
  for (const p of found) {
    const same = (x: { g: LabelCasualty; used: boolean }): boolean =>
      !x.used && x.g.count === p.count && x.g.outcome === p.outcome;
    const hit = open.find((x) => same(x) && x.g.victims === p.victims) ?? open.find(same);
    if (!hit) {
      unmatched.push(p);
      continue;
    }
    hit.used = true;
    t.matched++;
    if (hit.g.victims === p.victims) t.victimsOk++;
    else
      note(
        'victims-wrong',
        `${p.count} ${p.outcome}: got ${p.victims}, label ${hit.g.victims}`,
        p.quote,
      );
    if (Boolean(hit.g.background) === p.background) t.backgroundOk++;
  }
  const missed = open.filter((x) => !x.used);
  for (const { g } of missed)
    note('casualty-miss', `${g.count} ${g.outcome} ${g.victims}`, g.quote ?? '');
  for (const p of unmatched) {
    note(
      'casualty-false',
      `${p.count} ${p.outcome} ${p.victims}${p.background ? ' (background)' : ''}`,
      p.quote,
    );
  }
  t.cas[0] += found.length - unmatched.length;
  t.cas[1] += unmatched.length;
  t.cas[2] += missed.length;
}

type Side = (actor: string) => string;
const asLabelled: Side = (a) => a;
/** `us` and `coalition` as one side, for the US/coalition subset. */
const usCoalitionSide: Side = (a) => (a === 'us' || a === 'coalition' ? 'us/coalition' : a);

/** (accuser, accused) pairs of an article, first quote of each, sides mapped by `side`. */
function pairsOf(
  items: readonly { accuser: string; accused: string; quote?: string | undefined }[],
  side: Side,
  keep: (accuser: string, accused: string) => boolean,
): Map<string, string> {
  const pairs = new Map<string, string>();
  for (const x of items) {
    if (!keep(x.accuser, x.accused)) continue;
    const k = `${side(x.accuser)}>${side(x.accused)}`;
    if (!pairs.has(k)) pairs.set(k, x.quote ?? '');
  }
  return pairs;
}

/** Compare two pair sets into `counts`; findings only when `note` is given. */
function comparePairs(
  gold: Map<string, string>,
  found: Map<string, string>,
  counts: Counts,
  note?: Note,
) {
  for (const [k, quote] of found) {
    if (gold.has(k)) counts[0]++;
    else {
      counts[1]++;
      note?.('accusation-false', k, quote);
    }
  }
  for (const [k, quote] of gold) {
    if (found.has(k)) continue;
    counts[2]++;
    note?.('accusation-miss', k, quote);
  }
}

/** The allegation against the label's phrase for the same pair, when the label has one. */
function compareAllegation(gold: LabelAccusation[], a: Accusation, t: Tally, note: Note) {
  const labelled = gold.find(
    (g) => g.accuser === a.accuser && g.accused === a.accused && g.allegation,
  )?.allegation;
  if (!labelled) return;
  const agreement = allegationAgreement(a.allegation, labelled);
  t.allegations.compared++;
  t.allegations.agreementSum += agreement;
  if (agreement > 0) return;
  t.allegations.disjoint++;
  note('allegation-disjoint', `"${a.allegation}", label "${labelled}"`, a.quote);
}

function scoreAccusations(gold: LabelAccusation[], found: Accusation[], t: Tally, note: Note) {
  const all = () => true;
  comparePairs(pairsOf(gold, asLabelled, all), pairsOf(found, asLabelled, all), t.acc, note);
  const usc = (a: string, b: string) =>
    usCoalitionSide(a) === 'us/coalition' || usCoalitionSide(b) === 'us/coalition';
  comparePairs(pairsOf(gold, usCoalitionSide, usc), pairsOf(found, usCoalitionSide, usc), t.usc);
  for (const a of found) {
    t.allegations.total++;
    compareAllegation(gold, a, t, note);
    const faults = allegationFaults(a.allegation);
    if (faults.length === 0) continue;
    t.allegations.broken++;
    for (const f of faults) t.allegations.byFault[f]++;
    note('allegation-broken', `${faults.join(', ')}: "${a.allegation}"`, a.quote);
  }
}

function scoreTopic(a: LabelledArticle, decision: TopicDecision, t: Tally, note: Note) {
  const want = a.label.coalition_strike;
  const e = decision.explanation;
  const why = e
    ? ` p=${e.probability.toFixed(3)} (${e.topFeatures.map((f) => `${f.feature} ${f.contribution > 0 ? '+' : ''}${f.contribution}`).join(', ')})`
    : '';
  const quote = e?.sentence ?? a.text.slice(0, 100);
  if (decision.relevant && want) t.top[0]++;
  else if (decision.relevant) {
    t.top[1]++;
    note('topic-false', `relevant, label false;${why}`, quote);
  } else if (want) {
    t.top[2]++;
    note('topic-miss', `not relevant, label true;${why}`, quote);
  }
}

/** Score one article into `t`. Exported so tests can score a single synthetic article. */
export function scoreArticle(
  set: string,
  a: LabelledArticle,
  claims: ClaimSet,
  decision: TopicDecision,
  t: Tally,
): void {
  t.articles++;
  const note: Note = (kind, detail, quote) => {
    t.findings.push({ set, unitId: a.unitId, kind, detail, quote });
  };
  scoreCasualties(a.label.casualties, claims.casualties, t, note);
  scoreAccusations(a.label.accusations, claims.accusations, t, note);
  scoreTopic(a, decision, t, note);
}

export function report(name: string, t: Tally): SetReport {
  const { total, broken, byFault, compared, agreementSum, disjoint } = t.allegations;
  return {
    name,
    articles: t.articles,
    casualties: prf(...t.cas),
    victimsAccuracy: t.matched === 0 ? 1 : t.victimsOk / t.matched,
    backgroundAccuracy: t.matched === 0 ? 1 : t.backgroundOk / t.matched,
    accusations: prf(...t.acc),
    usCoalitionAccusations: prf(...t.usc),
    allegations: {
      total,
      broken,
      share: total === 0 ? 0 : broken / total,
      byFault,
      compared,
      agreement: compared === 0 ? 1 : agreementSum / compared,
      disjoint: compared === 0 ? 0 : disjoint / compared,
    },
    topic: prf(...t.top),
    findings: t.findings,
  };
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
      scoreArticle(name, a, claims, decision, t);
      scoreArticle(name, a, claims, decision, kept ? heldOut : tuning);
    }
    sets.push(report(name, t));
  }
  return { sets, tuning: report('tuning', tuning), heldOut: report('held-out', heldOut) };
}
