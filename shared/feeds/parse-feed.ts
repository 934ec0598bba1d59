import Parser from 'rss-parser';
import type { FeedItem, ParsedFeed } from '../domain/article.ts';
import { FeedParseError } from '../domain/errors.ts';
import { decodeBody } from './decode.ts';

// Feed bytes -> ParsedFeed. Feeds in the wild are often not well-formed XML (bare "&", HTML
// entities, control characters, a PHP warning before the prolog, <rss> without a version), so
// the text is normalised before rss-parser sees it. rss-parser (xml2js + sax, which never expands
// DTD entities) parses and recognises the format; its own item builders are replaced because they
// throw on a single bad Atom date and run backtracking regexes over item HTML (quadratic on a
// description full of "<"), and every field is read as `unknown` and checked here.

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

/** Deeper than any real feed (Atom XHTML content included); stops stack/memory abuse. */
export const MAX_NESTING_DEPTH = 64;
/** Elements in one document; a 5 MB feed of 200 items has a few thousand. */
export const MAX_ELEMENTS = 250_000;
/** Characters after decoding; the HTTP cap normally stops far earlier. */
export const MAX_CHARS = 64 * 1024 * 1024;

const EARLIEST = Date.UTC(1990, 0, 1);
const FUTURE_SLACK_MS = 2 * 24 * 60 * 60 * 1000;

const HTML_MESSAGE =
  'this URL returned an HTML page, not a feed: look for <link rel=alternate type=application/rss+xml> in the page for the feed URL';

// ---------------------------------------------------------------------------------------------
// Text normalisation

/** Characters XML 1.0 forbids (C0 controls except tab/LF/CR, lone surrogates, U+FFFE/U+FFFF). */
const INVALID_XML_CHARS =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** HTML entities common in feeds; XML only predefines five, sax rejects the rest. */
const LATIN1_ENTITY_NAMES =
  'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml'.split(
    ' ',
  );
const HTML_ENTITIES: ReadonlyMap<string, number> = new Map<string, number>([
  ...LATIN1_ENTITY_NAMES.map((n, i): [string, number] => [n, 160 + i]),
  ['OElig', 338],
  ['oelig', 339],
  ['Scaron', 352],
  ['scaron', 353],
  ['Yuml', 376],
  ['fnof', 402],
  ['circ', 710],
  ['tilde', 732],
  ['ensp', 8194],
  ['emsp', 8195],
  ['thinsp', 8201],
  ['zwnj', 8204],
  ['zwj', 8205],
  ['lrm', 8206],
  ['rlm', 8207],
  ['ndash', 8211],
  ['mdash', 8212],
  ['lsquo', 8216],
  ['rsquo', 8217],
  ['sbquo', 8218],
  ['ldquo', 8220],
  ['rdquo', 8221],
  ['bdquo', 8222],
  ['dagger', 8224],
  ['Dagger', 8225],
  ['bull', 8226],
  ['hellip', 8230],
  ['permil', 8240],
  ['prime', 8242],
  ['Prime', 8243],
  ['lsaquo', 8249],
  ['rsaquo', 8250],
  ['oline', 8254],
  ['euro', 8364],
  ['trade', 8482],
  ['larr', 8592],
  ['uarr', 8593],
  ['rarr', 8594],
  ['darr', 8595],
  ['minus', 8722],
]);
const XML_ENTITIES = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);
const XML_ENTITY_CHARS: Record<string, number> = { amp: 38, lt: 60, gt: 62, quot: 34, apos: 39 };
/** Atom text constructs that may hold inline XHTML. */
const XHTML_CONTAINERS = new Set(['content', 'summary', 'title', 'subtitle', 'rights']);

function isXmlCodePoint(cp: number): boolean {
  return (
    cp === 0x9 ||
    cp === 0xa ||
    cp === 0xd ||
    (cp >= 0x20 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd) ||
    (cp >= 0x10000 && cp <= 0x10ffff)
  );
}

