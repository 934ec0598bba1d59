import { describe, expect, it } from 'vitest';
import { subscriberWantsUpdate } from '../../../shared/alerts/match-update.ts';
import type { SubscriberFilters } from '../../../shared/config/schema.ts';
import { accusation, article, articleClaims, figure, S } from '../../helpers/incident-builders.ts';
import { type Announced, MemoryIncidents } from '../../helpers/memory-incidents.ts';

function announced(): Record<'first' | 'acc' | 'aid' | 'russian', Announced> {
  const store = new MemoryIncidents();
  const [first] = store.apply(
    articleClaims(article('a1', 'Reuters'), [
      figure({ count: 84, quote: S.first84, place: 'Raqqah' }),
    ]),
  );
  const [acc] = store.apply(
    articleClaims(article('a2', 'TASS'), [], [accusation({ quote: S.russiaAccuses })]),
  );
  const [aid] = store.apply(
    articleClaims(
      article('a3', 'Reuters'),
      [],
      [
        accusation({
          accuser: 'un',
          accused: 'syria_gov',
          allegation: 'obstructing aid to Aleppo',
          place: 'Aleppo',
          quote: S.unAid,
        }),
      ],
    ),
  );
  const [russian] = store.apply(
    articleClaims(article('a4', 'SANA'), [
      figure({
        count: 9,
        place: 'Idlib',
        quote: 'Russian jets killed nine people in Idlib.',
        victims: 'people',
        perpetrator: 'russia',
      }),
    ]),
  );
  if (!first || !acc || !aid || !russian) throw new Error('missing updates');
  return { first, acc, aid, russian };
}

const wants = (f: SubscriberFilters, a: Announced) => subscriberWantsUpdate(f, a.record, a.update);

describe('which subscribers an update goes to', () => {
  const u = announced();

  it('no filters: everything of the topic, nothing stored-only', () => {
    expect([wants({}, u.first), wants({}, u.acc), wants({}, u.aid), wants({}, u.russian)]).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });

  it('stored-only records go to subscribers whose actors filter names a party', () => {
    expect(wants({ actors: ['syria_gov'] }, u.aid)).toBe(true);
    expect(wants({ actors: ['un'] }, u.aid)).toBe(true);
    expect(wants({ actors: ['russia'] }, u.russian)).toBe(true);
    expect(wants({ actors: ['coalition'] }, u.aid)).toBe(false);
  });

  it('an actors filter matches perpetrators and accusation parties; an incident naming nobody passes', () => {
    expect(wants({ actors: ['russia'] }, u.acc)).toBe(true);
    expect(wants({ actors: ['us'] }, u.first)).toBe(true); // the US and the coalition it leads
    expect(wants({ actors: ['turkey'] }, u.first)).toBe(false);
  });

  it('places match their spelling variants', () => {
    expect(wants({ places: ['Raqqa'] }, u.first)).toBe(true);
    expect(wants({ places: ['al-Raqqa'] }, u.first)).toBe(true);
    expect(wants({ places: ['Aleppo'] }, u.first)).toBe(false);
  });

  it('kinds: a figure update is a casualty, a new accusation an accusation', () => {
    expect(wants({ kinds: ['accusation'] }, u.first)).toBe(false);
    expect(wants({ kinds: ['accusation'] }, u.acc)).toBe(true);
    expect(wants({ kinds: ['casualty'] }, u.acc)).toBe(false);
  });

  it('outcomes, victims and minCount filter by any measure of the incident', () => {
    expect(wants({ minCount: 50 }, u.first)).toBe(true);
    expect(wants({ minCount: 100 }, u.first)).toBe(false);
    expect(wants({ victims: ['children'] }, u.first)).toBe(false);
    expect(wants({ outcomes: ['killed'], victims: ['civilians'] }, u.first)).toBe(true);
  });

  it('topics', () => {
    expect(wants({ topics: ['coalition-strikes-syria'] }, u.first)).toBe(true);
    expect(wants({ topics: ['other-topic'] }, u.first)).toBe(false);
  });
});
