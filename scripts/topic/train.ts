// Training of the coalition-strike topic model (shared/topics/coalition-model.ts) on labelled
// articles: vocabulary by document frequency, a class-weighted L2 logistic regression, pruning to
// the strongest word features, a refit on those, weights rounded. Deterministic: the same
// articles give the same JSON, whatever their order. Also k-fold cross-validation, to estimate
// how the model does on articles it was not trained on without touching the held-out fifth.

import { createHash } from 'node:crypto';
import {
  type ArticleFeatures,
  articleFeatures,
  type FeatureVector,
} from '../../shared/topics/coalition-features.ts';
import {
  type CoalitionModel,
  coalitionModelSchema,
  scoreArticle,
} from '../../shared/topics/coalition-model.ts';
import { topicInput } from '../../shared/topics/index.ts';
import { fitPooled, type PooledExample, type SparseRow } from './pooled-logistic.ts';

export interface TopicExample {
  unitId: string;
  title: string;
  /** Title and body, as the pipeline passes them to classifyTopics. */
  text: string;
  label: boolean;
}

export interface FeaturisedExample {
  unitId: string;
  label: boolean;
  features: ArticleFeatures;
}

export interface TrainOptions {
  /** L2 penalty. */
  lambda: number;
  /** Weight of an on-topic article relative to an off-topic one. */
  positiveWeight: number;
  /** A word feature must occur in at least this many training articles. */
  minDocs: number;
  /** Word features kept after pruning (every cue is kept). */
  maxFeatures: number;
  threshold: number;
}

/**
 * The options the committed model is trained with, chosen by repeated 5-fold cross-validation on
 * the tuning part (`npm run train:topic -- --search` prints the grid): a middling penalty, each
 * on-topic article counted three times (they are one in ten), features seen in five articles.
 */
export const TRAINING_OPTIONS: TrainOptions = {
  lambda: 0.01,
  positiveWeight: 3,
  minDocs: 5,
  maxFeatures: 300,
  threshold: 0.5,
};

/** What the model file records about where its weights came from. */
export interface TrainingProvenance {
  labels: string[];
  split: string;
}

/** Feature vectors of the examples, sorted by unit id so that input order cannot matter. */
export function featurise(examples: readonly TopicExample[]): FeaturisedExample[] {
  return [...examples]
    .sort((a, b) => (a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0))
    .map((e) => {
      const { headline, text } = topicInput({ title: e.title, text: e.text });
      return { unitId: e.unitId, label: e.label, features: articleFeatures(headline, text) };
    });
}

/** Article cues and sentence cues are always kept; only words are pruned. */
const isWord = (name: string): boolean => name.startsWith('c:');

/** Every feature name of an example, once. */
function namesOf(e: FeaturisedExample): Set<string> {
  const names = new Set(e.features.article.keys());
  for (const s of e.features.sentences) for (const n of s.vector.keys()) names.add(n);
  return names;
}

/** Cues; words that occur in at least `minDocs` examples. Sorted by name. */
function vocabulary(examples: readonly FeaturisedExample[], minDocs: number): string[] {
  const docs = new Map<string, number>();
  for (const e of examples)
    for (const name of namesOf(e)) docs.set(name, (docs.get(name) ?? 0) + 1);
  return [...docs]
    .filter(([name, n]) => !isWord(name) || n >= minDocs)
    .map(([name]) => name)
    .sort();
}

function rowOf(v: FeatureVector, index: Map<string, number>): SparseRow {
  const entries = [...v]
    .map(([name, value]) => [index.get(name), value] as const)
    .filter((x): x is readonly [number, number] => x[0] !== undefined)
    .sort((a, b) => a[0] - b[0]);
  return {
    indices: Int32Array.from(entries.map((x) => x[0])),
    values: Float64Array.from(entries.map((x) => x[1])),
  };
}

function fitOver(
  examples: readonly FeaturisedExample[],
  names: readonly string[],
  o: TrainOptions,
) {
  const index = new Map(names.map((n, i) => [n, i]));
  const rows: PooledExample[] = examples.map((e) => ({
    article: rowOf(e.features.article, index),
    sentences: e.features.sentences.map((s) => rowOf(s.vector, index)),
    label: e.label,
  }));
  return fitPooled({
    examples: rows,
    dimension: names.length,
    lambda: o.lambda,
    positiveWeight: o.positiveWeight,
  });
}

