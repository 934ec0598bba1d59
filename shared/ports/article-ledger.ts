import type { ArticleRecord } from '../domain/records.ts';

// Which articles are taken, which are done, and which failed too often to try again. Taking one
// is a conditional write, so any number of concurrent workers agree on who processes it without
// transactions (which dynalite lacks); so are releasing it after a failure and quarantining it.

export type ArticleClaimResult =
  /**
   * This worker owns the article until the lease ends. `firstAttempt`: nobody took it before,
   * so nothing of an earlier attempt is in the store (writes need not ask whether one was).
   */
  | { outcome: 'claimed'; firstAttempt: boolean }
  /** The article was fully processed before. */
  | { outcome: 'done' }
  /** Another worker holds an unexpired lease on it. */
  | { outcome: 'busy' }
  /** It failed on every attempt: nobody processes it again (its error rows say why). */
  | { outcome: 'quarantined' };

/** Why one attempt at an article failed. */
export interface ArticleFailure {
  at: string;
  code: string;
  message: string;
  /** A retryable failure (the store throttled, a claim was contended) counts apart. */
  retryable: boolean;
}

/** The article's failed attempts so far, this one included. */
export interface ArticleFailureCounts {
  /** Attempts that failed with an error a retry would meet again. */
  failures: number;
  /** Attempts that failed with a retryable error. */
  retries: number;
}

export interface ArticleLedger {
  /** Conditionally takes the article for processing (new, or a lease that expired or was released). */
  claimArticle(
    articleId: string,
    url: string,
    now: string,
    leaseUntil: string,
  ): Promise<ArticleClaimResult>;
  /**
   * Of these article ids, the ones still to process: not done and not quarantined (one batched
   * read).
   */
  unfinishedArticles(articleIds: string[]): Promise<Set<string>>;
  /**
   * Of these article ids, the finished ones (done or quarantined), each with the feed whose item
   * it was (null when unknown). One batched read.
   */
  finishedArticleFeeds(articleIds: string[]): Promise<Map<string, string | null>>;
  /**
   * Counts a failed attempt and releases the lease at once (the next run may try again), if the
   * lease `leaseUntil` is still this worker's. Null when it is not (another worker took over).
   */
  releaseFailedArticle(
    articleId: string,
    leaseUntil: string,
    failure: ArticleFailure,
  ): Promise<ArticleFailureCounts | null>;
  /** Marks an article that is not done as quarantined; false when it was done meanwhile. */
  quarantineArticle(articleId: string, at: string, reason: string): Promise<boolean>;
  /** Stores the finished article and marks it done: the last write of its processing. */
  completeArticle(article: ArticleRecord): Promise<void>;
  /** The finished article, or null while it is unknown, in progress or quarantined. */
  getArticle(articleId: string): Promise<ArticleRecord | null>;
}
