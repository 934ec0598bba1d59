// Characters and references in feed text. XML 1.0 forbids most control characters and knows only
// five named entities; feeds are full of both (HTML entities such as &nbsp; and &eacute;, stray
// "&", pasted control characters), so they are repaired here before the XML parser sees them,
// and titles written as HTML are turned into plain text with the same entity table.

/** Characters XML 1.0 forbids (C0 controls except tab/LF/CR, lone surrogates, U+FFFE/U+FFFF). */
export const INVALID_XML_CHARS =
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

/** One reference found by ENTITY_REF, as valid XML: kept, made numeric, escaped or dropped. */
function repairedReference(whole: string, dec?: string, hex?: string, name?: string): string {
  if (name !== undefined) {
    if (XML_ENTITIES.has(name)) return whole;
    const cp = HTML_ENTITIES.get(name);
    return cp === undefined ? `&amp;${name};` : `&#${cp};`;
  }
  const cp = dec !== undefined ? Number.parseInt(dec, 10) : Number.parseInt(hex ?? '', 16);
  return isXmlCodePoint(cp) ? `&#${cp};` : '';
}

/**
 * Make every "&" in a text or attribute segment a valid XML reference: HTML named entities become
 * numeric references, unknown names and bare ampersands become "&amp;", references to characters
 * XML forbids are dropped.
 */
export function fixAmpersands(segment: string): string {
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
      out += repairedReference(m[0], m[1], m[2], m[3]);
      last = i + m[0].length;
    }
    i = segment.indexOf('&', last);
  }
  return out + segment.slice(last);
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

export function escapeXml(s: string): string {
  return s.replace(/[&<>"]/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;',
  );
}

/**
 * Text as the XML parser will deliver it, for text that fixAmpersands already repaired: only the
 * five XML entities and decimal references are left in it.
 */
export function decodeRepairedText(segment: string): string {
  if (!segment.includes('&')) return segment;
  return segment.replace(/&(?:#(\d{1,8})|(amp|lt|gt|quot|apos));/g, (whole, dec, name) => {
    const cp = dec !== undefined ? Number.parseInt(dec, 10) : XML_ENTITY_CHARS[name];
    return cp !== undefined && isXmlCodePoint(cp) ? String.fromCodePoint(cp) : whole;
  });
}