const round3 = (x: number): number => Math.round(x * 1000) / 1000 || 0;

/** Train the model on `examples` (already featurised). */
export function trainModel(
  examples: readonly FeaturisedExample[],
  o: TrainOptions,
  provenance: TrainingProvenance,
): CoalitionModel {
  const all = vocabulary(examples, o.minDocs);
  const first = fitOver(examples, all, o);
  // Keep the strongest word features (ties by name), then fit again on those alone so the kept
  // weights take over what the dropped ones carried.
  const strongest = all
    .map((name, i) => ({ name, w: Math.abs(first.weights[i] ?? 0) }))
    .filter((x) => isWord(x.name))
    .sort((a, b) => b.w - a.w || (a.name < b.name ? -1 : 1))
    .slice(0, o.maxFeatures)
    .map((x) => x.name);
  const kept = [...all.filter((n) => !isWord(n)), ...strongest].sort();
  const fit = fitOver(examples, kept, o);
  const weights: Record<string, number> = {};
  kept.forEach((name, i) => {
    const w = round3(fit.weights[i] ?? 0);
    if (w !== 0) weights[name] = w;
  });
  return coalitionModelSchema.parse({
    model: 'coalition-strikes-syria/logistic',
    training: {
      ...provenance,
      articles: examples.length,
      positives: examples.filter((e) => e.label).length,
      lambda: o.lambda,
      positiveWeight: o.positiveWeight,
      minDocs: o.minDocs,
      maxFeatures: o.maxFeatures,
    },
    threshold: o.threshold,
    bias: round3(fit.bias),
    weights,
  });
}

/** The model file's text: stable key order, one weight a line, laid out as Biome formats it. */
export function serialiseModel(model: CoalitionModel): string {
  const labels = JSON.stringify(model.training.labels).replaceAll('","', '", "');
  const text = JSON.stringify(model, null, 2).replace(
    /"labels": \[[^\]]*\]/,
    `"labels": ${labels}`,
  );
  return `${text}\n`;
}

/** The strongest weights either way, for a reader to see what the model learnt. */
export function strongestWeights(model: CoalitionModel, n: number): [string, number][] {
  return Object.entries(model.weights)
    .sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]) || (a[0] < b[0] ? -1 : 1))
    .slice(0, n);
}

export interface Prf {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export function prf(tp: number, fp: number, fn: number): Prf {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, precision, recall, f1 };
}

/**
 * Stratified folds: on-topic and off-topic articles each ordered by a hash of their unit id and
 * dealt round-robin, so every fold has its share of the rare on-topic articles.
 */
export function foldOf(
  examples: readonly FeaturisedExample[],
  k: number,
  seed = 'cv',
): Map<string, number> {
  const key = (id: string): string => createHash('sha256').update(`${seed}:${id}`).digest('hex');
  const folds = new Map<string, number>();
  for (const label of [true, false]) {
    examples
      .filter((e) => e.label === label)
      .map((e) => ({ id: e.unitId, h: key(e.unitId) }))
      .sort((a, b) => (a.h < b.h ? -1 : 1))
      .forEach((x, i) => {
        folds.set(x.id, i % k);
      });
  }
  return folds;
}

export interface CrossValidation {
  k: number;
  topic: Prf;
  /** Out-of-fold probability per unit id. */
  probabilities: Map<string, number>;
}

/** k-fold cross-validation: each article scored by a model trained without its fold. */
export function crossValidate(
  examples: readonly FeaturisedExample[],
  o: TrainOptions,
  k = 5,
  seed = 'cv',
): CrossValidation {
  const folds = foldOf(examples, k, seed);
  const probabilities = new Map<string, number>();
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let f = 0; f < k; f++) {
    const train = examples.filter((e) => folds.get(e.unitId) !== f);
    const model = trainModel(train, o, { labels: ['cv'], split: `fold ${f}` });
    for (const e of examples.filter((x) => folds.get(x.unitId) === f)) {
      const d = scoreArticle(model, e.features);
      probabilities.set(e.unitId, d.probability);
      if (d.relevant && e.label) tp++;
      else if (d.relevant) fp++;
      else if (e.label) fn++;
    }
  }
  return { k, topic: prf(tp, fp, fn), probabilities };
}
