import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../../shared/claims/extract-claims.ts';

const found = (text: string): string[] =>
  extractClaims(text).accusations.map((a) => `${a.accuser}>${a.accused}: ${a.allegation}`);

describe('attributed harm: more wrongs a speaker lays on a party', () => {
  it('reads cluster munitions, blocked aid, hangings, looting and burning', () => {
    expect(found('HRW said the Syrian government used cluster munitions.')).toEqual([
      'hrw>syria_gov: using cluster munitions',
    ]);
    expect(found('The UN said government forces blocked aid convoys.')).toEqual([
      'un>syria_gov: blocking aid convoys',
    ]);
    expect(found('Amnesty said the regime hanged 13000 prisoners.')).toEqual([
      'amnesty>syria_gov: hanging 13000 prisoners',
    ]);
    expect(found('Activists said government forces looted homes.')).toEqual([
      'other>syria_gov: looting homes',
    ]);
  });
});
