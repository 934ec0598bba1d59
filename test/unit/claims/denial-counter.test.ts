import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../../shared/claims/extract-claims.ts';

function pairs(text: string): string[] {
  return extractClaims(text).accusations.map((a) => `${a.accuser}>${a.accused}`);
}

describe('attributed harm: a denial followed by the denier’s own account', () => {
  it('accuses the party the denier names after "saying" or "and said"', () => {
    expect(
      pairs('The Pentagon denied the report saying Russian jets had bombed the convoy.'),
    ).toEqual(['us>russia']);
    expect(
      pairs(
        'The army denied the claims and said rebels had shelled the district killing 5 civilians.',
      ),
    ).toEqual(['syria_gov>rebels']);
  });

  it('still lets the denial cover the party it clears', () => {
    expect(pairs('Russia denied that its jets bombed the hospital, the Observatory said.')).toEqual(
      [],
    );
    expect(
      pairs(
        'Moscow denied that its aircraft hit the market saying coalition jets had struck the town killing 12 civilians.',
      ),
    ).toEqual(['russia>coalition']);
  });

  it('a denial of uncertainty has no counter-account', () => {
    expect(
      pairs('It was not clear who carried out the strike saying Russian jets killed 12 civilians.'),
    ).toEqual([]);
  });
});
