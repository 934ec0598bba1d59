import type { FeedItem, ParsedFeed } from '../domain/article.ts';
import { FeedParseError } from '../domain/errors.ts';
import { decodeBody } from './decode.ts';
import { isHttpUrl, readHead, readItem } from './feed-items.ts';
import { repairFeedXml } from './xml-repair.ts';
import { children, isNode, parseXmlTree } from './xml-tree.ts';

// Feed bytes -> ParsedFeed: decode (decode.ts), repair and guard the XML (xml-repair.ts), build
// the tree (xml-tree.ts, xml2js on sax), find the channel and its items for the document's format
// (here), and read each item (feed-items.ts). The formats are told apart by their root element
// alone; every field is read as `unknown` and checked.

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

interface FeedParts {
  /** RSS <channel> or Atom <feed>: where the title and link are. */
  head: unknown;
  items: unknown[];
}

/** The channel and its items, for each of the three formats (repairFeedXml vouched for the root). */
function feedParts(doc: unknown): FeedParts {
  const atom = children(doc, 'feed')[0];
  if (atom !== undefined) return { head: atom, items: children(atom, 'entry') };
  const rdf = children(doc, 'rdf:RDF')[0];
  if (rdf !== undefined) {
    const channel = children(rdf, 'channel')[0];
    // RSS 1.0 puts items beside the channel; a few feeds put them inside it.
    const items = children(rdf, 'item');
    return { head: channel, items: items.length ? items : children(channel, 'item') };
  }
  // RSS 0.9x and 2.0 (with or without a version attribute) share their shape.
  const channel = children(children(doc, 'rss')[0], 'channel')[0];
  return { head: channel, items: children(channel, 'item') };
}

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
function uniqueItems(raw: unknown[], base: string | null, now: number): FeedItem[] {
  const seen = new Set<string>();
  const items: FeedItem[] = [];
  for (const r of raw) {
    if (!isNode(r)) continue;
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
  const xml = repairFeedXml(feedText(body, opts.contentType), opts.contentType);
  const { head, items: rawItems } = feedParts(await parseXmlTree(xml));
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
