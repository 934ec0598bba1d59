import type { StoreRoles } from '../../shared/ports/store-roles.ts';
import { InMemoryAnalystQuery } from './analyst-query.ts';
import { InMemoryArticleLedger } from './article-ledger.ts';
import { InMemoryClaimLedger } from './claim-ledger.ts';
import { InMemoryErrorLog } from './error-log.ts';
import { InMemoryFeedStateStore } from './feed-state.ts';
import { InMemoryIncidentStore } from './incident-store.ts';
import { InMemoryOutbox } from './outbox.ts';
import { InMemoryStoryIndex } from './story-index.ts';

// Every store role in memory, for the use-cases' unit tests: the same decisions as the DynamoDB
// adapter (test/helpers/store-contract.ts runs the same assertions against both), no I/O.

export interface InMemoryStore extends StoreRoles {
  feedState: InMemoryFeedStateStore;
  articleLedger: InMemoryArticleLedger;
  storyIndex: InMemoryStoryIndex;
  claimLedger: InMemoryClaimLedger;
  outbox: InMemoryOutbox;
  errorLog: InMemoryErrorLog;
  analystQuery: InMemoryAnalystQuery;
  incidentStore: InMemoryIncidentStore;
  incidentReader: InMemoryIncidentStore;
}

export function inMemoryStore(opts: { pageSize?: number } = {}): InMemoryStore {
  const roles = {
    feedState: new InMemoryFeedStateStore(),
    articleLedger: new InMemoryArticleLedger(),
    storyIndex: new InMemoryStoryIndex(),
    claimLedger: new InMemoryClaimLedger(),
    outbox: new InMemoryOutbox(),
    errorLog: new InMemoryErrorLog(),
  };
  const incidents = new InMemoryIncidentStore(opts.pageSize);
  return {
    ...roles,
    analystQuery: new InMemoryAnalystQuery(roles, opts.pageSize),
    incidentStore: incidents,
    incidentReader: incidents,
  };
}
