import { FetchError } from '../../domain/errors.ts';
import type { Logger } from '../../ports/logger.ts';

// Bounded retries of a GET: only errors marked retryable (timeouts, network errors, 408, 429,
// 5xx), at most `retries` more attempts, with jittered exponential backoff; a Retry-After the
// server sends is honoured up to a cap, and a longer one is left to the next scheduled poll.

/** First retry waits about this long; each further retry doubles it. */
const BACKOFF_BASE_MS = 500;
const BACKOFF_MAX_MS = 8_000;
/** A Retry-After longer than this is not waited for here: the next scheduled poll retries. */
export const RETRY_AFTER_CAP_MS = 10_000;

/** Retry-After as milliseconds (delta-seconds or HTTP-date); null when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | null {
  if (!value) return null;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const t = Date.parse(v);
  return Number.isFinite(t) ? Math.max(0, t - now) : null;
}

export interface RetryPolicy {
  retries: number;
  sleep: (ms: number) => Promise<void>;
  /** [0, 1) source for the jitter. */
  random: () => number;
  logger: Logger;
}

/** What one attempt gave: a value, or the error and the server's Retry-After (if any). */
export type AttemptOutcome<T> =
  | { ok: true; value: T }
  | { ok: false; error: FetchError; retryAfterMs: number | null };

/** How long to wait before retry number `attempt + 1`; throws when the server asks too much. */
function retryDelay(
  error: FetchError,
  retryAfterMs: number | null,
  attempt: number,
  random: () => number,
): number {
  if (retryAfterMs !== null) {
    if (retryAfterMs > RETRY_AFTER_CAP_MS) {
      // Retrying sooner than the server asked would not honour it; leave it to the next poll.
      throw new FetchError(
        error.code,
        error.url,
        `${error.message}; server asked to retry after ${Math.round(retryAfterMs / 1000)} s`,
        { status: error.status, retryable: true, cause: error },
      );
    }
    return retryAfterMs;
  }
  const exp = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** attempt);
  // Half fixed, half random: spreads retries from many pollers without losing the backoff.
  return Math.round(exp / 2 + (random() * exp) / 2);
}

/** Run `attempt` until it succeeds, fails for good, or the retries run out (the last error). */
export async function withRetries<T>(
  attempt: () => Promise<AttemptOutcome<T>>,
  policy: RetryPolicy,
): Promise<T> {
  for (let n = 0; ; n++) {
    const outcome = await attempt();
    if (outcome.ok) return outcome.value;
    const { error, retryAfterMs } = outcome;
    if (!error.retryable || n >= policy.retries) throw error;
    const delay = retryDelay(error, retryAfterMs, n, policy.random);
    policy.logger.warn('http retry', {
      url: error.url,
      code: error.code,
      status: error.status,
      attempt: n + 1,
      delayMs: delay,
    });
    await policy.sleep(delay);
  }
}
