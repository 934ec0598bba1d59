import { FeedParseError } from '../domain/errors.ts';
import { fixAmpersands, INVALID_XML_CHARS } from './xml-text.ts';

// Feed text -> XML the parser accepts. Feeds in the wild are often not well-formed (bare "&",
// HTML entities, control characters, a PHP warning before the prolog, "a < b" in a title,
// <rss> without a version), so one linear pass repairs what can be repaired, and refuses what
// must not be parsed at all: DOCTYPEs that declare entities (never expanded: billion laughs,
// XXE), documents nested deeper or with more elements than any real feed, HTML pages, JSON and
// documents whose root is not a feed.

/** Deeper than any real feed (Atom XHTML content included); stops stack/memory abuse. */
export const MAX_NESTING_DEPTH = 64;
/** Elements in one document; a 5 MB feed of 200 items has a few thousand. */
export const MAX_ELEMENTS = 250_000;

const HTML_MESSAGE =
  'this URL returned an HTML page, not a feed: look for <link rel=alternate type=application/rss+xml> in the page for the feed URL';

/** Atom text constructs that may hold inline XHTML. */
const XHTML_CONTAINERS = new Set(['content', 'summary', 'title', 'subtitle', 'rights']);

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

interface RepairResult {
  xml: string;
  /** Name of the first element, as written. */
  root: string | null;
  doctype: string | null;
}

/**
 * One linear pass over the document: fixes ampersands and stray "<", drops the DOCTYPE (refusing
 * entity declarations), rewrites the prolog's encoding, and enforces depth and element limits
 * before a tree is built. Every step resumes past what it consumed, never behind it.
 */
class XmlRepair {
  private out = '';
  private root: string | null = null;
  private doctype: string | null = null;
  private depth = 0;
  private elements = 0;
  /** Inline-XHTML containers known to have no closing tag further on. */
  private readonly unclosed = new Set<string>();

  constructor(private readonly input: string) {}

  run(): RepairResult {
    const input = this.input;
    let i = 0;
    while (i < input.length) {
      const lt = input.indexOf('<', i);
      if (lt === -1) {
        this.out += fixAmpersands(input.slice(i));
        break;
      }
      this.out += fixAmpersands(input.slice(i, lt));
      i = this.markup(lt);
    }
    return { xml: this.out, root: this.root, doctype: this.doctype };
  }

  /** Repairs the markup that starts at `lt`; returns where the scan resumes. */
  private markup(lt: number): number {
    const input = this.input;
    if (input.startsWith('<!--', lt)) return this.copyThrough(lt, '-->', 4);
    if (input.startsWith('<![CDATA[', lt)) return this.copyThrough(lt, ']]>', 9);
    if (input.startsWith('<?', lt)) return this.processingInstruction(lt);
    if (/^<!doctype/i.test(input.slice(lt, lt + 9))) return this.doctypeDeclaration(lt);
    if (input[lt + 1] === '/') return this.closeTag(lt);
    if (/[A-Za-z_:\u00C0-\uFFFF]/.test(input[lt + 1] ?? '')) return this.openTag(lt);
    this.out += '&lt;';
    return lt + 1;
  }

  /** Comments and CDATA pass unchanged, up to their terminator (or the end). */
  private copyThrough(lt: number, terminator: string, skip: number): number {
    const end = this.input.indexOf(terminator, lt + skip);
    const stop = end === -1 ? this.input.length : end + terminator.length;
    this.out += this.input.slice(lt, stop);
    return stop;
  }

