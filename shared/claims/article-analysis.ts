// What both extractors read about an article, computed once: its sentences, the actor mentions
// of each sentence with names resolved in the article's context ("a monitor" is the Observatory
// it names, "the army" is Turkey's in a story about Turkey's operation), and the date relative
// dates count from.

import type { ArticleContext } from '../domain/claims.ts';
import { type ArticleInfo, articleInfo, resolveHits } from './actor-context.ts';
import { type ActorHit, findActors } from './actors.ts';
import { referenceDate } from './dates.ts';
import { type Sentence, splitSentences, wireCopyStart } from './sentences.ts';

export interface ArticleAnalysis {
  text: string;
  sentences: Sentence[];
  /** Actor mentions per sentence, resolved in the article's context. */
  hits: ActorHit[][];
  info: ArticleInfo;
  /** The date "on Monday" counts from: the article's dateline, else its publication date. */
  referenceDate: string | undefined;
}

/**
 * The actors a sentence names in its wire copy: a headline the page restated before the wire
 * dateline ("Coalition air strikes kill 8 IS militants Reuters Sunday 10 Jul 2016 Ten IS targets
 * were hit ...") is already the article's first sentence, and its names would pair the copy's
 * speaker with parties the copy does not name.
 */
function storyActors(sentence: string): ActorHit[] {
  const from = wireCopyStart(sentence, sentence.length);
  const to = relatedLinksStart(sentence);
  return findActors(sentence).filter((h) => h.index >= from && h.index < to);
}

// "... 91 Related US Mistakes Led to Catastrophe in Raqqa - Moscow ...", "Source AFP Related News
// ...": the page's links to other stories after a view counter or source line. Their headlines
// name parties this story does not.
const RELATED_LINKS_RE =
  /(?:^|\b\d+\s+|\bSource\s+(?:[\w-]+\s+){1,4}?)(?:Topic\s+[A-Z][^()]{0,80}\(\d+\)\s+)?Related(?:\s+News)?\s+(?=[A-Z])/;

/** Where the sentence's related-links list starts (its length when there is none). */
function relatedLinksStart(sentence: string): number {
  const m = RELATED_LINKS_RE.exec(sentence);
  return m ? m.index : sentence.length;
}

export function analyseArticle(text: string, ctx: ArticleContext): ArticleAnalysis {
  const sentences = splitSentences(text);
  const info = articleInfo(text, ctx);
  return {
    text,
    sentences,
    hits: sentences.map((s) => resolveHits(s.text, storyActors(s.text), info)),
    info,
    referenceDate: referenceDate(text, ctx.publishedAt),
  };
}
