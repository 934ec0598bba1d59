// What the incident model reads from each casualty figure (issue 14 item 1): perpetrator,
// sub-figure link and incident date with its basis; and the ceiling on counts (issue 16).

import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../../shared/claims/extract-claims.ts';
import type { ArticleContext } from '../../../shared/domain/claims.ts';

const ctx: ArticleContext = { outlet: 'Wire', publishedAt: '2017-06-01' };
const figures = (text: string, c: ArticleContext = ctx) => extractClaims(text, c).casualties;

describe('perpetrator of a figure', () => {
  it('reads the agent of the harm that killed', () => {
    const [f] = figures('US-led coalition warplanes killed 12 civilians in Raqqa.');
    expect(f?.perpetrator).toBe('coalition');
    expect(f?.perpetratorName).toBe('US-led coalition warplanes');
  });

  it('reads "a strike by X that killed" and "X barrel bombs"', () => {
    expect(
      figures('A US-led strike that killed 35 civilians hit the school.')[0]?.perpetrator,
    ).toBe('coalition');
    expect(figures('Regime barrel bombs killed nine people in Daraya.')[0]?.perpetrator).toBe(
      'syria_gov',
    );
  });

  it('names coordinated allies together', () => {
    const [f] = figures('Air strikes by Syrian government and Russian warplanes killed 18 people.');
    expect(f?.perpetrator).toBe('syria_gov');
    expect(f?.perpetratorName).toBe('Syrian government and Russian warplanes');
  });

  it('leaves it empty when the text names no one or both sides', () => {
    expect(figures('Five people were killed in an explosion in Idlib.')[0]?.perpetrator).toBeNull();
    const [f] = figures(
      'Mutual shelling between regime forces and ISIS militants killed 58 people.',
    );
    expect(f?.perpetrator).toBeNull();
  });

  it('reads each clause for its own figure', () => {
    const list = figures(
      'The rebel barrage killed 10 people in Damascus while government air strikes killed 82 people in Eastern Ghouta.',
    );
    expect(list.map((f) => [f.count, f.perpetrator])).toEqual([
      [10, 'rebels'],
      [82, 'syria_gov'],
    ]);
  });

  it('takes the perpetrator named just before for harm told without one', () => {
    const list = figures(
      'Strikes hit Manbij\n\nUS-led coalition jets struck the northern district of Manbij. At least 15 civilians were killed in the raids, the Observatory said.',
    );
    expect(list.map((f) => [f.count, f.perpetrator])).toEqual([[15, 'coalition']]);
  });

  it("gives a sub-figure its total's perpetrator and day", () => {
    const list = figures(
      'Terrorists fired rocket shells on Monday killing three people including a woman.',
    );
    expect(list.map((f) => [f.count, f.perpetratorName, f.date, f.subFigureOf])).toEqual([
      [3, 'Terrorists', '2017-05-29', null],
      [1, 'Terrorists', '2017-05-29', 0],
    ]);
  });

  it("gives a sub-figure told again without a speaker its total's source", () => {
    const list = figures(
      'The toll of the air strike on Tabqa has risen to 20 civilians, local media reported. At least 20 civilians were killed including four children.',
    );
    expect(list.map((f) => [f.count, f.source, f.subFigureOf])).toEqual([
      [20, 'local media', null],
      [4, 'local media', 0],
    ]);
  });

  it('does not take the speaker for the perpetrator', () => {
    const [f] = figures('Russia said 62 Syrian troops were killed by a US-led coalition strike.');
    expect(f?.perpetrator).toBe('coalition');
  });
});

describe('sub-figures', () => {
  it('links "84 civilians including 30 children" to its total', () => {
    const list = figures('The strikes killed at least 84 civilians including 30 children.');
    expect(list.map((f) => [f.count, f.subFigureOf])).toEqual([
      [84, null],
      [30, 0],
    ]);
  });

  it('links every part of a list and "N of them"', () => {
    const list = figures('The raid killed 40 people including 12 children and nine women.');
    expect(list.map((f) => [f.count, f.subFigureOf])).toEqual([
      [40, null],
      [12, 0],
      [9, 0],
    ]);
    const them = figures('Shelling killed 25 civilians six of them children.');
    expect(them.map((f) => [f.count, f.subFigureOf])).toEqual([
      [25, null],
      [6, 0],
    ]);
  });

  it('does not link two separate figures', () => {
    const list = figures('The raid killed 12 civilians and wounded 30 others.');
    expect(list.map((f) => f.subFigureOf)).toEqual([null, null]);
  });
});

describe('incident date', () => {
  it('keeps the year after a comma (issue 16 item 8)', () => {
    const [f] = figures('Strikes on June 4, 2017 killed nine people in Raqqa.');
    expect(f?.date).toBe('2017-06-04');
    expect(f?.dateBasis).toBe('stated');
  });

  it('resolves "on Monday" against the publication date', () => {
    const [f] = figures('Strikes on Monday killed nine people in Raqqa.', {
      publishedAt: '2017-06-01',
    });
    expect(f?.date).toBe('2017-05-29');
    expect(f?.dateBasis).toBe('relative');
  });

  it('counts from the dateline the article states for itself', () => {
    const text = 'Strikes kill nine\n\nPublished June 7 2017 Strikes on Monday killed nine people.';
    const [f] = figures(text, { publishedAt: '2017-06-01' });
    expect(f?.date).toBe('2017-06-05');
  });

  it('falls back to the publication date, and gives a war toll no date', () => {
    const [f] = figures('Nine people were killed in Raqqa.');
    expect(f?.date).toBe('2017-06-01');
    expect(f?.dateBasis).toBe('published');
    const [toll] = figures('More than 300000 people have been killed since 2011.');
    expect(toll?.date).toBeNull();
    expect(toll?.dateBasis).toBeNull();
  });

  it('has no date without a publication date or a stated one', () => {
    const [f] = figures('Nine people were killed in Raqqa on Monday.', {});
    expect(f?.date).toBeNull();
  });
});

describe('counts beyond any war', () => {
  it('are not figures', () => {
    expect(figures(`${'9'.repeat(31)} civilians were killed in Raqqa.`)).toEqual([]);
    expect(figures('Infinity civilians were killed in Raqqa.')).toEqual([]);
    expect(figures('Some 200000000 people were killed.')).toEqual([]);
    expect(figures('More than 500000 people have been killed since 2011.')).toHaveLength(1);
  });
});
