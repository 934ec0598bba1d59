import type { ClaimRecord, ClaimSource } from '../domain/records.ts';

// The claims known so far, one record per claim key, versioned. Novelty is decided by
// conditional writes: a create fails when the claim exists, a replace when its version moved.

/** Corroborating sources kept on one claim: a DynamoDB item holds at most 400 KB. */
export const MAX_CLAIM_SOURCES = 100;

export interface ClaimLedger {
  /** The claims that exist under any of these keys (one batched read). */
  getClaims(claimKeys: string[]): Promise<ClaimRecord[]>;
  /** Conditional create; false when a claim with this key exists already. */
  createClaim(claim: ClaimRecord): Promise<boolean>;
  /** Conditional replace; false when the stored version is no longer `expectedVersion`. */
  replaceClaim(claim: ClaimRecord, expectedVersion: number): Promise<boolean>;
  /**
   * Adds a corroborating source: once per article, at most MAX_CLAIM_SOURCES, and only to a
   * claim that exists. Leaves the version alone.
   */
  addClaimSource(claimKey: string, source: ClaimSource): Promise<void>;
}
