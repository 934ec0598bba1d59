import { FeedParseError } from '../domain/errors.ts';
import {
  abandonedCapture,
  type Capture,
  captureKind,
  finishCapture,
  rewriteEndTag,
  rewriteStartTag,
} from './rss-parser-normalise.ts';
import { decodeRepairedText, fixAmpersands, INVALID_XML_CHARS } from './xml-text.ts';

// Feed text -> XML rss-parser accepts. Feeds in the wild are often not well-formed (bare "&",
// HTML entities, control characters, a PHP warning before the prolog, "a < b" in a title), and
// rss-parser has shapes it cannot take (rss-parser-normalise.ts), so one linear pass repairs and
// normalises what can be, and refuses what must not be parsed at all: DOCTYPEs that declare
// entities (never expanded: billion laughs, XXE), documents nested deeper or with more elements
// than any real feed, HTML pages, JSON and documents whose root is not a feed.

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
 * entity declarations), rewrites the prolog's encoding, enforces depth and element limits before
 * a tree is built, and makes the rewrites rss-parser needs (rss-parser-normalise.ts). Every step
 * resumes past what it consumed, never behind it.
 */
class XmlRepair {
  private out = '';
  /** Whether anything but whitespace has been written (a later <?xml ...?> is then dropped). */
  private started = false;
  private root: string | null = null;
  private doctype: string | null = null;
  private elements = 0;
  /** Names of the open elements, the root first. */
  private readonly open: string[] = [];
  private channelSeen = false;
  private capture: Capture | null = null;
  /** Inline-XHTML containers known to have no closing tag further on. */
  private readonly unclosed = new Set<string>();

  constructor(private readonly input: string) {}

  run(): RepairResult {
    const input = this.input;
    let i = 0;
    while (i < input.length) {
      const lt = input.indexOf('<', i);
      this.text(fixAmpersands(input.slice(i, lt === -1 ? input.length : lt)));
      if (lt === -1) break;
      i = this.markup(lt);
    }
    const left = this.capture;
    // An element still held at the end: the document is truncated and will be refused as such.
    if (left) this.out += left.startTag + left.xml;
    return { xml: this.out, root: this.root, doctype: this.doctype };
  }

  private write(xml: string): void {
    if (!this.started && /\S/.test(xml)) this.started = true;
    if (this.capture) this.capture.xml += xml;
    else this.out += xml;
  }

  /** Repaired character data; `decoded` is what the parser will make of it (CDATA: its content). */
  private text(xml: string, decoded?: string): void {
    if (xml === '') return;
    this.write(xml);
    const c = this.capture;
    if (c && this.open.length === c.level) c.text += decoded ?? decodeRepairedText(xml);
  }

  /** Repairs the markup that starts at `lt`; returns where the scan resumes. */
  private markup(lt: number): number {
    const input = this.input;
    if (input.startsWith('<!--', lt)) return this.copyThrough(lt, '-->', 4);
    if (input.startsWith('<![CDATA[', lt)) return this.cdata(lt);
    if (input.startsWith('<?', lt)) return this.processingInstruction(lt);
    if (/^<!doctype/i.test(input.slice(lt, lt + 9))) return this.doctypeDeclaration(lt);
    if (input[lt + 1] === '/') return this.closeTag(lt);
    if (/[A-Za-z_:\u00C0-\uFFFF]/.test(input[lt + 1] ?? '')) return this.openTag(lt);
    this.text('&lt;', '<');
    return lt + 1;
  }

  /** Comments pass unchanged, up to their terminator (or the end). */
  private copyThrough(lt: number, terminator: string, skip: number): number {
    const end = this.input.indexOf(terminator, lt + skip);
    const stop = end === -1 ? this.input.length : end + terminator.length;
    this.write(this.input.slice(lt, stop));
    return stop;
  }

