import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../../shared/claims/extract-claims.ts';
import { groupArticleClaims } from '../../../shared/incidents/group-claims.ts';
import { accusation, article, articleClaims, figure } from '../../helpers/incident-builders.ts';

// Where an incident is when its figures' sentences name no place: the place the article's harm
// accusations against the same perpetrator name, when they name one place only.

const unplaced = figure({
  count: 62,
  victims: 'soldiers',
  place: null,
  perpetrator: 'coalition',
  perpetratorName: 'US-led coalition',
  quote: 'Sixty-two Syrian soldiers were killed in US-led strikes, the Russian army said.',
});
const strikes = accusation({
  accuser: 'syria_gov',
  accused: 'coalition',
  allegation: 'carrying out four air strikes against Syrian forces',
  place: 'Deir ez-Zor',
  quote:
    'Coalition warplanes carried out four air strikes today against Syrian forces in the Deir Ezzor air base, the army said.',
});
const placeOf = (claims: Parameters<typeof articleClaims>) =>
  groupArticleClaims(articleClaims(...claims)).incidents.map((i) => i.place);

describe('the place of an incident its figures do not place', () => {
  it('is where the accusations against its perpetrator say it struck', () => {
    expect(placeOf([article('a1', 'Ahram Online'), [unplaced], [strikes]])).toEqual([
      'Deir ez-Zor',
    ]);
  });

  it('stays unknown when those accusations name two places, or accuse someone else', () => {
    const elsewhere = { ...strikes, place: 'Raqqa' };
    expect(placeOf([article('a2', 'Wire'), [unplaced], [strikes, elsewhere]])).toEqual([null]);
    const other = { ...strikes, accused: 'russia' as const };
    expect(placeOf([article('a3', 'Wire'), [unplaced], [other]])).toEqual([null]);
  });

  it('is not taken from an accusation about aid or a placeless perpetrator', () => {
    const aid = {
      ...strikes,
      allegation: 'obstructing aid deliveries',
      quote: 'The coalition is obstructing aid deliveries in Deir Ezzor, the army said.',
    };
    expect(placeOf([article('a4', 'Wire'), [unplaced], [aid]])).toEqual([null]);
    const nobody = { ...unplaced, perpetrator: null, perpetratorName: null };
    expect(placeOf([article('a5', 'Wire'), [nobody], [strikes]])).toEqual([null]);
  });

  it('keeps the place a figure states', () => {
    const placed = { ...unplaced, place: 'Mayadin' };
    expect(placeOf([article('a6', 'Wire'), [placed], [strikes]])).toEqual(['Mayadin']);
  });
});

describe('a capital that speaks', () => {
  const placesOf = (text: string) =>
    extractClaims(text, { outlet: 'Wire', publishedAt: '2017-06-01' }).accusations.map(
      (a) => a.place,
    );

  it('is the government, not the place of what it alleges', () => {
    expect(placesOf('Damascus accused rebels of shelling the safe corridors.')).toEqual([null]);
    expect(placesOf('Moscow and Damascus say rebels shelled the corridors.')[0] ?? null).toBeNull();
  });

  it('is still a place after a preposition', () => {
    expect(
      placesOf('Activists in northern rural Homs said regime warplanes bombed the market.'),
    ).toEqual(['Homs']);
  });
});
