import type { Config, FeedConfig } from '../config/schema.ts';
import type { ParsedFeed } from '../domain/article.ts';
import { describeError } from '../domain/errors.ts';
import type { FeedState } from '../domain/records.ts';
import { decodeBodyWithReport } from '../feeds/decode-report.ts';
import { FEED_ACCEPT } from '../feeds/feed-request.ts';
import { parseFeed } from '../feeds/parse-feed.ts';
import type { ArticleLedger } from '../ports/article-ledger.ts';
import type { Clock } from '../ports/clock.ts';
import type { ErrorLog } from '../ports/error-log.ts';
import type { FeedStateStore } from '../ports/feed-state.ts';
import type { HttpClient, HttpResponse } from '../ports/http.ts';
import type { JobQueue } from '../ports/job-queue.ts';
import type { Logger } from '../ports/logger.ts';
import { type ArticleJob, articleJob, boundedOutlet, legacyArticleId } from './article-jobs.ts';
import { addMs, type Ids, isoNow, newId } from './deps.ts';

// Polls feeds with conditional GET and turns their items into article jobs. One broken feed
// never stops the others: its error is recorded and it backs off. What a poll changes without
// failing is recorded too: items over the per-feed cap, a feed whose charset did not decode
// cleanly. In AWS each feed's jobs are queued on their own and its state saved only then.

export type { ArticleJob } from './article-jobs.ts';
export { articleIdFor } from './article-jobs.ts';

const MAX_BACKOFF_MS = 24 * 60 * 60 * 1000;

export type FeedPollResult =
  | {
      feedId: string;
      status: 'ok';
      items: number;
      jobs: ArticleJob[];
      truncated: number;
      /**
       * The feed's new state (ETag, Last-Modified). Stored by `commitFeedState` only once its jobs
       * are safe (queued, or processed): a crash before that sees the items again next poll.
       */
      nextState: FeedState;
    }
  | { feedId: string; status: 'not_modified' }
  | { feedId: string; status: 'not_due'; nextPollAfter: string }
  | { feedId: string; status: 'error'; code: string; message: string };

function emptyState(feedId: string): FeedState {
  return {
    feedId,
    etag: null,
    lastModified: null,
    lastPolledAt: null,
    lastSuccessAt: null,
    consecutiveFailures: 0,
    nextPollAfter: null,
    lastError: null,
  };
}

export interface PollDeps extends Ids {
  config: Config;
  feedState: FeedStateStore;
  articleLedger: ArticleLedger;
  errorLog: ErrorLog;
  http: HttpClient;
  clock: Clock;
  logger: Logger;
}

/** Conditional GET: the feed's validators from its last poll go with the request. */
function fetchFeed(deps: PollDeps, feed: FeedConfig, state: FeedState): Promise<HttpResponse> {
  return deps.http.get({
    url: feed.url,
    maxBytes: deps.config.network.maxFeedBytes,
    headers: {
      accept: FEED_ACCEPT,
      ...(state.etag ? { 'if-none-match': state.etag } : {}),
      ...(state.lastModified ? { 'if-modified-since': state.lastModified } : {}),
    },
  });
}

function polledState(
  state: FeedState,
  feed: FeedConfig,
  res: HttpResponse,
  now: string,
): FeedState {
  return {
    ...state,
    lastPolledAt: now,
    lastSuccessAt: now,
    consecutiveFailures: 0,
    lastError: null,
    nextPollAfter: addMs(now, feed.intervalMinutes * 60_000 - 5_000),
    etag: res.headers.etag ?? (res.status === 304 ? state.etag : null),
    lastModified: res.headers['last-modified'] ?? (res.status === 304 ? state.lastModified : null),
  };
}

/** A row for what the poll did not fail on but changed: items dropped, text maybe garbled. */
async function recordFeedNotice(
  deps: PollDeps,
  feed: FeedConfig,
  notice: { code: string; message: string },
): Promise<void> {
  await deps.errorLog.recordError({
    errorId: newId(deps),
    at: isoNow(deps),
    scope: 'feed',
    subject: feed.url,
    feedId: feed.id,
    ...notice,
  });
  deps.logger.warn('feed poll notice', { feedId: feed.id, code: notice.code });
}