  /** CDATA passes unchanged, up to its terminator (or the end). */
  private cdata(lt: number): number {
    const end = this.input.indexOf(']]>', lt + 9);
    const stop = end === -1 ? this.input.length : end + 3;
    this.text(this.input.slice(lt, stop), this.input.slice(lt + 9, end === -1 ? stop : end));
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
      if (this.started) pi = '';
      // The text is already decoded; a stale encoding="windows-1256" must not be re-applied.
      else pi = pi.replace(/encoding\s*=\s*(["'])[^"']*\1/i, 'encoding="utf-8"');
    }
    this.write(pi);
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
      this.text(notATag(this.input.slice(lt, scanned.stop)));
      return scanned.stop;
    }
    const tag = this.input.slice(lt, scanned.end);
    this.closeElement(/^<\/([^\s>]+)/.exec(tag)?.[1] ?? '', tag);
    return scanned.end;
  }

  private closeElement(name: string, tag: string): void {
    const closesRoot = this.open.length === 1;
    if (closesRoot && !this.channelSeen && (this.root === 'rss' || this.root === 'rdf:RDF')) {
      this.write('<channel/>');
      this.channelSeen = true;
    }
    this.open.pop();
    const endTag = rewriteEndTag(name, tag);
    const c = this.capture;
    if (c && this.open.length < c.level) {
      this.capture = null;
      this.write(finishCapture(c, endTag));
    } else {
      this.write(endTag);
    }
  }

  private openTag(lt: number): number {
    const scanned = scanTag(this.input, lt);
    if (!('end' in scanned)) {
      // "<" that never closes: text such as "a < b" in an ill-formed feed.
      this.text(notATag(this.input.slice(lt, scanned.stop)));
      return scanned.stop;
    }
    const tag = fixAmpersands(this.input.slice(lt, scanned.end));
    const name = /^<([^\s/>]+)/.exec(tag)?.[1] ?? '';
    this.root ??= name;
    const selfClosing = tag.endsWith('/>');
    this.countElement(selfClosing);
    this.openElement(name, tag, selfClosing);
    const isXhtml =
      XHTML_CONTAINERS.has(name) && !selfClosing && /\stype\s*=\s*["']xhtml["']/.test(tag);
    return isXhtml ? this.inlineXhtml(name, scanned.end) : scanned.end;
  }

  private openElement(name: string, tag: string, selfClosing: boolean): void {
    const path = this.open;
    if (path.length === 1 && name === 'channel') this.channelSeen = true;
    const held = this.capture;
    if (held && held.kind !== 'snippet') {
      // A child inside a link or date: no longer a text value, written out as it stands.
      this.capture = null;
      this.write(abandonedCapture(held));
    }
    const kind =
      this.capture || this.root === null ? null : captureKind(this.root, path, name, tag);
    const start = rewriteStartTag(path, name, tag);
    if (!selfClosing) this.open.push(name);
    if (kind === null) this.write(start);
    else this.capture = { kind, name, startTag: start, level: this.open.length, xml: '', text: '' };
  }

  private countElement(selfClosing: boolean): void {
    this.elements++;
    if (this.elements > MAX_ELEMENTS) {
      throw new FeedParseError(`the feed has more than ${MAX_ELEMENTS} XML elements; refused`);
    }
    if (!selfClosing && this.open.length + 1 > MAX_NESTING_DEPTH) {
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
    const inner = this.input.slice(from, m.index);
    this.text(`<![CDATA[${inner.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`, inner);
    this.closeElement(name, m[0]);
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

export type FeedRoot = 'rss' | 'feed' | 'rdf:RDF';

/** Refuses documents that are not RSS or Atom feeds, saying what they are instead. */
function checkRoot(r: RepairResult, text: string, contentType: string | undefined): FeedRoot {
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
  if (root === 'rss' || root === 'feed' || root === 'rdf:RDF') return root;
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
 * Repair decoded feed text into XML rss-parser can take, whose root is <rss>, <rdf:RDF> or
 * <feed>. Throws FeedParseError for what must not or cannot be parsed.
 */
export function repairFeedXml(
  text: string,
  contentType: string | undefined,
): { xml: string; root: FeedRoot } {
  const t = withoutLeadingJunk(text);
  const repaired = new XmlRepair(t).run();
  return { xml: repaired.xml, root: checkRoot(repaired, t, contentType) };
}
