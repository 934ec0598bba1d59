import type { QueryKind } from '../contracts/query-kinds.ts';
import type {
  AlertRecord,
  ArticleRecord,
  ClaimRecord,
  ClaimSource,
  DeliveryRecord,
  ErrorRecord,
  FeedState,
  StoryRecord,
} from '../domain/records.ts';

// The persistence port. Every method that decides "is this new?" is one conditional write, so
// any number of concurrent workers agree without transactions (which dynalite lacks).

export type ArticleClaimResult =
  /** This worker owns the article until the lease ends. */
  | { outcome: 'claimed' }
  /** The article was fully processed before. */
  | { outcome: 'done' }
  /** Another worker holds an unexpired lease on it. */
  | { outcome: 'busy' };

export interface StoryCandidate {
  storyId: string;
  articleId: string;
  storyDate: string;
  /** When the article was indexed: the earliest of matching articles decides the story. */
  indexedAt: string;
  /** How many MinHash bands matched: more is more similar. */
  hits: number;
}

export interface ArticleFingerprint {
  articleId: string;
  storyId: string;
  indexedAt: string;
  /** yyyy-mm-dd the article was published, when known: far-apart dates never merge. */
  publishedDate: string | null;
  words: Uint32Array;
  pairs: Uint32Array;
}

export type DeliveryOutcome =
  | { status: 'sent'; at: string }
  | { status: 'retry'; at: string; nextAttemptAt: string; error: string }
  | { status: 'failed'; at: string; error: string };

/** The kinds analysts query: shared/contracts/query-kinds.ts, with their API routes. */
export type { QueryKind };

export interface QueryParams {
  kind: QueryKind;
  since?: string | undefined;
  until?: string | undefined;
  source?: string | undefined;
  place?: string | undefined;
  actor?: string | undefined;
  limit?: number | undefined;
}

export interface AlertWithDeliveries {
  alert: AlertRecord;
  deliveries: DeliveryRecord[];
}

export type QueryRow =
  | { kind: 'article'; item: ArticleRecord }
  | { kind: 'story'; item: StoryRecord }
  | { kind: 'casualty' | 'accusation'; item: ClaimRecord }
  | { kind: 'alert'; item: AlertWithDeliveries }
  | { kind: 'error'; item: ErrorRecord };

export interface Store {
  /** Creates the table if it does not exist (local runs and tests; CDK creates it in AWS). */
  ensureTable(): Promise<void>;

  getFeedState(feedId: string): Promise<FeedState | null>;
  putFeedState(state: FeedState): Promise<void>;

  /** Conditionally takes the article for processing (new, or a lease that expired). */
  claimArticle(
    articleId: string,
    url: string,
    now: string,
    leaseUntil: string,
  ): Promise<ArticleClaimResult>;
  /** Of these article ids, the ones not yet processed to the end (BatchGet, 100 per call). */
  unfinishedArticles(articleIds: string[]): Promise<Set<string>>;
  /** Stores the finished article and marks it done. */
  completeArticle(article: ArticleRecord): Promise<void>;
  getArticle(articleId: string): Promise<ArticleRecord | null>;

  /** Conditionally registers a content hash; returns the owner (this article if it was first). */
  claimContentHash(
    contentHash: string,
    owner: { articleId: string; storyId: string },
  ): Promise<{ articleId: string; storyId: string; created: boolean }>;

  /** Candidate stories sharing a MinHash band, within a date window. Fixed number of reads. */
  findStoryCandidates(bands: string[], from: string, to: string): Promise<StoryCandidate[]>;
  getFingerprints(articleIds: string[]): Promise<ArticleFingerprint[]>;
  /**
   * Indexes an article's bands and fingerprint for near-duplicate lookups. The fingerprint is
   * written once (conditional); a re-run gets the first run's `indexedAt` and `storyId` back.
   */
  indexFingerprint(
    fp: ArticleFingerprint & { bands: string[]; storyDate: string },
  ): Promise<{ storyId: string; indexedAt: string; existed: boolean }>;
  /** Records the story an indexed article was finally assigned to. */
  setFingerprintStory(articleId: string, storyId: string): Promise<void>;

  /** Creates the story if absent, else adds the article and outlet to it. Idempotent. */
  upsertStory(story: StoryRecord, article: { articleId: string; outlet: string }): Promise<void>;
  getStory(storyId: string): Promise<StoryRecord | null>;

  getClaim(claimKey: string): Promise<ClaimRecord | null>;
  /** The claims that exist under any of these keys (BatchGet). */
  getClaims(claimKeys: string[]): Promise<ClaimRecord[]>;
  /** Conditional create; false when the claim already exists. */
  createClaim(claim: ClaimRecord): Promise<boolean>;
  /** Conditional replace of the value; false when someone else changed it first. */
  replaceClaim(claim: ClaimRecord, expectedVersion: number): Promise<boolean>;
  /** Adds a corroborating source (idempotent per article). */
  addClaimSource(claimKey: string, source: ClaimSource): Promise<void>;

  /** Idempotent: creating the same alert twice leaves one. */
  putAlert(alert: AlertRecord): Promise<void>;
  getAlert(alertId: string): Promise<AlertRecord | null>;
  /** Conditional create; false when it exists already. */
  createDelivery(delivery: DeliveryRecord): Promise<boolean>;
  /** Deliveries that are pending and due, or sending with an expired lease. */
  listDueDeliveries(now: string, limit: number): Promise<DeliveryRecord[]>;
  listDeliveries(alertId: string): Promise<DeliveryRecord[]>;
  /**
   * Conditionally moves a delivery to 'sending' under `token` until `leaseUntil`. Returns the
   * claimed record, or null when another worker has it or it is finished.
   */
  claimDelivery(
    alertId: string,
    subscriberId: string,
    token: string,
    now: string,
    leaseUntil: string,
  ): Promise<DeliveryRecord | null>;
  /** Records the outcome, conditional on still holding `token`. */
  finishDelivery(
    alertId: string,
    subscriberId: string,
    token: string,
    outcome: DeliveryOutcome,
  ): Promise<boolean>;

  recordError(error: ErrorRecord): Promise<void>;

  query(params: QueryParams): Promise<QueryRow[]>;
}
