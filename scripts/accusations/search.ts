// `npm run train:accusations -- --search`: the cross-validation the training options were chosen
// by, printed and nothing trained. Each line is 5-fold pair F1 summed over the threshold's fold
// seeds, at the threshold training would choose for those options.

import {
  type ArticleRows,
  bestThreshold,
  f1,
  repeatedCrossValidation,
  THRESHOLD_SEEDS,
  TRAINING_OPTIONS,
  type TrainOptions,
} from './train.ts';

/** The name prefixes of accusation-features.ts, one family each. */
export const FEATURE_FAMILIES = [
  'r:',
  'n:',
  's:',
  'by:',
  'of:',
  'p:',
  'h:',
  'sp:',
  'a:',
  'x:',
  'w-1:',
  'w+1:',
  'wb:',
  'wa:',
];

function line(articles: readonly ArticleRows[], label: string, o: TrainOptions): void {
  const { threshold, counts: c } = bestThreshold(repeatedCrossValidation(articles, o));
  console.log(
    `${label.padEnd(28)} threshold=${threshold.toFixed(2)} F1=${f1(c).toFixed(4)} (tp=${c.tp} fp=${c.fp} fn=${c.fn})`,
  );
}

/** Regularisation by vocabulary cut-off, then each feature family toggled against the options. */
export function search(articles: readonly ArticleRows[]): void {
  console.log(`5-fold pair F1 over ${THRESHOLD_SEEDS.length} fold seeds`);
  for (const lambda of [0.01, 0.015, 0.02, 0.025, 0.03, 0.04, 0.05])
    for (const minCount of [5, 10, 20])
      line(articles, `lambda=${lambda} minCount=${minCount}`, {
        ...TRAINING_OPTIONS,
        lambda,
        minCount,
      });
  const excluded = new Set(TRAINING_OPTIONS.exclude);
  for (const family of FEATURE_FAMILIES) {
    const back = excluded.has(family);
    const exclude = back
      ? TRAINING_OPTIONS.exclude.filter((f) => f !== family)
      : [...TRAINING_OPTIONS.exclude, family];
    line(articles, `${back ? 'with' : 'without'} ${family}`, { ...TRAINING_OPTIONS, exclude });
  }
}
