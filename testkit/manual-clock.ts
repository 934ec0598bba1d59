import type { Clock } from '../shared/ports/clock.ts';

/** A clock that tests move forward (lease expiry, backoff) without waiting. */
export function manualClock(start = new Date()): Clock & { advance(ms: number): void } {
  let t = start.getTime();
  return {
    now: () => new Date(t),
    sleep: async (ms) => {
      t += ms;
    },
    advance(ms) {
      t += ms;
    },
  };
}
