import {
  ConditionalCheckFailedException,
  CreateTableCommand,
  DescribeTableCommand,
  type DynamoDBClient,
  ResourceNotFoundException,
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
import { decodeHashes, encodeHashes } from '../dedupe/fingerprint.ts';
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
import { claimActors, claimPlace } from '../domain/records.ts';
import type {
  AlertWithDeliveries,
  ArticleClaimResult,
  ArticleFingerprint,
  DeliveryOutcome,
  QueryParams,
  QueryRow,
  Store,
  StoryCandidate,
} from './store.ts';
import { GSI1, GSI2, TTL_ATTRIBUTE, tableKeys } from './table-design.ts';

// DynamoDB adapter for the Store port. Works against AWS and dynalite alike: only conditional
// single-item writes, Query on keys and GSIs, BatchGet and BatchWrite.

const DAY_S = 86_400;
/** Transient index items (bands, fingerprints, errors) may expire in AWS after this long. */
const TRANSIENT_TTL_DAYS = 90;
const BAND_QUERY_LIMIT = 25;
const MAX_BATCH_RETRIES = 5;
/** Corroborating sources kept on one claim item. */
export const MAX_CLAIM_SOURCES = 100;

type Item = Record<string, unknown>;

const isConditionFailure = (err: unknown): boolean =>
  err instanceof ConditionalCheckFailedException ||
  (err instanceof Error && err.name === 'ConditionalCheckFailedException');

const lc = (s: string) => s.trim().toLowerCase();

function strip<T>(item: Item | undefined, ...extra: string[]): T {
  const out: Item = { ...(item ?? {}) };
  for (const k of [
    'pk',
    'sk',
    'gsi1pk',
    'gsi1sk',
    'gsi2pk',
    'gsi2sk',
    TTL_ATTRIBUTE,
    'type',
    ...extra,
  ]) {
    delete out[k];
  }
  return out as T;
}

const expiresAt = (now = Date.now()) => Math.floor(now / 1000) + TRANSIENT_TTL_DAYS * DAY_S;

export interface DynamoDbStoreOptions {
  tableName: string;
  client: DynamoDBClient;
}

export class DynamoDbStore implements Store {
  private readonly doc: DynamoDBDocumentClient;
  private readonly table: string;

  constructor(private readonly opts: DynamoDbStoreOptions) {
    this.table = opts.tableName;
    this.doc = DynamoDBDocumentClient.from(opts.client, {
      marshallOptions: { removeUndefinedValues: true, convertEmptyValues: false },
    });
  }

  async ensureTable(): Promise<void> {
    try {
      await this.opts.client.send(new DescribeTableCommand({ TableName: this.table }));
      return;
    } catch (err) {
      if (
        !(err instanceof ResourceNotFoundException) &&
        (err as Error).name !== 'ResourceNotFoundException'
      ) {
        throw err;
      }
    }
    const s = { AttributeType: 'S' as const };
    try {
      await this.opts.client.send(
        new CreateTableCommand({
          TableName: this.table,
          BillingMode: 'PAY_PER_REQUEST',
          AttributeDefinitions: [
            { AttributeName: tableKeys.partitionKey, ...s },
            { AttributeName: tableKeys.sortKey, ...s },
            { AttributeName: tableKeys.gsi1.partitionKey, ...s },
            { AttributeName: tableKeys.gsi1.sortKey, ...s },
            { AttributeName: tableKeys.gsi2.partitionKey, ...s },
            { AttributeName: tableKeys.gsi2.sortKey, ...s },
          ],
          KeySchema: [
            { AttributeName: tableKeys.partitionKey, KeyType: 'HASH' },
            { AttributeName: tableKeys.sortKey, KeyType: 'RANGE' },
          ],
          GlobalSecondaryIndexes: [GSI1, GSI2].map((name) => {
            const keys = name === GSI1 ? tableKeys.gsi1 : tableKeys.gsi2;
            return {
              IndexName: name,
              KeySchema: [
                { AttributeName: keys.partitionKey, KeyType: 'HASH' as const },
                { AttributeName: keys.sortKey, KeyType: 'RANGE' as const },
              ],
              Projection: { ProjectionType: 'ALL' as const },
            };
          }),
        }),
      );
    } catch (err) {
      if ((err as Error).name !== 'ResourceInUseException') throw err;
    }
    // dynalite (with createTableMs 0) and DynamoDB both need a moment before ACTIVE.
    for (let i = 0; i < 100; i++) {
      const d = await this.opts.client.send(new DescribeTableCommand({ TableName: this.table }));
      if (d.Table?.TableStatus === 'ACTIVE') return;
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  // ---- feeds

  async getFeedState(feedId: string): Promise<FeedState | null> {
    const r = await this.doc.send(
      new GetCommand({
        TableName: this.table,
        Key: { pk: `FEED#${feedId}`, sk: 'STATE' },
        ConsistentRead: true,
      }),
    );
    return r.Item ? strip<FeedState>(r.Item) : null;
  }

  async putFeedState(state: FeedState): Promise<void> {
    await this.doc.send(
      new PutCommand({
        TableName: this.table,
        Item: { pk: `FEED#${state.feedId}`, sk: 'STATE', ...state },
      }),
    );
  }

  // ---- articles

  async claimArticle(
    articleId: string,
    url: string,
    now: string,
    leaseUntil: string,
  ): Promise<ArticleClaimResult> {
    try {
      await this.doc.send(
        new UpdateCommand({
          TableName: this.table,
          Key: { pk: `ART#${articleId}`, sk: 'ART' },
          UpdateExpression:
            'SET #status = :processing, leaseUntil = :lease, #url = :url, articleId = :id',
          ConditionExpression:
            'attribute_not_exists(pk) OR (#status = :processing AND leaseUntil < :now)',
          ExpressionAttributeNames: { '#status': 'status', '#url': 'url' },
          ExpressionAttributeValues: {
            ':processing': 'processing',
            ':lease': leaseUntil,
            ':now': now,
            ':url': url,
            ':id': articleId,
          },
        }),
      );
      return { outcome: 'claimed' };
    } catch (err) {
      if (!isConditionFailure(err)) throw err;
      const current = await this.doc.send(
        new GetCommand({
          TableName: this.table,
          Key: { pk: `ART#${articleId}`, sk: 'ART' },
          ConsistentRead: true,
          ProjectionExpression: '#status',
          ExpressionAttributeNames: { '#status': 'status' },
        }),
      );
      return { outcome: current.Item?.status === 'done' ? 'done' : 'busy' };
    }
  }

  async unfinishedArticles(articleIds: string[]): Promise<Set<string>> {
    const unique = [...new Set(articleIds)];
    const items = await this.batchGet(
      unique.map((id) => ({ pk: `ART#${id}`, sk: 'ART' })),
      'articleId, #status',
      { '#status': 'status' },
    );
    const done = new Set(items.filter((i) => i.status === 'done').map((i) => String(i.articleId)));
    return new Set(unique.filter((id) => !done.has(id)));
  }

  async completeArticle(a: ArticleRecord): Promise<void> {
    const date = a.publishedAt ?? a.fetchedAt;
    const indexed = a.relevant
      ? {
          gsi1pk: 'ARTICLE',
          gsi1sk: `${date}#${a.articleId}`,
          gsi2pk: `SOURCE#${lc(a.outlet)}`,
          gsi2sk: `${date}#${a.articleId}`,
        }
      : {};
    await this.doc.send(
      new PutCommand({
        TableName: this.table,
        Item: {
          pk: `ART#${a.articleId}`,
          sk: 'ART',
          type: 'article',
          status: 'done',
          ...a,
          ...indexed,
        },
      }),
    );
  }

  async getArticle(articleId: string): Promise<ArticleRecord | null> {
    const r = await this.doc.send(
      new GetCommand({
        TableName: this.table,
        Key: { pk: `ART#${articleId}`, sk: 'ART' },
        ConsistentRead: true,
      }),
    );
    if (r.Item?.status !== 'done') return null;
    return strip<ArticleRecord>(r.Item, 'status', 'leaseUntil');
  }

  // ---- dedupe

  async claimContentHash(
    contentHash: string,
    owner: { articleId: string; storyId: string },
  ): Promise<{ articleId: string; storyId: string; created: boolean }> {
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.table,
          Item: { pk: `HASH#${contentHash}`, sk: 'HASH', ...owner },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return { ...owner, created: true };
    } catch (err) {
      if (!isConditionFailure(err)) throw err;
      const r = await this.doc.send(
        new GetCommand({
          TableName: this.table,
          Key: { pk: `HASH#${contentHash}`, sk: 'HASH' },
          ConsistentRead: true,
        }),
      );
      return {
        articleId: String(r.Item?.articleId ?? owner.articleId),
        storyId: String(r.Item?.storyId ?? owner.storyId),
        created: false,
      };
    }
  }

  async findStoryCandidates(bands: string[], from: string, to: string): Promise<StoryCandidate[]> {
    const byArticle = new Map<string, StoryCandidate>();
    // One bounded Query per band, in parallel: the cost does not depend on the table's size.
    const pages = await Promise.all(
      bands.map((band, i) =>
        this.doc.send(
          new QueryCommand({
            TableName: this.table,
            KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
            ExpressionAttributeValues: {
              ':pk': `BAND#${i}#${band}`,
              ':from': from,
              ':to': `${to}\uffff`,
            },
            Limit: BAND_QUERY_LIMIT,
            ScanIndexForward: false,
          }),
        ),
      ),
    );
    for (const page of pages) {
      for (const item of page.Items ?? []) {
        const articleId = String(item.articleId);
        const prev = byArticle.get(articleId);
        if (prev) prev.hits++;
        else
          byArticle.set(articleId, {
            articleId,
            storyId: String(item.storyId),
            storyDate: String(item.storyDate),
            indexedAt: String(item.indexedAt),
            hits: 1,
          });
      }
    }
    // Most shared bands first; among equals the earliest indexed, not whichever id sorts first.
    return [...byArticle.values()].sort(
      (a, b) => b.hits - a.hits || a.indexedAt.localeCompare(b.indexedAt),
    );
  }

  async getFingerprints(articleIds: string[]): Promise<ArticleFingerprint[]> {
    if (articleIds.length === 0) return [];
    const items = await this.batchGet(articleIds.map((id) => ({ pk: `ART#${id}`, sk: 'FP' })));
    return items.map((it) => ({
      articleId: String(it.articleId),
      storyId: String(it.storyId),
      indexedAt: String(it.indexedAt),
      publishedDate: typeof it.publishedDate === 'string' ? it.publishedDate : null,
      words: decodeHashes(it.words as Uint8Array),
      pairs: decodeHashes(it.pairs as Uint8Array),
    }));
  }

  async indexFingerprint(
    fp: ArticleFingerprint & { bands: string[]; storyDate: string },
  ): Promise<{ storyId: string; indexedAt: string; existed: boolean }> {
    const ttl = expiresAt();
    let first = { storyId: fp.storyId, indexedAt: fp.indexedAt, existed: false };
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.table,
          Item: {
            pk: `ART#${fp.articleId}`,
            sk: 'FP',
            articleId: fp.articleId,
            storyId: fp.storyId,
            indexedAt: fp.indexedAt,
            publishedDate: fp.publishedDate,
            words: encodeHashes(fp.words),
            pairs: encodeHashes(fp.pairs),
            [TTL_ATTRIBUTE]: ttl,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    } catch (err) {
      if (!isConditionFailure(err)) throw err;
      const [existing] = await this.getFingerprints([fp.articleId]);
      if (existing)
        first = { storyId: existing.storyId, indexedAt: existing.indexedAt, existed: true };
    }
    // Band items are rewritten on a re-run (a crash may have come before them): same values.
    await this.batchPut(
      fp.bands.map((band, i) => ({
        pk: `BAND#${i}#${band}`,
        sk: `${fp.storyDate}#${fp.articleId}`,
        articleId: fp.articleId,
        storyId: first.storyId,
        storyDate: fp.storyDate,
        indexedAt: first.indexedAt,
        [TTL_ATTRIBUTE]: ttl,
      })),
    );
    return first;
  }

  async setFingerprintStory(articleId: string, storyId: string): Promise<void> {
    await this.doc.send(
      new UpdateCommand({
        TableName: this.table,
        Key: { pk: `ART#${articleId}`, sk: 'FP' },
        UpdateExpression: 'SET storyId = :s',
        ExpressionAttributeValues: { ':s': storyId },
      }),
    );
  }

  // ---- stories

  async upsertStory(
    story: StoryRecord,
    article: { articleId: string; outlet: string },
  ): Promise<void> {
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.table,
          Item: {
            pk: `STORY#${story.storyId}`,
            sk: 'STORY',
            type: 'story',
            ...story,
            gsi1pk: 'STORY',
            gsi1sk: `${story.storyDate}#${story.storyId}`,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    } catch (err) {
      if (!isConditionFailure(err)) throw err;
      await this.doc
        .send(
          new UpdateCommand({
            TableName: this.table,
            Key: { pk: `STORY#${story.storyId}`, sk: 'STORY' },
            UpdateExpression: 'SET articleIds = list_append(articleIds, :a), outlets = :outlets',
            ConditionExpression: 'NOT contains(articleIds, :id)',
            ExpressionAttributeValues: {
              ':a': [article.articleId],
              ':id': article.articleId,
              ':outlets': await this.mergedOutlets(story.storyId, article.outlet),
            },
          }),
        )
        .catch((e: unknown) => {
          if (!isConditionFailure(e)) throw e;
        });
    }
  }

  private async mergedOutlets(storyId: string, outlet: string): Promise<string[]> {
    const s = await this.getStory(storyId);
    const outlets = new Set(s?.outlets ?? []);
    outlets.add(outlet);
    return [...outlets];
  }

  async getStory(storyId: string): Promise<StoryRecord | null> {
    const r = await this.doc.send(
      new GetCommand({
        TableName: this.table,
        Key: { pk: `STORY#${storyId}`, sk: 'STORY' },
        ConsistentRead: true,
      }),
    );
    return r.Item ? strip<StoryRecord>(r.Item) : null;
  }

  // ---- claims

  private claimItem(claim: ClaimRecord): Item {
    const index =
      claim.kind === 'casualty'
        ? { gsi2pk: claim.figure.place ? `PLACE#${lc(claim.figure.place)}` : undefined }
        : { gsi2pk: `ACTOR#${claim.accusation.accuser}` };
    return {
      pk: `CLAIM#${claim.claimKey}`,
      sk: 'CLAIM',
      type: claim.kind,
      ...claim,
      sourceArticleIds: claim.sources.map((s) => s.articleId),
      gsi1pk: claim.kind.toUpperCase(),
      gsi1sk: `${claim.updatedAt}#${claim.claimKey}`,
      ...(index.gsi2pk
        ? { gsi2pk: index.gsi2pk, gsi2sk: `${claim.updatedAt}#${claim.claimKey}` }
        : {}),
    };
  }

  async getClaim(claimKey: string): Promise<ClaimRecord | null> {
    const r = await this.doc.send(
      new GetCommand({
        TableName: this.table,
        Key: { pk: `CLAIM#${claimKey}`, sk: 'CLAIM' },
        ConsistentRead: true,
      }),
    );
    return r.Item ? strip<ClaimRecord>(r.Item, 'sourceArticleIds') : null;
  }

  async getClaims(claimKeys: string[]): Promise<ClaimRecord[]> {
    const items = await this.batchGet(
      [...new Set(claimKeys)].map((k) => ({ pk: `CLAIM#${k}`, sk: 'CLAIM' })),
    );
    return items.map((i) => strip<ClaimRecord>(i, 'sourceArticleIds'));
  }

  async createClaim(claim: ClaimRecord): Promise<boolean> {
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.table,
          Item: this.claimItem(claim),
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return true;
    } catch (err) {
      if (isConditionFailure(err)) return false;
      throw err;
    }
  }

  async replaceClaim(claim: ClaimRecord, expectedVersion: number): Promise<boolean> {
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.table,
          Item: this.claimItem(claim),
          ConditionExpression: 'version = :v',
          ExpressionAttributeValues: { ':v': expectedVersion },
        }),
      );
      return true;
    } catch (err) {
      if (isConditionFailure(err)) return false;
      throw err;
    }
  }

  async addClaimSource(claimKey: string, source: ClaimSource): Promise<void> {
    try {
      await this.doc.send(
        new UpdateCommand({
          TableName: this.table,
          Key: { pk: `CLAIM#${claimKey}`, sk: 'CLAIM' },
          // The source list stops growing at MAX_CLAIM_SOURCES: DynamoDB items are capped at 400 KB.
          UpdateExpression:
            'SET sources = list_append(sources, :s), sourceArticleIds = list_append(sourceArticleIds, :a)',
          ConditionExpression:
            'attribute_exists(pk) AND NOT contains(sourceArticleIds, :id) AND size(sourceArticleIds) < :max',
          ExpressionAttributeValues: {
            ':s': [source],
            ':a': [source.articleId],
            ':id': source.articleId,
            ':max': MAX_CLAIM_SOURCES,
          },
        }),
      );
    } catch (err) {
      if (!isConditionFailure(err)) throw err;
    }
  }

  // ---- alerts and the delivery outbox

  async putAlert(alert: AlertRecord): Promise<void> {
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.table,
          Item: {
            pk: `ALERT#${alert.alertId}`,
            sk: 'ALERT',
            type: 'alert',
            ...alert,
            gsi1pk: 'ALERT',
            gsi1sk: `${alert.createdAt}#${alert.alertId}`,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    } catch (err) {
      if (!isConditionFailure(err)) throw err;
    }
  }

  async getAlert(alertId: string): Promise<AlertRecord | null> {
    const r = await this.doc.send(
      new GetCommand({
        TableName: this.table,
        Key: { pk: `ALERT#${alertId}`, sk: 'ALERT' },
        ConsistentRead: true,
      }),
    );
    return r.Item ? strip<AlertRecord>(r.Item) : null;
  }

  private deliveryKey(alertId: string, subscriberId: string) {
    return { pk: `ALERT#${alertId}`, sk: `DELIVERY#${subscriberId}` };
  }

  async createDelivery(d: DeliveryRecord): Promise<boolean> {
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.table,
          Item: {
            ...this.deliveryKey(d.alertId, d.subscriberId),
            type: 'delivery',
            ...d,
            gsi1pk: 'OUTBOX',
            gsi1sk: `${d.nextAttemptAt}#${d.alertId}#${d.subscriberId}`,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return true;
    } catch (err) {
      if (isConditionFailure(err)) return false;
      throw err;
    }
  }

  async listDueDeliveries(now: string, limit: number): Promise<DeliveryRecord[]> {
    const items = await this.queryAll(
      {
        TableName: this.table,
        IndexName: GSI1,
        KeyConditionExpression: 'gsi1pk = :o AND gsi1sk <= :now',
        ExpressionAttributeValues: { ':o': 'OUTBOX', ':now': `${now}\uffff` },
      },
      limit,
    );
    return items.map((i) => strip<DeliveryRecord>(i));
  }

  async listDeliveries(alertId: string): Promise<DeliveryRecord[]> {
    const items = await this.queryAll(
      {
        TableName: this.table,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :d)',
        ExpressionAttributeValues: { ':pk': `ALERT#${alertId}`, ':d': 'DELIVERY#' },
        ConsistentRead: true,
      },
      1000,
    );
    return items.map((i) => strip<DeliveryRecord>(i));
  }

  async claimDelivery(
    alertId: string,
    subscriberId: string,
    token: string,
    now: string,
    leaseUntil: string,
  ): Promise<DeliveryRecord | null> {
    try {
      const r = await this.doc.send(
        new UpdateCommand({
          TableName: this.table,
          Key: this.deliveryKey(alertId, subscriberId),
          UpdateExpression:
            'SET #status = :sending, claimToken = :token, leaseUntil = :lease, attempts = attempts + :one, gsi1sk = :due',
          ConditionExpression:
            '(#status = :pending AND nextAttemptAt <= :now) OR (#status = :sending AND leaseUntil < :now)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':sending': 'sending',
            ':pending': 'pending',
            ':token': token,
            ':lease': leaseUntil,
            ':now': now,
            ':one': 1,
            ':due': `${leaseUntil}#${alertId}#${subscriberId}`,
          },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return strip<DeliveryRecord>(r.Attributes);
    } catch (err) {
      if (isConditionFailure(err)) return null;
      throw err;
    }
  }

  async finishDelivery(
    alertId: string,
    subscriberId: string,
    token: string,
    outcome: DeliveryOutcome,
  ): Promise<boolean> {
    const names = { '#status': 'status' };
    const base = { ':token': token, ':sending': 'sending' };
    let update: Pick<
      NonNullable<ConstructorParameters<typeof UpdateCommand>[0]>,
      'UpdateExpression' | 'ExpressionAttributeValues'
    >;
    if (outcome.status === 'sent') {
      update = {
        UpdateExpression:
          'SET #status = :s, sentAt = :at REMOVE gsi1pk, gsi1sk, leaseUntil, claimToken',
        ExpressionAttributeValues: { ...base, ':s': 'sent', ':at': outcome.at },
      };
    } else if (outcome.status === 'retry') {
      update = {
        UpdateExpression:
          'SET #status = :s, nextAttemptAt = :next, lastError = :e, gsi1sk = :due REMOVE leaseUntil, claimToken',
        ExpressionAttributeValues: {
          ...base,
          ':s': 'pending',
          ':next': outcome.nextAttemptAt,
          ':e': outcome.error,
          ':due': `${outcome.nextAttemptAt}#${alertId}#${subscriberId}`,
        },
      };
    } else {
      update = {
        UpdateExpression:
          'SET #status = :s, lastError = :e, failedAt = :at REMOVE gsi1pk, gsi1sk, leaseUntil, claimToken',
        ExpressionAttributeValues: {
          ...base,
          ':s': 'failed',
          ':e': outcome.error,
          ':at': outcome.at,
        },
      };
    }
    try {
      await this.doc.send(
        new UpdateCommand({
          TableName: this.table,
          Key: this.deliveryKey(alertId, subscriberId),
          ConditionExpression: '#status = :sending AND claimToken = :token',
          ExpressionAttributeNames: names,
          ...update,
        }),
      );
      return true;
    } catch (err) {
      if (isConditionFailure(err)) return false;
      throw err;
    }
  }

  // ---- errors

  async recordError(e: ErrorRecord): Promise<void> {
    await this.doc.send(
      new PutCommand({
        TableName: this.table,
        Item: {
          pk: `ERROR#${e.errorId}`,
          sk: 'ERROR',
          type: 'error',
          ...e,
          gsi1pk: 'ERROR',
          gsi1sk: `${e.at}#${e.errorId}`,
          ...(e.feedId ? { gsi2pk: `SUBJECT#${e.feedId}`, gsi2sk: `${e.at}#${e.errorId}` } : {}),
          [TTL_ATTRIBUTE]: expiresAt(Date.parse(e.at) || Date.now()),
        },
      }),
    );
  }

  // ---- analysts' queries (Query on GSIs, never Scan)

  async query(p: QueryParams): Promise<QueryRow[]> {
    const limit = Math.min(Math.max(p.limit ?? 100, 1), 1000);
    const from = p.since ?? '0000';
    const to = `${p.until ?? '9999'}\uffff`;
    const partition = {
      article: 'ARTICLE',
      story: 'STORY',
      casualty: 'CASUALTY',
      accusation: 'ACCUSATION',
      alert: 'ALERT',
      error: 'ERROR',
    }[p.kind];
    // A more selective index partition when the filter is an exact key.
    let input: QueryCommandInput = {
      TableName: this.table,
      IndexName: GSI1,
      KeyConditionExpression: 'gsi1pk = :p AND gsi1sk BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':p': partition, ':from': from, ':to': to },
      ScanIndexForward: false,
    };
    if (p.kind === 'article' && p.source) {
      input = {
        ...input,
        IndexName: GSI2,
        KeyConditionExpression: 'gsi2pk = :p AND gsi2sk BETWEEN :from AND :to',
        ExpressionAttributeValues: { ':p': `SOURCE#${lc(p.source)}`, ':from': from, ':to': to },
      };
    } else if (p.kind === 'casualty' && p.place) {
      input = {
        ...input,
        IndexName: GSI2,
        KeyConditionExpression: 'gsi2pk = :p AND gsi2sk BETWEEN :from AND :to',
        ExpressionAttributeValues: { ':p': `PLACE#${lc(p.place)}`, ':from': from, ':to': to },
      };
    }
    const matches = rowFilter(p);
    const rows: QueryRow[] = [];
    let startKey: Item | undefined;
    for (let page = 0; page < 50 && rows.length < limit; page++) {
      const r = await this.doc.send(new QueryCommand({ ...input, ExclusiveStartKey: startKey }));
      for (const item of r.Items ?? []) {
        const row = await this.toRow(p.kind, item);
        if (row && matches(row)) rows.push(row);
        if (rows.length >= limit) break;
      }
      startKey = r.LastEvaluatedKey;
      if (!startKey) break;
    }
    return rows;
  }

  private async toRow(kind: QueryParams['kind'], item: Item): Promise<QueryRow | null> {
    switch (kind) {
      case 'article':
        return { kind, item: strip<ArticleRecord>(item, 'status', 'leaseUntil') };
      case 'story':
        return { kind, item: strip<StoryRecord>(item) };
      case 'casualty':
      case 'accusation':
        return { kind, item: strip<ClaimRecord>(item, 'sourceArticleIds') };
      case 'alert': {
        const alert = strip<AlertRecord>(item);
        const deliveries = await this.listDeliveries(alert.alertId);
        const withDeliveries: AlertWithDeliveries = { alert, deliveries };
        return { kind, item: withDeliveries };
      }
      case 'error':
        return { kind, item: strip<ErrorRecord>(item) };
    }
  }

  // ---- batch helpers with bounded retries of unprocessed items

  private async batchGet(
    keys: Item[],
    projection?: string,
    names?: Record<string, string>,
  ): Promise<Item[]> {
    const out: Item[] = [];
    for (let i = 0; i < keys.length; i += 100) {
      let pending: Item[] = keys.slice(i, i + 100);
      for (let attempt = 0; pending.length > 0; attempt++) {
        if (attempt > MAX_BATCH_RETRIES)
          throw new Error('BatchGetItem kept returning unprocessed keys');
        const r = await this.doc.send(
          new BatchGetCommand({
            RequestItems: {
              [this.table]: {
                Keys: pending,
                ConsistentRead: true,
                ...(projection
                  ? { ProjectionExpression: projection, ExpressionAttributeNames: names }
                  : {}),
              },
            },
          }),
        );
        out.push(...(r.Responses?.[this.table] ?? []));
        pending = (r.UnprocessedKeys?.[this.table]?.Keys as Item[] | undefined) ?? [];
        if (pending.length) await backoff(attempt);
      }
    }
    return out;
  }

  /** Unconditional puts of index items, 25 per request. */
  async batchPut(items: Item[]): Promise<void> {
    for (let i = 0; i < items.length; i += 25) {
      let pending = items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } }));
      for (let attempt = 0; pending.length > 0; attempt++) {
        if (attempt > MAX_BATCH_RETRIES)
          throw new Error('BatchWriteItem kept returning unprocessed items');
        const r = await this.doc.send(
          new BatchWriteCommand({ RequestItems: { [this.table]: pending } }),
        );
        pending = (r.UnprocessedItems?.[this.table] as typeof pending | undefined) ?? [];
        if (pending.length) await backoff(attempt);
      }
    }
  }

  private async queryAll(input: QueryCommandInput, limit: number): Promise<Item[]> {
    const out: Item[] = [];
    let startKey: Item | undefined;
    do {
      const r = await this.doc.send(new QueryCommand({ ...input, ExclusiveStartKey: startKey }));
      out.push(...(r.Items ?? []));
      startKey = r.LastEvaluatedKey;
    } while (startKey && out.length < limit);
    return out.slice(0, limit);
  }
}

