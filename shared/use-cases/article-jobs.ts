import { createHash } from 'node:crypto';
import { ARTICLE_JOB_MAX_BYTES, messageBytes } from '../contracts/queues.ts';
import { canonicalizeUrl } from '../dedupe/canonical-url.ts';
import type { FeedItem } from '../domain/article.ts';
import {
  boundStoredText,
  boundText,
  GUID_MAX_CHARS,
  LINK_MAX_CHARS,
  OUTLET_MAX_CHARS,
  singleLineOrNull,
  TITLE_MAX_CHARS,
} from '../domain/bounds.ts';

// Feed items as article jobs: bounded where they enter, identified per feed, and small enough to
// queue. An article's identity belongs to the feed that listed it: a feed that links to another
// outlet's URL gets a record of its own under that URL, never the outlet's, so it can neither
// pre-empt the outlet's page ("already known") nor put its own text under the outlet's name. The
// same page listed by two feeds is read twice and joins one story by its content, as reports
// from different outlets always have (assign-story.ts).

/** One item to process: the unit of work SQS carries in AWS. */
export interface ArticleJob {
  feedId: string;
  outlet: string;
  articleId: string;
  /** The item's link as the feed gives it (what is fetched and linked to), or null. */
  url: string | null;
  /** Canonical form of the link (dedupe within the feed, the migration of old ids), or null. */
  canonicalUrl: string | null;
  item: FeedItem;
  /** The poll that found it (its time): the per-feed-per-poll alert cap counts by it. */
  pollId?: string | undefined;
}

const hash32 = (basis: string) => createHash('sha256').update(basis).digest('hex').slice(0, 32);

/**
 * Article identity: the feed and the canonical URL, else the feed's GUID (items without links).
 * Ids of items without links are what they always were; ids of linked items changed from the
 * canonical URL alone (see `legacyArticleId`).
 */
export function articleIdFor(
  feedId: string,
  item: FeedItem,
): { articleId: string; url: string | null; canonicalUrl: string | null } {
  const canonicalUrl = item.link ? canonicalizeUrl(item.link) : null;
  const basis = canonicalUrl
    ? `feed:${feedId}\n${canonicalUrl}`
    : `guid:${feedId}:${item.guid ?? item.title ?? JSON.stringify(item)}`;
  return {
    articleId: hash32(basis),
    url: canonicalUrl ? (item.link?.trim() ?? null) : null,
    canonicalUrl,
  };
}

/**
 * The id a linked article had before ids were per feed: the canonical URL alone. A record under
 * it that its own feed finished means the item is known to that feed (and to no other), so an
 * upgrade neither reads every current item again nor lets the first feed keep the URL.
 */
export function legacyArticleId(canonicalUrl: string): string {
  return hash32(canonicalUrl);
}

/** An outlet name: one line, bounded; the feed's host when nothing is left of it. */
export function boundedOutlet(name: string | null | undefined, feedUrl: string): string {
  return singleLineOrNull(name, OUTLET_MAX_CHARS) ?? new URL(feedUrl).hostname;
}

/** The item as far as strikewatch keeps it: a link too long to be one is no link. */
export function boundedItem(item: FeedItem): FeedItem {
  return {
    guid: item.guid === null ? null : boundText(item.guid, GUID_MAX_CHARS),
    link: item.link !== null && item.link.length <= LINK_MAX_CHARS ? item.link : null,
    title: singleLineOrNull(item.title, TITLE_MAX_CHARS),
    publishedAt: item.publishedAt,
    content: item.content === null ? null : boundStoredText(item.content),
  };
}

/**
 * The job within `maxBytes` of JSON: the item's content is cut until it fits (process-article
 * fetches the page anyway; the feed's content is only the fallback text), else dropped.
 */
export function fitJob(job: ArticleJob, maxBytes = ARTICLE_JOB_MAX_BYTES): ArticleJob {
  let fitted = job;
  for (let round = 0; round < 8; round++) {
    const bytes = messageBytes(fitted);
    const content = fitted.item.content;
    if (bytes <= maxBytes) return fitted;
    if (!content) break;
    // Escapes make JSON bytes and characters differ: cut in proportion, then measure again.
    const contentBytes = messageBytes(content);
    const keep = Math.max(0, (contentBytes - (bytes - maxBytes) - 64) / contentBytes);
    const cut = boundText(content, Math.floor(content.length * keep));
    fitted = { ...fitted, item: { ...fitted.item, content: cut.length > 1 ? cut : null } };
  }
  return { ...fitted, item: { ...fitted.item, content: null } };
}

/** A bounded, identified job of this feed for one of its items. */
export function articleJob(
  feed: { id: string },
  outlet: string,
  raw: FeedItem,
  pollId?: string,
): ArticleJob {
  const item = boundedItem(raw);
  const { articleId, url, canonicalUrl } = articleIdFor(feed.id, item);
  const job = fitJob({ feedId: feed.id, outlet, articleId, url, canonicalUrl, item });
  return pollId ? { ...job, pollId } : job;
}
