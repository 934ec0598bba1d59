import { parseFeedDate } from './feed-dates.ts';
import { snippetWorkTooHigh } from './snippet-work.ts';
import { escapeXml } from './xml-text.ts';

// What the repair pass (xml-repair.ts) rewrites so that rss-parser 3.13, used only through its
// public API, can neither crash nor stall on a document. rss-parser builds its result from the
// xml2js tree without checking shapes, and what it trips over is fixed in the XML it is given:
//
// - an Atom <link> with no attributes (a link written as text, or <link/>): its getLink reads
//   `link.$.rel` and throws a TypeError. Such links get an href holding their text (the text
//   stays, so readers that prefer a text link still find it).
// - an Atom entry's <published>/<updated> that `new Date()` cannot read: `toISOString()` throws a
//   RangeError for the whole feed. Each is rewritten to the ISO form of strikewatch's own reading
//   (feed-dates.ts), or emptied when it has none (rss-parser skips empty dates).
// - <rss> without a version (rejected as "not RSS 1 or 2"): version="2.0" is added.
// - <rss> or <rdf:RDF> without a <channel> (a TypeError on `channel[0]`): an empty <channel/> is
//   added, so the feed reads as empty; an Atom <feed> with no attributes and no text would be the
//   empty string to xml2js, which rss-parser does not recognise: it gets the Atom namespace.
// - an Atom <entry> with neither attributes nor child elements: xml2js makes a string of it, and
//   rss-parser's `entry.link` then finds String.prototype.link and throws. Such an entry carries
//   nothing to read and is dropped.
// - an element named "_" (xml2js's text key: xml2js itself throws on it) is renamed.
// - a description, content:encoded or Atom content whose snippet (rss-parser's two backtracking
//   regexes, see snippet-work.ts) would cost more than linear work is withheld from rss-parser:
//   renamed under WITHHELD_PREFIX, so rss-parser does not snippet it, and strikewatch reads it
//   whole through customFields.

/** Prefix of elements withheld from rss-parser's snippet; feed-items.ts reads them as before. */
export const WITHHELD_PREFIX = 'strikewatch-withheld:';
const UNDERSCORE_RENAMED = '__';
const ATOM_NS = 'http://www.w3.org/2005/Atom';

export type CaptureKind = 'atom-entry' | 'atom-link' | 'atom-date' | 'snippet';

/**
 * An element held back until its end tag, because what it becomes depends on its content.
 * Captures never nest: an entry, link or date capture ends at its first child element, and a
 * snippet's content (inside an item or entry) is no place for another kind.
 */
export interface Capture {
  kind: CaptureKind;
  name: string;
  startTag: string;
  /** Open elements, this one included, while its own content is read. */
  level: number;
  /** Repaired XML of the content, as it would have been written out. */
  xml: string;
  /** The element's own text (not its children's), as the XML parser will deliver it. */
  text: string;
}

const hasAttributes = (tag: string) => /^<[^\s/>]+\s+[^\s/>]/.test(tag);

function isAtomLinkPlace(path: readonly string[]): boolean {
  return path.length === 1 || (path.length === 2 && path[1] === 'entry');
}

function isSnippetPlace(root: string, path: readonly string[], name: string): boolean {
  if (root === 'feed') return name === 'content' && path.length === 2 && path[1] === 'entry';
  if (name !== 'description' && name !== 'content:encoded') return false;
  if (root === 'rdf:RDF') return path.length === 2 && path[1] === 'item';
  return root === 'rss' && path.length === 3 && path[1] === 'channel' && path[2] === 'item';
}

/** Which capture, if any, the element opening at `path` (its ancestors' names) needs. */
export function captureKind(
  root: string,
  path: readonly string[],
  name: string,
  startTag: string,
): CaptureKind | null {
  if (startTag.endsWith('/>')) return null;
  if (root === 'feed' && name === 'entry' && path.length === 1 && !hasAttributes(startTag)) {
    return 'atom-entry';
  }
  if (root === 'feed' && name === 'link' && !hasAttributes(startTag) && isAtomLinkPlace(path)) {
    return 'atom-link';
  }
  const isEntryDate = name === 'published' || name === 'updated';
  if (root === 'feed' && isEntryDate && path.length === 2 && path[1] === 'entry') {
    return hasAttributes(startTag) ? null : 'atom-date';
  }
  return isSnippetPlace(root, path, name) ? 'snippet' : null;
}

