import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../../shared/claims/extract-claims.ts';

function pairs(text: string): string[] {
  return extractClaims(text).accusations.map((a) => `${a.accuser}>${a.accused}`);
}

describe('speakers: statements and spokesmen', () => {
  it('reads the author of a statement as the speaker', () => {
    expect(pairs('In a statement the coalition said Russian strikes killed 20 civilians.')).toEqual(
      ['coalition>russia'],
    );
    expect(pairs('The coalitions statement said Russian strikes killed 20 civilians.')).toEqual([
      'coalition>russia',
    ]);
    expect(pairs('A statement by the army said coalition warplanes killed 30 civilians.')).toEqual([
      'syria_gov>coalition',
    ]);
    expect(
      pairs('Turkeys foreign ministry spokesman said Russian jets killed 12 civilians.'),
    ).toEqual(['turkey>russia']);
  });

  it('reads a name the gazetteer does not know after "In a statement ..."', () => {
    expect(
      pairs(
        'In a statement posted on its Facebook page about the attack Division 30 called on Al-Nusra to stop "spilling the blood of Muslims".',
      ),
    ).toEqual(['rebels>nusra']);
    expect(pairs('In a statement Seibert said Russian jets killed 20 civilians.')).toEqual([
      'other>russia',
    ]);
  });

  it('reads the speaker after the verb when a clause of its own comes before it', () => {
    // Commas stripped, as in the corpus: "Coalition jets killed 20 civilians, said the Observatory".
    expect(pairs('Coalition jets killed 20 civilians said the Observatory.')).toEqual([
      'sohr>coalition',
    ]);
    expect(pairs('Russian jets bombed Idlib said the Observatory.')).toEqual(['sohr>russia']);
    expect(pairs('Syrian regime forces killed 48 alleged rebels in Hardatnin village.')).toEqual(
      [],
    );
  });

  it('does not take the words of the opening phrase for a name', () => {
    expect(
      pairs('In a statement on Monday Russian jets were said to have killed 20 civilians.'),
    ).toEqual([]);
  });
});
