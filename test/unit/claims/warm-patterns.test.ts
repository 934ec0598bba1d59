import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../../shared/claims/extract-claims.ts';
import { warmClaimPatterns } from '../../../shared/claims/warm-patterns.ts';

describe('warmClaimPatterns', () => {
  it('changes no result of the articles read after it', () => {
    const text =
      'Raid on Idlib\n\nJets killed nine civilians including two children in Idlib on Sunday a monitor said. Turkey blamed the regime for the raid.';
    const ctx = { title: 'Raid on Idlib', publishedAt: '2017-06-08' };
    const before = extractClaims(text, ctx);
    warmClaimPatterns();
    expect(extractClaims(text, ctx)).toEqual(before);
  });
});
