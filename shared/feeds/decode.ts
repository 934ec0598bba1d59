// Turning fetched bytes into text. Arabic and Russian outlets still serve windows-1256 and
// windows-1251, often declaring the charset only inside the document, so this follows the order
// browsers and feed readers use: byte-order mark, then the HTTP header, then the document's own
// declaration, then UTF-8. A wrong or unknown label never throws: garbled text in one article is
// better than a feed that stops being polled.

export type DecodeKind = 'xml' | 'html';

export interface DecodeOptions {
  /** The HTTP Content-Type header, if any (e.g. "application/rss+xml; charset=windows-1256"). */
  contentType?: string | undefined;
  kind: DecodeKind;
}

export type CharsetSource = 'bom' | 'content-type' | 'document' | 'default';

/** How far into the body to look for `<?xml encoding>` or `<meta charset>`. */
const SNIFF_BYTES = 2048;

/** Labels that in practice mean windows-1252 (WHATWG does the same for HTML). */
const WINDOWS_1252_ALIASES = new Set([
  'iso-8859-1',
  'iso8859-1',
  'iso_8859-1',
  'latin1',
  'l1',
  'us-ascii',
  'ascii',
  'cp819',
  'ibm819',
]);

function bomCharset(body: Buffer): { charset: string; length: number } | null {
  const [a, b, c, d] = [body[0], body[1], body[2], body[3]];
  if (a === 0xef && b === 0xbb && c === 0xbf) return { charset: 'utf-8', length: 3 };
  if (a === 0xff && b === 0xfe && c === 0 && d === 0) return { charset: 'utf-32le', length: 4 };
  if (a === 0 && b === 0 && c === 0xfe && d === 0xff) return { charset: 'utf-32be', length: 4 };
  if (a === 0xff && b === 0xfe) return { charset: 'utf-16le', length: 2 };
  if (a === 0xfe && b === 0xff) return { charset: 'utf-16be', length: 2 };
  return null;
}

/** UTF-16 without a BOM, recognised by how `<?` is laid out (XML spec, appendix F). */
function unmarkedUtf16(body: Buffer): string | null {
  if (body.length < 4) return null;
  if (body[0] === 0x3c && body[1] === 0 && body[2] === 0x3f && body[3] === 0) return 'utf-16le';
  if (body[0] === 0 && body[1] === 0x3c && body[2] === 0 && body[3] === 0x3f) return 'utf-16be';
  return null;
}

/** The charset parameter of a Content-Type header value, unquoted; null when absent. */
export function charsetFromContentType(contentType: string | undefined): string | null {
  if (!contentType) return null;
  const m = /;\s*charset\s*=\s*("([^"]*)"|'([^']*)'|[^;\s]*)/i.exec(contentType);
  if (!m) return null;
  const value = (m[2] ?? m[3] ?? m[1] ?? '').trim();
  return value === '' ? null : value;
}

