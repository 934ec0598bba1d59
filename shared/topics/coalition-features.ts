// The features the coalition-strike topic model reads, shared by the classifier and the training
// script (scripts/topic/), so both see exactly the same values. Two levels:
//   article    cue:NAME  the cue rules of coalition-cues.ts over the whole article (flags 0/1,
//                        counts on a log scale)
//   sentence   for every sentence, title or body, that names the coalition or the US:
//              k:NAME    what the cue rules say about it (report, civilian dead, history, threat,
//                        Iraq only, a toll, a day of its own, title, lede)
//              c:TERM    its words and word pairs (not for history, threat or Iraq sentences)
// The model scores each such sentence and pools the scores (a soft maximum), so one sentence that
// reports a coalition strike, in the lede or mid-article, in a brief or in a long report, weighs
// what it weighs; a long article does not win by having many weak mentions.

import {
  type CoalitionCues,
  coalitionCues,
  type SentenceCues,
  type SentenceKind,
} from './coalition-cues.ts';
import { STOPWORDS, topicSentences, wordTokens } from './topic-text.ts';

/** A sparse feature vector: feature name to value. */
export type FeatureVector = Map<string, number>;

export interface SentenceFeatures {
  text: string;
  vector: FeatureVector;
}

export interface ArticleFeatures {
  /** Article-level cues (`cue:` features). */
  article: FeatureVector;
  /** One vector per sentence naming the coalition or the US (`k:` and `c:` features). */
  sentences: SentenceFeatures[];
  cues: CoalitionCues;
}

const log1p = (n: number): number => Math.log(1 + n);
const flag = (b: boolean): number => (b ? 1 : 0);

/** Scale of the shares, so that their weights are penalised about as much as the counts'. */
const SHARE_SCALE = 3;

function articleCues(c: CoalitionCues, sentences: number): FeatureVector {
  const named = c.actorSentences.filter((s) => s.namedActor).length;
  // Shares of the article beside the counts: a two-sentence brief about a US strike is as much
  // about it as a long report with ten such sentences.
  const share = SHARE_SCALE / Math.max(1, sentences);
  return new Map([
    ['cue:report_share', share * c.reports],
    ['cue:actor_share', share * c.actorSentences.length],
    ['cue:rule_score', Math.max(-1, Math.min(6, c.ruleScore)) / 3],
    ['cue:rule_hit', flag(c.ruleScore >= 2)],
    ['cue:title_hit', flag(c.titleHit)],
    ['cue:lead', flag(c.lead)],
    ['cue:other_perpetrator', flag(c.otherPerpetrator && !c.lead)],
    ['cue:no_syria', flag(!c.syria)],
    ['cue:syrian_national_coalition', flag(c.syrianNationalCoalition)],
    ['cue:reports', log1p(c.reports)],
    ['cue:civilian_reports', log1p(c.civilianReports)],
    ['cue:background', log1p(c.background)],
    ['cue:named_actor_sentences', log1p(named)],
    ['cue:actor_sentences', log1p(c.actorSentences.length)],
  ]);
}

/**
 * Length of a sentence's word vector. With the same L2 penalty on every weight, this sets how
 * far its words may move its score against its cues (chosen by cross-validation).
 */
const WORDS_LENGTH = 9;

const NO_REPORT: ReadonlySet<SentenceKind> = new Set(['background', 'hypothetical', 'iraq']);

/** Unigrams (no function words) and bigrams (not two function words) of `words`. */
function terms(words: readonly string[]): Set<string> {
  const out = new Set<string>();
  let prev: string | null = null;
  for (const w of words) {
    const stop = STOPWORDS.has(w);
    if (!stop) out.add(w);
    if (prev !== null && !(stop && STOPWORDS.has(prev))) out.add(`${prev} ${w}`);
    prev = w;
  }
  return out;
}

function sentenceVector(s: SentenceCues, text: string): FeatureVector {
  const v: FeatureVector = new Map([
    ['k:sentence', 1],
    [`k:${s.kind}`, 1],
  ]);
  if (s.toll) v.set('k:toll', 1);
  if (s.dated) v.set('k:dated', 1);
  if (s.title) v.set('k:title', 1);
  if (s.lead) v.set('k:lead', 1);
  if (s.namedActor) v.set('k:named_actor', 1);
  // A sentence the rules read as the campaign's history, a threat or Iraq is never a report,
  // whatever its words: they would only teach the model that "US-led coalition ... Syria" is
  // the topic, in a background line as much as in a report.
  if (NO_REPORT.has(s.kind)) return v;
  const words = terms(wordTokens(text));
  const value = words.size > 0 ? WORDS_LENGTH / Math.sqrt(words.size) : 0;
  for (const t of words) v.set(`c:${t}`, value);
  return v;
}

/**
 * The features of an article. `title` is the headline (may be empty); `text` is title and body
 * as the classifier sees them (title line first when there is one).
 */
export function articleFeatures(title: string, text: string): ArticleFeatures {
  const all = topicSentences(text);
  const cues = coalitionCues(title, text, all);
  const sentences = cues.actorSentences.map((s) => {
    const t = all[s.index]?.text ?? '';
    return { text: t, vector: sentenceVector(s, t) };
  });
  return { article: articleCues(cues, all.length), sentences, cues };
}
