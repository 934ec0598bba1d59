// The labelled development sets (data/labels, read at run time, never copied), each split into
// its tuning part and its fixed held-out fifth. The eval, the topic model's training and the
// floor test all read the articles through here, so they all see the same split.

import { createHash } from 'node:crypto';
import { faKesText, loadFaKes, loadLabels, REPO_DATA_DIR } from '../../shared/corpus/fa-kes.ts';
import type { ArticleContext } from '../../shared/domain/claims.ts';

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
  /** The 300 articles labelled last carry the phrase a reader should see. */
  allegation?: string;
}

export interface ArticleLabel {
  unit_id: string;
  coalition_strike: boolean;
  syria_strike?: boolean;
  casualties: LabelCasualty[];
  accusations: LabelAccusation[];
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
