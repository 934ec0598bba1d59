import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isHeldOut } from '../../../scripts/eval/labelled-sets.ts';
import {
  crossValidate,
  featurise,
  foldOf,
  serialiseModel,
  TRAINING_OPTIONS,
  trainModel,
} from '../../../scripts/topic/train.ts';
import { TRAINING_PROVENANCE, tuningExamples } from '../../../scripts/topic/training-data.ts';
import { articleFeatures } from '../../../shared/topics/coalition-features.ts';
import {
  type CoalitionModel,
  coalitionModelSchema,
  scoreArticle,
  softPool,
} from '../../../shared/topics/coalition-model.ts';
import { COALITION_MODEL } from '../../../shared/topics/trained-model.ts';

// The committed weights (shared/topics/coalition-model.json) must be exactly what
// `npm run train:topic` makes from the labelled tuning part, so nobody edits weights by hand
// and a change in the features cannot ship with stale weights.

const modelPath = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../../../shared/topics/coalition-model.json',
);

describe('the committed coalition model', () => {
  const examples = tuningExamples();
  const featurised = featurise(examples);

  it('is trained on the tuning part only, both label files', () => {
    expect(examples.length).toBeGreaterThan(400);
    expect(examples.some((e) => isHeldOut(e.unitId))).toBe(false);
    expect(COALITION_MODEL.training.articles).toBe(examples.length);
    expect(COALITION_MODEL.training.positives).toBe(examples.filter((e) => e.label).length);
    expect(COALITION_MODEL.training.labels).toEqual(TRAINING_PROVENANCE.labels);
  });

  it('is byte for byte what training produces, and training is deterministic', () => {
    const model = trainModel(featurised, TRAINING_OPTIONS, TRAINING_PROVENANCE);
    expect(serialiseModel(model)).toBe(readFileSync(modelPath, 'utf8'));
    // Input order does not matter: the examples are sorted before anything is learnt.
    const shuffled = featurise([...examples].reverse());
    expect(trainModel(shuffled, TRAINING_OPTIONS, TRAINING_PROVENANCE)).toEqual(model);
  });

  it('stays small: a few hundred rounded weights', () => {
    const weights = Object.values(COALITION_MODEL.weights);
    expect(weights.length).toBeLessThanOrEqual(TRAINING_OPTIONS.maxFeatures + 40);
    for (const w of weights) expect(Math.round(w * 1000) / 1000).toBe(w);
    expect(readFileSync(modelPath).length).toBeLessThan(20_000);
  });

  it('has learnt that reports of coalition strikes are the topic', () => {
    const w = COALITION_MODEL.weights;
    expect(w['cue:reports']).toBeGreaterThan(0);
    expect(w['k:report']).toBeGreaterThan(0);
    expect(w['k:report']).toBeGreaterThan(w['k:background'] ?? 0);
  });
});

describe('coalitionModelSchema', () => {
  const valid: CoalitionModel = COALITION_MODEL;

  it('accepts the committed file', () => {
    const raw: unknown = JSON.parse(readFileSync(modelPath, 'utf8'));
    expect(coalitionModelSchema.safeParse(raw).success).toBe(true);
  });

  it('refuses another kind of file, unknown keys and bad weights', () => {
    expect(coalitionModelSchema.safeParse({ ...valid, model: 'other' }).success).toBe(false);
    expect(coalitionModelSchema.safeParse({ ...valid, extra: 1 }).success).toBe(false);
    expect(coalitionModelSchema.safeParse({ ...valid, threshold: 1 }).success).toBe(false);
    const badName = { ...valid, weights: { ...valid.weights, 'x:word': 1 } };
    expect(coalitionModelSchema.safeParse(badName).success).toBe(false);
    const notNumber = { ...valid, weights: { 'cue:reports': 'high' } };
    expect(coalitionModelSchema.safeParse(notNumber).success).toBe(false);
  });
});

describe('scoring', () => {
  it('pools sentence scores as a soft maximum, stably', () => {
    expect(softPool([]).pool).toBeCloseTo(0);
    expect(softPool([0]).pool).toBeCloseTo(Math.log(2));
    expect(softPool([800]).pool).toBeCloseTo(800);
    const { pool, shares } = softPool([5, 1]);
    expect(pool).toBeCloseTo(Math.log(1 + Math.exp(5) + Math.exp(1)));
    expect(shares[0]).toBeGreaterThan(shares[1] ?? 1);
  });

  it('one report sentence weighs the same wherever it stands in the article', () => {
    const report =
      'Coalition warplanes killed 12 civilians in Raqqa on Monday, the Syrian Observatory said.';
    const filler = [
      'Government forces shelled rebel positions near Hama on Monday, a monitor said.',
      'The United Nations called for a pause in the fighting to let aid into Aleppo.',
      'Talks in Geneva between the parties have stalled for months.',
    ];
    const title = 'Fighting in Syria';
    const at = (i: number): number => {
      const body = [...filler];
      body.splice(i, 0, report);
      const text = `${title}\n\n${body.join(' ')}`;
      return scoreArticle(COALITION_MODEL, articleFeatures(title, text)).probability;
    };
    // Only the lede flag may tell the first position apart.
    expect(at(2)).toBe(at(3));
    expect(at(1)).toBe(at(3));
  });
});

describe('cross-validation', () => {
  const featurised = featurise(tuningExamples());

  it('deals every fold its share of on-topic articles', () => {
    const folds = foldOf(featurised, 5);
    for (let f = 0; f < 5; f++) {
      const inFold = featurised.filter((e) => folds.get(e.unitId) === f);
      const positives = inFold.filter((e) => e.label).length;
      expect(positives).toBeGreaterThanOrEqual(7);
      expect(positives).toBeLessThanOrEqual(9);
    }
  });

  it('scores every article once, by a model that did not see it', () => {
    const cv = crossValidate(featurised, TRAINING_OPTIONS, 5);
    expect(cv.probabilities.size).toBe(featurised.length);
    const { tp, fp, fn } = cv.topic;
    expect(tp + fn).toBe(featurised.filter((e) => e.label).length);
    expect(fp).toBeLessThan(featurised.length);
    // Deterministic: the same folds and the same figures every run.
    expect(crossValidate(featurised, TRAINING_OPTIONS, 5).topic).toEqual(cv.topic);
  });
});
