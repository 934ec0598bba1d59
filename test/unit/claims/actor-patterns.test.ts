// The actor entries are matched by several patterns, each small enough for V8 to optimise (over
// 20 KB of source it does not, and actor finding took eight times as long), scanned together as
// one alternation would be. Both properties are checked here, the second over FA-KES articles
// (read at run time from data/).

import { describe, expect, it } from 'vitest';
import { ENTRY_PATTERNS, entryMatches, singleEntryPattern } from '../../../shared/claims/actors.ts';
import { faKesText, loadFaKes } from '../../../shared/corpus/fa-kes.ts';

const V8_TOO_LARGE_TO_OPTIMIZE = 20 * 1024;

describe('actor entry patterns', () => {
  it('keeps every pattern under the size V8 optimises', () => {
    expect(ENTRY_PATTERNS.length).toBeGreaterThan(1);
    for (const p of ENTRY_PATTERNS) {
      expect(p.re.source.length).toBeLessThan(V8_TOO_LARGE_TO_OPTIMIZE);
    }
  });

  it('matches what one alternation of every entry matches: same place, text and entry', () => {
    const one = singleEntryPattern().re;
    let compared = 0;
    for (const row of loadFaKes().slice(0, 300)) {
      const text = faKesText(row);
      const expected = [...text.matchAll(one)].map((m) => {
        const group = m.findIndex((g, i) => i > 0 && g !== undefined);
        return `${m.index}:${m[0]}:${group - 1}`;
      });
      const got = entryMatches(text).map(({ m, at }) => `${m.index}:${m[0]}:${at}`);
      expect(got).toEqual(expected);
      compared += got.length;
    }
    expect(compared).toBeGreaterThan(5_000);
  });
});
