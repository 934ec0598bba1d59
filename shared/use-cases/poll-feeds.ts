import { createHash } from 'node:crypto';
import type { Config, FeedConfig } from '../config/schema.ts';
import { canonicalizeUrl } from '../dedupe/canonical-url.ts';
import type { FeedItem } from '../domain/article.ts';
import { describeError } from '../domain/errors.ts';
import type { FeedState } from '../domain/records.ts';
import { FEED_ACCEPT } from '../feeds/feed-request.ts';
import { parseFeed } from '../feeds/parse-feed.ts';
import type { ArticleLedger } from '../ports/article-ledger.ts';
import type { Clock } from '../ports/clock.ts';
import type { ErrorLog } from '../ports/error-log.ts';
import type { FeedStateStore } from '../ports/feed-state.ts';
import type { HttpClient, HttpResponse } from '../ports/http.ts';
import type { Logger } from '../ports/logger.ts';
import { addMs, type Ids, isoNow, newId } from './deps.ts';

// Polls feeds with conditional GET and turns their items into article jobs. One broken feed
// never stops the others: its error is recorded and it backs off.

const MAX_BACKOFF_MS = 24 * 60 * 60 * 1000;

/** One item to process: the unit of work SQS carries in AWS. */
export interface ArticleJob {
  feedId: string;
  outlet: string;
  articleId: string;
  /** The item's link as the feed gives it (what is fetched and linked to), or null. */
  url: string | null;
  /** Canonical form of the link (the article's identity), or null. */
  canonicalUrl: string | null;
  item: FeedItem;
}

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

/** Article identity: the canonical URL, else the feed's GUID (items without links). */
export function articleIdFor(
  feedId: string,
  item: FeedItem,
): { articleId: string; url: string | null; canonicalUrl: string | null } {
  const canonicalUrl = item.link ? canonicalizeUrl(item.link) : null;
  const basis = canonicalUrl ?? `guid:${feedId}:${item.guid ?? item.title ?? JSON.stringify(item)}`;
  return {
    articleId: createHash('sha256').update(basis).digest('hex').slice(0, 32),
    url: canonicalUrl ? (item.link?.trim() ?? null) : null,
    canonicalUrl,
  };
}

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

/** The feed's items as article jobs, once each, without those processed before. */
async function feedJobs(deps: PollDeps, feed: FeedConfig, res: HttpResponse) {
  const parsed = await parseFeed(res.body, {
    contentType: res.headers['content-type'],
    maxItems: deps.config.network.maxItemsPerFeed,
    // Relative item links resolve against where the feed really was (after redirects).
    baseUrl: res.url,
  });
  const outlet = feed.outlet ?? parsed.title ?? new URL(feed.url).hostname;
  const seen = new Set<string>();
  const jobs: ArticleJob[] = [];
  for (const item of parsed.items) {
    if (!item.link && !item.content) continue;
    const { articleId, url, canonicalUrl } = articleIdFor(feed.id, item);
    if (seen.has(articleId)) continue;
    seen.add(articleId);
    jobs.push({ feedId: feed.id, outlet, articleId, url, canonicalUrl, item });
  }
  // Items already processed are dropped here with one batched read, not one write per item.
  const unfinished = await deps.articleLedger.unfinishedArticles(jobs.map((j) => j.articleId));
  return {
    items: parsed.items.length,
    truncated: parsed.truncated,
    jobs: jobs.filter((j) => unfinished.has(j.articleId)),
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
