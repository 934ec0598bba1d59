import {
  ConditionalCheckFailedException,
  CreateTableCommand,
  DescribeTableCommand,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  BatchWriteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  type QueryCommandInput,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import {
  StoreUnavailableError,
  TableNotReadyError,
  UnprocessedItemsError,
} from '../../domain/errors.ts';
import type { IndexPartition, ItemKey } from './keys.ts';
import { checkStorableItem, checkStorableValues } from './storable.ts';
import { GSI1, GSI2, TTL_ATTRIBUTE, tableKeys } from './table-design.ts';

// The one table, as the item families use it: single-item reads and (conditional) writes, Query
// on a key or an index partition, BatchGet and BatchWrite with bounded retries of what DynamoDB
// leaves unprocessed. Works against AWS and dynalite alike. A failed request (after the SDK's own
// retries) is a StoreUnavailableError; a condition that fails is an answer, not an error.

export type Item = Record<string, unknown>;

const MAX_BATCH_RETRIES = 5;
const DAY_S = 86_400;
/** Transient index items (bands, fingerprints, errors) may expire in AWS after this long. */
const TRANSIENT_TTL_DAYS = 90;

/** The TTL of a transient item written at `now` (epoch ms). */
export const expiresAt = (now = Date.now()) => Math.floor(now / 1000) + TRANSIENT_TTL_DAYS * DAY_S;

/** A record as a table item: its key, its type, its own fields, then its index entries. */
export function asItem(type: string, key: ItemKey, record: object, extra: Item = {}): Item {
  return { ...key, type, ...record, ...extra };
}

/** Key and index attributes are the table's business: records come back without them. */
export function strip<T>(item: Item | undefined, ...extra: string[]): T {
  const out: Item = { ...(item ?? {}) };
  for (const k of [
    tableKeys.partitionKey,
    tableKeys.sortKey,
    ...Object.values(tableKeys.gsi1),
    ...Object.values(tableKeys.gsi2),
    TTL_ATTRIBUTE,
    'type',
    ...extra,
  ]) {
    delete out[k];
  }
  return out as T;
}

const isConditionFailure = (err: unknown): boolean =>
  err instanceof ConditionalCheckFailedException ||
  (err instanceof Error && err.name === 'ConditionalCheckFailedException');

const THROTTLING = new Set([
  'ThrottlingException',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
]);

/** What the SDK throws once it gives up (a service error, or a network error after retries). */
const isSdkFailure = (err: unknown): err is Error & { $fault?: string } =>
  err instanceof Error && '$metadata' in err;

/** Retryable unless DynamoDB said the request itself is wrong (a client fault, not throttling). */
function unavailable(operation: string, err: Error & { $fault?: string }): StoreUnavailableError {
  const retryable = THROTTLING.has(err.name) || err.$fault !== 'client';
  return new StoreUnavailableError(`DynamoDB ${operation} failed: ${err.name}: ${err.message}`, {
    retryable,
    cause: err,
  });
}

export interface Update {
  expression: string;
  condition?: string;
  names?: Record<string, string>;
  values?: Record<string, unknown>;
  /** Return the item as it is after the update. */
  returnNew?: boolean;
  /** Return the item as it was before the update ({} when there was none). */
  returnOld?: boolean;
}

export class DynamoTable {
  readonly name: string;
  private readonly doc: DynamoDBDocumentClient;

  constructor(private readonly opts: { tableName: string; client: DynamoDBClient }) {
    this.name = opts.tableName;
    this.doc = DynamoDBDocumentClient.from(opts.client, {
      marshallOptions: { removeUndefinedValues: true, convertEmptyValues: false },
    });
  }

  /**
   * Sends one command; a failed condition is returned as `null`, a request the SDK gave up on
   * thrown as StoreUnavailableError, anything else (a bug) thrown as it is.
   */
  private async send<T>(operation: string, run: () => Promise<T>): Promise<T | null> {
    try {
      return await run();
    } catch (err) {
      if (isConditionFailure(err)) return null;
      throw isSdkFailure(err) ? unavailable(operation, err) : err;
    }
  }

  async get(key: ItemKey, projection?: { expression: string; names: Record<string, string> }) {
    const r = await this.send('GetItem', () =>
      this.doc.send(
        new GetCommand({
          TableName: this.name,
          Key: key,
          ConsistentRead: true,
          ...(projection
            ? {
                ProjectionExpression: projection.expression,
                ExpressionAttributeNames: projection.names,
              }
            : {}),
        }),
      ),
    );
    return r?.Item;
  }

  /** Writes the item; with a condition, false when it failed (nothing written). */
  async put(
    item: Item,
    condition?: { expression: string; values?: Record<string, unknown> },
  ): Promise<boolean> {
    checkStorableItem(item);
    const r = await this.send('PutItem', () =>
      this.doc.send(
        new PutCommand({
          TableName: this.name,
          Item: item,
          ...(condition
            ? {
                ConditionExpression: condition.expression,
                ExpressionAttributeValues: condition.values,
              }
            : {}),
        }),
      ),
    );
    return r !== null;
  }

  /** Writes the item unless one with its key exists; false when it did. */
  putIfAbsent(item: Item): Promise<boolean> {
    return this.put(item, { expression: 'attribute_not_exists(pk)' });
  }

  /** Updates the item; null when the condition failed, else the new (or old) item, or {}. */
  async update(key: ItemKey, u: Update): Promise<Item | null> {
    checkStorableValues(u.values);
    const r = await this.send('UpdateItem', () =>
      this.doc.send(
        new UpdateCommand({
          TableName: this.name,
          Key: key,
          UpdateExpression: u.expression,
          ConditionExpression: u.condition,
          ExpressionAttributeNames: u.names,
          ExpressionAttributeValues: u.values,
          ...(u.returnNew ? { ReturnValues: 'ALL_NEW' as const } : {}),
          ...(u.returnOld ? { ReturnValues: 'ALL_OLD' as const } : {}),
        }),
      ),
    );
    return r === null ? null : (r.Attributes ?? {});
  }

  /** One page of a Query. */
  async queryPage(input: Omit<QueryCommandInput, 'TableName'>) {
    const r = await this.send('Query', () =>
      this.doc.send(new QueryCommand({ ...input, TableName: this.name })),
    );
    return { items: r?.Items ?? [], lastKey: r?.LastEvaluatedKey };
  }

  /** Every item of a Query, up to `limit`. */
  async queryAll(input: Omit<QueryCommandInput, 'TableName'>, limit: number): Promise<Item[]> {
    const out: Item[] = [];
    let startKey: Item | undefined;
    do {
      const page = await this.queryPage({ ...input, ExclusiveStartKey: startKey });
      out.push(...page.items);
      startKey = page.lastKey;
    } while (startKey && out.length < limit);
    return out.slice(0, limit);
  }

  /** A Query of one index partition between two sort-key bounds. */
  queryIndex(
    at: IndexPartition,
    range: { from: string; to: string },
    options: { newestFirst?: boolean; startKey?: Item | undefined; limit?: number } = {},
  ) {
    return this.queryPage({
      Limit: options.limit,
      IndexName: at.index,
      KeyConditionExpression: `${at.partitionKey} = :p AND ${at.sortKey} BETWEEN :from AND :to`,
      ExpressionAttributeValues: { ':p': at.partition, ':from': range.from, ':to': range.to },
      ScanIndexForward: !options.newestFirst,
      ExclusiveStartKey: options.startKey,
    });
  }

  /** Consistent reads of many keys, 100 per request, retrying what comes back unprocessed. */
  async batchGet(
    keys: ItemKey[],
    projection?: { expression: string; names: Record<string, string> },
  ): Promise<Item[]> {
    const out: Item[] = [];
    for (let i = 0; i < keys.length; i += 100) {
      let pending: Item[] = keys.slice(i, i + 100);
      for (let attempt = 0; pending.length > 0; attempt++) {
        if (attempt > MAX_BATCH_RETRIES)
          throw new UnprocessedItemsError(
            `BatchGetItem left ${pending.length} keys unprocessed after ${MAX_BATCH_RETRIES} retries`,
          );
        const request = {
          Keys: pending,
          ConsistentRead: true,
          ...(projection
            ? {
                ProjectionExpression: projection.expression,
                ExpressionAttributeNames: projection.names,
              }
            : {}),
        };
        const r = await this.send('BatchGetItem', () =>
          this.doc.send(new BatchGetCommand({ RequestItems: { [this.name]: request } })),
        );
        out.push(...(r?.Responses?.[this.name] ?? []));
        pending = (r?.UnprocessedKeys?.[this.name]?.Keys as Item[] | undefined) ?? [];
        if (pending.length) await backoff(attempt);
      }
    }
    return out;
  }

  /**
   * Unconditional puts, 25 per request, retrying what comes back unprocessed. A key put twice
   * keeps its last item, as puts one by one would (DynamoDB refuses a batch with a key twice).
   */
  async batchPut(all: Item[]): Promise<void> {
    for (const item of all) checkStorableItem(item);
    const byKey = new Map(all.map((item) => [`${item.pk}\u0000${item.sk}`, item]));
    const items = [...byKey.values()];
    for (let i = 0; i < items.length; i += 25) {
      let pending = items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } }));
      for (let attempt = 0; pending.length > 0; attempt++) {
        if (attempt > MAX_BATCH_RETRIES)
          throw new UnprocessedItemsError(
            `BatchWriteItem left ${pending.length} items unprocessed after ${MAX_BATCH_RETRIES} retries`,
          );
        const r = await this.send('BatchWriteItem', () =>
          this.doc.send(new BatchWriteCommand({ RequestItems: { [this.name]: pending } })),
        );
        pending = (r?.UnprocessedItems?.[this.name] as typeof pending | undefined) ?? [];
        if (pending.length) await backoff(attempt);
      }
    }
  }

  /** Creates the table if it does not exist (local runs and tests; CDK creates it in AWS). */
  async ensureTable(): Promise<void> {
    if (await this.tableStatus()) return;
    try {
      await this.opts.client.send(new CreateTableCommand(tableDefinition(this.name)));
    } catch (err) {
      // Another process created it at the same moment: wait for it like for our own.
      if ((err as Error).name !== 'ResourceInUseException')
        throw isSdkFailure(err) ? unavailable('CreateTable', err) : err;
    }
    // dynalite (with createTableMs 0) and DynamoDB both need a moment before ACTIVE.
    for (let i = 0; i < 100; i++) {
      if ((await this.tableStatus()) === 'ACTIVE') return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new TableNotReadyError(`table ${this.name} did not become ACTIVE within 5 s`);
  }

  /** The table's status, or null when it does not exist. */
  private async tableStatus(): Promise<string | null> {
    try {
      const d = await this.opts.client.send(new DescribeTableCommand({ TableName: this.name }));
      return d.Table?.TableStatus ?? null;
    } catch (err) {
      if ((err as Error).name === 'ResourceNotFoundException') return null;
      throw isSdkFailure(err) ? unavailable('DescribeTable', err) : err;
    }
  }
}

