import Parser from 'rss-parser';
import { FeedParseError } from '../domain/errors.ts';
import { HEAD_ELEMENTS, ITEM_ELEMENTS } from './feed-items.ts';
import type { FeedRoot } from './xml-repair.ts';
import { children, isNode, type XmlNode } from './xml-tree.ts';

// The repaired XML (xml-repair.ts) parsed by rss-parser, through its public API only:
// `new Parser(options)` and `parseString`. rss-parser (xml2js on sax, which never expands DTD
// entities) recognises the format and finds the channel and its items. Its own fields lose what
// strikewatch needs (a title's type="html", which of several links is the alternate, Atom XHTML
// as written, extension elements), so every element strikewatch reads is asked for through
// `customFields` with keepArray, which hands back the xml2js nodes as they are; feed-items.ts
// reads them as untrusted.

/** Where the customFields land on rss-parser's objects, clear of the names it fills itself. */
const FIELD_PREFIX = 'strikewatch:';

type Fields = Record<string, unknown>;
type FieldSpec = [from: string, to: string, options: { keepArray: boolean }];

const asFields = (names: readonly string[]): FieldSpec[] =>
  names.map((n) => [n, FIELD_PREFIX + n, { keepArray: true }]);

function makeParser(): Parser<Fields, Fields> {
  return new Parser<Fields, Fields>({
    // xml2js's own defaults, spelled out: sax in strict mode (the repair pass makes the text
    // well-formed where it can), synchronous, text under "_" and attributes under "$".
    xml2js: { strict: true, async: false, charkey: '_', attrkey: '$', explicitArray: true },
    // Only reached for a version the repair pass left alone (version="9.99").
    defaultRSS: 2,
    customFields: {
      // rss-parser's typings allow plain names for feed fields only, but its README documents
      // [from, to, { keepArray }] for custom fields and it reads feed and item fields with the
      // same code. "item" is for RSS 1.0 feeds that put their items inside the channel.
      feed: asFields([...HEAD_ELEMENTS, 'item']) as unknown as string[],
      item: asFields(ITEM_ELEMENTS),
    },
  });
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

/** The customFields of one rss-parser object, as an xml2js-like node keyed by element name. */
function fieldNode(out: Fields, names: readonly string[]): XmlNode {
  const node: XmlNode = {};
  for (const name of names) {
    const v = Object.hasOwn(out, FIELD_PREFIX + name) ? out[FIELD_PREFIX + name] : undefined;
    if (Array.isArray(v)) node[name] = v;
  }
  return node;
}

/** An item as a node; null when it has none of the elements read (`<item/>`, bare text). */
function itemNode(item: unknown): XmlNode | null {
  if (!isNode(item)) return null;
  const node = fieldNode(item, ITEM_ELEMENTS);
  // rss-parser copies an RSS 1.0 item's rdf:about (its URI, the guid when there is none).
  const about = item['rdf:about'];
  if (typeof about === 'string') node.$ = { 'rdf:about': about };
  return Object.keys(node).length > 0 ? node : null;
}

export interface FeedNodes {
  /** The channel (or Atom feed): its title and link elements. */
  head: XmlNode;
  items: XmlNode[];
}

async function parseString(xml: string): Promise<Fields> {
  try {
    return await makeParser().parseString(xml);
  } catch (err) {
    // sax reports well-formedness errors with a position; anything else is xml2js or rss-parser
    // tripping over a structure it did not expect.
    const fromSax = err instanceof Error && /\nLine: \d+/.test(err.message);
    const prefix = fromSax ? 'the feed is not well-formed XML' : 'the feed could not be read';
    throw new FeedParseError(`${prefix}: ${readableXmlError(err)}`, { cause: err });
  }
}

/** Parse repaired feed XML with rss-parser. Throws FeedParseError when it cannot be read. */
export async function readFeedXml(xml: string, root: FeedRoot): Promise<FeedNodes> {
  const feed = await parseString(xml);
  if (!Array.isArray(feed.items)) {
    throw new FeedParseError('the feed could not be read as RSS or Atom');
  }
  const head = fieldNode(feed, HEAD_ELEMENTS);
  const items = feed.items.map(itemNode).filter((n) => n !== null);
  if (root === 'rdf:RDF' && items.length === 0) {
    // RSS 1.0 puts items beside the channel, where rss-parser looks; a few feeds put them inside.
    const inChannel = fieldNode(feed, ['item']);
    return { head, items: children(inChannel, 'item').filter(isNode) };
  }
  return { head, items };
}
