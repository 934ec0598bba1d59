// The coalition-strike topic model: logistic regression over the features of
// coalition-features.ts (article cues, plus a soft maximum over the scores of the sentences that
// name the coalition or the US), its weights learnt from the labelled development articles by
// `npm run train:topic` (scripts/topic/) and committed as coalition-model.json (loaded by
// trained-model.ts). This file only validates weights and scores an article with them.

import { z } from 'zod';
import type { TopicExplanation } from '../domain/topics.ts';
import { type ArticleFeatures, articleFeatures, type FeatureVector } from './coalition-features.ts';

export const coalitionModelSchema = z
  .object({
    /** What the file is, so a wrong file is refused rather than silently misread. */
    model: z.literal('coalition-strikes-syria/logistic'),
    /** How it was trained: the label files, the split, the hyperparameters. */
    training: z.object({
      labels: z.array(z.string()).min(1),
      split: z.string(),
      articles: z.number().int().positive(),
      positives: z.number().int().positive(),
      lambda: z.number().positive(),
      positiveWeight: z.number().positive(),
      minDocs: z.number().int().positive(),
      maxFeatures: z.number().int().positive(),
    }),
    /** The article is on topic when its probability is at least this. */
    threshold: z.number().gt(0).lt(1),
    bias: z.number().finite(),
    weights: z.record(z.string().regex(/^(?:cue|k|c):\S/), z.number().finite()),
  })
  .strict();

export type CoalitionModel = z.infer<typeof coalitionModelSchema>;

export interface CoalitionDecision extends TopicExplanation {
  relevant: boolean;
}

/** A model's weights as a map, built once per model (the JSON object stays as loaded). */
const compiled = new WeakMap<CoalitionModel, Map<string, number>>();

function weightsOf(model: CoalitionModel): Map<string, number> {
  let w = compiled.get(model);
  if (!w) {
    w = new Map(Object.entries(model.weights));
    compiled.set(model, w);
  }
  return w;
}

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));
const round3 = (x: number): number => Math.round(x * 1000) / 1000;

function dot(weights: Map<string, number>, v: FeatureVector): number {
  let z = 0;
  for (const [name, value] of v) z += (weights.get(name) ?? 0) * value;
  return z;
}

/**
 * log(1 + sum of exp(score)) over the sentence scores (the 1 stands for "no sentence"), and each
 * sentence's share in it; computed without overflow.
 */
export function softPool(scores: readonly number[]): { pool: number; shares: number[] } {
  let m = 0;
  for (const s of scores) if (s > m) m = s;
  const exps = scores.map((s) => Math.exp(s - m));
  const denom = Math.exp(-m) + exps.reduce((a, b) => a + b, 0);
  return { pool: m + Math.log(denom), shares: exps.map((e) => e / denom) };
}

/**
 * Each feature's share in the decision: weight times value for the article cues; for sentence
 * features, the same times the sentence's share in the pool.
 */
function contributions(
  weights: Map<string, number>,
  f: ArticleFeatures,
  shares: readonly number[],
): Map<string, number> {
  const parts = new Map<string, number>();
  const add = (v: FeatureVector, scale: number): void => {
    for (const [name, value] of v) {
      const w = weights.get(name);
      if (w !== undefined && value !== 0)
        parts.set(name, (parts.get(name) ?? 0) + scale * w * value);
    }
  };
  add(f.article, 1);
  f.sentences.forEach((s, j) => {
    add(s.vector, shares[j] ?? 0);
  });
  return parts;
}

/** Cut for display: the sentence that weighed most, at a word boundary. */
function shorten(text: string, max = 240): string {
  if (text.length <= max) return text;
  const cut = text.lastIndexOf(' ', max - 1);
  return `${text.slice(0, cut > max / 2 ? cut : max - 1)}…`;
}

/** Probability and explanation for one article's features. */
export function scoreArticle(
  model: CoalitionModel,
  f: ArticleFeatures,
  explain = 6,
): CoalitionDecision {
  const weights = weightsOf(model);
  const scores = f.sentences.map((s) => dot(weights, s.vector));
  const { pool, shares } = softPool(scores);
  const probability = sigmoid(model.bias + dot(weights, f.article) + pool);
  const top = [...contributions(weights, f, shares)]
    .map(([feature, c]) => ({ feature, contribution: round3(c) }))
    .filter((p) => p.contribution !== 0)
    .sort(
      (a, b) =>
        Math.abs(b.contribution) - Math.abs(a.contribution) || a.feature.localeCompare(b.feature),
    )
    .slice(0, explain);
  let best = -1;
  scores.forEach((s, j) => {
    if (best < 0 || s > (scores[best] ?? 0)) best = j;
  });
  const decision: CoalitionDecision = {
    relevant: probability >= model.threshold,
    probability: round3(probability),
    threshold: model.threshold,
    topFeatures: top,
  };
  const sentence = f.sentences[best];
  if (sentence) decision.sentence = shorten(sentence.text);
  return decision;
}

/** Is this article about strikes by the US-led coalition or US forces in Syria, and why. */
export function classifyCoalitionStrike(
  model: CoalitionModel,
  title: string,
  text: string,
): CoalitionDecision {
  return scoreArticle(model, articleFeatures(title, text));
}
