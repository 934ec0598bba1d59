import type { FeedState } from '../domain/records.ts';

/** Each feed's polling state: validators for conditional GET, and the backoff after failures. */
export interface FeedStateStore {
  getFeedState(feedId: string): Promise<FeedState | null>;
  putFeedState(state: FeedState): Promise<void>;
}
