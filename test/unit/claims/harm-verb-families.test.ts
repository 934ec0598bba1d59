// Pattern families of the agent of harm (issue 13), each shown with short sentences written for
// the test.

import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../../shared/claims/extract-claims.ts';

function pairs(text: string): string[] {
  return extractClaims(text, {}).accusations.map((a) => `${a.accuser}>${a.accused}`);
}

describe('agents: a party that escalates, resumes or renews its bombardment', () => {
  it('is the agent of raids told without one in the next sentence', () => {
    expect(
      pairs(
        'Government forces have escalated their bombardment of Douma since rebels attacked a base. Air strikes on the town have killed 20 civilians according to the Syrian Observatory for Human Rights.',
      ),
    ).toEqual(['sohr>syria_gov']);
    expect(
      pairs(
        'Russian jets resumed their strikes on Idlib on Monday. The raids killed 12 civilians activists said.',
      ),
    ).toEqual(['other>russia']);
  });

  it('is the agent in its own sentence', () => {
    expect(
      pairs(
        'The Syrian Observatory said regime forces renewed heavy shelling of the camp killing four children.',
      ),
    ).toEqual(['sohr>syria_gov']);
  });

  it('is not read into a word that only sounds alike', () => {
    expect(
      pairs(
        'The Observatory said regime forces resumed talks on Monday. Shelling on the town killed three civilians on Sunday.',
      ),
    ).toEqual([]);
  });
});

describe('harm that hurt nobody', () => {
  it('is no accusation when the sentence says nobody was killed and gives no toll', () => {
    expect(
      pairs('The Observatory said that no civilians were killed in the coalition raids.'),
    ).toEqual([]);
    expect(
      pairs('The Observatory said coalition raids hit the town but caused no casualties.'),
    ).toEqual([]);
  });

  it('still accuses when the sentence gives a toll beside it', () => {
    expect(
      pairs('The Observatory said coalition raids killed 12 people, but no civilians were killed.'),
    ).toEqual(['sohr>coalition']);
  });
});

describe('asides set off by commas', () => {
  it('keep the perpetrator the agent of its verb', () => {
    expect(
      pairs(
        'The Observatory said Syrian government helicopters, for the second time this week, bombed a hospital in Idlib.',
      ),
    ).toEqual(['sohr>syria_gov']);
  });

  it("leave a participle after an object to the sentence's subject", () => {
    expect(
      pairs(
        "Damascus sent letters to the UN, calling for an end to the coalition's massacres of civilians.",
      ),
    ).toEqual(['syria_gov>coalition']);
  });

  it("give an aside's participle of speech to the name before it", () => {
    expect(
      pairs(
        'ISIS fighters killed 12 civilians in Raqqa, Amnesty International, speaking on Monday, said.',
      ),
    ).toEqual(['amnesty>isis']);
    expect(
      pairs(
        "Russia's defence ministry, speaking on Monday, said coalition warplanes bombed a school.",
      ),
    ).toEqual(['russia>coalition']);
  });
});

describe('asides between dashes or in brackets', () => {
  it('keep the perpetrator the agent of its verb', () => {
    expect(
      pairs(
        'Russian jets — which have backed Assad since 2015 — bombed a market in Idlib, the Observatory said.',
      ),
    ).toEqual(['sohr>russia']);
    expect(
      pairs('Activists said that Russian jets - not regime aircraft - bombed the hospital.'),
    ).toEqual(['other>russia']);
    expect(
      pairs('Regime forces (backed by Iranian militias) shelled Douma, activists said.'),
    ).toContain('other>syria_gov');
  });
});