  private processingInstruction(lt: number): number {
    const end = this.input.indexOf('?>', lt + 2);
    const stop = end === -1 ? this.input.length : end + 2;
    let pi = this.input.slice(lt, stop);
    if (/^<\?xml\s/i.test(pi)) {
      // A declaration anywhere but the very start (after a comment, or a second feed glued on)
      // carries nothing we still need, the text being decoded already: drop it, and let the
      // parser judge what remains.
      if (this.out.trim() !== '') pi = '';
      // The text is already decoded; a stale encoding="windows-1256" must not be re-applied.
      else pi = pi.replace(/encoding\s*=\s*(["'])[^"']*\1/i, 'encoding="utf-8"');
    }
    this.out += pi;
    return stop;
  }

  private doctypeDeclaration(lt: number): number {
    const input = this.input;
    let j = lt + 9;
    let bracket = false;
    for (; j < input.length; j++) {
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
    this.doctype = (/^<!doctype\s+([^\s>[]+)/i.exec(decl)?.[1] ?? '').toLowerCase();
    // Dropped: the parser does not need it, and a DTD is never fetched or expanded.
    return j + 1;
  }

  private closeTag(lt: number): number {
    const scanned = scanTag(this.input, lt);
    if (!('end' in scanned)) {
      // Resume where the scan stopped, never behind it: rescanning from lt + 1 would make input
      // like `<a '"<a '"...` quadratic.
      this.out += notATag(this.input.slice(lt, scanned.stop));
      return scanned.stop;
    }
    this.out += this.input.slice(lt, scanned.end);
    this.depth = Math.max(0, this.depth - 1);
    return scanned.end;
  }

  private openTag(lt: number): number {
    const scanned = scanTag(this.input, lt);
    if (!('end' in scanned)) {
      // "<" that never closes: text such as "a < b" in an ill-formed feed.
      this.out += notATag(this.input.slice(lt, scanned.stop));
      return scanned.stop;
    }
    const tag = this.input.slice(lt, scanned.end);
    const name = /^<([^\s/>]+)/.exec(tag)?.[1] ?? '';
    this.root ??= name;
    this.countElement(tag.endsWith('/>'));
    this.out += fixAmpersands(tag);
    const isXhtml =
      XHTML_CONTAINERS.has(name) && !tag.endsWith('/>') && /\stype\s*=\s*["']xhtml["']/.test(tag);
    return isXhtml ? this.inlineXhtml(name, scanned.end) : scanned.end;
  }

  private countElement(selfClosing: boolean): void {
    this.elements++;
    if (this.elements > MAX_ELEMENTS) {
      throw new FeedParseError(`the feed has more than ${MAX_ELEMENTS} XML elements; refused`);
    }
    if (selfClosing) return;
    this.depth++;
    if (this.depth > MAX_NESTING_DEPTH) {
      throw new FeedParseError(
        `the feed nests elements more than ${MAX_NESTING_DEPTH} deep; refused`,
      );
    }
  }

  /**
   * Atom inline XHTML: a tree of per-name arrays would lose the order of text and elements
   * ("said <b>five</b> died" -> "said  died<b>five</b>"), which would garble casualty figures.
   * It is kept as one text node instead, up to its closing tag.
   */
  private inlineXhtml(name: string, from: number): number {
    // Once a search for </name> found none, none exists further on either: do not search again
    // (a feed of many unclosed containers would otherwise be quadratic).
    if (this.unclosed.has(name)) return from;
    const close = new RegExp(`</${name}\\s*>`, 'g');
    close.lastIndex = from;
    const m = close.exec(this.input);
    if (!m) {
      this.unclosed.add(name);
      return from;
    }
    const inner = this.input.slice(from, m.index).replaceAll(']]>', ']]]]><![CDATA[>');
    this.out += `<![CDATA[${inner}]]>${m[0]}`;
    this.depth = Math.max(0, this.depth - 1);
    return m.index + m[0].length;
  }
}

/** Server-side warnings printed before the prolog ("<b>Warning</b>: ... <?xml") are dropped. */
function withoutLeadingJunk(text: string): string {
  let t = text.replace(/\v|\f/g, ' ').replace(INVALID_XML_CHARS, '').trimStart();
  if (!/^<\?xml\s/.test(t)) {
    const prolog = t.slice(0, 4096).search(/<\?xml\s/);
    if (prolog > 0 && !/<(rss|feed|rdf:RDF)\b/.test(t.slice(0, prolog))) t = t.slice(prolog);
  }
  return t;
}

/** Refuses documents that are not RSS or Atom feeds, saying what they are instead. */
function checkRoot(r: RepairResult, text: string, contentType: string | undefined): void {
  const { root, doctype } = r;
  const rootName = root?.toLowerCase() ?? null;
  const isHtmlType = /^\s*(text\/html|application\/xhtml\+xml)/i.test(contentType ?? '');
  const htmlRoot = rootName === 'html' || rootName === 'head' || rootName === 'body';
  if (htmlRoot || (doctype === 'html' && rootName !== 'rss' && rootName !== 'feed')) {
    throw new FeedParseError(HTML_MESSAGE);
  }
  if (root === null) {
    if (isHtmlType) throw new FeedParseError(HTML_MESSAGE);
    if (/^[[{]/.test(text)) {
      throw new FeedParseError(
        'this URL returned JSON, not an RSS or Atom feed (JSON Feed is not supported)',
      );
    }
    throw new FeedParseError('the feed contains no XML elements');
  }
  if (root === 'rss' || root === 'feed' || root === 'rdf:RDF') return;
  if (isHtmlType) throw new FeedParseError(HTML_MESSAGE);
  const local = root.includes(':') ? root.slice(root.indexOf(':') + 1) : root;
  const shown = root.length > 40 ? `${root.slice(0, 40)}…` : root;
  if (local === 'RDF' || local === 'feed' || local.toLowerCase() === 'rss') {
    throw new FeedParseError(
      `unsupported feed root element <${shown}>: expected <rss>, <rdf:RDF> or <feed>`,
    );
  }
  throw new FeedParseError(
    `not an RSS or Atom feed: the document's root element is <${shown}>, expected <rss>, <rdf:RDF> or <feed>`,
  );
}

/**
 * Repair decoded feed text into well-formed-enough XML whose root is <rss>, <rdf:RDF> or <feed>.
 * Throws FeedParseError for what must not or cannot be parsed.
 */
export function repairFeedXml(text: string, contentType: string | undefined): string {
  const t = withoutLeadingJunk(text);
  const repaired = new XmlRepair(t).run();
  checkRoot(repaired, t, contentType);
  return repaired.xml;
}