function documentCharset(head: string, kind: DecodeKind): string | null {
  if (kind === 'xml') {
    // Only a prolog at the very start counts (after whitespace a BOM-less file may carry).
    const m = /^\s*<\?xml\s[^>]*?encoding\s*=\s*["']([^"']+)["']/i.exec(head);
    return m?.[1]?.trim() || null;
  }
  const meta = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([^\s"'/;>]+)/i.exec(head);
  if (meta?.[1]) return meta[1];
  return null;
}

/**
 * Map a declared label to one the platform's TextDecoder knows (the WHATWG Encoding Standard's
 * labels: windows-1256, windows-1251, koi8-r, iso-8859-x, gbk, shift_jis, utf-16...); null for
 * labels we cannot honour. Node's own decoder (full ICU, also in Lambda) needs no lookup tables
 * in the bundle.
 * Declarations of UTF-16 found by reading the bytes as ASCII are self-contradictory (the bytes
 * were not UTF-16), so they are taken as UTF-8, as browsers do.
 */
function usableCharset(label: string, fromDocument: boolean): string | null {
  const l = label
    .trim()
    .toLowerCase()
    .replace(/^["']|["']$/g, '');
  if (l === '') return null;
  if (fromDocument && /^(utf-?16|ucs-?2|utf-?32)/.test(l)) return 'utf-8';
  if (l === 'utf-8' || l === 'utf8' || l === 'unicode-1-1-utf-8') return 'utf-8';
  if (WINDOWS_1252_ALIASES.has(l)) return 'windows-1252';
  if (l === 'x-user-defined') return 'windows-1252';
  // UTF-7 can smuggle "<" as "+ADw-"; browsers refuse it and no news feed uses it.
  if (/^(utf-?7|unicode-1-1-utf-7|csunicode11utf7)$/.test(l)) return null;
  return decoderFor(l) ? l : null;
}

// Node's TextDecoder treats windows-1252 as ISO-8859-1 (bytes 0x80-0x9F come out as C1
// controls); the WHATWG index maps them to these characters (0 = unassigned, kept as is).
const WINDOWS_1252_C1 = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152,
  0, 0x017d, 0, 0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161,
  0x203a, 0x0153, 0, 0x017e, 0x0178,
];

function fixWindows1252(text: string): string {
  return text.replace(/[\u0080-\u009f]/g, (c) => {
    const mapped = WINDOWS_1252_C1[c.charCodeAt(0) - 0x80];
    return mapped ? String.fromCharCode(mapped) : c;
  });
}

function decoderFor(label: string): TextDecoder | null {
  try {
    return new TextDecoder(label, { fatal: false });
  } catch {
    return null;
  }
}

/** Which charset decodeBody will use for this body, and why. */
export function detectCharset(
  body: Buffer,
  opts: DecodeOptions,
): { charset: string; source: CharsetSource; bomLength: number } {
  const bom = bomCharset(body);
  if (bom) return { charset: bom.charset, source: 'bom', bomLength: bom.length };

  const header = charsetFromContentType(opts.contentType);
  if (header) {
    const usable = usableCharset(header, false);
    if (usable) return { charset: usable, source: 'content-type', bomLength: 0 };
  }

  const utf16 = unmarkedUtf16(body);
  if (utf16 && opts.kind === 'xml') return { charset: utf16, source: 'document', bomLength: 0 };

  // latin1 maps every byte to one char, so ASCII declarations read correctly whatever follows.
  const head = body.subarray(0, SNIFF_BYTES).toString('latin1');
  const declared = documentCharset(head, opts.kind);
  if (declared) {
    const usable = usableCharset(declared, true);
    if (usable) return { charset: usable, source: 'document', bomLength: 0 };
  }
  return { charset: 'utf-8', source: 'default', bomLength: 0 };
}

/** The charsets the header and the document declare, as usable labels (null: none, or unusable). */
export function declaredCharsets(
  body: Buffer,
  opts: DecodeOptions,
): { header: string | null; document: string | null } {
  const header = charsetFromContentType(opts.contentType);
  const declared = documentCharset(body.subarray(0, SNIFF_BYTES).toString('latin1'), opts.kind);
  return {
    header: header ? usableCharset(header, false) : null,
    document: declared ? usableCharset(declared, true) : null,
  };
}

/** `bytes` decoded as `charset` (a label detectCharset returned); invalid bytes become U+FFFD. */
export function decodeAs(bytes: Buffer, charset: string): string {
  if (charset === 'utf-8') return bytes.toString('utf8');
  // The decoder strips a BOM of its own encoding.
  const text = decoderFor(charset)?.decode(bytes) ?? bytes.toString('utf8');
  return charset === 'windows-1252' ? fixWindows1252(text) : text;
}

/**
 * Decode a fetched body to a string. Never throws: unknown or unsupported charsets fall back to
 * UTF-8 (invalid sequences become U+FFFD). The BOM is removed. decodeBodyWithReport
 * (decode-report.ts) decodes the same and also says when the result is probably garbled.
 */
export function decodeBody(body: Buffer, opts: DecodeOptions): string {
  const { charset, bomLength } = detectCharset(body, opts);
  const text = decodeAs(body.subarray(bomLength), charset);
  // A second BOM (header said windows-1256, body started with a UTF-8 BOM we did not see because
  // the header won) would otherwise reach the XML parser as text before the prolog.
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
