// The learned accusation scorer: logistic regression over the features of a candidate
// (accusation-features.ts), its weights learnt from the tuning part of the labelled development
// articles by `npm run train:accusations` (scripts/accusations/) and committed as
// accusation-model.json. An (accuser, accused) pair is an accusation of the article when its best
// candidate's probability reaches the model's threshold (chosen by cross-validation on the
// tuning part). What a rule route found keeps the rule's allegation and quote.

import { z } from 'zod';
import type { Accusation } from '../domain/claims.ts';
import { accusationCandidates, type Candidate } from './accusation-candidates.ts';
import { candidateVectors, type FeatureVector } from './accusation-features.ts';
import type { FrameOutcome } from './accusations.ts';
import { blameAllegation, harmAllegation, quoteOf } from './allegation.ts';
import { findPlace } from './places.ts';

export const accusationModelSchema = z
  .object({
    /** What the file is, so a wrong file is refused rather than silently misread. */
    model: z.literal('accusations/logistic'),
    /** How it was trained: the label files, the split, the hyperparameters. */
    training: z.object({
      labels: z.array(z.string()).min(1),
      split: z.string(),
      articles: z.number().int().positive(),
      candidates: z.number().int().positive(),
      positives: z.number().int().positive(),
      lambda: z.number().positive(),
      minCount: z.number().int().positive(),
      /** Feature families (name prefixes) training left out. */
      exclude: z.array(z.string()),
    }),
    /** A pair is an accusation when its best candidate's probability is at least this. */
    threshold: z.number().gt(0).lt(1),
    bias: z.number().finite(),
    weights: z.record(z.string().regex(/^[a-z+-]+\d?:\S/), z.number().finite()),
  })
  .strict();

export type AccusationModel = z.infer<typeof accusationModelSchema>;

const compiled = new WeakMap<AccusationModel, Map<string, number>>();

function weightsOf(model: AccusationModel): Map<string, number> {
  let w = compiled.get(model);
  if (!w) {
    w = new Map(Object.entries(model.weights));
    compiled.set(model, w);
  }
  return w;
}

/** The probability the model gives a feature vector. */
export function probabilityOf(model: AccusationModel, v: FeatureVector): number {
  const w = weightsOf(model);
  let z = model.bias;
  for (const [name, value] of v) z += (w.get(name) ?? 0) * value;
  return 1 / (1 + Math.exp(-z));
}

/** The accusation a candidate stands for: the rule's when a rule found it, else built here. */
function accusationOf(c: Candidate): Accusation {
  const ruled = c.blame ?? c.harm;
  if (ruled) return ruled;
  const { s } = c.frame;
  const h = c.accused;
  const sp = c.speaker;
  const at = h?.index ?? 0;
  const end = h?.end ?? 0;
  const blame = /^\s*(?:accus|blam|condemn)/i;
  const allegation =
    (blame.test(s.slice(end)) ? blameAllegation(s, end, c.frame.before) : '') ||
    harmAllegation(s, end, { before: c.frame.before });
  const from = sp.end > 0 ? Math.min(sp.index, at) : at;
  const to = Math.max(sp.end, end);
  return {
    accuser: c.accuser,
    accused: c.accusedActor,
    accuserName: sp.name.replace(/^the\s+/i, ''),
    accusedName: (h?.name ?? c.accusedActor).replace(/^the\s+/i, ''),
    allegation,
    place: findPlace(s, at),
    quote: quoteOf(s, from, to),
  };
}

/**
 * The article's accusations as the model decides them, one per pair. A pair a rule found keeps
 * the rule's first finding (its allegation and quote), else the best candidate speaks for it;
 * in the order those stand in the article.
 */
export function scoredAccusations(
  frames: readonly FrameOutcome[],
  model: AccusationModel,
): Accusation[] {
  interface Pair {
    p: number;
    best: { c: Candidate; at: number };
    ruled: { c: Candidate; at: number } | null;
  }
  const pairs = new Map<string, Pair>();
  const cands = accusationCandidates(frames);
  const vectors = candidateVectors(cands);
  for (const [at, c] of cands.entries()) {
    const key = `${c.accuser}>${c.accusedActor}`;
    const p = probabilityOf(model, vectors[at] ?? new Map());
    const ruled = c.blame || c.harm ? { c, at } : null;
    const seen = pairs.get(key);
    if (!seen) pairs.set(key, { p, best: { c, at }, ruled });
    else {
      if (p > seen.p) Object.assign(seen, { p, best: { c, at } });
      seen.ruled ??= ruled;
    }
  }
  return [...pairs.values()]
    .filter((x) => x.p >= model.threshold)
    .map((x) => x.ruled ?? x.best)
    .sort((a, b) => a.at - b.at)
    .map((x) => accusationOf(x.c));
}
