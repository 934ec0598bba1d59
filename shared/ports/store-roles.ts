import type { AnalystQuery } from './analyst-query.ts';
import type { ArticleLedger } from './article-ledger.ts';
import type { ClaimLedger } from './claim-ledger.ts';
import type { ErrorLog } from './error-log.ts';
import type { FeedStateStore } from './feed-state.ts';
import type { IncidentReader, IncidentStore } from './incident-store.ts';
import type { Outbox } from './outbox.ts';
import type { StoryIndex } from './story-index.ts';

/**
 * Every role of the store, as a composition root (the Lambda bootstrap, the local runner)
 * builds them from one adapter. Use-cases never take this whole: each names the roles it uses.
 */
export interface StoreRoles {
  feedState: FeedStateStore;
  articleLedger: ArticleLedger;
  storyIndex: StoryIndex;
  claimLedger: ClaimLedger;
  outbox: Outbox;
  errorLog: ErrorLog;
  analystQuery: AnalystQuery;
  incidentStore: IncidentStore;
  incidentReader: IncidentReader;
}

/** Just the roles of a store adapter (which may carry more, such as its table). */
export function storeRoles(store: StoreRoles): StoreRoles {
  return {
    feedState: store.feedState,
    articleLedger: store.articleLedger,
    storyIndex: store.storyIndex,
    claimLedger: store.claimLedger,
    outbox: store.outbox,
    errorLog: store.errorLog,
    analystQuery: store.analystQuery,
    incidentStore: store.incidentStore,
    incidentReader: store.incidentReader,
  };
}
