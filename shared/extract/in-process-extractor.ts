import { feedItemText } from '../feeds/feed-item-text.ts';
import type { ArticleExtractor } from '../ports/extractor.ts';
import { extractArticle } from './extract-article.ts';

/** Readability on jsdom in the calling thread: no deadline, no separate heap. */
export const inProcessExtractor: ArticleExtractor = {
  extract: async (html, url) => extractArticle(html, { url }),
  feedItemText: async (content) => feedItemText(content),
  close: async () => {},
};
