import { describe, expect, it } from 'vitest';
import {
  type FeedHealth,
  nextPoll,
  nextPollLine,
  problemLines,
  readFeedHealth,
  statusTable,
} from '../../../shared/cli/feed-health.ts';
import { startCycleProgress } from '../../../shared/cli/progress.ts';
import { durationWords, untilWords, utcClock } from '../../../shared/cli/time-words.ts';
import type { FeedState } from '../../../shared/domain/records.ts';
import { InMemoryFeedStateStore } from '../../fakes/feed-state.ts';

// What `run --watch` and `strikewatch status` tell an operator: times in UTC and in words, the
// next poll, each failing feed (its error through the terminal sanitiser), and progress on
// stderr for a cycle that takes more than a few seconds (issue 17 item 4).

const NOW = new Date('2026-05-01T12:30:00Z');
const state = (feedId: string, s: Partial<FeedState>): FeedState => ({
  feedId,
  etag: null,
  lastModified: null,
  lastPolledAt: '2026-05-01T12:30:00Z',
  lastSuccessAt: '2026-05-01T12:30:00Z',
  consecutiveFailures: 0,
  nextPollAfter: '2026-05-01T12:39:55Z',
  lastError: null,
  ...s,
});
const feed = (id: string) => ({ id, url: `https://news.ngo.dev/${id}.xml`, intervalMinutes: 10 });

describe('times in words', () => {
  it('UTC clock, with the date only when not today; durations rounded for reading', () => {
    expect(utcClock('2026-05-01T12:40:00Z', NOW)).toBe('12:40 UTC');
    expect(utcClock('2026-05-02T00:10:00Z', NOW)).toBe('2026-05-02 00:10 UTC');
    expect(durationWords(45_000)).toBe('45 s');
    expect(durationWords(9 * 60_000 + 55_000)).toBe('10 min');
    expect(durationWords(125 * 60_000)).toBe('2 h 5 min');
    expect(durationWords(3 * 86_400_000 + 4 * 3_600_000)).toBe('3 d 4 h');
    expect(untilWords(new Date('2026-05-01T12:40:00Z'), NOW)).toBe('in 10 min');
    expect(untilWords(new Date('2026-05-01T12:00:00Z'), NOW)).toBe('now');
  });
});

describe('feed health', () => {
  const health: FeedHealth[] = [
    { feed: feed('reuters'), state: state('reuters', {}), health: 'ok' },
    {
      feed: feed('aljazeera'),
      state: state('aljazeera', {
        consecutiveFailures: 3,
        lastSuccessAt: '2026-05-01T09:00:00Z',
        nextPollAfter: '2026-05-01T14:30:00Z',
        lastError: 'timeout: no answer in 15 s\u001b[31m\u202e forged',
      }),
      health: 'failing',
    },
    {
      feed: feed('bbc'),
      state: state('bbc', { nextPollAfter: '2026-05-01T12:40:30Z' }),
      health: 'ok',
    },
  ];

  it('reads each feed from the feed-state role; a feed never polled says so', async () => {
    const store = new InMemoryFeedStateStore();
    await store.putFeedState(state('reuters', {}));
    await store.putFeedState(state('aljazeera', { consecutiveFailures: 2 }));
    const read = await readFeedHealth(store, [feed('reuters'), feed('aljazeera'), feed('new')]);
    expect(read.map((h) => h.health)).toEqual(['ok', 'failing', 'never polled']);
  });

  it('the next poll is the earliest feed due, with the feeds due within a minute of it', () => {
    const next = nextPoll(health, NOW);
    expect(next.at.toISOString()).toBe('2026-05-01T12:39:55.000Z');
    expect(next.feeds).toEqual(['reuters', 'bbc']);
    expect(nextPollLine(next, NOW)).toBe('next poll at 12:39 UTC (in 10 min): reuters, bbc');
    // A feed never polled is due now.
    const withNew = [
      ...health,
      { feed: feed('new'), state: null, health: 'never polled' as const },
    ];
    expect(nextPoll(withNew, NOW).at).toEqual(NOW);
  });

  it('one line per failing feed: error (sanitised), how often, last success, next try', () => {
    const lines = problemLines(health, NOW);
    expect(lines).toEqual([
      '  ✗ aljazeera: timeout: no answer in 15 s forged (failed 3 times in a row, last success 09:00 UTC; next try 14:30 UTC, in 2 h)',
    ]);
  });

  it('the status table has a row per feed and no terminal escapes from outside text', () => {
    const table = statusTable(health, NOW);
    const rows = table.split('\n');
    expect(rows[0]).toMatch(
      /^FEED +HEALTH +LAST POLL +LAST SUCCESS +NEXT POLL AFTER +FAILURES +LAST ERROR$/,
    );
    expect(rows[2]).toMatch(
      /^aljazeera +failing +12:30 UTC +09:00 UTC +14:30 UTC +3 +timeout: no answer/,
    );
    expect(table).not.toContain('\u001b');
    expect(table).not.toContain('\u202e');
  });
});

describe('cycle progress', () => {
  const recorder = (isTTY: boolean) => {
    const written: string[] = [];
    return { stream: { isTTY, write: (t: string) => written.push(t) }, written };
  };

  it('stays quiet for a short cycle', () => {
    let t = 0;
    const { stream, written } = recorder(false);
    const p = startCycleProgress(3, stream, () => t);
    t = 1_000;
    p.onProgress({ stage: 'poll', done: 3, total: 3 });
    p.onProgress({ stage: 'process', done: 1, total: 1 });
    p.done();
    expect(written).toEqual([]);
  });

  it('in a log: a line per stage once slow, counts every 50, never one per article', () => {
    let t = 0;
    const { stream, written } = recorder(false);
    const p = startCycleProgress(40, stream, () => t);
    t = 4_000;
    // A feed's articles start while the other feeds are still being polled.
    p.onProgress({ stage: 'process', done: 1, total: 3 });
    p.onProgress({ stage: 'poll', done: 40, total: 40 });
    for (let done = 2; done <= 120; done++) {
      t += 50;
      p.onProgress({ stage: 'process', done, total: 120 });
    }
    p.onProgress({ stage: 'deliver', done: 1, total: 1 });
    p.done();
    expect(written).toEqual([
      '  polling 40 feeds, processing articles 1/3 (4 s)\n',
      '  processing articles 1/3 (4 s)\n',
      '  processing articles 50/120 (6 s)\n',
      '  processing articles 100/120 (9 s)\n',
      '  delivering alerts (10 s)\n',
    ]);
  });

  it('in a terminal: one line updated in place and cleared before other output', () => {
    let t = 0;
    const { stream, written } = recorder(true);
    const p = startCycleProgress(2, stream, () => t);
    t = 1_000;
    p.onProgress({ stage: 'poll', done: 2, total: 2 });
    t = 5_000;
    p.onProgress({ stage: 'process', done: 3, total: 10 });
    p.clear();
    p.done();
    expect(written).toEqual(['\r\u001b[2K  processing articles 3/10 (5 s)', '\r\u001b[2K']);
  });
});
