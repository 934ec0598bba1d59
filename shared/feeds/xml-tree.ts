import { escapeXml, htmlToText } from './xml-text.ts';

// Defensive readers for the xml2js nodes rss-parser hands back through its customFields
// (rss-parser parses with xml2js, explicitArray: every child is an array). An element's text is a
// string (when it has no attributes or children) or sits under TEXT_KEY; its attributes under
// "$". Nothing is trusted: every reader takes `unknown` and checks what it finds.

/**
 * xml2js's text key (its default). An element named "_" would collide with it; the repair pass
 * renames those (rss-parser-normalise.ts).
 */
const TEXT_KEY = '_';
const isMeta = (k: string) => k === '$' || k === TEXT_KEY;

export type XmlNode = Record<string, unknown>;

export function isNode(v: unknown): v is XmlNode {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
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
