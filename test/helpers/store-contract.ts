import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bandSlot } from '../../shared/dedupe/fingerprint.ts';
import type { CasualtyClaim, ClaimSource, DeliveryRecord } from '../../shared/domain/records.ts';
import { MAX_CLAIM_SOURCES } from '../../shared/ports/claim-ledger.ts';
import type { StoreRoles } from '../../shared/ports/store-roles.ts';

// The decisions every exactly-once guarantee rests on, asserted against any implementation of
// the store roles: the DynamoDB adapter on dynalite (integration) and the in-memory fakes the
// use-cases' unit tests run on (unit), so that the fakes decide as DynamoDB does.

export const t = (minutes: number) => new Date(Date.UTC(2017, 5, 3, 12, minutes)).toISOString();

export function describeStoreContract(
  label: string,
  open: () => Promise<{ store: StoreRoles; close?: () => Promise<void> }>,
): void {
  describe(`store roles: ${label}`, () => {
    let store: StoreRoles;
    let close: (() => Promise<void>) | undefined;
    beforeAll(async () => {
      ({ store, close } = await open());
    });
    afterAll(() => close?.());

    describeArticleLeases(() => store);
    describeArticleFailures(() => store);
    describeDeliveryClaims(() => store);
    describeDeliveryOutcomes(() => store);
    describeDigestsAndCounters(() => store);
    describeClaims(() => store);
    describeStoryIndex(() => store);
    describeStories(() => store);
  });
}

function describeArticleLeases(roles: () => StoreRoles): void {
  describe('article leases', () => {
    it('one worker claims a new article; others see it busy until the lease ends', async () => {
      const store = roles().articleLedger;
      // Nobody took it before: its first attempt.
      expect(await store.claimArticle('a1', 'https://e.org/a1', t(0), t(5))).toEqual({
        outcome: 'claimed',
        firstAttempt: true,
      });
      expect(await store.claimArticle('a1', 'https://e.org/a1', t(1), t(6))).toEqual({
        outcome: 'busy',
      });
      // A crashed worker's lease expires: the next one takes over.
      expect(await store.claimArticle('a1', 'https://e.org/a1', t(6), t(11))).toEqual({
        outcome: 'claimed',
        firstAttempt: false,
      });
    });

    it('a finished article is done for everyone', async () => {
      const store = roles().articleLedger;
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
      expect((await store.getArticle('a2'))?.title).toBe('T');
      expect(await store.getArticle('a1')).toBeNull();
    });
  });
}

function describeArticleFailures(roles: () => StoreRoles): void {
  describe('article failures and quarantine', () => {
    const failure = (minute: number, retryable = false) => ({
      at: t(minute),
      code: 'record_not_storable',
      message: 'claim.figure.count is 1e+30',
      retryable,
    });

    it('a failed attempt is counted by the lease holder only, and releases the lease at once', async () => {
      const store = roles().articleLedger;
      await store.claimArticle('f1', 'https://e.org/f1', t(0), t(5));
      // Not the lease this worker holds (another worker took over): nothing counted.
      expect(await store.releaseFailedArticle('f1', t(4), failure(1))).toBeNull();
      expect(await store.releaseFailedArticle('f1', t(5), failure(1))).toEqual({
        failures: 1,
        retries: 0,
      });
      // Released: the next attempt need not wait for the lease to end.
      expect(await store.claimArticle('f1', 'https://e.org/f1', t(2), t(7))).toEqual({
        outcome: 'claimed',
        firstAttempt: false,
      });
      expect(await store.releaseFailedArticle('f1', t(7), failure(3, true))).toEqual({
        failures: 1,
        retries: 1,
      });
      expect(await store.claimArticle('f1', 'https://e.org/f1', t(4), t(9))).toEqual({
        outcome: 'claimed',
        firstAttempt: false,
      });
      expect(await store.releaseFailedArticle('f1', t(9), failure(5))).toEqual({
        failures: 2,
        retries: 1,
      });
    });

    it('a quarantined article is finished for its feed, taken by nobody, and stays so', async () => {
      const store = roles().articleLedger;
      await store.claimArticle('f2', 'https://e.org/f2', t(0), t(5));
      await store.releaseFailedArticle('f2', t(5), failure(1));
      expect(await store.quarantineArticle('f2', t(1), 'quarantined after 3 failed attempts')).toBe(
        true,
      );
      expect(await store.claimArticle('f2', 'https://e.org/f2', t(60), t(65))).toEqual({
        outcome: 'quarantined',
      });
      expect(await store.unfinishedArticles(['f2'])).toEqual(new Set());
      expect(await store.getArticle('f2')).toBeNull();
      // A done article is never quarantined after the fact.
      expect(await store.quarantineArticle('a2', t(70), 'late')).toBe(false);
      expect(await store.quarantineArticle('never-seen', t(70), 'none')).toBe(false);
    });

    it('finished articles are listed with the feed whose item each was', async () => {
      const store = roles().articleLedger;
      const feeds = await store.finishedArticleFeeds(['a1', 'a2', 'f2', 'never-seen']);
      expect(feeds).toEqual(
        new Map<string, string | null>([
          ['a2', 'f'],
          ['f2', null],
        ]),
      );
    });
  });
}

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