/** The table as table-design.ts describes it: two string keys and two GSIs projecting all. */
function tableDefinition(name: string) {
  const s = { AttributeType: 'S' as const };
  const keySchema = (keys: { partitionKey: string; sortKey: string }) => [
    { AttributeName: keys.partitionKey, KeyType: 'HASH' as const },
    { AttributeName: keys.sortKey, KeyType: 'RANGE' as const },
  ];
  const indexes = [
    { name: GSI1, keys: tableKeys.gsi1 },
    { name: GSI2, keys: tableKeys.gsi2 },
  ];
  return {
    TableName: name,
    BillingMode: 'PAY_PER_REQUEST' as const,
    AttributeDefinitions: [tableKeys, ...indexes.map((i) => i.keys)].flatMap((k) => [
      { AttributeName: k.partitionKey, ...s },
      { AttributeName: k.sortKey, ...s },
    ]),
    KeySchema: keySchema(tableKeys),
    GlobalSecondaryIndexes: indexes.map((i) => ({
      IndexName: i.name,
      KeySchema: keySchema(i.keys),
      Projection: { ProjectionType: 'ALL' as const },
    })),
  };
}

function backoff(attempt: number): Promise<void> {
  const ms = Math.min(1000, 25 * 2 ** attempt) * (0.5 + Math.random() / 2);
  return new Promise((r) => setTimeout(r, ms));
}
