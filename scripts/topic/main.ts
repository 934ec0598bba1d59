// `npm run train:topic`: train the coalition-strike topic model on the tuning part of the
// labelled sets and write shared/topics/coalition-model.json; print its 5-fold cross-validated
// figures and its strongest features. Same weights every run.
//   --check    write nothing; exit 1 when the committed weights are not what training gives
//   --search   print repeated cross-validation over a small grid of options, train nothing
//   --data DIR another copy of the corpus and labels (same layout as data/)

import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { REPO_DATA_DIR } from '../../shared/corpus/fa-kes.ts';
import {
  crossValidate,
  type FeaturisedExample,
  featurise,
  type Prf,
  serialiseModel,
  strongestWeights,
  TRAINING_OPTIONS,
  type TrainOptions,
  trainModel,
} from './train.ts';
import { TRAINING_PROVENANCE, tuningExamples } from './training-data.ts';

const MODEL_PATH = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../../shared/topics/coalition-model.json',
);

const { values: args } = parseArgs({
  options: {
    check: { type: 'boolean' },
    search: { type: 'boolean' },
    data: { type: 'string' },
  },
});

const f = (x: number): string => x.toFixed(3);
const figures = (p: Prf): string =>
  `P=${f(p.precision)} R=${f(p.recall)} F1=${f(p.f1)}  (tp=${p.tp} fp=${p.fp} fn=${p.fn})`;

function search(examples: FeaturisedExample[]): void {
  const seeds = ['cv', 'cv1', 'cv2'];
  for (const lambda of [0.003, 0.01, 0.03]) {
    for (const positiveWeight of [1, 3]) {
      for (const maxFeatures of [100, 300]) {
        const o: TrainOptions = { ...TRAINING_OPTIONS, lambda, positiveWeight, maxFeatures };
        const sum = [0, 0, 0];
        for (const seed of seeds) {
          const { topic } = crossValidate(examples, o, 5, seed);
          sum[0] = (sum[0] ?? 0) + topic.tp;
          sum[1] = (sum[1] ?? 0) + topic.fp;
          sum[2] = (sum[2] ?? 0) + topic.fn;
        }
        const [tp = 0, fp = 0, fn = 0] = sum;
        console.log(
          `lambda=${lambda} positiveWeight=${positiveWeight} maxFeatures=${maxFeatures}  F1=${f((2 * tp) / (2 * tp + fp + fn))} R=${f(tp / (tp + fn))}  over ${seeds.length} fold seeds`,
        );
      }
    }
  }
}

function main(): void {
  const examples = featurise(tuningExamples(args.data ?? REPO_DATA_DIR));
  if (args.search) {
    search(examples);
    return;
  }
  const model = trainModel(examples, TRAINING_OPTIONS, TRAINING_PROVENANCE);
  const text = serialiseModel(model);
  if (args.check) {
    const committed = readFileSync(MODEL_PATH, 'utf8');
    if (committed !== text) {
      console.error(`${MODEL_PATH} is not what training gives: run npm run train:topic`);
      process.exitCode = 1;
    } else console.log(`${MODEL_PATH} is what training gives`);
    return;
  }
  writeFileSync(MODEL_PATH, text);
  const positives = examples.filter((e) => e.label).length;
  console.log(
    `trained on ${examples.length} articles (${positives} on topic); ${Object.keys(model.weights).length} weights -> ${MODEL_PATH}`,
  );
  console.log(
    `5-fold cross-validation on the tuning part: ${figures(crossValidate(examples, TRAINING_OPTIONS).topic)}`,
  );
  console.log('strongest weights:');
  for (const [name, w] of strongestWeights(model, 20))
    console.log(`  ${w > 0 ? '+' : ''}${w.toFixed(3)}  ${name}`);
}

main();