/** Items over the cap and a charset that did not decode cleanly: each one row per poll. */
async function recordFeedNotices(
  deps: PollDeps,
  feed: FeedConfig,
  res: HttpResponse,
  parsed: ParsedFeed,
): Promise<void> {
  if (parsed.truncated > 0) {
    const max = deps.config.network.maxItemsPerFeed;
    await recordFeedNotice(deps, feed, {
      code: 'feed_items_over_cap',
      message: `${parsed.truncated} of ${parsed.items.length + parsed.truncated} items were over the per-feed cap (network.maxItemsPerFeed: ${max}) and were not read; raise the cap to read them`,
    });
  }
  const { warning } = decodeBodyWithReport(res.body, {
    contentType: res.headers['content-type'],
    kind: 'xml',
  });
  if (warning) {
    await recordFeedNotice(deps, feed, {
      code: 'charset_suspect',
      message: `${warning}; the items' titles and text were read as decoded`,
    });
  }
}

/**
 * Of these jobs, those not processed before. Before ids were per feed, a linked article was keyed
 * by its canonical URL alone: such a record counts as known only for the feed that finished it.
 */
async function unprocessed(deps: PollDeps, feed: FeedConfig, jobs: ArticleJob[]) {
  // Items already processed are dropped here with one batched read, not one write per item.
  const unfinished = await deps.articleLedger.unfinishedArticles(jobs.map((j) => j.articleId));
  const pending = jobs.filter((j) => unfinished.has(j.articleId));
  const legacyIds = pending.flatMap((j) =>
    j.canonicalUrl ? [legacyArticleId(j.canonicalUrl)] : [],
  );
  if (legacyIds.length === 0) return pending;
  const legacy = await deps.articleLedger.finishedArticleFeeds(legacyIds);
  return pending.filter(
    (j) => !j.canonicalUrl || legacy.get(legacyArticleId(j.canonicalUrl)) !== feed.id,
  );
}

/** The feed's items as article jobs, once each, without those processed before. */
async function feedJobs(deps: PollDeps, feed: FeedConfig, res: HttpResponse) {
  const parsed = await parseFeed(res.body, {
    contentType: res.headers['content-type'],
    maxItems: deps.config.network.maxItemsPerFeed,
    // Relative item links resolve against where the feed really was (after redirects).
    baseUrl: res.url,
  });
  await recordFeedNotices(deps, feed, res, parsed);
  const outlet = boundedOutlet(feed.outlet ?? parsed.title, feed.url);
  const seen = new Set<string>();
  const jobs: ArticleJob[] = [];
  const pollId = isoNow(deps);
  for (const item of parsed.items) {
    const job = articleJob(feed, outlet, item, pollId);
    if ((!job.url && !job.item.content) || seen.has(job.articleId)) continue;
    seen.add(job.articleId);
    jobs.push(job);
  }
  return {
    items: parsed.items.length,
    truncated: parsed.truncated,
    jobs: await unprocessed(deps, feed, jobs),
  };
}

/** Records the failure and backs off exponentially from the feed's own interval. */
async function pollFailed(
  deps: PollDeps,
  feed: FeedConfig,
  state: FeedState,
  now: string,
  err: unknown,
): Promise<FeedPollResult> {
  const e = describeError(err);
  const failures = state.consecutiveFailures + 1;
  const backoff = Math.min(MAX_BACKOFF_MS, feed.intervalMinutes * 60_000 * 2 ** (failures - 1));
  await deps.feedState.putFeedState({
    ...state,
    lastPolledAt: now,
    consecutiveFailures: failures,
    lastError: `${e.code}: ${e.message}`,
    nextPollAfter: addMs(now, backoff),
  });
  await deps.errorLog.recordError({
    errorId: newId(deps),
    at: now,
    scope: 'feed',
    subject: feed.url,
    feedId: feed.id,
    code: e.code,
    message: e.message,
  });
  deps.logger.warn('feed poll failed', {
    feedId: feed.id,
    code: e.code,
    message: e.message,
    failures,
  });
  return { feedId: feed.id, status: 'error', code: e.code, message: e.message };
}

