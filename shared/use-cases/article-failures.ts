import { describeError } from '../domain/errors.ts';
import type { ArticleFailureCounts, ArticleLedger } from '../ports/article-ledger.ts';
import type { Clock } from '../ports/clock.ts';
import type { ErrorLog } from '../ports/error-log.ts';
import type { Logger } from '../ports/logger.ts';
import { type Ids, isoNow, newId } from './deps.ts';
import type { ArticleJob } from './poll-feeds.ts';

// What happens to an article whose processing threw. Before, nothing was recorded, and a poison
// item (a figure the store cannot hold, a record too big for it) failed on every run forever
// while its feed's state was never saved. Now every failed attempt is an error row with its
// reason (`query --kind error`), the lease is released so the next run retries at once, and
// after a few failed attempts the article is quarantined: skipped from then on, so its feed's
// state commits and the rest of the feed moves on.
//
// Failures a retry would meet again (a named non-retryable error, or a bug) count apart from
// retryable ones (the store throttled, a claim was contended): a store outage of a few runs must
// not quarantine good articles, but an article that fails retryably without end is still bounded.

/** Failed attempts before an article is quarantined, by kind of failure. */
export const QUARANTINE_AFTER = { failures: 3, retries: 10 } as const;

export interface FailureDeps extends Ids {
  articleLedger: ArticleLedger;
  errorLog: ErrorLog;
  clock: Clock;
  logger: Logger;
}

/** The outcome of the attempt that quarantined the article (not thrown: the job is finished). */
export interface QuarantinedOutcome {
  articleId: string;
  status: 'error';
  code: string;
  message: string;
  quarantined: true;
}

const subjectOf = (job: ArticleJob) => job.url ?? job.item.guid ?? job.articleId;

/** Writes an error row; a store that is down cannot take it, which must not hide `err`. */
async function recordQuietly(
  deps: FailureDeps,
  job: ArticleJob,
  at: string,
  row: { code: string; message: string },
): Promise<void> {
  try {
    await deps.errorLog.recordError({
      errorId: newId(deps),
      at,
      scope: 'article',
      subject: subjectOf(job),
      feedId: job.feedId,
      ...row,
    });
  } catch (recordErr) {
    deps.logger.error('could not record an article failure', {
      articleId: job.articleId,
      reason: describeError(recordErr).message,
    });
  }
}

function shouldQuarantine(counts: ArticleFailureCounts): boolean {
  return counts.failures >= QUARANTINE_AFTER.failures || counts.retries >= QUARANTINE_AFTER.retries;
}

function attemptNote(counts: ArticleFailureCounts | null, retryable: boolean): string {
  if (!counts) return 'another worker holds the article now';
  const n = retryable ? counts.retries : counts.failures;
  const of = retryable ? QUARANTINE_AFTER.retries : QUARANTINE_AFTER.failures;
  return `failed attempt ${n} of ${of}${retryable ? ' (retryable)' : ''}`;
}

/**
 * Records the failed attempt and releases the article, then rethrows `err` (the job is retried:
 * SQS redelivers it, the local run leaves its feed's state unsaved), or, once the article failed
 * too often, quarantines it and returns the outcome instead.
 */
export async function articleFailed(
  deps: FailureDeps,
  job: ArticleJob,
  leaseUntil: string,
  err: unknown,
): Promise<QuarantinedOutcome> {
  const e = describeError(err);
  const at = isoNow(deps);
  const counts = await deps.articleLedger
    .releaseFailedArticle(job.articleId, leaseUntil, { at, ...e })
    .catch(() => null);
  const message = `${e.message} (${attemptNote(counts, e.retryable)})`;
  await recordQuietly(deps, job, at, { code: e.code, message });
  deps.logger.warn('article failed', { articleId: job.articleId, code: e.code, reason: message });
  if (!counts || !shouldQuarantine(counts)) throw err;
  const reason = `quarantined after ${counts.failures + counts.retries} failed attempts (last: ${e.code}: ${e.message}); its feed moves on without it`;
  await deps.articleLedger.quarantineArticle(job.articleId, at, reason);
  await recordQuietly(deps, job, at, { code: 'article_quarantined', message: reason });
  return { articleId: job.articleId, status: 'error', code: e.code, message, quarantined: true };
}
