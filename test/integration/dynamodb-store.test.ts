import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CasualtyClaim, ClaimSource, DeliveryRecord } from '../../shared/domain/records.ts';
import { type EmbeddedDynamo, startEmbeddedDynamo } from '../../shared/local/embedded-dynamodb.ts';
import { DynamoDbStore, MAX_CLAIM_SOURCES } from '../../shared/store/dynamodb-store.ts';

// The store's conditional writes on dynalite through the AWS SDK: the decisions every
// exactly-once guarantee rests on.

let dynamo: EmbeddedDynamo;
let store: DynamoDbStore;
beforeAll(async () => {
  dynamo = await startEmbeddedDynamo();
  store = new DynamoDbStore({ client: dynamo.client, tableName: 'store-test' });
  await store.ensureTable();
});
afterAll(() => dynamo.close());

const t = (minutes: number) => new Date(Date.UTC(2017, 5, 3, 12, minutes)).toISOString();

describe('article leases', () => {
  it('one worker claims a new article; others see it busy until the lease ends', async () => {
    expect(await store.claimArticle('a1', 'https://e.org/a1', t(0), t(5))).toEqual({
      outcome: 'claimed',
    });
    expect(await store.claimArticle('a1', 'https://e.org/a1', t(1), t(6))).toEqual({
      outcome: 'busy',
    });
    // A crashed worker's lease expires: the next one takes over.
    expect(await store.claimArticle('a1', 'https://e.org/a1', t(6), t(11))).toEqual({
      outcome: 'claimed',
    });
  });

  it('a finished article is done for everyone', async () => {
    await store.claimArticle('a2', 'https://e.org/a2', t(0), t(5));
    await store.completeArticle({
      articleId: 'a2',
      url: 'https://e.org/a2',
      canonicalUrl: 'https://e.org/a2',
      feedId: 'f',
      outlet: 'O',
      title: 'T',
      byline: null,
      publishedAt: null,
      fetchedAt: t(1),
      textSource: 'page',
      extractionNote: null,
      relevant: false,
      topics: [],
      storyId: null,
      contentHash: 'h',
      text: null,
      casualtyCount: 0,
      accusationCount: 0,
    });
    expect(await store.claimArticle('a2', 'https://e.org/a2', t(60), t(65))).toEqual({
      outcome: 'done',
    });
    expect(await store.unfinishedArticles(['a1', 'a2', 'a3'])).toEqual(new Set(['a1', 'a3']));
  });
});

describe('delivery claims', () => {
  const delivery: DeliveryRecord = {
    alertId: 'al1',
    subscriberId: 's1',
    channel: 'slack',
    status: 'pending',
    attempts: 0,
    createdAt: t(0),
    nextAttemptAt: t(0),
    leaseUntil: null,
    claimToken: null,
    sentAt: null,
    lastError: null,
  };

  it('is created once', async () => {
    expect(await store.createDelivery(delivery)).toBe(true);
    expect(await store.createDelivery(delivery)).toBe(false);
  });

  it('goes to exactly one of many concurrent claimers, and only its token can finish it', async () => {
    const tokens = Array.from({ length: 8 }, (_, i) => `tok${i}`);
    const claims = await Promise.all(
      tokens.map((tok) => store.claimDelivery('al1', 's1', tok, t(1), t(2))),
    );
    const winners = claims.filter((c) => c !== null);
    expect(winners).toHaveLength(1);
    const winner = winners[0]?.claimToken ?? '';
    const loser = tokens.find((x) => x !== winner) ?? '';
    expect(await store.finishDelivery('al1', 's1', loser, { status: 'sent', at: t(1) })).toBe(
      false,
    );
    expect(await store.finishDelivery('al1', 's1', winner, { status: 'sent', at: t(1) })).toBe(
      true,
    );
    // Sent is final: no later claim, not even after any lease.
    expect(await store.claimDelivery('al1', 's1', 'late', t(90), t(91))).toBeNull();
    expect(await store.listDueDeliveries(t(90), 10)).toEqual([]);
  });

  it('a retry waits for its backoff; an expired lease can be taken over', async () => {
    const d = { ...delivery, alertId: 'al2' };
    await store.createDelivery(d);
    const c = await store.claimDelivery('al2', 's1', 'a', t(0), t(1));
    expect(c?.attempts).toBe(1);
    await store.finishDelivery('al2', 's1', 'a', {
      status: 'retry',
      at: t(0),
      nextAttemptAt: t(10),
      error: 'Slack 500',
    });
    expect(await store.claimDelivery('al2', 's1', 'b', t(5), t(6))).toBeNull();
    expect((await store.listDueDeliveries(t(5), 10)).map((x) => x.alertId)).not.toContain('al2');
    expect((await store.listDueDeliveries(t(10), 10)).map((x) => x.alertId)).toContain('al2');
    expect(await store.claimDelivery('al2', 's1', 'b', t(10), t(11))).not.toBeNull();
    // b crashes while sending; after its lease, c takes over.
    expect(await store.claimDelivery('al2', 's1', 'c', t(10), t(12))).toBeNull();
    const taken = await store.claimDelivery('al2', 's1', 'c', t(12), t(13));
    expect(taken?.attempts).toBe(3);
  });
});

describe('claims', () => {
  const source = (articleId: string): ClaimSource => ({
    articleId,
    url: `https://e.org/${articleId}`,
    outlet: 'O',
    statedBy: 'SOHR',
    quote: 'q',
    seenAt: t(0),
  });
  const claim: CasualtyClaim = {
    kind: 'casualty',
    claimKey: 'k1',
    storyId: 's',
    topics: ['coalition-strikes-syria'],
    firstSeenAt: t(0),
    updatedAt: t(0),
    version: 1,
    changedBy: 'a0',
    sources: [source('a0')],
    previous: null,
    figure: {
      count: 22,
      max: null,
      outcome: 'killed',
      victims: 'civilians',
      qualifier: 'at_least',
      background: false,
      source: 'SOHR',
      place: 'Raqqa',
      date: '2017-06-03',
      quote: 'at least 22 civilians',
    },
  };

  it('is created by one writer; a replace needs the version it read', async () => {
    expect(await store.createClaim(claim)).toBe(true);
    expect(await store.createClaim(claim)).toBe(false);
    const v2 = { ...claim, version: 2, figure: { ...claim.figure, count: 43 } };
    expect(await store.replaceClaim(v2, 1)).toBe(true);
    expect(await store.replaceClaim({ ...v2, version: 3 }, 1)).toBe(false);
    expect((await store.getClaim('k1'))?.version).toBe(2);
  });

  it('adds each corroborating source once, up to the cap', async () => {
    await store.addClaimSource('k1', source('a1'));
    await store.addClaimSource('k1', source('a1'));
    expect((await store.getClaim('k1'))?.sources.map((s) => s.articleId)).toEqual(['a0', 'a1']);
    for (let i = 2; i < MAX_CLAIM_SOURCES + 5; i++)
      await store.addClaimSource('k1', source(`a${i}`));
    expect((await store.getClaim('k1'))?.sources).toHaveLength(MAX_CLAIM_SOURCES);
  });

  it('is found by place through the index, and by date range', async () => {
    const byPlace = await store.query({ kind: 'casualty', place: 'Raqqa' });
    expect(byPlace.map((r) => (r.kind === 'casualty' ? r.item.claimKey : ''))).toEqual(['k1']);
    expect(await store.query({ kind: 'casualty', place: 'Aleppo' })).toEqual([]);
    expect(await store.query({ kind: 'casualty', since: '2018-01-01' })).toEqual([]);
  });
});
