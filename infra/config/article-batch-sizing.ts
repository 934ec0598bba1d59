import { RETRY_AFTER_CAP_MS } from '../../shared/adapters/http/retries.ts';
import type { Config } from '../../shared/config/schema.ts';
import { ConfigError } from '../../shared/domain/errors.ts';

// process-article's batch size and timeout, derived from the limits the config gives one article,
// so that a batch of hostile pages can never outlast the invocation (a timeout fails every record
// of the batch and fires the Errors alarm).
//
// The records of a batch run in parallel (Powertools' BatchProcessor), so their page fetches
// overlap; their extractions do not: they share one extraction worker, which parses one page at
// a time. Per record the worker may run twice: the page, then (when the page fails or times out)
// the feed item's own content, each under `extraction.timeoutMs`.

/** Records per batch at most: bounds the parallel page fetches of one invocation. */
export const MAX_ARTICLE_BATCH = 5;
/** Aimed-for ceiling: the 5-minute article lease of process-article.ts covers a whole batch. */
const TARGET_TIMEOUT_S = 300;
/** Lambda's own ceiling. */
const LAMBDA_MAX_TIMEOUT_S = 900;
/** DynamoDB reads and writes, the alert nudge and a restarted worker, per batch, at most. */
export const ARTICLE_OVERHEAD_S = 30;

export interface ArticleBatchSizing {
  readonly batchSize: number;
  readonly timeoutSeconds: number;
  /** The longest one page fetch can take: every attempt times out, every retry waits its most. */
  readonly fetchSeconds: number;
  /** The worker time one record may take: its page and its feed-content fallback. */
  readonly extractSecondsPerRecord: number;
}

export function articleBatchSizing(config: Config): ArticleBatchSizing {
  const { network, extraction } = config;
  // A retry waits at most the Retry-After cap (the exponential backoff tops out below it).
  const fetchSeconds =
    ((network.retries + 1) * network.timeoutMs + network.retries * RETRY_AFTER_CAP_MS) / 1000;
  const extractSecondsPerRecord = (2 * extraction.timeoutMs) / 1000;
  const fits = Math.floor(
    (TARGET_TIMEOUT_S - fetchSeconds - ARTICLE_OVERHEAD_S) / extractSecondsPerRecord,
  );
  const batchSize = Math.min(MAX_ARTICLE_BATCH, Math.max(1, fits));
  const timeoutSeconds = Math.ceil(
    fetchSeconds + batchSize * extractSecondsPerRecord + ARTICLE_OVERHEAD_S,
  );
  if (timeoutSeconds > LAMBDA_MAX_TIMEOUT_S) {
    throw new ConfigError(
      `one article can take ${timeoutSeconds} s (network.timeoutMs x (network.retries + 1), ` +
        `2 x extraction.timeoutMs, ${ARTICLE_OVERHEAD_S} s of writes), more than Lambda's ` +
        `${LAMBDA_MAX_TIMEOUT_S} s: lower network.timeoutMs, network.retries or extraction.timeoutMs`,
    );
  }
  return { batchSize, timeoutSeconds, fetchSeconds, extractSecondsPerRecord };
}