const ENTITY_REF = /&(?:#(\d{1,8})|#[xX]([0-9a-fA-F]{1,7})|([A-Za-z][A-Za-z0-9]{0,31}));/y;

/**
 * Make every "&" in a text or attribute segment a valid XML reference: HTML named entities become
 * numeric references, unknown names and bare ampersands become "&amp;", references to characters
 * XML forbids are dropped.
 */
function fixAmpersands(segment: string): string {
  if (!segment.includes('&')) return segment;
  let out = '';
  let last = 0;
  let i = segment.indexOf('&');
  while (i !== -1) {
    out += segment.slice(last, i);
    ENTITY_REF.lastIndex = i;
    const m = ENTITY_REF.exec(segment);
    if (!m) {
      out += '&amp;';
      last = i + 1;
    } else {
      const [whole, dec, hex, name] = m;
      if (name !== undefined) {
        if (XML_ENTITIES.has(name)) out += whole;
        else {
          const cp = HTML_ENTITIES.get(name);
          out += cp === undefined ? `&amp;${name};` : `&#${cp};`;
        }
      } else {
        const cp = dec !== undefined ? Number.parseInt(dec, 10) : Number.parseInt(hex ?? '', 16);
        if (isXmlCodePoint(cp)) out += `&#${cp};`;
      }
      last = i + whole.length;
    }
    i = segment.indexOf('&', last);
  }
  return out + segment.slice(last);
}

interface ScanResult {
  xml: string;
  /** Name of the first element, as written. */
  root: string | null;
  doctype: string | null;
}

/**
 * Scan the tag opened at `start`, honouring quoted attribute values. `end` is just past its ">";
 * when there is none, `stop` is where it cannot be a tag any more (an unquoted "<", or the end).
 */
function scanTag(text: string, start: number): { end: number } | { stop: number } {
  let quote = '';
  for (let j = start + 1; j < text.length; j++) {
    const c = text[j];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return { end: j + 1 };
    else if (c === '<') return { stop: j };
  }
  return { stop: text.length };
}

/** Text that looked like a tag but is not one: escaped so every "<" in it is read as text. */
function notATag(text: string): string {
  return fixAmpersands(text).replaceAll('<', '&lt;');
}

/**
 * One linear pass over the document: fixes ampersands and stray "<", drops the DOCTYPE (refusing
 * entity declarations), rewrites the prolog's encoding, and enforces depth and element limits
 * before xml2js builds a tree.
 */
function scanAndNormalise(input: string): ScanResult {
  let out = '';
  let root: string | null = null;
  let doctype: string | null = null;
  let depth = 0;
  let elements = 0;
  const unclosed = new Set<string>();
  let i = 0;
  const n = input.length;
  while (i < n) {
    const lt = input.indexOf('<', i);
    if (lt === -1) {
      out += fixAmpersands(input.slice(i));
      break;
    }
    out += fixAmpersands(input.slice(i, lt));
    if (input.startsWith('<!--', lt)) {
      const end = input.indexOf('-->', lt + 4);
      const stop = end === -1 ? n : end + 3;
      out += input.slice(lt, stop);
      i = stop;
    } else if (input.startsWith('<![CDATA[', lt)) {
      const end = input.indexOf(']]>', lt + 9);
      const stop = end === -1 ? n : end + 3;
      out += input.slice(lt, stop);
      i = stop;
    } else if (input.startsWith('<?', lt)) {
      const end = input.indexOf('?>', lt + 2);
      const stop = end === -1 ? n : end + 2;
      let pi = input.slice(lt, stop);
      if (/^<\?xml\s/i.test(pi)) {
        // A declaration anywhere but the very start (after a comment, or a second feed glued
        // on) carries nothing we still need, the text being decoded already: drop it, and let
        // the parser judge what remains.
        if (out.trim() !== '') pi = '';
        // The text is already decoded; a stale encoding="windows-1256" must not be re-applied.
        else pi = pi.replace(/encoding\s*=\s*(["'])[^"']*\1/i, 'encoding="utf-8"');
      }
      out += pi;
      i = stop;
    } else if (/^<!doctype/i.test(input.slice(lt, lt + 9))) {
      let j = lt + 9;
      let bracket = false;
      for (; j < n; j++) {
        const c = input[j];
        if (c === '[') bracket = true;
        else if (c === ']') bracket = false;
        else if (c === '>' && !bracket) break;
      }
      const decl = input.slice(lt, j + 1);
      if (/<!ENTITY/i.test(decl)) {
        throw new FeedParseError(
          'the feed declares XML entities in a DOCTYPE; refused (entity expansion can blow up memory)',
        );
      }
      doctype = (/^<!doctype\s+([^\s>[]+)/i.exec(decl)?.[1] ?? '').toLowerCase();
      // Dropped: xml2js does not need it, and a DTD is never fetched or expanded.
      i = j + 1;
    } else if (input[lt + 1] === '/') {
      const scanned = scanTag(input, lt);
      if (!('end' in scanned)) {
        // Resume where the scan stopped, never behind it: rescanning from lt + 1 would make
        // input like `<a '"<a '"...` quadratic.
        out += notATag(input.slice(lt, scanned.stop));
        i = scanned.stop;
        continue;
      }
      const end = scanned.end;
      out += input.slice(lt, end);
      depth = Math.max(0, depth - 1);
      i = end;
    } else if (/[A-Za-z_:\u00C0-\uFFFF]/.test(input[lt + 1] ?? '')) {
      const scanned = scanTag(input, lt);
      if (!('end' in scanned)) {
        // "<" that never closes: text such as "a < b" in an ill-formed feed.
        out += notATag(input.slice(lt, scanned.stop));
        i = scanned.stop;
        continue;
      }
      const end = scanned.end;
      const tag = input.slice(lt, end);
      const name = /^<([^\s/>]+)/.exec(tag)?.[1] ?? '';
      let fixed = fixAmpersands(tag);
      if (root === null) {
        root = name;
        // rss-parser only accepts <rss version="2..."> or "0.9x"; a missing version is common.
        if (name === 'rss' && !/\sversion\s*=/.test(tag)) {
          fixed = `<rss version="2.0"${fixed.slice(4)}`;
        }
      }
      elements++;
      if (elements > MAX_ELEMENTS) {
        throw new FeedParseError(`the feed has more than ${MAX_ELEMENTS} XML elements; refused`);
      }
      if (!tag.endsWith('/>')) {
        depth++;
        if (depth > MAX_NESTING_DEPTH) {
          throw new FeedParseError(
            `the feed nests elements more than ${MAX_NESTING_DEPTH} deep; refused`,
          );
        }
      }
      out += fixed;
      i = end;
      if (
        XHTML_CONTAINERS.has(name) &&
        !tag.endsWith('/>') &&
        /\stype\s*=\s*["']xhtml["']/.test(tag)
      ) {
        // Atom inline XHTML: xml2js would split it into per-tag arrays and lose the order of text
        // and elements ("said <b>five</b> died" -> "said  died<b>five</b>"), which would garble
        // casualty figures. Keep it as one text node instead.
        const close = new RegExp(`</${name}\\s*>`, 'g');
        close.lastIndex = i;
        // Once a search for </name> found none, none exists further on either: do not search
        // again (a feed of many unclosed containers would otherwise be quadratic).
        const m = unclosed.has(name) ? null : close.exec(input);
        if (!m) unclosed.add(name);
        if (m) {
          const inner = input.slice(i, m.index).replaceAll(']]>', ']]]]><![CDATA[>');
          out += `<![CDATA[${inner}]]>${m[0]}`;
          depth = Math.max(0, depth - 1);
          i = m.index + m[0].length;
        }
      }
    } else {
      out += '&lt;';
      i = lt + 1;
    }
  }
  return { xml: out, root, doctype };
}

function prepare(text: string, contentType: string | undefined): string {
  let t = text.replace(/\v|\f/g, ' ').replace(INVALID_XML_CHARS, '').trimStart();
  // Server-side warnings printed before the prolog ("<b>Warning</b>: ... <?xml") break an
  // otherwise valid feed; drop them when a prolog follows soon after.
  if (!/^<\?xml\s/.test(t)) {
    const prolog = t.slice(0, 4096).search(/<\?xml\s/);
    if (prolog > 0 && !/<(rss|feed|rdf:RDF)\b/.test(t.slice(0, prolog))) t = t.slice(prolog);
  }
  const { xml, root, doctype } = scanAndNormalise(t);
  const rootName = root?.toLowerCase() ?? null;
  const isHtmlType = /^\s*(text\/html|application\/xhtml\+xml)/i.test(contentType ?? '');
  if (
    rootName === 'html' ||
    rootName === 'head' ||
    rootName === 'body' ||
    (doctype === 'html' && rootName !== 'rss' && rootName !== 'feed')
  ) {
    throw new FeedParseError(HTML_MESSAGE);
  }
  if (root === null) {
    if (isHtmlType) throw new FeedParseError(HTML_MESSAGE);
    if (/^[[{]/.test(t)) {
      throw new FeedParseError(
        'this URL returned JSON, not an RSS or Atom feed (JSON Feed is not supported)',
      );
    }
    throw new FeedParseError('the feed contains no XML elements');
  }
  const local = root.includes(':') ? root.slice(root.indexOf(':') + 1) : root;
  const shown = root.length > 40 ? `${root.slice(0, 40)}…` : root;
  if (root !== 'rss' && root !== 'feed' && root !== 'rdf:RDF') {
    if (isHtmlType) throw new FeedParseError(HTML_MESSAGE);
    if (local === 'RDF' || local === 'feed' || local.toLowerCase() === 'rss') {
      throw new FeedParseError(
        `unsupported feed root element <${shown}>: expected <rss>, <rdf:RDF> or <feed>`,
      );
    }
    throw new FeedParseError(
      `not an RSS or Atom feed: the document's root element is <${shown}>, expected <rss>, <rdf:RDF> or <feed>`,
    );
  }
  return xml;
}

// ---------------------------------------------------------------------------------------------
// Reading xml2js nodes (explicitArray: every child is an array; text is a string or TEXT_KEY)

/**
 * xml2js keeps an element's text under this key. Its default, "_", is a legal element name, and
 * <_> in a feed makes xml2js itself throw; "#text" can never be an element name.
 */
const TEXT_KEY = '#text';
const isMeta = (k: string) => k === '$' || k === TEXT_KEY;

type Node = Record<string, unknown>;

function isNode(v: unknown): v is Node {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function children(node: unknown, key: string): unknown[] {
  if (!isNode(node) || !Object.hasOwn(node, key)) return [];
  const v = node[key];
  return Array.isArray(v) ? v : [v];
}

function attr(node: unknown, name: string): string | null {
  if (!isNode(node)) return null;
  const attrs = node.$;
  if (!isNode(attrs) || !Object.hasOwn(attrs, name)) return null;
  const v = attrs[name];
  return typeof v === 'string' ? v : null;
}

/** The direct text of a node ("" when it has none). */
function ownText(node: unknown): string {
  if (typeof node === 'string') return node;
  if (isNode(node)) {
    const t = node[TEXT_KEY];
    if (typeof t === 'string') return t;
  }
  return '';
}

/** All text inside a node, children included (for titles written as XHTML). */
function allText(node: unknown, budget = { left: 10_000 }): string {
  if (typeof node === 'string') return node;
  if (!isNode(node) || budget.left-- <= 0) return '';
  let s = ownText(node);
  for (const [k, v] of Object.entries(node)) {
    if (isMeta(k)) continue;
    for (const c of Array.isArray(v) ? v : [v]) s += allText(c, budget);
  }
  return s;
}

function escapeXml(s: string): string {
  return s.replace(/[&<>"]/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;',
  );
}

/** Serialise inline XHTML content back to markup (xml2js loses sibling order, as rss-parser does). */
function toMarkup(node: unknown, name: string | null, budget = { left: 10_000 }): string {
  if (typeof node === 'string') return name ? `<${name}>${escapeXml(node)}</${name}>` : node;
  if (!isNode(node) || budget.left-- <= 0) return '';
  let inner = escapeXml(ownText(node));
  for (const [k, v] of Object.entries(node)) {
    if (isMeta(k)) continue;
    for (const c of Array.isArray(v) ? v : [v]) inner += toMarkup(c, k, budget);
  }
  if (!name) return inner;
  const attrs = isNode(node.$)
    ? Object.entries(node.$)
        .filter((e): e is [string, string] => typeof e[1] === 'string')
        .map(([k, v]) => ` ${k}="${escapeXml(v)}"`)
        .join('')
    : '';
  return `<${name}${attrs}>${inner}</${name}>`;
}

function firstText(node: unknown, keys: readonly string[]): string | null {
  for (const key of keys) {
    for (const c of children(node, key)) {
      const t = allText(c).trim();
      if (t) return t;
    }
  }
  return null;
}

/** Markup to plain text for titles. `<[^<>]*>` cannot backtrack across "<<<<", so it stays linear. */
export function htmlToText(html: string): string {
  return html
    .replace(/<[^<>]*>/g, '')
    .replace(
      /&(?:#(\d{1,8})|#[xX]([0-9a-fA-F]{1,7})|([A-Za-z][A-Za-z0-9]{0,31}));/g,
      (whole, dec, hex, name) => {
        const cp =
          dec !== undefined
            ? Number.parseInt(dec, 10)
            : hex !== undefined
              ? Number.parseInt(hex, 16)
              : (HTML_ENTITIES.get(name) ?? XML_ENTITY_CHARS[name]);
        return cp !== undefined && isXmlCodePoint(cp) ? String.fromCodePoint(cp) : whole;
      },
    )
    .replace(/\s+/g, ' ')
    .trim();
}

/** A title: text, or for Atom type="html"/"xhtml" the markup turned into text. */
function firstTitle(node: unknown, keys: readonly string[]): string | null {
  for (const key of keys) {
    for (const c of children(node, key)) {
      const type = attr(c, 'type')?.toLowerCase();
      const raw = allText(c);
      const t =
        type === 'html' || type === 'xhtml' || type === 'text/html' ? htmlToText(raw) : raw.trim();
      if (t) return t;
    }
  }
  return null;
}

function contentOf(node: unknown): string | null {
  if (typeof node === 'string') return node.trim() || null;
  if (!isNode(node)) return null;
  const type = attr(node, 'type');
  const own = ownText(node);
  if (own.trim() && (type !== 'xhtml' || Object.keys(node).every(isMeta))) {
    return own.trim();
  }
  const markup = toMarkup(node, null).trim();
  return markup || null;
}

function firstContent(node: unknown, keys: readonly string[]): string | null {
  for (const key of keys) {
    for (const c of children(node, key)) {
      const v = contentOf(c);
      if (v) return v;
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Field normalisation

const ZONE_OFFSETS: Record<string, string> = {
  EET: '+0200',
  EEST: '+0300',
  CET: '+0100',
  CEST: '+0200',
  WET: '+0000',
  WEST: '+0100',
  BST: '+0100',
  MSK: '+0300',
  TRT: '+0300',
  IRST: '+0330',
  IDT: '+0300',
};

/** Parse a feed date to epoch ms, or null. Zone-less dates are UTC (never the host's zone). */
export function parseFeedDate(raw: string): number | null {
  let s = raw
    .trim()
    // Arabic-Indic and Persian digits appear in Arabic outlets' dates.
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/\s+/g, ' ');
  if (s.length < 8 || s.length > 100 || !/\d{4}/.test(s)) return null;
  if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(s)) {
    s = `${s.replace(' ', 'T')}Z`;
  } else if (/^\d{4}-\d{2}-\d{2}$/.test(s)) {
    s = `${s}T00:00:00Z`;
  } else {
    s = s.replace(/\b([A-Z]{3,4})$/, (z) => ZONE_OFFSETS[z] ?? z);
    // RFC 822 without a zone ("Sat, 21 Nov 2026 10:00:00") would be read as host-local time.
    if (/\d{1,2}:\d{2}(:\d{2})?$/.test(s) && !/\d{4}-\d{2}-\d{2}T/.test(s)) s = `${s} +0000`;
  }
  const t = Date.parse(s);
  return Number.isFinite(t) ? t : null;
}

function sanePublished(node: unknown, keys: readonly string[], now: number): string | null {
  for (const key of keys) {
    for (const c of children(node, key)) {
      const t = parseFeedDate(allText(c));
      if (t !== null && t >= EARLIEST && t <= now + FUTURE_SLACK_MS) {
        return new Date(t).toISOString();
      }
    }
  }
  return null;
}

function isHttpUrl(s: string): boolean {
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

function itemLink(raw: unknown, guid: string | null): string | null {
  for (const l of children(raw, 'link')) {
    const t = ownText(l).trim();
    if (t) return t;
  }
  const href = atomLink(raw, ['link', 'atom:link']);
  if (href) return href;
  if (guid && isHttpUrl(guid)) return guid;
  return null;
}

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

function normaliseItem(raw: unknown, base: string | null, now: number): FeedItem {
  const guid = firstText(raw, ['guid', 'id']) ?? attr(raw, 'rdf:about')?.trim() ?? null;
  const link = itemLink(raw, guid);
  return {
    guid: guid || null,
    link: link ? absolutise(link, base) : null,
    title: firstTitle(raw, ['title', 'dc:title']),
    publishedAt: sanePublished(raw, DATE_KEYS, now),
    content: firstContent(raw, ['content:encoded', 'content', 'summary', 'description']),
  };
}

// ---------------------------------------------------------------------------------------------
// rss-parser with safe builders

interface RawFeed {
  head: unknown;
  items: unknown[];
}

function rawRss(channel: unknown, items: unknown[]): RawFeed {
  return { head: channel, items };
}

function makeParser(): Parser {
  const parser = new Parser({
    defaultRSS: 2,
    xml2js: { strict: true, async: false, charkey: TEXT_KEY },
  });
  // rss-parser dispatches on the root element and then calls these; each returns the raw xml2js
  // nodes, read defensively by normaliseItem. Assigned on the instance so the library's
  // prototype is untouched for other users in the process.
  Object.assign(parser, {
    buildAtomFeed: (x: unknown): RawFeed => {
      const feed = children(x, 'feed')[0];
      return { head: feed, items: children(feed, 'entry') };
    },
    buildRSS2: (x: unknown): RawFeed => {
      const channel = children(children(x, 'rss')[0], 'channel')[0];
      return rawRss(channel, children(channel, 'item'));
    },
    buildRSS0_9: (x: unknown): RawFeed => {
      const channel = children(children(x, 'rss')[0], 'channel')[0];
      return rawRss(channel, children(channel, 'item'));
    },
    buildRSS1: (x: unknown): RawFeed => {
      const rdf = children(x, 'rdf:RDF')[0];
      const channel = children(rdf, 'channel')[0];
      // RSS 1.0 puts items beside the channel; a few feeds put them inside it.
      const items = children(rdf, 'item');
      return rawRss(channel, items.length ? items : children(channel, 'item'));
    },
  });
  return parser;
}

/** "Unexpected close tag\nLine: 3\nColumn: 10\nChar: >" -> "Unexpected close tag (line 4, column 10)". */
function readableXmlError(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  const [first = msg, ...rest] = msg.split('\n');
  const line = /Line:\s*(\d+)/.exec(rest.join(' '))?.[1];
  const col = /Column:\s*(\d+)/.exec(rest.join(' '))?.[1];
  const where = line !== undefined ? ` (line ${Number(line) + 1}, column ${col ?? '?'})` : '';
  return `${first.trim()}${where}`;
}

async function parseXml(xml: string): Promise<RawFeed> {
  let result: unknown;
  try {
    result = await makeParser().parseString(xml);
  } catch (err) {
    // sax reports well-formedness errors with a position; anything else is xml2js or
    // rss-parser tripping over a structure it did not expect.
    const fromSax = err instanceof Error && /\nLine: \d+/.test(err.message);
    const prefix = fromSax ? 'the feed is not well-formed XML' : 'the feed could not be read';
    throw new FeedParseError(`${prefix}: ${readableXmlError(err)}`, { cause: err });
  }
  if (!isNode(result) || !Array.isArray(result.items)) {
    throw new FeedParseError('the feed could not be read as RSS or Atom');
  }
  return { head: result.head, items: result.items };
}

/**
 * Parse feed bytes into a ParsedFeed. Throws FeedParseError (with an operator-readable message)
 * for empty bodies, HTML pages, non-feeds, ill-formed XML, and documents over the size limits.
 */
export async function parseFeed(body: Buffer, opts: ParseFeedOptions): Promise<ParsedFeed> {
  if (body.length === 0) throw new FeedParseError('the feed is empty (0 bytes)');
  if (body[0] === 0x1f && body[1] === 0x8b) {
    throw new FeedParseError(
      'the body is still gzip-compressed (the server compressed it without saying so in Content-Encoding)',
    );
  }
  const text = decodeBody(body, { contentType: opts.contentType, kind: 'xml' });
  if (text.length > MAX_CHARS) {
    throw new FeedParseError(`the feed is larger than ${MAX_CHARS} characters; refused`);
  }
  if (text.trim() === '') throw new FeedParseError('the feed is empty (only whitespace)');
  const xml = prepare(text, opts.contentType);
  const raw = await parseXml(xml);

  const now = (opts.now ?? new Date()).getTime();
  const title = firstTitle(raw.head, ['title', 'dc:title']);
  let link: string | null = null;
  for (const l of children(raw.head, 'link')) {
    const t = ownText(l).trim();
    if (t) {
      link = t;
      break;
    }
  }
  link ??= atomLink(raw.head, ['link']);
  const base = opts.baseUrl ?? (link && isHttpUrl(link) ? link : null);

  const seen = new Set<string>();
  const items: FeedItem[] = [];
  for (const r of raw.items) {
    if (!isNode(r)) continue;
    const item = normaliseItem(r, base, now);
    if (item.guid !== null) {
      if (seen.has(item.guid)) continue;
      seen.add(item.guid);
    }
    items.push(item);
  }
  const max = Math.max(0, Math.floor(opts.maxItems));
  return {
    title,
    link,
    items: items.slice(0, max),
    truncated: Math.max(0, items.length - max),
  };
}
