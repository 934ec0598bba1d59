import { describe, expect, it } from 'vitest';
import { type Stage, stageTimer } from '../../../shared/use-cases/stage-timer.ts';

// The bench's per-stage breakdown: laps charge the time between them, and time measured inside
// the extraction worker goes to its own stages instead of the lap's.

function busy(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    // spin: the stopwatch must see real elapsed time
  }
}

describe('stageTimer', () => {
  it('charges each lap the time since the previous one', () => {
    const seen: [Stage, number][] = [];
    const lap = stageTimer({ onStage: (s, ms) => seen.push([s, ms]) });
    busy(5);
    lap('fetch');
    busy(5);
    lap('topic');
    expect(seen.map(([s]) => s)).toEqual(['fetch', 'topic']);
    for (const [, ms] of seen) expect(ms).toBeGreaterThanOrEqual(5);
  });

  it("gives parts measured elsewhere their own stages, off the lap's share", () => {
    const seen = new Map<Stage, number>();
    const lap = stageTimer({ onStage: (s, ms) => seen.set(s, ms) });
    busy(20);
    lap('handoff', { parse: 6, readability: 4 });
    expect(seen.get('parse')).toBe(6);
    expect(seen.get('readability')).toBe(4);
    const handoff = seen.get('handoff') ?? -1;
    expect(handoff).toBeGreaterThanOrEqual(10);
    expect(handoff + 10).toBeGreaterThanOrEqual(20);
  });

  it('costs nothing without a listener', () => {
    const lap = stageTimer({});
    expect(() => lap('fetch', { parse: 1 })).not.toThrow();
  });
});
