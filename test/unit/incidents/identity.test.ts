import { describe, expect, it } from 'vitest';
import { groupArticleClaims } from '../../../shared/incidents/group-claims.ts';
import { lookupKeysFor, shiftDay } from '../../../shared/incidents/identity.ts';
import { placeKey, samePlace, sourceKey } from '../../../shared/incidents/index.ts';
import { accusation, article, articleClaims, figure, S } from '../../helpers/incident-builders.ts';

describe('place identity', () => {
  it('spelling variants share a key', () => {
    const groups = [
      [
        'Raqqa',
        'Raqa',
        'Raqqah',
        'al-Raqqa',
        'Al Raqqa',
        'Rakka',
        'Raqqa province',
        'the city of Raqqa',
      ],
      ['Deir ez-Zor', 'Deir al-Zour', 'Deir Ezzor', 'Dayr az-Zawr', 'Deir el-Zour', 'Deir Azzor'],
      ['Idlib', 'Idleb'],
      ['Mayadin', 'al-Mayadeen'],
      ['Khan Sheikhoun', 'Khan Shaykhun'],
      ['Tal Abyad', 'Tell Abyad'],
      ['Qamishli', 'Kamishli'],
      ['Hama', 'Hamah'],
      ['Jarablus', 'Djarablus'],
      ['Hassajik', 'Hassadjek'],
      ['Khan Sheikhoun', 'Khan Cheikhoun'],
    ];
    for (const g of groups) expect(new Set(g.map(placeKey)).size, g.join(', ')).toBe(1);
  });

  it('different places keep different keys', () => {
    const places = [
      'Raqqa',
      'Deir ez-Zor',
      'Daraa',
      'Darayya',
      'Homs',
      'Hama',
      'Eastern Ghouta',
      'Ghouta',
      'Damascus',
      'Douma',
      'Idlib',
      'Aleppo',
      'al-Bab',
      'Manbij',
      'Tabqa',
      'Kobani',
      'Mosul',
    ];
    expect(new Set(places.map(placeKey)).size).toBe(places.length);
  });

  it('an empty or article-only name has no key', () => {
    expect(placeKey(null)).toBeNull();
    expect(placeKey('')).toBeNull();
    expect(placeKey('al-')).toBeNull();
    expect(samePlace('Raqqah', 'Raqqa')).toBe(true);
    expect(samePlace(null, null)).toBe(false);
  });
});

describe('identity keys', () => {
  it('look up the neighbouring days, then the story', () => {
    expect(lookupKeysFor('inc|', 'rk', '2017-06-05', 's1')).toEqual([
      'inc|place:rk|date:2017-06-05',
      'inc|place:rk|date:2017-06-04',
      'inc|place:rk|date:2017-06-06',
      'inc|story:s1',
    ]);
    expect(lookupKeysFor('inc|', null, '2017-06-05', 's1')).toEqual(['inc|story:s1']);
    expect(shiftDay('2017-12-31', 1)).toBe('2018-01-01');
    expect(shiftDay('June 4', 1)).toBeNull();
  });

  it('one source under its names: SOHR, the Observatory; Russia by ministry or official', () => {
    expect(sourceKey('Syrian Observatory for Human Rights')).toBe(sourceKey('SOHR'));
    expect(sourceKey('the Britain-based Syrian Observatory')).toBe('actor:sohr');
    expect(sourceKey('Russian Defence Ministry')).toBe(sourceKey('Igor Konashenkov'));
    // Two outlets or two NGOs are two sources.
    expect(sourceKey('Reuters')).not.toBe(sourceKey('AFP'));
    expect(sourceKey('Airwars')).not.toBe(sourceKey('Syrian Network for Human Rights'));
  });
});

describe('grouping one article by incident', () => {
  it('sub-figures and placeless figures join the total; other places make other incidents', () => {
    const g = groupArticleClaims(
      articleClaims(article('a1', 'Reuters'), [
        figure({ count: 84, quote: S.first84 }),
        figure({ count: 30, victims: 'children', quote: S.first84, place: null, subFigureOf: 0 }),
        figure({
          count: 50,
          outcome: 'injured',
          victims: 'people',
          quote: S.injured50,
          place: null,
          date: null,
        }),
        figure({
          count: 7,
          quote: 'Seven people were killed in Deir ez-Zor.',
          place: 'Deir ez-Zor',
          perpetrator: 'russia',
        }),
        figure({
          count: 300000,
          quote: 'More than 300000 people have been killed since 2011.',
          background: true,
          place: null,
        }),
      ]),
    );
    expect(
      g.incidents.map((r) => [
        r.place,
        r.figures.map((f) => `${f.count} ${f.victims} ${f.partOf ?? ''}`),
      ]),
    ).toEqual([
      ['Raqqa', ['84 civilians ', '30 children civilians', '50 people ']],
      ['Deir ez-Zor', ['7 civilians ']],
    ]);
    expect(g.background.map((f) => f.count)).toEqual([300000]);
  });

  it('a figure without a date takes the story date, marked as the article date', () => {
    const g = groupArticleClaims(
      articleClaims(
        article('a1', 'Reuters'),
        [figure({ quote: S.sohr22, date: null, dateBasis: null })],
        [],
        {
          storyDate: '2017-06-04',
        },
      ),
    );
    expect(g.incidents[0]).toMatchObject({ date: '2017-06-04', dateBasis: 'published' });
  });

  it('two perpetrators at one place and day in one article are two incidents', () => {
    const g = groupArticleClaims(
      articleClaims(article('a1', 'Reuters'), [
        figure({ count: 20, quote: S.sohr22 }),
        figure({
          count: 5,
          victims: 'soldiers',
          quote: 'Islamic State shelling killed five soldiers in Raqqa.',
          perpetrator: 'isis',
        }),
      ]),
    );
    expect(g.incidents.map((r) => r.perpetrator)).toEqual(['coalition', 'isis']);
    expect(g.incidents[1]?.lookupKeys).toContain('inc|place:rk|date:2017-06-05|by:isis');
  });

  it('the same source twice for one measure keeps the higher figure', () => {
    const g = groupArticleClaims(
      articleClaims(article('a1', 'Reuters'), [
        figure({ count: 22, quote: S.sohr22 }),
        figure({ count: 43, quote: S.sohr43 }),
      ]),
    );
    expect(g.incidents[0]?.figures.map((f) => f.count)).toEqual([43]);
  });

  it('accusations go to the incident at their place that they fit; the rest stand alone', () => {
    const g = groupArticleClaims(
      articleClaims(
        article('a1', 'TASS'),
        [figure({ quote: S.sohr22 })],
        [
          accusation({ quote: S.russiaAccuses }),
          accusation({ quote: S.russiaAccuses, place: null }),
          accusation({
            accuser: 'un',
            accused: 'syria_gov',
            allegation: 'obstructing aid to Aleppo',
            place: 'Aleppo',
            quote: S.unAid,
          }),
          accusation({
            accuser: 'syria_gov',
            accused: 'coalition',
            allegation: 'illegal presence in Syria',
            place: null,
            quote: 'Damascus condemned the illegal presence of the coalition.',
          }),
        ],
      ),
    );
    expect(g.incidents[0]?.accusations.map((a) => a.key)).toEqual([
      'russia|coalition|civilian-harm',
    ]);
    expect(g.accusations.map((a) => a.accusation.key)).toEqual([
      'un|syria_gov|aid',
      'syria_gov|coalition|illegal-presence',
    ]);
  });
});