function backoff(attempt: number): Promise<void> {
  const ms = Math.min(1000, 25 * 2 ** attempt) * (0.5 + Math.random() / 2);
  return new Promise((r) => setTimeout(r, ms));
}

function rowFilter(p: QueryParams): (row: QueryRow) => boolean {
  const has = (hay: (string | null | undefined)[], needle: string | undefined) =>
    !needle || hay.some((h) => h && lc(h).includes(lc(needle)));
  return (row) => {
    switch (row.kind) {
      case 'article':
        return (
          has([row.item.outlet, row.item.url], p.source) &&
          has([row.item.text, row.item.title], p.place)
        );
      case 'story':
        return (
          has(row.item.outlets, p.source) && has([...row.item.places, row.item.title], p.place)
        );
      case 'casualty':
      case 'accusation': {
        const c = row.item;
        const place = claimPlace(c);
        const actors = claimActors(c);
        return (
          has(
            c.sources.flatMap((s) => [s.outlet, s.statedBy]),
            p.source,
          ) &&
          has([place], p.place) &&
          (!p.actor || actors.includes(lc(p.actor)))
        );
      }
      case 'alert': {
        const c = row.item.alert.claim;
        const place = claimPlace(c);
        const actors = claimActors(c);
        return (
          has(
            row.item.alert.links.map((l) => l.outlet),
            p.source,
          ) &&
          has([place], p.place) &&
          (!p.actor || actors.includes(lc(p.actor)))
        );
      }
      case 'error':
        return has([row.item.feedId, row.item.subject], p.source);
    }
  };
}
