import { describe, expect, it } from 'vitest';
import type {
  AccusationClaim,
  CasualtyClaim,
  ClaimRecord,
} from '../../../shared/domain/records.ts';
import { queryStore } from '../../../shared/use-cases/query-store.ts';
import { inMemoryStore } from '../../fakes/in-memory-store.ts';
import { raqqaClaim } from '../../helpers/store-contract.ts';

// The analysts' filters, applied by the query use-case to what the store's index pages give it:
// which fields `source`, `place` and `actor` look at, the limit, and reading on past pages
// that hold no match.

const casualty = (n: number, place: string, statedBy: string, outlet: string): CasualtyClaim => ({
  ...raqqaClaim,
  claimKey: `cas-${n}`,
  updatedAt: `2017-06-${String(n).padStart(2, '0')}T12:00:00.000Z`,
  sources: [
    {
      ...raqqaClaim.sources[0],
      articleId: `a${n}`,
      outlet,
      statedBy,
    } as CasualtyClaim['sources'][0],
  ],
  figure: { ...raqqaClaim.figure, place, source: statedBy },
});

const accusation = (
  n: number,
  accuser: 'russia' | 'un',
  accused: 'coalition' | 'syria_gov',
): AccusationClaim => ({
  ...raqqaClaim,
  kind: 'accusation',
  previous: null,
  claimKey: `acc-${n}`,
  updatedAt: `2017-06-${String(n).padStart(2, '0')}T12:00:00.000Z`,
  accusation: {
    accuser,
    accused,
    accuserName: accuser,
    accusedName: accused,
    allegation: 'killed civilians',
    place: 'Raqqa',
    quote: 'q',
  },
});

async function storeWith(claims: ClaimRecord[], pageSize = 2) {
  const store = inMemoryStore({ pageSize });
  for (const c of claims) await store.claimLedger.createClaim(c);
  return store;
}

const keysOf = (rows: Awaited<ReturnType<typeof queryStore>>) =>
  rows.map((r) => (r.kind === 'casualty' || r.kind === 'accusation' ? r.item.claimKey : ''));

describe('queryStore', () => {
  it('source matches the outlet or who states it, in any case and in part', async () => {
    const store = await storeWith([
      casualty(1, 'Raqqa', 'Syrian Observatory for Human Rights', 'Reuters'),
      casualty(2, 'Deir ez-Zor', 'Airwars', 'TASS'),
      casualty(3, 'Raqqa', 'local activists', 'Reuters'),
    ]);
    expect(keysOf(await queryStore(store, { kind: 'casualty', source: 'reuters' }))).toEqual([
      'cas-3',
      'cas-1',
    ]);
    expect(keysOf(await queryStore(store, { kind: 'casualty', source: 'OBSERVATORY' }))).toEqual([
      'cas-1',
    ]);
  });

  it('actor is an actor id, accuser or accused; an unknown one is an error', async () => {
    const store = await storeWith([
      accusation(1, 'russia', 'coalition'),
      accusation(2, 'un', 'syria_gov'),
    ]);
    expect(keysOf(await queryStore(store, { kind: 'accusation', actor: 'coalition' }))).toEqual([
      'acc-1',
    ]);
    expect(keysOf(await queryStore(store, { kind: 'accusation', actor: 'UN' }))).toEqual(['acc-2']);
    // An unknown actor is an error with the reason, not an empty result.
    await expect(queryStore(store, { kind: 'accusation', actor: 'coal' })).rejects.toThrow(
      /unknown actor "coal"/,
    );
    // A mistyped id names the one it most likely meant.
    await expect(queryStore(store, { kind: 'accusation', actor: 'coalitoin' })).rejects.toThrow(
      /did you mean "coalition"\?/,
    );
  });

  it('reads on past pages that hold no match, and stops at the limit', async () => {
    const claims = Array.from({ length: 9 }, (_, i) =>
      casualty(i + 1, i % 4 === 0 ? 'Mayadeen' : 'Raqqa', 'SOHR', 'Reuters'),
    );
    const store = await storeWith(claims, 2);
    // Newest first: 9, 5 and 1 are in Mayadeen, two or more pages apart.
    expect(keysOf(await queryStore(store, { kind: 'casualty', source: 'sohr', limit: 2 }))).toEqual(
      ['cas-9', 'cas-8'],
    );
    const mayadeen = await queryStore(store, { kind: 'casualty', place: 'mayadeen' });
    expect(keysOf(mayadeen)).toEqual(['cas-9', 'cas-5', 'cas-1']);
    expect(
      keysOf(
        await queryStore(store, { kind: 'casualty', since: '2017-06-04', until: '2017-06-06' }),
      ),
    ).toEqual(['cas-6', 'cas-5', 'cas-4']);
  });

  it('errors are found by feed or subject', async () => {
    const store = inMemoryStore();
    const error = {
      scope: 'feed' as const,
      code: 'timeout',
      message: 'm',
      at: '2017-06-01T00:00:00Z',
    };
    await store.errorLog.recordError({
      ...error,
      errorId: 'e1',
      subject: 'https://a.example/rss',
      feedId: 'a',
    });
    await store.errorLog.recordError({
      ...error,
      errorId: 'e2',
      subject: 'https://b.example/x',
      feedId: null,
    });
    const rows = await queryStore(store, { kind: 'error', source: 'b.example' });
    expect(rows.map((r) => (r.kind === 'error' ? r.item.errorId : ''))).toEqual(['e2']);
  });
});
