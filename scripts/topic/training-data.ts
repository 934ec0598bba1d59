// The articles the topic model is trained on: the tuning part of both labelled sets (the
// fully labelled dev set and the topic-only one), never the held-out fifth.

import { REPO_DATA_DIR } from '../../shared/corpus/fa-kes.ts';
import { labelledSets } from '../eval/labelled-sets.ts';
import type { TopicExample, TrainingProvenance } from './train.ts';

export const TRAINING_PROVENANCE: TrainingProvenance = {
  labels: ['labels-dev.json', 'labels-topic-dev.json'],
  split: 'tuning part (sha256(unit_id) first uint32 % 5 != 0)',
};

export function tuningExamples(dataDir = REPO_DATA_DIR): TopicExample[] {
  return labelledSets(dataDir)
    .filter((s) => !s.heldOut)
    .flatMap((s) =>
      s.articles.map((a) => ({
        unitId: a.unitId,
        title: a.ctx.title ?? '',
        text: a.text,
        label: a.label.coalition_strike,
      })),
    );
}
