// `npm run train:accusations`: train the accusation scorer on the tuning part of the labelled
// development set and write shared/claims/accusation-model.json, its threshold chosen by 5-fold
// cross-validation (summed over five fold seeds, the F1 curve smoothed); print the
// cross-validated figures and the strongest weights. Same weights every run.
//   --check    write nothing; exit 1 when the committed weights are not what training gives
//   --search   print cross-validation over a grid of options and of feature families left out,
//              train nothing
//   --data DIR another copy of the corpus and labels (same layout as data/)

import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { REPO_DATA_DIR } from '../../shared/corpus/fa-kes.ts';
import { search } from './search.ts';
import {
  bestThreshold,
  type Counts,
  f1,
  repeatedCrossValidation,
  serialiseModel,
  TRAINING_OPTIONS,
  trainModel,
  tuningRows,
} from './train.ts';

const MODEL_PATH = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../../shared/claims/accusation-model.json',
);

const { values: args } = parseArgs({
  options: { check: { type: 'boolean' }, search: { type: 'boolean' }, data: { type: 'string' } },
});

const figures = (c: Counts): string => `F1=${f1(c).toFixed(3)} (tp=${c.tp} fp=${c.fp} fn=${c.fn})`;

function main(): void {
  const articles = tuningRows(args.data ?? REPO_DATA_DIR);
  if (args.search) {
    search(articles);
    return;
  }
  const cv = bestThreshold(repeatedCrossValidation(articles, TRAINING_OPTIONS));
  const model = trainModel(articles, TRAINING_OPTIONS, cv.threshold);
  const text = serialiseModel(model);
  if (args.check) {
    if (readFileSync(MODEL_PATH, 'utf8') !== text) {
      console.error(`${MODEL_PATH} is not what training gives: run npm run train:accusations`);
      process.exitCode = 1;
    } else console.log(`${MODEL_PATH} is what training gives`);
    return;
  }
  writeFileSync(MODEL_PATH, text);
  console.log(
    `trained on ${articles.length} articles, ${model.training.candidates} candidates; ${Object.keys(model.weights).length} weights -> ${MODEL_PATH}`,
  );
  console.log(`threshold ${cv.threshold}: 5-fold cross-validated pair ${figures(cv.counts)}`);
  console.log('strongest weights:');
  const strongest = Object.entries(model.weights)
    .sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]) || (a[0] < b[0] ? -1 : 1))
    .slice(0, 25);
  for (const [name, w] of strongest) console.log(`  ${w > 0 ? '+' : ''}${w.toFixed(3)}  ${name}`);
}

main();
