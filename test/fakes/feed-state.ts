import type { FeedState } from '../../shared/domain/records.ts';
import type { FeedStateStore } from '../../shared/ports/feed-state.ts';

export class InMemoryFeedStateStore implements FeedStateStore {
  readonly states = new Map<string, FeedState>();

  async getFeedState(feedId: string): Promise<FeedState | null> {
    const s = this.states.get(feedId);
    return s ? structuredClone(s) : null;
  }

  async putFeedState(state: FeedState): Promise<void> {
    this.states.set(state.feedId, structuredClone(state));
  }
}
