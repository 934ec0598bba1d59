import type { FeedItem } from '../domain/article.ts';
import { sanePublished } from './feed-dates.ts';
import { WITHHELD_PREFIX } from './rss-parser-normalise.ts';
import { attr, children, firstContent, firstText, firstTitle, ownText } from './xml-tree.ts';

// One item (RSS <item>, Atom <entry>) and the channel head, read into the fields strikewatch
// uses from the elements rss-parser returns through customFields (ITEM_ELEMENTS, HEAD_ELEMENTS).
// The three formats name things differently, so each field is the first that is present among
// its usual names (and the extensions real feeds carry: Feedburner's origLink, Media RSS
// descriptions); links are made absolute and only http(s) is kept.

const GUID_KEYS = ['guid', 'id'] as const;
const LINK_KEYS = ['link', 'atom:link'] as const;
const ORIG_LINK_KEY = 'feedburner:origLink';
const TITLE_KEYS = ['title', 'dc:title'] as const;
/** Content in order of preference; an element withheld from rss-parser's snippet is still read. */
const CONTENT_KEYS = [
  'content:encoded',
  `${WITHHELD_PREFIX}content:encoded`,
  'content',
  `${WITHHELD_PREFIX}content`,
  'summary',
  'description',
  `${WITHHELD_PREFIX}description`,
] as const;
const MEDIA_KEYS = ['media:group', 'media:content', 'media:description'] as const;

const DATE_KEYS = [
  'pubDate',
  'published',
  'updated',
  'dc:date',
  'issued',
  'modified',
  'created',
  'dcterms:created',
  'dcterms:modified',
] as const;

/** The item's child elements read here: rss-parser's customFields ask for each of them. */
export const ITEM_ELEMENTS: readonly string[] = [
  ...GUID_KEYS,
  ...LINK_KEYS,
  ORIG_LINK_KEY,
  ...TITLE_KEYS,
  ...DATE_KEYS,
  ...CONTENT_KEYS,
  ...MEDIA_KEYS,
];
/** The channel's (or Atom feed's) child elements read here. */
export const HEAD_ELEMENTS: readonly string[] = [...TITLE_KEYS, 'link'];

export function isHttpUrl(s: string): boolean {
  return /^https?:\/\/[^\s]/i.test(s);
}

/**
 * The item link as an absolute http(s) URL, or null: relative links are resolved against the
 * base, and anything else (javascript:, data:, mailto:, unresolvable) is dropped so it can
 * neither be fetched nor reach an alert as a clickable link.
 */
function absolutise(link: string, base: string | null): string | null {
  try {
    const u = base ? new URL(link, base) : new URL(link);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** An Atom-style <link href> list: rel=alternate (or no rel) first, never rel=self. */
function atomLink(node: unknown, keys: readonly string[]): string | null {
  let fallback: string | null = null;
  for (const key of keys) {
    for (const l of children(node, key)) {
      const href = attr(l, 'href')?.trim();
      if (!href) continue;
      const rel = attr(l, 'rel')?.trim().toLowerCase() ?? 'alternate';
      if (rel === 'alternate') return href;
      if (rel !== 'self' && rel !== 'hub' && rel !== 'next' && fallback === null) fallback = href;
    }
  }
  return fallback;
}

/** The first <link> written as text (RSS), or null. */
function textLink(node: unknown): string | null {
  for (const l of children(node, 'link')) {
    const t = ownText(l).trim();
    if (t) return t;
  }
  return null;
}

function itemLink(raw: unknown, guid: string | null): string | null {
  const link = textLink(raw) ?? atomLink(raw, LINK_KEYS);
  if (link) return link;
  if (guid && isHttpUrl(guid)) return guid;
  return null;
}

/**
 * Feedburner feeds (Reuters, CNN ...) link each item through their redirector
 * (feeds.feedburner.com/~r/...) and keep the article's own URL in <feedburner:origLink>. The
 * article URL is what identifies a story across feeds and what should be fetched, so it wins
 * when it is a usable http(s) URL.
 */
function origLink(raw: unknown, base: string | null): string | null {
  for (const l of children(raw, ORIG_LINK_KEY)) {
    const t = ownText(l).trim();
    const url = t ? absolutise(t, base) : null;
    if (url) return url;
  }
  return null;
}

/** Where Media RSS keeps descriptions: on the item, in media:group, in their media:content. */
function mediaContainers(raw: unknown): unknown[] {
  const levels = [raw, ...children(raw, 'media:group')];
  return [...levels, ...levels.flatMap((n) => children(n, 'media:content'))];
}

/**
 * The item's text: its content or description, else a Media RSS description (a YouTube
 * channel's Atom feed has nothing else: media:group/media:description).
 */
function itemContent(raw: unknown): string | null {
  const own = firstContent(raw, CONTENT_KEYS);
  if (own) return own;
  for (const node of mediaContainers(raw)) {
    const media = firstContent(node, ['media:description']);
    if (media) return media;
  }
  return null;
}

export function readItem(raw: unknown, base: string | null, now: number): FeedItem {
  const guid = firstText(raw, GUID_KEYS) ?? attr(raw, 'rdf:about')?.trim() ?? null;
  const link = itemLink(raw, guid);
  return {
    guid: guid || null,
    link: origLink(raw, base) ?? (link ? absolutise(link, base) : null),
    title: firstTitle(raw, TITLE_KEYS),
    publishedAt: sanePublished(raw, DATE_KEYS, now),
    content: itemContent(raw),
  };
}

/** The channel's (or Atom feed's) title and link. */
export function readHead(head: unknown): { title: string | null; link: string | null } {
  return {
    title: firstTitle(head, TITLE_KEYS),
    link: textLink(head) ?? atomLink(head, ['link']),
  };
}
