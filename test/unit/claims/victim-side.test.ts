// Whose fighters or soldiers a figure counts (issue 14 follow-up): the actor words of the
// figure's own victim phrase, never a party before the number; no side for civilians or people.

import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../../shared/claims/extract-claims.ts';
import type { ArticleContext } from '../../../shared/domain/claims.ts';

const ctx: ArticleContext = { outlet: 'Wire', publishedAt: '2017-06-01' };
const sides = (text: string) =>
  extractClaims(text, ctx).casualties.map((f) => [f.count, f.victims, f.victimSide ?? null]);

describe('victim side of a figure', () => {
  it('reads two sides of one sentence apart', () => {
    expect(sides('Clashes killed 4 YPG fighters and 22 IS fighters near Kobane.')).toEqual([
      [4, 'fighters', 'sdf'],
      [22, 'fighters', 'isis'],
    ]);
  });

  it('reads soldiers and troops of a state', () => {
    expect(sides('Rebels killed five Syrian soldiers near Hama.')).toEqual([
      [5, 'soldiers', 'syria_gov'],
    ]);
    expect(sides('The shelling killed 12 regime troops in Daraa.')).toEqual([
      [12, 'soldiers', 'syria_gov'],
    ]);
    expect(sides('Three Turkish soldiers were wounded near al-Bab.')).toEqual([
      [3, 'soldiers', 'turkey'],
    ]);
  });

  it('reads militants, pro-government and rebel fighters, and "members of" a group', () => {
    expect(sides('Ten ISIS militants were killed in Deir Ezzor.')).toEqual([
      [10, 'fighters', 'isis'],
    ]);
    expect(sides('Three pro-government fighters and seven rebel fighters were killed.')).toEqual([
      [3, 'fighters', 'syria_gov'],
      [7, 'fighters', 'rebels'],
    ]);
    expect(sides('Two members of the Islamic State group were killed in Raqqa.')).toEqual([
      [2, 'fighters', 'isis'],
    ]);
  });

  it('gives "others" the side of the figure they follow', () => {
    expect(sides('Four YPG fighters were killed and 10 others were wounded.')).toEqual([
      [4, 'fighters', 'sdf'],
      [10, 'fighters', 'sdf'],
    ]);
  });

  it('gives "N of the jihadists" the side of the group told before', () => {
    expect(
      sides(
        'At least 35 Islamic State jihadists were killed near Kobane. At least 22 of the jihadists were killed on the border. Four YPG fighters were killed in those clashes.',
      ),
    ).toEqual([
      [35, 'fighters', 'isis'],
      [22, 'fighters', 'isis'],
      [4, 'fighters', 'sdf'],
    ]);
  });

  it('reads the side in a headline the page restated before the wire copy', () => {
    const text =
      'Turkish army says 31 IS group militants killed in Syria Reuters Sunday 9 Oct 2016 Thirty one militants have been killed near Dabiq over the last 24 hours the Turkish army said.';
    expect(sides(text)[0]).toEqual([31, 'fighters', 'isis']);
  });

  it('finds no side where the phrase names none', () => {
    // The party before the number struck; it is not the victims' side.
    expect(sides('IS killed 14 fighters in an ambush near Palmyra.')).toEqual([
      [14, 'fighters', null],
    ]);
    // "terrorists": whose depends on who speaks, not on the phrase.
    expect(sides('Coalition strikes killed 30 terrorists in Raqqa.')).toEqual([
      [30, 'fighters', null],
    ]);
  });

  it('gives civilians, children, women and people no side', () => {
    expect(
      sides('IS shelling killed 12 Kurdish civilians including five children in Hasakah.'),
    ).toEqual([
      [12, 'civilians', null],
      [5, 'children', null],
    ]);
    expect(sides('Regime air strikes killed 9 people in Douma.')).toEqual([[9, 'people', null]]);
  });

  it('keeps two sides with one count as two figures', () => {
    expect(
      sides('Four IS fighters were killed in Manbij. Four SDF fighters died in the clashes.'),
    ).toEqual([
      [4, 'fighters', 'isis'],
      [4, 'fighters', 'sdf'],
    ]);
  });
});
