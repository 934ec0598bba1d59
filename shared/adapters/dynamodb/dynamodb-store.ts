import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { StoreRoles } from '../../ports/store-roles.ts';
import { DynamoArticleLedger } from './articles.ts';
import { DynamoClaimLedger } from './claims.ts';
import { DynamoErrorLog } from './error-log.ts';
import { DynamoFeedStateStore } from './feed-state.ts';
import { DynamoIncidentStore } from './incidents.ts';
import { DynamoOutbox } from './outbox.ts';
import { DynamoAnalystQuery } from './queries.ts';
import { DynamoStoryIndex } from './stories.ts';
import { DynamoTable } from './table.ts';

// The DynamoDB adapter of every store role, one item family each, over one table. Works against
// AWS and dynalite alike: only conditional single-item writes, Query on keys and GSIs, BatchGet
// and BatchWrite.

export interface DynamoDbStoreOptions {
  tableName: string;
  client: DynamoDBClient;
}

export interface DynamoDbStore extends StoreRoles {
  /** The table itself: creation for local runs and tests, batch writes for seeding. */
  table: DynamoTable;
}

export function createDynamoDbStore(opts: DynamoDbStoreOptions): DynamoDbStore {
  const table = new DynamoTable(opts);
  const incidents = new DynamoIncidentStore(table);
  return {
    table,
    feedState: new DynamoFeedStateStore(table),
    articleLedger: new DynamoArticleLedger(table),
    storyIndex: new DynamoStoryIndex(table),
    claimLedger: new DynamoClaimLedger(table),
    outbox: new DynamoOutbox(table),
    errorLog: new DynamoErrorLog(table),
    analystQuery: new DynamoAnalystQuery(table),
    incidentStore: incidents,
    incidentReader: incidents,
  };
}
