import { describe, expect, it } from 'vitest';
import {
  accusationKeys,
  allegationCategory,
  casualtyKeys,
  isHigherToll,
} from '../../../shared/dedupe/claim-key.ts';
import type { Accusation, CasualtyFigure } from '../../../shared/domain/claims.ts';

const figure = (over: Partial<CasualtyFigure> = {}): CasualtyFigure => ({
  count: 22,
  max: null,
  outcome: 'killed',
  victims: 'civilians',
  qualifier: 'at_least',
  background: false,
  source: 'SOHR',
  place: 'Raqqa',
  date: null,
  quote: 'at least 22 civilians were killed',
  ...over,
});

const accusation = (over: Partial<Accusation> = {}): Accusation => ({
  accuser: 'russia',
  accused: 'coalition',
  accuserName: 'Russian Defense Ministry',
  accusedName: 'US-led coalition',
  allegation: 'killed civilians in Raqqa',
  place: 'Raqqa',
  quote: 'the coalition killed civilians',
  ...over,
});

describe('claim identity', () => {
  const scope = { storyId: 's1', date: '2017-06-03' };

  it('gives the same incident the same key whatever the count, source or spelling of the place', () => {
    const a = casualtyKeys(figure(), scope);
    const b = casualtyKeys(
      figure({ count: 43, qualifier: 'exact', source: 'Russia', place: 'al-Raqqa' }),
      {
        storyId: 's2',
        date: '2017-06-03',
      },
    );
    expect(a[0]).toBe(b[0]);
  });

  it('matches reports a day apart: each key list covers the neighbouring days', () => {
    const monday = casualtyKeys(figure(), { storyId: 's1', date: '2017-06-03' });
    const tuesday = casualtyKeys(figure(), { storyId: 's2', date: '2017-06-04' });
    expect(monday).toContain(tuesday[0]);
    const later = casualtyKeys(figure(), { storyId: 's3', date: '2017-06-10' });
    expect(monday).not.toContain(later[0]);
  });

  it('separates outcomes, victims and cumulative tolls', () => {
    const base = casualtyKeys(figure(), scope)[0];
    expect(casualtyKeys(figure({ outcome: 'injured' }), scope)[0]).not.toBe(base);
    expect(casualtyKeys(figure({ victims: 'children' }), scope)[0]).not.toBe(base);
    expect(casualtyKeys(figure({ background: true }), scope)[0]).not.toBe(base);
  });

  it("separates two sides' fighters; a figure with no side keys as before", () => {
    const fighters = (victimSide: CasualtyFigure['victimSide']) =>
      casualtyKeys(figure({ victims: 'fighters', background: true, victimSide }), scope)[0];
    expect(fighters('isis')).not.toBe(fighters('sdf'));
    expect(fighters('isis')).not.toBe(fighters(null));
    expect(fighters(null)).toBe(fighters(undefined));
  });

  it('falls back to the story when the place or the date is unknown', () => {
    const noPlace = casualtyKeys(figure({ place: null }), scope);
    expect(noPlace).toHaveLength(1);
    expect(
      casualtyKeys(figure({ place: null }), { storyId: 's9', date: '2017-06-03' })[0],
    ).not.toBe(noPlace[0]);
    const noDate = casualtyKeys(figure(), { storyId: 's1', date: null });
    expect(noDate).toHaveLength(1);
  });

  it('keys accusations on accuser, accused and the kind of wrong', () => {
    const a = accusationKeys(accusation(), scope)[0];
    expect(
      accusationKeys(
        accusation({ accuserName: 'Maria Zakharova', quote: 'strikes killed civilians' }),
        scope,
      )[0],
    ).toBe(a);
    expect(accusationKeys(accusation({ accuser: 'syria_gov' }), scope)[0]).not.toBe(a);
    expect(
      accusationKeys(
        accusation({ allegation: 'supports Islamic State', quote: 'helps terrorists' }),
        scope,
      )[0],
    ).not.toBe(a);
  });

  it('sorts allegations into categories', () => {
    expect(allegationCategory({ allegation: 'used chemical weapons', quote: '' })).toBe('chemical');
    expect(allegationCategory({ allegation: 'killed civilians in Raqqa', quote: '' })).toBe(
      'civilian-harm',
    );
    expect(allegationCategory({ allegation: 'its presence is illegal', quote: '' })).toBe(
      'illegal-presence',
    );
    expect(
      allegationCategory({
        allegation: 'the attacks violate the sovereignty of the state',
        quote: '',
      }),
    ).toBe('illegal-presence');
    expect(allegationCategory({ allegation: 'something else', quote: '' })).toBe('other');
  });

  it('treats only a higher toll as a change worth an alert', () => {
    expect(isHigherToll({ count: 43, max: null }, { count: 22, max: null })).toBe(true);
    expect(isHigherToll({ count: 22, max: null }, { count: 22, max: null })).toBe(false);
    expect(isHigherToll({ count: 15, max: null }, { count: 22, max: null })).toBe(false);
  });
});
