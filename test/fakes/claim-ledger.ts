import type { ClaimRecord, ClaimSource } from '../../shared/domain/records.ts';
import { type ClaimLedger, MAX_CLAIM_SOURCES } from '../../shared/ports/claim-ledger.ts';

// The claim ledger with DynamoDB's conditional writes: a create fails when the key exists, a
// replace when the version moved, a source is added once per article up to the cap.

export class InMemoryClaimLedger implements ClaimLedger {
  readonly claims = new Map<string, ClaimRecord>();

  async getClaims(claimKeys: string[]): Promise<ClaimRecord[]> {
    return [...new Set(claimKeys)].flatMap((k) => {
      const c = this.claims.get(k);
      return c ? [structuredClone(c)] : [];
    });
  }

  async createClaim(claim: ClaimRecord): Promise<boolean> {
    if (this.claims.has(claim.claimKey)) return false;
    this.claims.set(claim.claimKey, structuredClone(claim));
    return true;
  }

  async replaceClaim(claim: ClaimRecord, expectedVersion: number): Promise<boolean> {
    if (this.claims.get(claim.claimKey)?.version !== expectedVersion) return false;
    this.claims.set(claim.claimKey, structuredClone(claim));
    return true;
  }

  async addClaimSource(claimKey: string, source: ClaimSource): Promise<void> {
    const c = this.claims.get(claimKey);
    if (!c || c.sources.length >= MAX_CLAIM_SOURCES) return;
    if (c.sources.some((s) => s.articleId === source.articleId)) return;
    c.sources.push(structuredClone(source));
  }
}
