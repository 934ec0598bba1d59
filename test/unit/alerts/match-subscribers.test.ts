import { describe, expect, it } from 'vitest';
import { subscriberWants } from '../../../shared/alerts/match-subscribers.ts';
import { subscriberSchema } from '../../../shared/config/schema.ts';
import type { AccusationClaim, CasualtyClaim } from '../../../shared/domain/records.ts';

const base = {
  claimKey: 'k',
  storyId: 's',
  topics: ['coalition-strikes-syria'],
  firstSeenAt: '',
  updatedAt: '',
  version: 1,
  changedBy: 'a',
  sources: [],
  previous: null,
};
const casualty: CasualtyClaim = {
  ...base,
  kind: 'casualty',
  figure: {
    count: 12,
    max: null,
    outcome: 'killed',
    victims: 'children',
    qualifier: 'exact',
    background: false,
    source: 'x',
    place: 'Deir ez-Zor',
    date: null,
    quote: '',
  },
};
const accusation: AccusationClaim = {
  ...base,
  kind: 'accusation',
  accusation: {
    accuser: 'russia',
    accused: 'coalition',
    accuserName: '',
    accusedName: '',
    allegation: '',
    place: 'Raqqa',
    quote: '',
  },
};
const sub = (filters: Record<string, unknown>) =>
  subscriberSchema.parse({ id: 's', email: 'a@b.org', filters });

describe('subscriber filters', () => {
  it('no filters: everything', () => {
    expect(subscriberWants(sub({}), casualty)).toBe(true);
    expect(subscriberWants(sub({}), accusation)).toBe(true);
  });
  it('kinds, topics, outcomes, victims and minimum count', () => {
    expect(subscriberWants(sub({ kinds: ['accusation'] }), casualty)).toBe(false);
    expect(subscriberWants(sub({ topics: ['other-topic'] }), casualty)).toBe(false);
    expect(subscriberWants(sub({ outcomes: ['injured'] }), casualty)).toBe(false);
    expect(subscriberWants(sub({ victims: ['children'] }), casualty)).toBe(true);
    expect(subscriberWants(sub({ minCount: 13 }), casualty)).toBe(false);
    expect(subscriberWants(sub({ minCount: 12 }), casualty)).toBe(true);
  });
  it('places match case-insensitively within the claim’s place', () => {
    expect(subscriberWants(sub({ places: ['deir ez-zor'] }), casualty)).toBe(true);
    expect(subscriberWants(sub({ places: ['Raqqa'] }), casualty)).toBe(false);
    expect(subscriberWants(sub({ places: ['raqqa'] }), accusation)).toBe(true);
  });
  it('actors match the accuser or the accused', () => {
    expect(subscriberWants(sub({ actors: ['coalition'] }), accusation)).toBe(true);
    expect(subscriberWants(sub({ actors: ['russia'] }), accusation)).toBe(true);
    expect(subscriberWants(sub({ actors: ['turkey'] }), accusation)).toBe(false);
  });
});
