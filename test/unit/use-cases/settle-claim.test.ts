import { describe, expect, it } from 'vitest';
import type { CasualtyFigure } from '../../../shared/domain/claims.ts';
import { ClaimContentionError, describeError } from '../../../shared/domain/errors.ts';
import type { ClaimRecord } from '../../../shared/domain/records.ts';
import { type ClaimOrigin, settleCasualty } from '../../../shared/use-cases/settle-claim.ts';
import { InMemoryClaimLedger } from '../../fakes/claim-ledger.ts';

// Claim novelty against the claim ledger: created, corroborated or changed, decided by
// conditional writes so that concurrent articles agree, and a re-run after a crash alerts again
// on the version it made.

const figure = (count: number): CasualtyFigure => ({
  count,
  max: null,
  outcome: 'killed',
  victims: 'civilians',
  qualifier: 'at_least',
  background: false,
  source: 'Syrian Observatory for Human Rights',
  place: 'Raqqa',
  date: '2017-06-03',
  quote: `at least ${count} civilians were killed`,
});

const origin = (articleId: string, now = '2017-06-04T08:00:00.000Z'): ClaimOrigin => ({
  storyId: 'story-1',
  topics: ['coalition-strikes-syria'],
  source: {
    articleId,
    url: `https://wire.example/${articleId}`,
    outlet: `Outlet of ${articleId}`,
    statedBy: 'SOHR',
    quote: 'q',
    seenAt: now,
  },
  now,
  articleId,
});

const keys = ['cas-raqqa-0603', 'cas-raqqa-0602'];

describe('settleCasualty', () => {
  it('creates a claim nobody knows, under its first key, and alerts on it', async () => {
    const claimLedger = new InMemoryClaimLedger();
    const r = await settleCasualty({ claimLedger }, figure(17), keys, origin('a1'));
    expect(r.result).toBe('created');
    expect(r.claimKey).toBe(keys[0]);
    expect(r.alertFor).toMatchObject({ version: 1, changedBy: 'a1', figure: { count: 17 } });
    expect((await claimLedger.getClaims([keys[0] ?? '']))[0]).toEqual(r.alertFor);
  });

  it('a repeat from another article corroborates: a source, no alert, same version', async () => {
    const claimLedger = new InMemoryClaimLedger();
    await settleCasualty({ claimLedger }, figure(17), keys, origin('a1'));
    const r = await settleCasualty({ claimLedger }, figure(17), keys, origin('a2'));
    expect(r).toEqual({ result: 'corroborated', alertFor: null, claimKey: keys[0] });
    const [stored] = await claimLedger.getClaims(keys);
    expect(stored?.version).toBe(1);
    expect(stored?.sources.map((s) => s.articleId)).toEqual(['a1', 'a2']);
  });

  it('a known claim under a neighbouring day’s key is the one settled against', async () => {
    const claimLedger = new InMemoryClaimLedger();
    await settleCasualty({ claimLedger }, figure(17), [keys[1] ?? ''], origin('a1'));
    const r = await settleCasualty({ claimLedger }, figure(17), keys, origin('a2'));
    expect(r).toMatchObject({ result: 'corroborated', claimKey: keys[1] });
    expect(await claimLedger.getClaims([keys[0] ?? ''])).toEqual([]);
  });

  it('a lower figure corroborates; a higher toll changes the claim and says what it was', async () => {
    const claimLedger = new InMemoryClaimLedger();
    await settleCasualty({ claimLedger }, figure(17), keys, origin('a1'));
    expect((await settleCasualty({ claimLedger }, figure(12), keys, origin('a2'))).result).toBe(
      'corroborated',
    );
    const later = '2017-06-04T16:00:00.000Z';
    const r = await settleCasualty({ claimLedger }, figure(30), keys, origin('a3', later));
    expect(r.result).toBe('changed');
    expect(r.alertFor).toMatchObject({
      version: 2,
      changedBy: 'a3',
      updatedAt: later,
      figure: { count: 30 },
      previous: { count: 17, max: null, qualifier: 'at_least' },
    });
    expect(r.alertFor?.sources.map((s) => s.articleId)).toEqual(['a1', 'a2', 'a3']);
  });

  it('a re-run of the article that made the current version alerts on that version again', async () => {
    const claimLedger = new InMemoryClaimLedger();
    const first = await settleCasualty({ claimLedger }, figure(17), keys, origin('a1'));
    const rerun = await settleCasualty(
      { claimLedger },
      figure(17),
      keys,
      origin('a1', '2017-06-04T09:00:00.000Z'),
    );
    expect(rerun).toEqual({ result: 'created', alertFor: first.alertFor, claimKey: keys[0] });
    expect((await claimLedger.getClaims(keys))[0]?.sources).toHaveLength(1);
  });

  it('two articles settling one new claim at once: one creates, the other corroborates', async () => {
    const claimLedger = new InMemoryClaimLedger();
    const results = await Promise.all(
      ['a1', 'a2', 'a3'].map((a) => settleCasualty({ claimLedger }, figure(17), keys, origin(a))),
    );
    expect(results.map((r) => r.result).sort()).toEqual([
      'corroborated',
      'corroborated',
      'created',
    ]);
    expect(results.filter((r) => r.alertFor)).toHaveLength(1);
    expect((await claimLedger.getClaims(keys))[0]?.sources).toHaveLength(3);
  });

  it('a claim that keeps changing under concurrent writers ends in a retryable named error', async () => {
    // Another writer bumps the version between every read and replace.
    class Contended extends InMemoryClaimLedger {
      override async replaceClaim(claim: ClaimRecord, expected: number): Promise<boolean> {
        const known = this.claims.get(claim.claimKey);
        if (known) this.claims.set(claim.claimKey, { ...known, version: known.version + 1 });
        return super.replaceClaim(claim, expected);
      }
    }
    const claimLedger = new Contended();
    await settleCasualty({ claimLedger }, figure(17), keys, origin('a1'));
    const err = await settleCasualty({ claimLedger }, figure(40), keys, origin('a2')).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ClaimContentionError);
    expect(describeError(err)).toMatchObject({ code: 'claim_contention', retryable: true });
  });
});
