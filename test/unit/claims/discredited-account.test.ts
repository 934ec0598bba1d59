// Calling another party's account false is an accusation of lying (GUIDELINES: "lying").

import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../../shared/claims/extract-claims.ts';

const found = (text: string): string[] =>
  extractClaims(text, {}).accusations.map((a) => `${a.accuser}>${a.accused} ${a.allegation}`);

describe('a party calling another party’s account false', () => {
  it('accuses that party of lying or of false claims', () => {
    expect(found('The Pentagon said the Russian claims were false.')).toEqual([
      'us>russia making false claims',
    ]);
    expect(found("The US said Russia's claims about the strike were baseless.")).toEqual([
      'us>russia making baseless claims',
    ]);
    expect(found("Russia said the Observatory's reports were lies.")).toEqual([
      'russia>sohr lying',
    ]);
    expect(found('Moscow said the coalition figures were misinformation.')).toEqual([
      'russia>coalition spreading misinformation',
    ]);
  });

  it('is no accusation when the account is called true, or the speaker denies', () => {
    expect(found("Russia said the Observatory's reports were accurate.")).toEqual([]);
    expect(found('Washington denied that the Russian claims were false.')).toEqual([]);
  });
});
