import type { ClaimRecord, ClaimSource } from '../../domain/records.ts';
import { type ClaimLedger, MAX_CLAIM_SOURCES } from '../../ports/claim-ledger.ts';
import { indexEntry, itemKey } from './keys.ts';
import { asItem, type DynamoTable, type Item, strip } from './table.ts';

// Claim items: one per claim key, versioned. `sourceArticleIds` mirrors the sources' article ids
// so that a condition can check "this article is not a source yet" (contains on a list of strings).

const SOURCE_IDS = 'sourceArticleIds';

function claimItem(claim: ClaimRecord): Item {
  return asItem(claim.kind, itemKey.claim(claim.claimKey), claim, {
    [SOURCE_IDS]: claim.sources.map((s) => s.articleId),
    ...indexEntry.claim(claim),
  });
}

export class DynamoClaimLedger implements ClaimLedger {
  constructor(private readonly table: DynamoTable) {}

  async getClaims(claimKeys: string[]): Promise<ClaimRecord[]> {
    const items = await this.table.batchGet([...new Set(claimKeys)].map(itemKey.claim));
    return items.map((i) => strip<ClaimRecord>(i, SOURCE_IDS));
  }

  createClaim(claim: ClaimRecord): Promise<boolean> {
    return this.table.putIfAbsent(claimItem(claim));
  }

  replaceClaim(claim: ClaimRecord, expectedVersion: number): Promise<boolean> {
    return this.table.put(claimItem(claim), {
      expression: 'version = :v',
      values: { ':v': expectedVersion },
    });
  }

  async addClaimSource(claimKey: string, source: ClaimSource): Promise<void> {
    // The source list stops growing at MAX_CLAIM_SOURCES: DynamoDB items are capped at 400 KB.
    await this.table.update(itemKey.claim(claimKey), {
      expression: `SET sources = list_append(sources, :s), ${SOURCE_IDS} = list_append(${SOURCE_IDS}, :a)`,
      condition: `attribute_exists(pk) AND NOT contains(${SOURCE_IDS}, :id) AND size(${SOURCE_IDS}) < :max`,
      values: {
        ':s': [source],
        ':a': [source.articleId],
        ':id': source.articleId,
        ':max': MAX_CLAIM_SOURCES,
      },
    });
  }
}
