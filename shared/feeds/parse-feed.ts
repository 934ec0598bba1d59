import type { FeedItem, ParsedFeed } from '../domain/article.ts';
import { FeedParseError } from '../domain/errors.ts';
import { decodeBody } from './decode.ts';
import { isHttpUrl, readHead, readItem } from './feed-items.ts';
import { readFeedXml } from './rss-parser-read.ts';
import { repairFeedXml } from './xml-repair.ts';
import type { XmlNode } from './xml-tree.ts';

// Feed bytes -> ParsedFeed: decode (decode.ts), repair, guard and normalise the XML so that
// rss-parser can neither crash nor stall on it (xml-repair.ts, rss-parser-normalise.ts), parse it
// with rss-parser through its public API (rss-parser-read.ts), and read each item from the
// elements it returns (feed-items.ts). Every field is read as `unknown` and checked.

export interface ParseFeedOptions {
  /** HTTP Content-Type, used for the charset and to recognise HTML pages. */
  contentType?: string | undefined;
  /** Items kept (after duplicate removal); the rest are counted in `truncated`. */
  maxItems: number;
  /** Base for relative item links (the feed's URL after redirects); else the feed's own link. */
  baseUrl?: string | undefined;
  /** Clock for the "more than 2 days in the future" check; tests pin it. */
  now?: Date | undefined;
}

/** Characters after decoding; the HTTP cap normally stops far earlier. */
export const MAX_CHARS = 64 * 1024 * 1024;

/** Decoded text of the body; refuses bodies that cannot be a feed before any parsing. */
function feedText(body: Buffer, contentType: string | undefined): string {
  if (body.length === 0) throw new FeedParseError('the feed is empty (0 bytes)');
  if (body[0] === 0x1f && body[1] === 0x8b) {
    throw new FeedParseError(
      'the body is still gzip-compressed (the server compressed it without saying so in Content-Encoding)',
    );
  }
  const text = decodeBody(body, { contentType, kind: 'xml' });
  if (text.length > MAX_CHARS) {
    throw new FeedParseError(`the feed is larger than ${MAX_CHARS} characters; refused`);
  }
  if (text.trim() === '') throw new FeedParseError('the feed is empty (only whitespace)');
  return text;
}

/** Items in feed order, duplicates of an earlier GUID dropped. */
function uniqueItems(raw: XmlNode[], base: string | null, now: number): FeedItem[] {
  const seen = new Set<string>();
  const items: FeedItem[] = [];
  for (const r of raw) {
    const item = readItem(r, base, now);
    if (item.guid !== null) {
      if (seen.has(item.guid)) continue;
      seen.add(item.guid);
    }
    items.push(item);
  }
  return items;
}

/**
 * Parse feed bytes into a ParsedFeed. Throws FeedParseError (with an operator-readable message)
 * for empty bodies, HTML pages, non-feeds, ill-formed XML, and documents over the size limits.
 */
export async function parseFeed(body: Buffer, opts: ParseFeedOptions): Promise<ParsedFeed> {
  const { xml, root } = repairFeedXml(feedText(body, opts.contentType), opts.contentType);
  const { head, items: rawItems } = await readFeedXml(xml, root);
  const { title, link } = readHead(head);
  const base = opts.baseUrl ?? (link && isHttpUrl(link) ? link : null);
  const now = (opts.now ?? new Date()).getTime();
  const items = uniqueItems(rawItems, base, now);
  const max = Math.max(0, Math.floor(opts.maxItems));
  return {
    title,
    link,
    items: items.slice(0, max),
    truncated: Math.max(0, items.length - max),
  };
}
