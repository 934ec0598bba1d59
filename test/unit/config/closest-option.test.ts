import { describe, expect, it } from 'vitest';
import { closestOption } from '../../../shared/util/closest-option.ts';

describe('the option a mistyped value was meant to be', () => {
  it('is the nearest within a few edits, whatever the case', () => {
    expect(closestOption('coalitoin', ['russia', 'coalition', 'us'])).toBe('coalition');
    expect(closestOption('DAILY', ['hourly', 'daily'])).toBe('daily');
  });

  it('is none when nothing is close, and never a value that is not text', () => {
    expect(closestOption('weekly', ['hourly', 'daily'])).toBeNull();
    expect(closestOption('1', [1, 2])).toBeNull();
  });
});
