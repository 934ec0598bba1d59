import { Parser } from 'xml2js';
import { FeedParseError } from '../domain/errors.ts';
import { escapeXml, htmlToText } from './xml-text.ts';

// The repaired XML as a tree, and defensive readers for it. xml2js (on sax, which never expands
// DTD entities) builds the tree: with explicitArray every child is an array, an element's text is
// a string (no attributes or children) or sits under TEXT_KEY. Nothing in the tree is trusted:
// every reader takes `unknown` and checks what it finds.

/**
 * xml2js keeps an element's text under this key. Its default, "_", is a legal element name, and
 * <_> in a feed makes xml2js itself throw; "#text" can never be an element name.
 */
const TEXT_KEY = '#text';
const isMeta = (k: string) => k === '$' || k === TEXT_KEY;

export type XmlNode = Record<string, unknown>;

export function isNode(v: unknown): v is XmlNode {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
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

/** The document as a tree: `{ [rootName]: rootNode }`. Throws FeedParseError when it is not XML. */
export async function parseXmlTree(xml: string): Promise<XmlNode> {
  let result: unknown;
  try {
    result = await new Parser({ strict: true, async: false, charkey: TEXT_KEY }).parseStringPromise(
      xml,
    );
  } catch (err) {
    // sax reports well-formedness errors with a position; anything else is xml2js tripping over
    // a structure it did not expect.
    const fromSax = err instanceof Error && /\nLine: \d+/.test(err.message);
    const prefix = fromSax ? 'the feed is not well-formed XML' : 'the feed could not be read';
    throw new FeedParseError(`${prefix}: ${readableXmlError(err)}`, { cause: err });
  }
  if (!isNode(result)) throw new FeedParseError('the feed could not be read as RSS or Atom');
  return result;
}

export function children(node: unknown, key: string): unknown[] {
  if (!isNode(node) || !Object.hasOwn(node, key)) return [];
  const v = node[key];
  return Array.isArray(v) ? v : [v];
}

export function attr(node: unknown, name: string): string | null {
  if (!isNode(node)) return null;
  const attrs = node.$;
  if (!isNode(attrs) || !Object.hasOwn(attrs, name)) return null;
  const v = attrs[name];
  return typeof v === 'string' ? v : null;
}

/** The direct text of a node ("" when it has none). */
export function ownText(node: unknown): string {
  if (typeof node === 'string') return node;
  if (isNode(node)) {
    const t = node[TEXT_KEY];
    if (typeof t === 'string') return t;
  }
  return '';
}

/** All text inside a node, children included (for titles written as XHTML). */
export function allText(node: unknown, budget = { left: 10_000 }): string {
  if (typeof node === 'string') return node;
  if (!isNode(node) || budget.left-- <= 0) return '';
  let s = ownText(node);
  for (const [k, v] of Object.entries(node)) {
    if (isMeta(k)) continue;
    for (const c of Array.isArray(v) ? v : [v]) s += allText(c, budget);
  }
  return s;
}

/** Serialise inline content back to markup (the tree keeps children by name, not in order). */
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

/** The first non-empty text among the children named `keys`, in that order of preference. */
export function firstText(node: unknown, keys: readonly string[]): string | null {
  for (const key of keys) {
    for (const c of children(node, key)) {
      const t = allText(c).trim();
      if (t) return t;
    }
  }
  return null;
}

/** A title: text, or for Atom type="html"/"xhtml" the markup turned into text. */
export function firstTitle(node: unknown, keys: readonly string[]): string | null {
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

/** The first non-empty content (text or markup) among the children named `keys`. */
export function firstContent(node: unknown, keys: readonly string[]): string | null {
  for (const key of keys) {
    for (const c of children(node, key)) {
      const v = contentOf(c);
      if (v) return v;
    }
  }
  return null;
}
