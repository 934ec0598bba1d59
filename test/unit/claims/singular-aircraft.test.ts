import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../../shared/claims/extract-claims.ts';

const found = (text: string): string[] =>
  extractClaims(text).accusations.map((a) => `${a.accuser}>${a.accused}: ${a.allegation}`);

describe('attributed harm: one aircraft of a party', () => {
  it('makes the party of "a Russian warplane", "a coalition jet" the agent', () => {
    expect(found('The Observatory said a Russian warplane struck a hospital.')).toEqual([
      'sohr>russia: striking a hospital',
    ]);
    expect(found('The Observatory said a coalition jet struck a hospital.')).toEqual([
      'sohr>coalition: striking a hospital',
    ]);
  });

  it('tells what the craft did, not the craft', () => {
    expect(found('Activists said a regime helicopter dropped a barrel bomb on Daraya.')).toEqual([
      'other>syria_gov: dropping a barrel bomb on Daraya',
    ]);
  });
});
