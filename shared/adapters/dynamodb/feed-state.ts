import type { FeedState } from '../../domain/records.ts';
import type { FeedStateStore } from '../../ports/feed-state.ts';
import { itemKey } from './keys.ts';
import { type DynamoTable, strip } from './table.ts';

export class DynamoFeedStateStore implements FeedStateStore {
  constructor(private readonly table: DynamoTable) {}

  async getFeedState(feedId: string): Promise<FeedState | null> {
    const item = await this.table.get(itemKey.feedState(feedId));
    return item ? strip<FeedState>(item) : null;
  }

  async putFeedState(state: FeedState): Promise<void> {
    await this.table.put({ ...itemKey.feedState(state.feedId), ...state });
  }
}