export async function pollFeed(
  deps: PollDeps,
  feed: FeedConfig,
  opts: { force?: boolean } = {},
): Promise<FeedPollResult> {
  const now = isoNow(deps);
  const state = (await deps.feedState.getFeedState(feed.id)) ?? emptyState(feed.id);
  if (!opts.force && state.nextPollAfter && state.nextPollAfter > now) {
    return { feedId: feed.id, status: 'not_due', nextPollAfter: state.nextPollAfter };
  }
  try {
    const res = await fetchFeed(deps, feed, state);
    const next = polledState(state, feed, res, now);
    if (res.status === 304) {
      await deps.feedState.putFeedState(next);
      return { feedId: feed.id, status: 'not_modified' };
    }
    return { feedId: feed.id, status: 'ok', nextState: next, ...(await feedJobs(deps, feed, res)) };
  } catch (err) {
    return pollFailed(deps, feed, state, now, err);
  }
}

/** Stores the state of a feed whose new items are safe (queued or processed). */
export async function commitFeedState(
  deps: { feedState: FeedStateStore },
  result: FeedPollResult,
): Promise<void> {
  if (result.status === 'ok') await deps.feedState.putFeedState(result.nextState);
}

/** Polls every configured feed with bounded concurrency. */
export async function pollFeeds(
  deps: PollDeps,
  opts: { force?: boolean; concurrency?: number } = {},
): Promise<FeedPollResult[]> {
  return mapLimit(deps.config.feeds, opts.concurrency ?? 4, (feed) => pollFeed(deps, feed, opts));
}

export interface QueueDeps extends PollDeps {
  articleQueue: JobQueue;
}

/** What one poll-and-queue run did: feeds polled, failed (poll or send), jobs queued. */
export interface PollQueueSummary {
  results: FeedPollResult[];
  /** Feeds that were due and polled. */
  polled: number;
  /** Feeds whose poll failed or whose jobs could not be queued (their state stays unsaved). */
  failed: number;
  sendFailed: number;
  queued: number;
}

/**
 * Queues the feed's jobs and only then saves its state (SQS keeps the jobs until processed). A
 * send that fails (a message too large, SQS refusing or failing) is recorded and leaves the
 * state unsaved, so the next poll fetches the feed again; it never stops another feed.
 */
async function queueFeedJobs(
  deps: QueueDeps,
  feed: FeedConfig,
  result: FeedPollResult & { status: 'ok' },
): Promise<{ queued: number; sendFailed: boolean }> {
  try {
    await deps.articleQueue.send(result.jobs);
  } catch (err) {
    const e = describeError(err);
    await deps.errorLog.recordError({
      errorId: newId(deps),
      at: isoNow(deps),
      scope: 'feed',
      subject: feed.url,
      feedId: feed.id,
      code: e.code,
      message: `${result.jobs.length} article jobs not queued: ${e.message}; the feed's state is not saved, so the next poll reads it again`,
    });
    deps.logger.error('article jobs not queued', {
      feedId: feed.id,
      code: e.code,
      reason: e.message,
    });
    return { queued: 0, sendFailed: true };
  }
  await commitFeedState(deps, result);
  return { queued: result.jobs.length, sendFailed: false };
}

/** poll-feeds in AWS: every due feed polled, its new items queued, its state saved after. */
export async function pollAndQueue(
  deps: QueueDeps,
  opts: { force?: boolean; concurrency?: number } = {},
): Promise<PollQueueSummary> {
  const runs = await mapLimit(deps.config.feeds, opts.concurrency ?? 4, async (feed) => {
    const result = await pollFeed(deps, feed, opts);
    if (result.status !== 'ok') return { result, queued: 0, sendFailed: false };
    return { result, ...(await queueFeedJobs(deps, feed, result)) };
  });
  const sendFailed = runs.filter((r) => r.sendFailed).length;
  return {
    results: runs.map((r) => r.result),
    polled: runs.filter((r) => r.result.status !== 'not_due').length,
    failed: runs.filter((r) => r.result.status === 'error').length + sendFailed,
    sendFailed,
    queued: runs.reduce((n, r) => n + r.queued, 0),
  };
}

export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (t: T, i: number) => Promise<R>,
): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i] as T, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
