import { isHigherToll } from '../dedupe/claim-key.ts';
import type { CasualtyFigure } from '../domain/claims.ts';
import { ClaimContentionError } from '../domain/errors.ts';
import type { ClaimRecord, ClaimSource } from '../domain/records.ts';
import type { ClaimLedger } from '../ports/claim-ledger.ts';

// The claim ledger now keeps background figures only ("the war has killed 300,000": no incident,
// never alerted), for the analysts' casualty query; every other figure and accusation goes to an
// incident record (settle-incidents.ts). Novelty on conditional writes: against the claims known
// under any of its candidate keys, a figure is created (one writer wins), corroborates the known
// one (a source is added) or changes it (a higher toll: a conditional replace on the version).
// Losers of a race read again and settle against the winner.

export interface Settled {
  result: 'created' | 'corroborated' | 'changed';
  /** The claim version to alert on, if this settlement is news. */
  alertFor: ClaimRecord | null;
  /** The key of the claim it settled against (may be a neighbouring day's). */
  claimKey: string;
}

const MAX_CLAIM_RACES = 5;

export interface ClaimDeps {
  claimLedger: ClaimLedger;
}

async function settleClaim(
  deps: ClaimDeps,
  keys: string[],
  fresh: ClaimRecord,
  /** The replacement when the known claim should change, else null (corroboration). */
  change: (known: ClaimRecord) => ClaimRecord | null,
): Promise<Settled> {
  for (let race = 0; race < MAX_CLAIM_RACES; race++) {
    const known = (await deps.claimLedger.getClaims(keys)).find((c) => c.kind === fresh.kind);
    if (!known) {
      if (await deps.claimLedger.createClaim(fresh)) {
        return { result: 'created', alertFor: fresh, claimKey: fresh.claimKey };
      }
      continue; // another worker created it first: settle against theirs
    }
    if (known.changedBy === fresh.changedBy) {
      // This article made the current version in a run that did not finish: redo its alert.
      return {
        result: known.version === 1 ? 'created' : 'changed',
        alertFor: known,
        claimKey: known.claimKey,
      };
    }
    const changed = change(known);
    if (changed) {
      if (await deps.claimLedger.replaceClaim(changed, known.version)) {
        return { result: 'changed', alertFor: changed, claimKey: known.claimKey };
      }
      continue;
    }
    const source = fresh.sources[0];
    if (source) await deps.claimLedger.addClaimSource(known.claimKey, source);
    return { result: 'corroborated', alertFor: null, claimKey: known.claimKey };
  }
  throw new ClaimContentionError(`claim ${keys[0]} kept changing under concurrent writers`);
}

export interface ClaimOrigin {
  storyId: string;
  topics: string[];
  source: ClaimSource;
  now: string;
  articleId: string;
}

function base(keys: string[], o: ClaimOrigin) {
  return {
    claimKey: keys[0] ?? '',
    storyId: o.storyId,
    topics: o.topics,
    firstSeenAt: o.now,
    updatedAt: o.now,
    version: 1,
    changedBy: o.articleId,
    sources: [o.source],
    previous: null,
  };
}

export function settleCasualty(
  deps: ClaimDeps,
  figure: CasualtyFigure,
  keys: string[],
  o: ClaimOrigin,
): Promise<Settled> {
  return settleClaim(deps, keys, { ...base(keys, o), kind: 'casualty', figure }, (known) => {
    if (known.kind !== 'casualty' || !isHigherToll(figure, known.figure)) return null;
    return {
      ...known,
      figure,
      previous: {
        count: known.figure.count,
        max: known.figure.max,
        qualifier: known.figure.qualifier,
      },
      version: known.version + 1,
      updatedAt: o.now,
      changedBy: o.articleId,
      sources: known.sources.some((s) => s.articleId === o.articleId)
        ? known.sources
        : [...known.sources, o.source],
    };
  });
}
