// String-level pre-cleaning of untrusted HTML before it reaches the DOM parser.
//
// Every removal here is something Readability would discard anyway before it looks at the page's
// structure, so the article it extracts stays the same while the DOM gets smaller and cheaper to
// build. The scanner follows the HTML tokenizer closely enough to know where tags, attribute
// values, comments and raw-text elements begin and end; when it is unsure it copies input through
// unchanged. Safety never depends on this file: the DOM is built with scripting disabled and
// without a browsing context, so a page that fools the scanner only gets a less clean DOM.

const WS = /[\t\n\f\r ]/;
const TAG_NAME_END = /[\t\n\f\r />]/;
const NON_WS = /[^\t\n\f\r ]/;
const COMMENT_CLOSE = /--!?>/g;

/**
 * Deepest element nesting let through. Readability slows down polynomially with depth (1,000
 * nested divs take it ~20 s, a few KB of hostile HTML); real news pages nest 20-60 deep. Start tags
 * beyond this depth are dropped (their content stays), much as browsers stop nesting at 512.
 */
export const MAX_DEPTH = 160;

/** Deepest nesting allowed inside an inline SVG/MathML island before it is emptied. */
const MAX_FOREIGN_DEPTH = 64;

const VOID = new Set([
  'area',
  'base',
  'basefont',
  'bgsound',
  'br',
  'col',
  'embed',
  'frame',
  'hr',
  'image',
  'img',
  'input',
  'keygen',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);

/**
 * Elements the parser closes implicitly (a new <p> ends the open one, ...). Left out of the depth
 * count: counting them would make sloppy but flat markup look deep.
 */
const OPTIONAL_END = new Set([
  'html',
  'head',
  'body',
  'p',
  'li',
  'dt',
  'dd',
  'option',
  'optgroup',
  'tr',
  'td',
  'th',
  'thead',
  'tbody',
  'tfoot',
  'caption',
  'colgroup',
  'rb',
  'rt',
  'rp',
  'rtc',
]);

/**
 * Elements whose content the tokenizer reads as raw text. Not <noscript>: jsdom parses with
 * scripting disabled (both `new JSDOM(html)` and DOMParser), so its content is markup.
 */
const RAW_TEXT = new Set([
  'script',
  'style',
  'textarea',
  'title',
  'xmp',
  'iframe',
  'noembed',
  'noframes',
]);

/** What the parser keeps inside a <noscript> in the head; anything else breaks out of the head. */
const HEAD_NOSCRIPT_OK = new Set(['link', 'meta', 'style', 'basefont', 'bgsound', 'noframes']);

/**
 * Markup inside an SVG/MathML island that may hand control back to the HTML parser before the
 * island's end tag: breakout start tags, </p> and </br>, CDATA, and HTML integration points.
 */
const LEAVES_FOREIGN =
  /<(?:(?:b|big|blockquote|body|br|center|code|dd|div|dl|dt|em|embed|h[1-6]|head|hr|i|img|li|listing|menu|meta|nobr|ol|p|pre|ruby|s|small|span|strong|strike|sub|sup|table|tt|u|ul|var|font|foreignobject|desc|title|mi|mo|mn|ms|mtext|annotation-xml)[\t\n\f\r />]|\/(?:p|br)[\t\n\f\r />]|!\[CDATA\[)/i;

/** Start tags that end foreign (SVG/MathML) content and return the parser to HTML. */
const FOREIGN_BREAKOUT = new Set([
  'b',
  'big',
  'blockquote',
  'body',
  'br',
  'center',
  'code',
  'dd',
  'div',
  'dl',
  'dt',
  'em',
  'embed',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'head',
  'hr',
  'i',
  'img',
  'li',
  'listing',
  'menu',
  'meta',
  'nobr',
  'ol',
  'p',
  'pre',
  'ruby',
  's',
  'small',
  'span',
  'strong',
  'strike',
  'sub',
  'sup',
  'table',
  'tt',
  'u',
  'ul',
  'var',
]);

/** Start tags that keep the parser in the head; any other start tag means the body has begun. */
const HEAD_TAGS = new Set([
  'html',
  'head',
  'base',
  'basefont',
  'bgsound',
  'link',
  'meta',
  'noframes',
  'script',
  'style',
  'template',
  'title',
  'noscript',
]);

/**
 * A style attribute is only ever read by Readability for visibility (`display:none`,
 * `visibility:hidden`); keep any value that could express that, including escaped or entity-encoded
 * spellings, and drop the rest (jsdom parses every inline style into a CSSStyleDeclaration).
 */
const STYLE_READ_BY_READABILITY = /display|visibility|\\|&|\ball\b/i;

/** SVG markup made only of shapes and grouping: no text nodes, no HTML integration points. */
const SHAPE_ONLY_SVG =
  /^(?:\s*<\/?(?:path|g|circle|rect|line|polyline|polygon|ellipse|use|defs|symbol|lineargradient|radialgradient|stop|clippath|mask)(?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*\s*\/?>)*\s*$/i;

interface Attr {
  name: string;
  value: string;
  start: number;
  end: number;
}

interface Tag {
  name: string;
  attrs: Attr[];
  /** Index just past the closing `>`. */
  end: number;
  selfClosing: boolean;
}

export interface PrecleanOptions {
  /**
   * Also drop every inline style and every SVG/MathML island. Used for the retry after the DOM
   * builder threw: less faithful to Readability, but removes everything CSS-shaped.
   */
  aggressive?: boolean;
}

/** Parses a start or end tag whose `<` (or `</`) ends just before `from`; null on EOF inside it. */
function parseTag(html: string, from: number): Tag | null {
  const len = html.length;
  let i = from;
  while (i < len && !TAG_NAME_END.test(html.charAt(i))) i++;
  const name = html.slice(from, i).toLowerCase();
  const attrs: Attr[] = [];
  let selfClosing = false;
  for (;;) {
    while (i < len && WS.test(html.charAt(i))) i++;
    if (i >= len) return null;
    const c = html.charAt(i);
    if (c === '>') return { name, attrs, end: i + 1, selfClosing };
    if (c === '/') {
      i++;
      if (html.charAt(i) === '>') {
        selfClosing = true;
        return { name, attrs, end: i + 1, selfClosing };
      }
      continue;
    }
    const start = i;
    // The first character of a name may be `=` (a parse error the tokenizer keeps as a name char).
    i++;
    while (i < len && !/[\t\n\f\r />=]/.test(html.charAt(i))) i++;
    const attrName = html.slice(start, i).toLowerCase();
    let j = i;
    while (j < len && WS.test(html.charAt(j))) j++;
    let value = '';
    if (html.charAt(j) === '=') {
      j++;
      while (j < len && WS.test(html.charAt(j))) j++;
      const q = html.charAt(j);
      if (q === '"' || q === "'") {
        const close = html.indexOf(q, j + 1);
        if (close < 0) return null;
        value = html.slice(j + 1, close);
        i = close + 1;
      } else if (q === '>') {
        i = j;
      } else {
        let k = j;
        while (k < len && !/[\t\n\f\r >]/.test(html.charAt(k))) k++;
        value = html.slice(j, k);
        i = k;
      }
    }
    attrs.push({ name: attrName, value, start, end: i });
  }
}

/** Index just past the end tag `</name ...>` closing a raw-text element, or html.length. */
function rawTextEnd(html: string, name: string, from: number): number {
  const re = new RegExp(`</${name}[\\t\\n\\f\\r />]`, 'gi');
  re.lastIndex = from;
  const m = re.exec(html);
  if (!m) return html.length;
  return parseTag(html, m.index + 2)?.end ?? html.length;
}

/**
 * Index just past `</script>`, following the tokenizer's script-data escape states: inside
 * `<!-- <script> ... -->` a `</script>` does not end the element.
 */
function scriptEnd(html: string, from: number): number {
  const re = /<!--|-->|<(\/?)script[\t\n\f\r />]/gi;
  re.lastIndex = from;
  let state: 'data' | 'escaped' | 'double' = 'data';
  for (let m = re.exec(html); m; m = re.exec(html)) {
    const tok = m[0];
    if (tok === '<!--') {
      if (state === 'data') state = 'escaped';
      // `<!-->` and `<!--->` close immediately: let the `-->` search start inside the opener.
      re.lastIndex = m.index + 2;
    } else if (tok === '-->') {
      if (state !== 'data') state = 'data';
    } else if (m[1] === '/') {
      if (state === 'double') state = 'escaped';
      else return parseTag(html, m.index + 2)?.end ?? html.length;
    } else if (state === 'escaped') {
      state = 'double';
    }
  }
  return html.length;
}

/** End of the element started at `from` by `<name`, counting nested same-name tags; -1 if unclosed. */
function nestedEnd(html: string, name: string, from: number): number {
  const re = new RegExp(`<(/?)${name}[\\t\\n\\f\\r />]`, 'gi');
  re.lastIndex = from;
  let depth = 1;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    const tag = parseTag(html, m.index + (m[1] ? 2 : 1));
    if (!tag) return -1;
    if (m[1]) depth--;
    else if (!tag.selfClosing) depth++;
    if (depth === 0) return tag.end;
    re.lastIndex = tag.end;
  }
  return -1;
}

/** End of a template element: its content may hold raw-text elements and nested templates. */
function templateEnd(html: string, from: number): number {
  let depth = 1;
  let i = from;
  const len = html.length;
  while (i < len) {
    const lt = html.indexOf('<', i);
    if (lt < 0) return -1;
    const next = skipMarkup(html, lt);
    if (next.kind === 'eof') return -1;
    if (next.kind === 'start' && next.name === 'template') depth++;
    if (next.kind === 'end' && next.name === 'template') {
      depth--;
      if (depth === 0) return next.end;
    }
    i = next.end;
  }
  return -1;
}

type Markup =
  | { kind: 'start' | 'end'; name: string; end: number }
  | { kind: 'other'; end: number }
  | { kind: 'eof' };

/** Moves over one markup construct at `lt` (a `<`), raw-text element content included. */
function skipMarkup(html: string, lt: number): Markup {
  const c1 = html.charAt(lt + 1);
  if (html.startsWith('<!--', lt)) return { kind: 'other', end: commentBounds(html, lt).end };
  if (c1 === '!' || c1 === '?') {
    const gt = html.indexOf('>', lt + 2);
    return { kind: 'other', end: gt < 0 ? html.length : gt + 1 };
  }
  if (c1 === '/') {
    if (/[a-z]/i.test(html.charAt(lt + 2))) {
      const tag = parseTag(html, lt + 2);
      return tag ? { kind: 'end', name: tag.name, end: tag.end } : { kind: 'eof' };
    }
    const gt = html.indexOf('>', lt + 2);
    return { kind: 'other', end: gt < 0 ? html.length : gt + 1 };
  }
  if (/[a-z]/i.test(c1)) {
    const tag = parseTag(html, lt + 1);
    if (!tag) return { kind: 'eof' };
    if (tag.name === 'plaintext') return { kind: 'eof' };
    if (tag.name === 'script')
      return { kind: 'start', name: tag.name, end: scriptEnd(html, tag.end) };
    if (RAW_TEXT.has(tag.name)) {
      return { kind: 'start', name: tag.name, end: rawTextEnd(html, tag.name, tag.end) };
    }
    return { kind: 'start', name: tag.name, end: tag.end };
  }
  return { kind: 'other', end: lt + 1 };
}

/**
 * A comment starting at `lt` (`<!--`), per the tokenizer's comment states: `end` is just past it,
 * `dataEnd` where its text stops.
 */
function commentBounds(html: string, lt: number): { end: number; dataEnd: number } {
  if (html.startsWith('<!-->', lt)) return { end: lt + 5, dataEnd: lt + 4 };
  if (html.startsWith('<!--->', lt)) return { end: lt + 6, dataEnd: lt + 4 };
  // One search for whichever closer comes first: two indexOf calls would each run to the end of
  // the page when one closer is absent, which is quadratic over many comments.
  COMMENT_CLOSE.lastIndex = lt + 4;
  const m = COMMENT_CLOSE.exec(html);
  if (!m) return { end: html.length, dataEnd: html.length };
  return { end: m.index + m[0].length, dataEnd: m.index };
}

function firstAttr(tag: Tag, name: string): Attr | undefined {
  return tag.attrs.find((a) => a.name === name);
}

/** The tag's source with inline styles Readability cannot need removed. */
function withoutStyle(html: string, lt: number, tag: Tag, aggressive: boolean): string | null {
  const style = firstAttr(tag, 'style');
  if (!style) return null;
  // Only the first of duplicate attributes counts, so if it stays the tag stays as written.
  if (!aggressive && STYLE_READ_BY_READABILITY.test(style.value)) return null;
  let out = '';
  let pos = lt;
  for (const a of tag.attrs) {
    if (a.name !== 'style') continue;
    out += html.slice(pos, a.start);
    pos = a.end;
  }
  return out + html.slice(pos, tag.end);
}

/**
 * End of a <noscript> whose content starts at `from`, or -1 when removing it as a unit might not
 * match the parser: unbalanced content (an end tag the parser would ignore or let close an
 * ancestor), plaintext or foreign content, or in the head anything the parser would move out.
 */
function noscriptEnd(html: string, from: number, inHead: boolean): number {
  const stack: string[] = [];
  let i = from;
  // Real noscript blocks are a tracking pixel or a sentence; a bounded look keeps a page of
  // unclosed <noscript>s from being rescanned to the end once per tag.
  const limit = Math.min(html.length, from + 16_384);
  while (i < limit) {
    const lt = html.indexOf('<', i);
    if (lt < 0) return -1;
    if (inHead && NON_WS.test(html.slice(i, lt))) return -1;
    const m = skipMarkup(html, lt);
    if (m.kind === 'eof') return -1;
    if (m.kind === 'start') {
      if (m.name === 'svg' || m.name === 'math') return -1;
      if (inHead && !HEAD_NOSCRIPT_OK.has(m.name)) return -1;
      // Raw-text elements come back whole from skipMarkup; void ones have no end.
      if (!RAW_TEXT.has(m.name) && !VOID.has(m.name)) stack.push(m.name);
    } else if (m.kind === 'end') {
      if (m.name === 'noscript' && stack.length === 0) return m.end;
      if (stack[stack.length - 1] !== m.name) return -1;
      stack.pop();
    }
    i = m.end;
  }
  return -1;
}

/** Nesting depth of the tags in a foreign-content island, counted naively. */
function foreignDepth(inner: string): number {
  // Attribute text never crosses a `<`, so a run of unclosed tags costs linear time.
  const re = /<(\/?)[a-zA-Z][^\s/<>]*(?:[^<>"']|"[^"]*"|'[^']*')*?(\/?)>/g;
  let depth = 0;
  let max = 0;
  for (let m = re.exec(inner); m; m = re.exec(inner)) {
    if (m[1]) depth = Math.max(0, depth - 1);
    else if (!m[2]) max = Math.max(max, ++depth);
  }
  return max;
}

/**
 * Removes from `html` what Readability would discard before reading the page: scripts (except
 * JSON-LD, which it reads for metadata), styles, self-contained noscript blocks, head `<link>`s,
 * template contents, comment text, shape-only SVG contents and inline styles that cannot hide
 * anything. Also caps element nesting at MAX_DEPTH.
 */
export function precleanHtml(html: string, opts: PrecleanOptions = {}): string {
  const aggressive = opts.aggressive === true;
  const len = html.length;
  const out: string[] = [];
  let copied = 0;
  let i = 0;
  let inHead = true;
  // Approximate stack of open elements (names), for the depth cap.
  const open: string[] = [];
  // Start tags dropped for being too deep, by name, so their end tags can go too.
  const dropped = new Map<string, number>();
  let unclosedForeign = false;
  let noscriptMisses = 0;
  // Inside an SVG/MathML island whose end could not be found.
  let inForeign = false;

  const replace = (from: number, to: number, text: string): void => {
    if (from > copied) out.push(html.slice(copied, from));
    if (text) out.push(text);
    copied = to;
  };

  while (i < len) {
    const lt = html.indexOf('<', i);
    if (lt < 0) break;
    if (inHead && NON_WS.test(html.slice(i, lt))) inHead = false;
    const c1 = html.charAt(lt + 1);

    if (inForeign && html.startsWith('<![CDATA[', lt)) {
      // Text in foreign content, up to ]]>, whatever it looks like.
      const close = html.indexOf(']]>', lt + 9);
      i = close < 0 ? len : close + 3;
      continue;
    }

    if (html.startsWith('<!--', lt)) {
      const { end, dataEnd } = commentBounds(html, lt);
      if (end - lt > 8 && NON_WS.test(html.slice(lt + 4, dataEnd))) replace(lt, end, '<!--x-->');
      i = end;
      continue;
    }

    if (c1 === '/' && /[a-z]/i.test(html.charAt(lt + 2))) {
      const tag = parseTag(html, lt + 2);
      if (!tag) break;
      if (tag.name === 'head' || tag.name === 'body' || tag.name === 'html') inHead = false;
      if (tag.name === 'svg' || tag.name === 'math' || tag.name === 'p' || tag.name === 'br') {
        inForeign = false;
      }
      const d = dropped.get(tag.name) ?? 0;
      if (d > 0) {
        dropped.set(tag.name, d - 1);
        replace(lt, tag.end, '');
      } else {
        const at = open.lastIndexOf(tag.name);
        if (at >= 0) {
          open.length = at;
          // Closing an ancestor closes everything below it, the dropped elements included.
          dropped.clear();
        }
      }
      i = tag.end;
      continue;
    }

    if (!/[a-z]/i.test(c1)) {
      const m = skipMarkup(html, lt);
      if (m.kind === 'eof') break;
      i = m.end;
      continue;
    }

    const tag = parseTag(html, lt + 1);
    // EOF inside a tag: the tokenizer drops it; leave the tail alone.
    if (!tag) break;
    const name = tag.name;
    if (!HEAD_TAGS.has(name)) inHead = false;
    if (inForeign) {
      const fontBreakout =
        name === 'font' && tag.attrs.some((a) => /^(?:color|face|size)$/.test(a.name));
      if (FOREIGN_BREAKOUT.has(name) || fontBreakout) {
        inForeign = false;
      } else {
        // Inside an SVG/MathML island <script>, <style> and <template> are foreign
        // elements with parsed content: leave them all to the parser, only count the depth.
        if (!tag.selfClosing) open.push(name);
        if (open.length > MAX_DEPTH) {
          open.pop();
          dropped.set(name, (dropped.get(name) ?? 0) + 1);
          replace(lt, tag.end, '');
        }
        i = tag.end;
        continue;
      }
    }

    if (name === 'script') {
      const end = scriptEnd(html, tag.end);
      const type = firstAttr(tag, 'type')?.value.trim().toLowerCase();
      if (type !== 'application/ld+json') replace(lt, end, '');
      i = end;
      continue;
    }
    if (name === 'style') {
      const end = rawTextEnd(html, name, tag.end);
      replace(lt, end, '');
      i = end;
      continue;
    }
    if (name === 'noscript' && noscriptMisses < 3) {
      const end = noscriptEnd(html, tag.end, inHead);
      if (end >= 0) {
        replace(lt, end, '');
        i = end;
        continue;
      }
      // Each miss may have scanned far ahead; after a few, leave every noscript to the parser.
      noscriptMisses++;
      // Left for the parser to sort out; Readability removes it after unwrapping its images.
    }
    if (name === 'plaintext') break;
    if (RAW_TEXT.has(name)) {
      // iframe, textarea, title, ...: the element is kept; only its start tag may lose a style.
      const stripped = withoutStyle(html, lt, tag, aggressive);
      if (stripped !== null) replace(lt, tag.end, stripped);
      i = rawTextEnd(html, name, tag.end);
      continue;
    }
    if (name === 'link' && inHead) {
      replace(lt, tag.end, '');
      i = tag.end;
      continue;
    }
    if (name === 'template') {
      const end = templateEnd(html, tag.end);
      if (end < 0) {
        // Unclosed: everything after it is template content, which Readability never sees.
        replace(lt, len, `${html.slice(lt, tag.end)}</template>`);
        i = len;
        break;
      }
      // Template contents live in a separate fragment Readability never sees.
      replace(lt, end, `${html.slice(lt, tag.end)}</template>`);
      i = end;
      continue;
    }
    if ((name === 'svg' || name === 'math') && !tag.selfClosing) {
      const end = unclosedForeign ? -1 : nestedEnd(html, name, tag.end);
      const closeStart = end < 0 ? -1 : html.lastIndexOf('<', end - 1);
      if (end < 0 || LEAVES_FOREIGN.test(html.slice(tag.end, closeStart))) {
        // Unclosed, or HTML inside (a breakout tag, CDATA, an integration point): the parser
        // may leave the island before its end tag. Scan on tag by tag in foreign mode instead.
        // After one failed search, stop looking for island ends (each search would run to the
        // end of the page again).
        if (end < 0) unclosedForeign = true;
        inForeign = true;
        open.push(name);
        i = tag.end;
        continue;
      }
      if (aggressive) {
        replace(lt, end, '');
      } else {
        const inner = html.slice(tag.end, closeStart);
        // Icons: many nodes, no text. Anything with text stays, since Readability may keep it.
        if (name === 'svg' && SHAPE_ONLY_SVG.test(inner)) replace(tag.end, closeStart, '');
        else if (foreignDepth(inner) > MAX_FOREIGN_DEPTH) replace(tag.end, closeStart, '');
      }
      // Foreign content is tokenized differently (CDATA, no raw text); never clean inside it.
      i = end;
      continue;
    }

    if (!VOID.has(name) && !OPTIONAL_END.has(name)) {
      if (open.length >= MAX_DEPTH) {
        dropped.set(name, (dropped.get(name) ?? 0) + 1);
        replace(lt, tag.end, '');
        i = tag.end;
        continue;
      }
      open.push(name);
    }
    const stripped = withoutStyle(html, lt, tag, aggressive);
    if (stripped !== null) replace(lt, tag.end, stripped);
    i = tag.end;
  }

  if (copied === 0) return html;
  if (copied < len) out.push(html.slice(copied));
  return out.join('');
}