function describeDeliveryClaims(roles: () => StoreRoles): void {
  describe('delivery claims', () => {
    it('is created once', async () => {
      const store = roles().outbox;
      expect(await store.createDelivery(delivery)).toBe(true);
      expect(await store.createDelivery(delivery)).toBe(false);
    });

    it('goes to exactly one of many concurrent claimers, and only its token can finish it', async () => {
      const store = roles().outbox;
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
      const store = roles().outbox;
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
}

const source = (articleId: string): ClaimSource => ({
  articleId,
  url: `https://e.org/${articleId}`,
  outlet: 'O',
  statedBy: 'SOHR',
  quote: 'q',
  seenAt: t(0),
});

export const raqqaClaim: CasualtyClaim = {
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

function describeDeliveryOutcomes(roles: () => StoreRoles): void {
  describe('delivery outcomes', () => {
    it('a failed delivery is final and leaves the outbox; deliveries are listed per alert', async () => {
      const store = roles().outbox;
      await store.createDelivery({ ...delivery, alertId: 'al3', subscriberId: 's2' });
      await store.createDelivery({ ...delivery, alertId: 'al3', subscriberId: 's1' });
      await store.claimDelivery('al3', 's1', 'x', t(0), t(1));
      await store.finishDelivery('al3', 's1', 'x', { status: 'failed', at: t(0), error: '550' });
      const listed = await store.listDeliveries('al3');
      expect(listed.map((x) => [x.subscriberId, x.status, x.lastError])).toEqual([
        ['s1', 'failed', '550'],
        ['s2', 'pending', null],
      ]);
      const due = await store.listDueDeliveries(t(90), 10);
      expect(due.filter((x) => x.alertId === 'al3').map((x) => x.subscriberId)).toEqual(['s2']);
    });
  });
}

function describeDigestsAndCounters(roles: () => StoreRoles): void {
  const window = { period: 'hourly' as const, key: '2017-06-04T08', start: t(0), end: t(60) };
  const ref = { digestId: 'dg1', kind: 'digest' as const, subscriberId: 's1', window };

  describe('digests and cap counters', () => {
    it('a digest collects each message once, is due when its period ends, and takes none once built', async () => {
      const store = roles().outbox;
      expect(await store.addToDigest(ref, 'm1')).toBe(true);
      expect(await store.addToDigest(ref, 'm2')).toBe(true);
      expect(await store.addToDigest(ref, 'm1')).toBe(true);
      expect(await store.listDueDigests(t(59), 10)).toEqual([]);
      const [due] = await store.listDueDigests(t(60), 10);
      expect(due).toEqual({ ...ref, messageIds: ['m1', 'm2'] });
      await store.closeDigest('dg1');
      expect(await store.listDueDigests(t(90), 10)).toEqual([]);
      expect(await store.addToDigest(ref, 'm3')).toBe(false);
    });

    it('cap slots are taken while they fit, all of a request or none', async () => {
      const store = roles().outbox;
      expect(await store.takeSlots('feed#poll', 3, 2)).toBe(true);
      expect(await store.takeSlots('feed#poll', 3, 2)).toBe(false);
      expect(await store.takeSlots('feed#poll', 3, 1)).toBe(true);
      expect(await store.takeSlots('feed#poll', 3, 1)).toBe(false);
      const many = await Promise.all(
        Array.from({ length: 8 }, () => store.takeSlots('sub#hour', 5, 1)),
      );
      expect(many.filter(Boolean)).toHaveLength(5);
    });

    it('slots of a group of counters are taken together, all or none', async () => {
      const store = roles().outbox;
      const want = (a: number, b: number) => [
        { counterId: 'alice', cap: 3, count: a },
        { counterId: 'bob', cap: 2, count: b },
      ];
      expect(await store.takeGroupSlots('hour-1', want(2, 2))).toBe(true);
      // bob is full: nothing is taken, alice keeps her one slot left.
      expect(await store.takeGroupSlots('hour-1', want(1, 1))).toBe(false);
      expect(await store.takeGroupSlots('hour-1', want(1, 0))).toBe(true);
      expect(await store.takeGroupSlots('hour-1', want(1, 0))).toBe(false);
      // Another group counts apart.
      expect(await store.takeGroupSlots('hour-2', want(3, 2))).toBe(true);
      const many = await Promise.all(
        Array.from({ length: 8 }, () =>
          store.takeGroupSlots('hour-3', [{ counterId: 'carol', cap: 5, count: 1 }]),
        ),
      );
      expect(many.filter(Boolean)).toHaveLength(5);
    });

    it('a refunded retry gives its attempt back', async () => {
      const store = roles().outbox;
      await store.createDelivery({ ...delivery, alertId: 'al9', subscriberId: 's1' });
      await store.claimDelivery('al9', 's1', 'x', t(0), t(1));
      const retry = { status: 'retry' as const, at: t(0), nextAttemptAt: t(15), error: 'wait' };
      await store.finishDelivery('al9', 's1', 'x', { ...retry, refund: true });
      const [d] = await store.listDeliveries('al9');
      expect(d).toMatchObject({ status: 'pending', attempts: 0, lastError: 'wait' });
    });
  });
}

function describeClaims(roles: () => StoreRoles): void {
  describe('claims', () => {
    const claim = raqqaClaim;
    const stored = async () => (await roles().claimLedger.getClaims(['k1']))[0];

    it('is created by one writer; a replace needs the version it read', async () => {
      const store = roles().claimLedger;
      expect(await store.createClaim(claim)).toBe(true);
      expect(await store.createClaim(claim)).toBe(false);
      const v2 = { ...claim, version: 2, figure: { ...claim.figure, count: 43 } };
      expect(await store.replaceClaim(v2, 1)).toBe(true);
      expect(await store.replaceClaim({ ...v2, version: 3 }, 1)).toBe(false);
      expect((await stored())?.version).toBe(2);
    });

    it('adds each corroborating source once, up to the cap', async () => {
      const store = roles().claimLedger;
      await store.addClaimSource('k1', source('a1'));
      await store.addClaimSource('k1', source('a1'));
      expect((await stored())?.sources.map((s) => s.articleId)).toEqual(['a0', 'a1']);
      for (let i = 2; i < MAX_CLAIM_SOURCES + 5; i++)
        await store.addClaimSource('k1', source(`a${i}`));
      expect((await stored())?.sources).toHaveLength(MAX_CLAIM_SOURCES);
      // Only to a claim that exists.
      await store.addClaimSource('nope', source('a1'));
      expect(await store.getClaims(['nope'])).toEqual([]);
    });
  });
}

function describeStoryIndex(roles: () => StoreRoles): void {
  describe('story index', () => {
    const print = {
      articleId: 'f1',
      storyId: 'f1',
      indexedAt: `${t(0)}#f1`,
      publishedDate: '2017-06-03',
      words: new Uint32Array([1, 2, 3]),
      pairs: new Uint32Array([4, 5]),
      identities: ['text:f1', 'title:f1'],
      bands: ['b0', 'b1', 'b2'],
      storyDate: '2017-06-03',
    };

    it('a content identity belongs to its first article', async () => {
      const store = roles().storyIndex;
      const owner = { articleId: 'h1', storyId: 'sh1' };
      expect(await store.claimContentHash('hash-1', owner)).toEqual({ ...owner, created: true });
      expect(await store.claimContentHash('hash-1', { articleId: 'h2', storyId: 'sh2' })).toEqual({
        ...owner,
        created: false,
      });
    });

    it('a claim by the first article again (a re-run) finds itself the owner', async () => {
      const store = roles().storyIndex;
      const owner = { articleId: 'o1', storyId: 'so1' };
      await store.claimContentHash('ident-1', owner);
      await store.claimContentHash('ident-1', { articleId: 'o2', storyId: 'so2' });
      expect(await store.claimContentHash('ident-1', owner)).toEqual({ ...owner, created: true });
    });

    it('a fingerprint is indexed once: a re-run gets the first run back', async () => {
      const store = roles().storyIndex;
      expect(await store.indexFingerprint(print)).toEqual({
        storyId: 'f1',
        indexedAt: print.indexedAt,
        existed: false,
      });
      const again = await store.indexFingerprint({ ...print, indexedAt: `${t(9)}#f1` });
      expect(again).toEqual({ storyId: 'f1', indexedAt: print.indexedAt, existed: true });
      const [fp] = await store.getFingerprints(['f1', 'unknown']);
      expect([...(fp?.words ?? [])]).toEqual([1, 2, 3]);
      expect([...(fp?.pairs ?? [])]).toEqual([4, 5]);
      expect(fp?.identities).toEqual(['text:f1', 'title:f1']);
      await store.setFingerprintStory('f1', 'story-x');
      expect((await store.getFingerprints(['f1']))[0]?.storyId).toBe('story-x');
    });

    it("an article's first attempt indexes its fingerprint and bands without asking", async () => {
      const store = roles().storyIndex;
      const first = {
        ...print,
        articleId: 'g1',
        storyId: 'g1',
        bands: ['g0', 'g1', 'g2'],
        firstAttempt: true,
      };
      expect(await store.indexFingerprint(first)).toEqual({
        storyId: 'g1',
        indexedAt: print.indexedAt,
        existed: false,
      });
      expect((await store.getFingerprints(['g1']))[0]?.indexedAt).toBe(print.indexedAt);
      const found = await store.findStoryCandidates(['g0', 'g1', 'g2'], '2017-06-01', '2017-06-05');
      expect(found.map((c) => [c.articleId, c.hits])).toEqual([['g1', 3]]);
      // A later attempt (not the first) gets the first one's fingerprint back.
      const again = await store.indexFingerprint({
        ...first,
        indexedAt: 'later',
        firstAttempt: false,
      });
      expect(again).toEqual({ storyId: 'g1', indexedAt: print.indexedAt, existed: true });
    });

    it('a band slot keeps the latest article indexed into it, in its period only', async () => {
      const store = roles().storyIndex;
      // Another article whose slot in band 0 is f1's and in band 1 is not (ids searched, so
      // that the test holds for any slot function).
      const rival = Array.from({ length: 200 }, (_, i) => `r${i}`).find(
        (id) => bandSlot(id, 0) === bandSlot('s1', 0) && bandSlot(id, 1) !== bandSlot('s1', 1),
      );
      if (!rival) throw new Error('no article id with these slots');
      const at = (id: string, n: number) => ({
        articleId: id,
        storyId: id,
        indexedAt: `${t(n)}#${id}`,
      });
      await store.indexFingerprint({ ...print, ...at('s1', 0), bands: ['s0', 's1', 'x'] });
      await store.indexFingerprint({ ...print, ...at(rival, 1), bands: ['s0', 's1', 'y'] });
      const found = await store.findStoryCandidates(['s0', 's1'], '2017-06-01', '2017-06-05');
      expect(found.map((c) => [c.articleId, c.hits])).toEqual([
        [rival, 2],
        ['s1', 1],
      ]);
      // Months apart, the same band values take no slot from each other.
      await store.indexFingerprint({
        ...print,
        ...at('s2', 2),
        bands: ['s0', 's1', 'z'],
        storyDate: '2017-08-03',
      });
      const june = await store.findStoryCandidates(['s0', 's1'], '2017-06-01', '2017-06-05');
      expect(june.map((c) => c.articleId)).toEqual([rival, 's1']);
    });

    it('finds candidates by shared bands within the date window, most shared first', async () => {
      const store = roles().storyIndex;
      // An article that does not take f1's slot of band 0 (a slot keeps its latest article).
      const other = Array.from({ length: 50 }, (_, i) => `f2-${i}`).find(
        (id) => bandSlot(id, 0) !== bandSlot('f1', 0),
      );
      if (!other) throw new Error('no article id with another slot');
      await store.indexFingerprint({
        ...print,
        articleId: other,
        storyId: other,
        indexedAt: `${t(1)}#${other}`,
        bands: ['b0', 'zz', 'zz'],
      });
      const found = await store.findStoryCandidates(['b0', 'b1', 'b2'], '2017-06-01', '2017-06-05');
      expect(found.map((c) => [c.articleId, c.hits])).toEqual([
        ['f1', 3],
        [other, 1],
      ]);
      expect(await store.findStoryCandidates(['b0'], '2017-07-01', '2017-07-05')).toEqual([]);
    });
  });
}

function describeStories(roles: () => StoreRoles): void {
  describe('stories', () => {
    it('a story is created once and gains each article and outlet once', async () => {
      const store = roles().storyIndex;
      const story = {
        storyId: 'st1',
        title: 'T',
        firstSeenAt: t(0),
        storyDate: '2017-06-03',
        publishedDate: '2017-06-03',
        articleIds: ['x1'],
        outlets: ['A'],
        places: ['Raqqa'],
      };
      await store.upsertStory(story, { articleId: 'x1', outlet: 'A' });
      await store.upsertStory(
        { ...story, title: 'other', articleIds: ['x2'], outlets: ['B'] },
        {
          articleId: 'x2',
          outlet: 'B',
        },
      );
      // A re-run changes nothing, and gets the story as stored back.
      const again = await store.upsertStory(
        { ...story, articleIds: ['x2'], outlets: ['B'] },
        {
          articleId: 'x2',
          outlet: 'B',
        },
      );
      expect(again).toEqual({ ...story, articleIds: ['x1', 'x2'], outlets: ['A', 'B'] });
      // Another article of a listed outlet: the article is added, the outlet not twice.
      await store.upsertStory(
        { ...story, articleIds: ['x3'], outlets: ['A'] },
        { articleId: 'x3', outlet: 'A' },
      );
      expect((await store.getStory('st1'))?.outlets).toEqual(['A', 'B']);
      expect((await store.getStory('st1'))?.articleIds).toEqual(['x1', 'x2', 'x3']);
      const s = await store.getStory('st1');
      expect(s).toMatchObject({ title: 'T', outlets: ['A', 'B'] });
      expect(await store.getStory('none')).toBeNull();
    });
  });
}
