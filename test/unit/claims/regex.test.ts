import { describe, expect, it } from 'vitest';
import { allMatches } from '../../../shared/claims/regex.ts';

describe('allMatches', () => {
  it('finds what matchAll finds, with groups and indexes', () => {
    const re = /(\d+) (killed|wounded)/g;
    const text = '12 killed and 30 wounded, 4 killed later';
    const got = allMatches(re, text).map((m) => [m.index, m[0], m[1], m[2]]);
    const want = [...text.matchAll(re)].map((m) => [m.index, m[0], m[1], m[2]]);
    expect(got).toEqual(want);
    expect(got).toHaveLength(3);
  });

  it('starts from the beginning whatever lastIndex was left at, and leaves it at 0', () => {
    const re = /a/g;
    re.lastIndex = 3;
    expect(allMatches(re, 'aaaa')).toHaveLength(4);
    expect(re.lastIndex).toBe(0);
  });

  it('steps over empty matches instead of looping on them', () => {
    expect(allMatches(/x*/g, 'ab').map((m) => m.index)).toEqual([0, 1, 2]);
  });

  it('refuses a regex without the global flag', () => {
    expect(() => allMatches(/a/, 'a')).toThrow(TypeError);
  });
});
