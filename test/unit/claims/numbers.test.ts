import { describe, expect, it } from 'vitest';
import { parseNumber } from '../../../shared/claims/numbers.ts';

describe('parseNumber', () => {
  it.each([
    ['43', 43],
    ['300,000', 300000],
    ['300000', 300000],
    ['1.5 million', 1500000],
    ['six', 6],
    ['Sixty-two', 62],
    ['twenty five', 25],
    ['a dozen', 12],
    ['two dozen', 24],
    ['a hundred', 100],
    ['three hundred and fifty', 350],
    ['two thousand', 2000],
  ])('%s -> %d', (phrase, value) => {
    expect(parseNumber(phrase)).toBe(value);
  });

  it('rejects words that are not numbers', () => {
    expect(parseNumber('dozens')).toBeNull();
  });
});
