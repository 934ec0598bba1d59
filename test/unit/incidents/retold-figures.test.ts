import { describe, expect, it } from 'vitest';
import { article, articleClaims, figure } from '../../helpers/incident-builders.ts';
import { MemoryIncidents } from '../../helpers/memory-incidents.ts';

// A figure its article does not date ("Later that month a coalition strike in Al Bukamal killed
// at least 31 civilians") takes the article's date; when an incident at the same place in the
// two weeks before has the same figure and the same perpetrator, it is that incident retold: the
// outlet is added, nothing is announced. Anything less alike is a new incident.

const first = figure({
  count: 31,
  qualifier: 'at_least',
  place: 'Albu Kamal',
  date: '2017-05-16',
  dateBasis: 'stated',
  quote: 'US-led coalition strikes on Albu Kamal killed at least 31 civilians on May 16.',
});

const later = (over: Parameters<typeof figure>[0]) =>
  articleClaims(
    article('b1', 'Sputnik', { publishedAt: '2017-05-28T08:00:00.000Z' }),
    [figure({ ...over })],
    [],
    { storyId: 'story-later' },
  );

const retelling = {
  count: 31,
  qualifier: 'at_least' as const,
  place: 'Albu Kamal',
  date: '2017-05-28',
  dateBasis: 'published' as const,
  quote: 'Later that month a coalition strike in Al Bukamal killed at least 31 civilians.',
};

function withFirst(): MemoryIncidents {
  const memory = new MemoryIncidents();
  memory.apply(articleClaims(article('a1', 'Reuters'), [first], [], { storyId: 'story-first' }));
  return memory;
}

describe('a figure its article does not date, told again later', () => {
  it('is the earlier incident at the same place with the same figure and perpetrator', () => {
    const memory = withFirst();
    expect(memory.apply(later(retelling))).toEqual([]);
    const [only, ...rest] = memory.incidents();
    expect(rest).toEqual([]);
    expect(only?.date).toBe('2017-05-16');
    expect(only?.reports.map((r) => r.outlet)).toEqual(['Reuters', 'Sputnik']);
  });

  it('is a new incident with another figure, another perpetrator or more than two weeks apart', () => {
    for (const other of [
      { ...retelling, count: 30 },
      { ...retelling, perpetrator: 'russia' as const, perpetratorName: 'Russian jets' },
      { ...retelling, perpetrator: null, perpetratorName: null },
      { ...retelling, date: '2017-06-02' },
    ]) {
      const memory = withFirst();
      expect(memory.apply(later(other)), JSON.stringify(other)).toHaveLength(1);
      expect(memory.incidents()).toHaveLength(2);
    }
  });

  it('is a new incident when the article dates it, even with the same figure', () => {
    const memory = withFirst();
    const dated = { ...retelling, dateBasis: 'relative' as const, date: '2017-05-27' };
    expect(memory.apply(later(dated))).toHaveLength(1);
    expect(memory.incidents()).toHaveLength(2);
  });
});
