import type { StoryRecord } from '../domain/records.ts';

// What joins reports of one story: content identities (text hash, distinctive headline), MinHash
// bands and fingerprints of near-duplicates, and the story records themselves. Every write is
// idempotent, so a re-run after a crash writes the same thing again.

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
  /**
   * The content identities (text hash, headline) the article claimed: an article owning one of
   * them knows this one follows it. Empty on fingerprints written before it was kept.
   */
  identities: string[];
}

/** The article (and its story) that registered a content identity first. */
export interface ContentOwner {
  articleId: string;
  storyId: string;
  /** True when this call registered it. */
  created: boolean;
}

export interface StoryIndex {
  /**
   * Registers a content identity unless another article has; returns its owner (this article
   * if it was first). One write, that reads the owner it keeps.
   */
  claimContentHash(
    contentHash: string,
    owner: { articleId: string; storyId: string },
  ): Promise<ContentOwner>;
  /** Candidate stories sharing a MinHash band, within a date window: one read of a fixed number of keys. */
  findStoryCandidates(bands: string[], from: string, to: string): Promise<StoryCandidate[]>;
  getFingerprints(articleIds: string[]): Promise<ArticleFingerprint[]>;
  /**
   * Indexes an article's bands and fingerprint for near-duplicate lookups. The fingerprint is
   * written once (conditional); a re-run gets the first run's `indexedAt` and `storyId` back.
   * On the article's first attempt (nothing of an earlier one can be stored) the fingerprint is
   * written with the bands, without asking.
   */
  indexFingerprint(
    fp: ArticleFingerprint & { bands: string[]; storyDate: string; firstAttempt?: boolean },
  ): Promise<{ storyId: string; indexedAt: string; existed: boolean }>;
  /** Records the story an indexed article was finally assigned to. */
  setFingerprintStory(articleId: string, storyId: string): Promise<void>;
  /**
   * Creates the story if absent, else adds the article and outlet to it. Idempotent. Returns
   * the story as stored (a known story keeps its own title, dates and places).
   */
  upsertStory(
    story: StoryRecord,
    article: { articleId: string; outlet: string },
  ): Promise<StoryRecord>;
  getStory(storyId: string): Promise<StoryRecord | null>;
}
