import type { FeedConfig } from '../config/schema.ts';
import type { FeedState } from '../domain/records.ts';
import { terminalText } from '../output/sanitise.ts';
import type { FeedStateStore } from '../ports/feed-state.ts';
import { untilWords, utcClock } from './time-words.ts';

// Each feed's polling state as an operator reads it: after every `run --watch` cycle (what is
// wrong, when the next poll is) and in `strikewatch status` (a table, or JSON).

export type FeedRef = Pick<FeedConfig, 'id' | 'url' | 'intervalMinutes'>;

export type Health = 'ok' | 'failing' | 'never polled';

export interface FeedHealth {
  feed: FeedRef;
  state: FeedState | null;
  health: Health;
}

export async function readFeedHealth(
  feedState: FeedStateStore,
  feeds: readonly FeedRef[],
): Promise<FeedHealth[]> {
  return Promise.all(
    feeds.map(async (feed) => {
      const state = await feedState.getFeedState(feed.id);
      const health: Health = !state?.lastPolledAt
        ? 'never polled'
        : state.consecutiveFailures > 0
          ? 'failing'
          : 'ok';
      return { feed, state, health };
    }),
  );
}

/** When the next feed is due (a feed never polled is due now), and which feeds are due then. */
export function nextPoll(health: readonly FeedHealth[], now: Date): { at: Date; feeds: string[] } {
  const due = health.map((h) => ({
    id: h.feed.id,
    at: h.state?.nextPollAfter ? new Date(h.state.nextPollAfter) : now,
  }));
  const first = Math.min(...due.map((d) => d.at.getTime()));
  // Feeds due within a minute of the first are polled in the same cycle.
  const feeds = due.filter((d) => d.at.getTime() - first < 60_000).map((d) => d.id);
  return { at: new Date(first), feeds };
}

/** "next poll at 12:40 UTC (in 10 min): reuters, aljazeera" */
export function nextPollLine(next: { at: Date; feeds: string[] }, now: Date): string {
  const names =
    next.feeds.length > 3 ? `${next.feeds.slice(0, 3).join(', ')}, …` : next.feeds.join(', ');
  return `next poll at ${utcClock(next.at, now)} (${untilWords(next.at, now)}): ${names}`;
}

/** One line per failing feed: the error, how often in a row, when it is tried again. */
export function problemLines(health: readonly FeedHealth[], now: Date): string[] {
  return health
    .filter((h) => h.health === 'failing' && h.state)
    .map((h) => {
      const s = h.state as FeedState;
      const retry = s.nextPollAfter
        ? `; next try ${utcClock(s.nextPollAfter, now)}, ${untilWords(new Date(s.nextPollAfter), now)}`
        : '';
      const since = s.lastSuccessAt
        ? `last success ${utcClock(s.lastSuccessAt, now)}`
        : 'never succeeded';
      const times =
        s.consecutiveFailures === 1 ? 'once' : `${s.consecutiveFailures} times in a row`;
      return `  ✗ ${h.feed.id}: ${terminalText(s.lastError ?? 'failed', { max: 300 })} (failed ${times}, ${since}${retry})`;
    });
}

const when = (iso: string | null | undefined, now: Date) => (iso ? utcClock(iso, now) : '-');

/** `strikewatch status`: a table of every feed. */
export function statusTable(health: readonly FeedHealth[], now: Date): string {
  const head = [
    'FEED',
    'HEALTH',
    'LAST POLL',
    'LAST SUCCESS',
    'NEXT POLL AFTER',
    'FAILURES',
    'LAST ERROR',
  ];
  const rows = health.map((h) => [
    terminalText(h.feed.id, { max: 40 }),
    h.health,
    when(h.state?.lastPolledAt, now),
    when(h.state?.lastSuccessAt, now),
    when(h.state?.nextPollAfter, now),
    String(h.state?.consecutiveFailures ?? 0),
    terminalText(h.state?.lastError ?? '', { max: 120 }),
  ]);
  const widths = head.map((c, i) => Math.max(c.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(head), ...rows.map(line)].join('\n');
}

/** `strikewatch status --json`: each feed's state as stored, with its health. */
export function healthJson(h: FeedHealth): Record<string, unknown> {
  return {
    feedId: h.feed.id,
    url: h.feed.url,
    health: h.health,
    lastPolledAt: h.state?.lastPolledAt ?? null,
    lastSuccessAt: h.state?.lastSuccessAt ?? null,
    nextPollAfter: h.state?.nextPollAfter ?? null,
    consecutiveFailures: h.state?.consecutiveFailures ?? 0,
    lastError: h.state?.lastError ?? null,
  };
}
