import type { ArticleRecord } from '../domain/records.ts';

// Which articles are taken, and which are done. Taking one is a conditional write, so any number
// of concurrent workers agree on who processes it without transactions (which dynalite lacks).

export type ArticleClaimResult =
  /** This worker owns the article until the lease ends. */
  | { outcome: 'claimed' }
  /** The article was fully processed before. */
  | { outcome: 'done' }
  /** Another worker holds an unexpired lease on it. */
  | { outcome: 'busy' };

export interface ArticleLedger {
  /** Conditionally takes the article for processing (new, or a lease that expired). */
  claimArticle(
    articleId: string,
    url: string,
    now: string,
    leaseUntil: string,
  ): Promise<ArticleClaimResult>;
  /** Of these article ids, the ones not yet processed to the end (one batched read). */
  unfinishedArticles(articleIds: string[]): Promise<Set<string>>;
  /** Stores the finished article and marks it done: the last write of its processing. */
  completeArticle(article: ArticleRecord): Promise<void>;
  /** The finished article, or null while it is unknown or in progress. */
  getArticle(articleId: string): Promise<ArticleRecord | null>;
}
