import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../../shared/claims/extract-claims.ts';

function pairs(text: string): string[] {
  return extractClaims(text)
    .accusations.map((a) => `${a.accuser}>${a.accused}`)
    .sort();
}

describe('attributed harm: coordinated perpetrators', () => {
  it('accuses each party joined into the subject of the harm', () => {
    expect(
      pairs(
        'The Observatory said the Assad regime - along with Russian forces - have bombed the town of Douma killing 12 civilians.',
      ),
    ).toEqual(['sohr>russia', 'sohr>syria_gov']);
    expect(
      pairs('Activists said Russian and Syrian jets struck a market in Idlib killing 20 people.'),
    ).toEqual(['other>russia', 'other>syria_gov']);
    expect(
      pairs(
        'The Observatory said regime and Russian warplanes pounded Aleppo killing 15 civilians.',
      ),
    ).toEqual(['sohr>russia', 'sohr>syria_gov']);
  });

  it('accuses both parties of a hyphenated joint harm, and no party of other hyphenated words', () => {
    expect(pairs('Activists said Russian-Syrian air strikes killed 20 civilians.')).toEqual([
      'other>russia',
      'other>syria_gov',
    ]);
    expect(pairs('Activists said Syrian-Russian jets killed 20 civilians.')).toEqual([
      'other>russia',
      'other>syria_gov',
    ]);
    expect(
      pairs('Activists said the fighting near the Syrian-Turkish border killed 20 civilians.'),
    ).toEqual([]);
  });

  it('accuses forces and the power backing them in the harm', () => {
    expect(
      pairs(
        'Activists said government forces backed by Russian warplanes bombed the town killing 12 civilians.',
      ),
    ).toEqual(['other>russia', 'other>syria_gov']);
  });
});

describe('allegations of coordinated perpetrators', () => {
  it('reads what they did after all the names', () => {
    const found = extractClaims(
      'Germany said Assad and Russia were largely responsible for the situation in the city.',
    ).accusations.map((a) => `${a.accused}: ${a.allegation}`);
    expect(found).toEqual([
      'syria_gov: being responsible for the situation in the city',
      'russia: being responsible for the situation in the city',
    ]);
  });
});

describe('accusations: coordinated accusers', () => {
  it('gives the accusation to a party joined "along with" or "joined ... in accusing"', () => {
    expect(
      pairs(
        'Russia - along with the Syrian government - has accused the coalition of killing civilians.',
      ),
    ).toEqual(['russia>coalition', 'syria_gov>coalition']);
    expect(
      pairs('Iran joined Russia in accusing the US-led coalition of killing civilians.'),
    ).toEqual(['iran>coalition', 'russia>coalition']);
  });

  it('gives the accusation to every accuser', () => {
    expect(
      pairs('Russia and Syria accused the US-led coalition of killing civilians in Raqqa.'),
    ).toEqual(['russia>coalition', 'syria_gov>coalition']);
  });
});
