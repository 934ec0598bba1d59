import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDynamoDbStore,
  type DynamoDbStore,
} from '../../shared/adapters/dynamodb/dynamodb-store.ts';
import { DynamoAnalystQuery } from '../../shared/adapters/dynamodb/queries.ts';
import { DynamoTable } from '../../shared/adapters/dynamodb/table.ts';
import { describeError, UnprocessedItemsError } from '../../shared/domain/errors.ts';
import type { AlertRecord, DeliveryRecord } from '../../shared/domain/records.ts';
import {
  createDynamoClient,
  type EmbeddedDynamo,
  startEmbeddedDynamo,
} from '../../shared/local/embedded-dynamodb.ts';
import { queryStore } from '../../shared/use-cases/query-store.ts';
import { testAlert } from '../helpers/alert-builders.ts';
import { describeIncidentStoreContract } from '../helpers/incident-store-contract.ts';
import { describeStoreContract, raqqaClaim, t } from '../helpers/store-contract.ts';

// The store's conditional writes on dynalite through the AWS SDK: the decisions every
// exactly-once guarantee rests on (the same assertions as the in-memory fakes), then what only
// the DynamoDB adapter does: index queries, alerts with their deliveries in one Query, batch
// retries that run out, named errors for what DynamoDB refuses.

describeStoreContract('DynamoDB on dynalite', async () => {
  const dynamo = await startEmbeddedDynamo();
  const store = createDynamoDbStore({ client: dynamo.client, tableName: 'store-test' });
  await store.table.ensureTable();
  return { store, close: () => dynamo.close() };
});

describeIncidentStoreContract('DynamoDB on dynalite', async () => {
  const dynamo = await startEmbeddedDynamo();
  const store = createDynamoDbStore({ client: dynamo.client, tableName: 'incident-test' });
  await store.table.ensureTable();
  afterAll(() => dynamo.close());
  return { store: store.incidentStore, reader: store.incidentReader };
});

/** Counts the client's requests per command. */
function countRequests(client: DynamoDBClient): Map<string, number> {
  const calls = new Map<string, number>();
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const name = String(context.commandName);
      calls.set(name, (calls.get(name) ?? 0) + 1);
      return next(args);
    },
    { step: 'initialize', name: 'storeTestRequestCounter' },
  );
  return calls;
}

describe('DynamoDB adapter', () => {
  let dynamo: EmbeddedDynamo;
  let store: DynamoDbStore;
  beforeAll(async () => {
    dynamo = await startEmbeddedDynamo();
    store = createDynamoDbStore({ client: dynamo.client, tableName: 'adapter-test' });
    await store.table.ensureTable();
    await store.claimLedger.createClaim(raqqaClaim);
  });
  afterAll(() => dynamo.close());

  it('finds a claim by place through the index, and by date range', async () => {
    const byPlace = await queryStore(store, { kind: 'casualty', place: 'Raqqa' });
    expect(byPlace.map((r) => (r.kind === 'casualty' ? r.item.claimKey : ''))).toEqual(['k1']);
    expect(await queryStore(store, { kind: 'casualty', place: 'Aleppo' })).toEqual([]);
    expect(await queryStore(store, { kind: 'casualty', since: '2018-01-01' })).toEqual([]);
  });

  const alert = (n: number): AlertRecord => testAlert(`alert-${n}`, t(n));
  const delivery = (n: number, subscriberId: string): DeliveryRecord => ({
    alertId: `alert-${n}`,
    subscriberId,
    channel: 'slack',
    status: 'pending',
    attempts: 0,
    createdAt: t(n),
    nextAttemptAt: t(n),
    leaseUntil: null,
    claimToken: null,
    sentAt: null,
    lastError: null,
  });

  it('lists alerts newest first, each with all its deliveries, from one Query', async () => {
    for (const n of [1, 2, 3]) {
      await store.outbox.putAlert(alert(n));
      for (const sub of ['desk', 'analysts', 'ops'])
        await store.outbox.createDelivery(delivery(n, sub));
    }
    await store.outbox.claimDelivery('alert-2', 'ops', 'tok', t(5), t(6));
    await store.outbox.finishDelivery('alert-2', 'ops', 'tok', { status: 'sent', at: t(5) });
    const client = dynamo.client;
    const calls = countRequests(client);
    const rows = await queryStore(store, { kind: 'alert' });
    expect(calls.get('QueryCommand')).toBe(1);
    expect(rows.map((r) => (r.kind === 'alert' ? r.item.alert.alertId : ''))).toEqual([
      'alert-3',
      'alert-2',
      'alert-1',
    ]);
    for (const r of rows) {
      if (r.kind !== 'alert') continue;
      expect(r.item.deliveries.map((d) => d.subscriberId)).toEqual(['analysts', 'desk', 'ops']);
      for (const d of r.item.deliveries) expect(d.alertId).toBe(r.item.alert.alertId);
    }
    const second = rows[1]?.kind === 'alert' ? rows[1].item.deliveries : [];
    expect(second.find((d) => d.subscriberId === 'ops')?.status).toBe('sent');
  });

  it('reads on past a page that ends among an alert’s deliveries', async () => {
    // Two items a page: every page boundary falls inside an alert's group of four items.
    const query = new DynamoAnalystQuery(
      new DynamoTable({ client: dynamo.client, tableName: 'adapter-test' }),
      2,
    );
    const page = await query.queryPage({ kind: 'alert' }, null);
    expect(page.rows.map((r) => (r.kind === 'alert' ? r.item.deliveries.length : 0))).toEqual([3]);
    const next = await query.queryPage({ kind: 'alert' }, page.cursor);
    expect(next.rows.map((r) => (r.kind === 'alert' ? r.item.alert.alertId : ''))).toEqual([
      'alert-2',
    ]);
  });

  it('a batch that keeps coming back unprocessed ends in a retryable named error', async () => {
    const client = createDynamoClient(dynamo.endpoint);
    const flaky = createDynamoDbStore({ client, tableName: 'adapter-test' });
    // Fault injection: DynamoDB answering every BatchGetItem with all keys unprocessed.
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const out = await next(args);
        if (context.commandName !== 'BatchGetItemCommand') return out;
        const requested = (args.input as { RequestItems: Record<string, unknown> }).RequestItems;
        return { ...out, output: { ...out.output, Responses: {}, UnprocessedKeys: requested } };
      },
      { step: 'initialize', name: 'unprocessedBatches' },
    );
    const err = await flaky.articleLedger.unfinishedArticles(['a', 'b']).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UnprocessedItemsError);
    expect(describeError(err)).toMatchObject({ code: 'store_unprocessed_items', retryable: true });
  });

  it('a request DynamoDB refuses is a named error that says so, not "internal"', async () => {
    const err = await store.feedState
      .putFeedState({
        feedId: 'x'.repeat(3000),
        etag: null,
        lastModified: null,
        lastPolledAt: null,
        lastSuccessAt: null,
        consecutiveFailures: 0,
        nextPollAfter: null,
        lastError: null,
      })
      .catch((e: unknown) => e);
    const described = describeError(err);
    expect(described.code).toBe('store_unavailable');
    expect(described.retryable).toBe(false);
    expect(described.message).toMatch(/PutItem/);
  });
});