function withName(tag: string, name: string, newName: string): string {
  const at = tag.startsWith('</') ? 2 : 1;
  return tag.slice(0, at) + newName + tag.slice(at + name.length);
}

function withAttribute(tag: string, name: string, attribute: string): string {
  const at = 1 + name.length;
  return `${tag.slice(0, at)} ${attribute}${tag.slice(at)}`;
}

/**
 * A start tag as rss-parser needs it. `path` holds the open ancestors (empty for the root); a
 * self-closing <rss/> or <rdf:RDF/> comes back as a whole element with an empty channel, an Atom
 * <link/> with an empty href, an Atom <entry/> as nothing.
 */
export function rewriteStartTag(path: readonly string[], name: string, tag: string): string {
  if (name === '_') return withName(tag, name, UNDERSCORE_RENAMED);
  if (path.length === 0) return rewriteRootTag(name, tag);
  if (path[0] !== 'feed' || !tag.endsWith('/>') || hasAttributes(tag)) return tag;
  if (name === 'link' && isAtomLinkPlace(path)) return '<link href=""/>';
  return name === 'entry' && path.length === 1 ? '' : tag;
}

function rewriteRootTag(name: string, tag: string): string {
  let t = tag;
  if (name === 'rss' && !/\sversion\s*=/.test(t)) t = withAttribute(t, name, 'version="2.0"');
  if (name === 'feed' && !hasAttributes(t)) t = withAttribute(t, name, `xmlns="${ATOM_NS}"`);
  if ((name === 'rss' || name === 'rdf:RDF') && t.endsWith('/>')) {
    t = `${t.slice(0, -2).trimEnd()}><channel/></${name}>`;
  }
  return t;
}

/** An end tag as rss-parser needs it (the renamed "_"). */
export function rewriteEndTag(name: string, tag: string): string {
  return name === '_' ? withName(tag, name, UNDERSCORE_RENAMED) : tag;
}

/**
 * What an entry, link or date capture writes when a child element turns up inside it: xml2js
 * will make an object of it, which rss-parser takes for an entry and skips for a date; a link
 * still needs its attribute.
 */
export function abandonedCapture(c: Capture): string {
  const start = c.kind === 'atom-link' ? withAttribute(c.startTag, c.name, 'href=""') : c.startTag;
  return start + c.xml;
}

/** The line breaks of what a rewrite removes, kept so that parse errors name the right line. */
function newlinesIn(xml: string): string {
  return xml.includes('\n') ? xml.replace(/[^\n]+/g, '') : '';
}

/** The XML a finished capture becomes, given its end tag. */
export function finishCapture(c: Capture, endTag: string): string {
  switch (c.kind) {
    case 'atom-entry':
      return newlinesIn(c.xml);
    case 'atom-link': {
      // A URL holds no tabs or line breaks (URL parsers drop them); the text keeps its own.
      const href = escapeXml(c.text.trim().replace(/[\t\r\n]/g, ''));
      return `${withAttribute(c.startTag, c.name, `href="${href}"`)}${c.xml}${endTag}`;
    }
    case 'atom-date': {
      const t = parseFeedDate(c.text);
      const start = `${c.startTag.slice(0, -1)}${newlinesIn(c.xml)}>`;
      return `${start}${t === null ? '' : new Date(t).toISOString()}${endTag}`;
    }
    case 'snippet': {
      if (!snippetWorkTooHigh(c.text)) return c.startTag + c.xml + endTag;
      const renamed = WITHHELD_PREFIX + c.name;
      return withName(c.startTag, c.name, renamed) + c.xml + withName(endTag, c.name, renamed);
    }
  }
}
