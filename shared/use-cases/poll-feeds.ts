import { createHash } from 'node:crypto';
import type { FeedConfig } from '../config/schema.ts';
import { canonicalizeUrl } from '../dedupe/canonical-url.ts';
import type { FeedItem } from '../domain/article.ts';
import { describeError } from '../domain/errors.ts';
import type { FeedState } from '../domain/records.ts';
import { FEED_ACCEPT } from '../feeds/feed-request.ts';
import { parseFeed } from '../feeds/parse-feed.ts';
import { addMs, isoNow, newId, type PipelineDeps } from './pipeline-deps.ts';

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

export async function pollFeed(
  deps: PipelineDeps,
  feed: FeedConfig,
  opts: { force?: boolean } = {},
): Promise<FeedPollResult> {
  const now = isoNow(deps);
  const state = (await deps.store.getFeedState(feed.id)) ?? emptyState(feed.id);
  if (!opts.force && state.nextPollAfter && state.nextPollAfter > now) {
    return { feedId: feed.id, status: 'not_due', nextPollAfter: state.nextPollAfter };
  }
  const net = deps.config.network;
  try {
    const res = await deps.http.get({
      url: feed.url,
      maxBytes: net.maxFeedBytes,
      headers: {
        accept: FEED_ACCEPT,
        ...(state.etag ? { 'if-none-match': state.etag } : {}),
        ...(state.lastModified ? { 'if-modified-since': state.lastModified } : {}),
      },
    });
    const next: FeedState = {
      ...state,
      lastPolledAt: now,
      lastSuccessAt: now,
      consecutiveFailures: 0,
      lastError: null,
      nextPollAfter: addMs(now, feed.intervalMinutes * 60_000 - 5_000),
      etag: res.headers.etag ?? (res.status === 304 ? state.etag : null),
      lastModified:
        res.headers['last-modified'] ?? (res.status === 304 ? state.lastModified : null),
    };
    if (res.status === 304) {
      await deps.store.putFeedState(next);
      return { feedId: feed.id, status: 'not_modified' };
    }
    const parsed = await parseFeed(res.body, {
      contentType: res.headers['content-type'],
      maxItems: net.maxItemsPerFeed,
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
    // Items already processed are dropped here with one BatchGet, not one write per item.
    const unfinished = await deps.store.unfinishedArticles(jobs.map((j) => j.articleId));
    return {
      nextState: next,
      feedId: feed.id,
      status: 'ok',
      items: parsed.items.length,
      jobs: jobs.filter((j) => unfinished.has(j.articleId)),
      truncated: parsed.truncated,
    };
  } catch (err) {
    const e = describeError(err);
    const failures = state.consecutiveFailures + 1;
    // Exponential backoff from the feed's own interval, so a dead feed is not hammered.
    const backoff = Math.min(MAX_BACKOFF_MS, feed.intervalMinutes * 60_000 * 2 ** (failures - 1));
    await deps.store.putFeedState({
      ...state,
      lastPolledAt: now,
      consecutiveFailures: failures,
      lastError: `${e.code}: ${e.message}`,
      nextPollAfter: addMs(now, backoff),
    });
    await deps.store.recordError({
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
}

/** Stores the state of a feed whose new items are safe (queued or processed). */
export async function commitFeedState(deps: PipelineDeps, result: FeedPollResult): Promise<void> {
  if (result.status === 'ok') await deps.store.putFeedState(result.nextState);
}

/** Polls every configured feed with bounded concurrency. */
export async function pollFeeds(
  deps: PipelineDeps,
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
