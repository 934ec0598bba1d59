// The one sanitiser for everything that leaves strikewatch: Slack, email (subject, headers, HTML
// and text bodies), terminal output and CSV cells. Text from feeds and pages is hostile: it may
// carry newlines that forge message rows ("Reuters\n*Figure:* at least 5000 children killed"),
// terminal escape sequences (ESC/OSC, BEL, C1), bidi overrides that reverse what a reader sees,
// zero-width characters, Slack mentions and links, header-splitting CR/LF, spreadsheet formulas.
//
// Every channel function starts from `cleanText` (controls, bidi and zero-width characters
// removed, newlines normalised or folded, length bounded at a word) and then applies the one
// escaping its channel needs. Renderers never put outside text anywhere without one of these.

/** Longest single-line field unless the caller says otherwise. */
export const DEFAULT_LINE_MAX = 500;
/** Longest multi-line field unless the caller says otherwise. */
export const DEFAULT_BLOCK_MAX = 4000;

export interface CleanOptions {
  /** Keep line breaks (normalised to \n); otherwise every run of whitespace becomes one space. */
  multiline?: boolean;
  /** Longest result in UTF-16 code units, ellipsis included; cut at a word boundary. */
  max?: number;
}

// Terminal control sequences, removed whole so their parameters do not remain as text:
// CSI (ESC [ ... final), OSC (ESC ] ... BEL or ST), DCS/SOS/PM/APC (ESC P|X|^|_ ... ST), and any
// other two-character escape. Unterminated strings lose their ESC below; what is left is text.
// The same with the 8-bit C1 introducers (CSI U+009B, OSC U+009D).
const ESCAPE_SEQUENCES =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control sequences is the point.
  /\u001b\[[0-?]*[ -/]*[@-~]|\u009b[0-?]*[ -/]*[@-~]|(?:\u001b\]|\u009d)[^\u0007\u001b\u009c]*(?:\u0007|\u001b\\|\u009c)|\u001b[PX^_][^\u001b]*\u001b\\|\u001b[ -/]*[0-~]?/g;
// Line breaks in every spelling: CRLF, CR, VT, FF, NEL (C1), LINE and PARAGRAPH SEPARATOR.
// biome-ignore lint/suspicious/noControlCharactersInRegex: normalising line breaks is the point.
const LINE_BREAKS = /\r\n|[\r\u000b\u000c\u0085\u2028\u2029]/g;
// C0 controls but tab and newline, DEL, C1 controls.
// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point.
const CONTROLS = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f]/g;
// Bidi embeddings, overrides and isolates (U+202A-202E, U+2066-2069), LRM/RLM/ALM, zero-width
// space/joiners, word joiner and invisible operators, BOM, Mongolian vowel separator, soft
// hyphen, combining grapheme joiner, interlinear annotation, and the invisible TAG characters.
// (U+034F is a combining mark: it is an alternative of its own, not in the class.)
const INVISIBLES =
  /[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\u061c\ufeff\u180e\u00ad\ufff9-\ufffb]|\u034f|\udb40[\udc00-\udc7f]/g;
const INVISIBLE = new RegExp(INVISIBLES.source);
const LONE_SURROGATES = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Removes what no channel may carry; newlines kept (as \n) or folded into spaces. */
export function cleanText(input: unknown, opts: CleanOptions = {}): string {
  const raw = typeof input === 'string' ? input : input == null ? '' : String(input);
  let s = raw
    .normalize('NFC')
    .replace(ESCAPE_SEQUENCES, '')
    .replace(LINE_BREAKS, '\n')
    .replace(CONTROLS, '')
    .replace(INVISIBLES, '')
    .replace(LONE_SURROGATES, '\ufffd');
  if (opts.multiline) {
    s = s
      .replace(/[^\S\n]+/g, ' ')
      .replace(/ ?\n ?/g, '\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim();
  } else {
    s = s.replace(/\s+/g, ' ').trim();
  }
  return cutAtWord(s, opts.max ?? (opts.multiline ? DEFAULT_BLOCK_MAX : DEFAULT_LINE_MAX));
}

/**
 * At most `max` characters (the ellipsis included), cut at the last word boundary when there is
 * one in the last 40% (else mid-word: one endless token must still be bounded); never splits a
 * surrogate pair.
 */
export function cutAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 1) return max === 1 ? '…' : '';
  let cut = text.slice(0, max - 1);
  // Cut right before a blank: the last word is whole. Otherwise go back to the last blank.
  const space = /\s/.test(text.charAt(max - 1)) ? cut.length : cut.search(/\s\S*$/);
  if (space >= Math.floor((max - 1) * 0.6)) cut = cut.slice(0, space);
  cut = cut.replace(/[\ud800-\udbff]$/, '').replace(/[\s,;:.\-–—(]+$/, '');
  return `${cut}…`;
}

/** An absolute http(s) URL without whitespace, controls or credentials; otherwise null. */
export function safeHttpUrl(input: unknown, max = 2000): string | null {
  if (typeof input !== 'string' || input.length > max) return null;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: URLs with controls are refused.
  if (/[\s\u0000-\u001f\u007f-\u009f<>"`\\^{}|]/.test(input)) return null;
  if (INVISIBLE.test(input)) return null;
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username || url.password) return null;
  return url.href;
}

// Domains and URLs in article text must not become links: Slack and mail clients link bare
// "evil.example" and "https://..." by themselves. Defanged the way analysts write it.
const COMMON_TLDS =
  'com|net|org|info|biz|io|co|me|ly|gl|gd|be|to|tv|ru|su|uk|us|de|fr|it|nl|es|ch|se|no|tr|ir|iq|sy|lb|jo|il|ps|sa|ae|qa|kw|eg|cn|jp|in|pk|ua|news|online|site|xyz|top|app|dev|link|click|live|media|press|world|today|website|space|store|shop|page|club|email';
const SCHEME_URL = /\b([a-z][a-z0-9+.-]{1,15}):\/\/([^\s/?#]*)/gi;
const DOMAIN = new RegExp(`\\b((?:[a-z0-9-]+\\.)+)(${COMMON_TLDS})(?![a-z0-9-])`, 'gi');
const WWW = /\bwww\./gi;
const MAILTO = /\bmailto:/gi;

/** "https://evil.example/x" -> "hxxps[:]//evil[.]example/x": readable, not clickable. */
export function defangLinks(text: string): string {
  return text
    .replace(
      SCHEME_URL,
      (_m, scheme: string, host: string) =>
        `${scheme.replace(/^http/i, 'hxxp')}[:]//${host.replace(/\./g, '[.]')}`,
    )
    .replace(MAILTO, 'mailto[:]')
    .replace(WWW, 'www[.]')
    .replace(DOMAIN, (_m, labels: string, tld: string) => `${labels.slice(0, -1)}[.]${tld}`)
    .replace(/\[\.\]\[\.\]/g, '[.]');
}

// Slack mrkdwn control characters become look-alikes: Slack has no escape for them, and an
// asterisk pair in a title would otherwise turn article text into a bold "*Figure:*" label.
const MRKDWN_LOOKALIKES: Record<string, string> = {
  '*': '\u2217',
  '＊': '\ufe61',
  _: '\u02cd',
  '＿': '\u2e0f',
  '~': '\u223c',
  '～': '\u223c',
  '`': '\u02cb',
  '｀': '\u02cb',
};

/** Article text for a Slack mrkdwn field: no mentions, no links, no formatting, no rows. */
export function slackMrkdwn(input: unknown, opts: CleanOptions = {}): string {
  return escapeSlackSyntax(defangLinks(cleanText(input, opts)));
}

function escapeSlackSyntax(s: string): string {
  return (
    s
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/[*＊_＿~～`｀]/g, (c) => MRKDWN_LOOKALIKES[c] ?? c)
      .replace(/[@＠](?=(?:channel|here|everyone)\b)/gi, '＠')
      // "&gt;" opening a line would still start a Slack block quote.
      .replace(/^(\s*)&gt;/gm, '$1›')
  );
}

/**
 * Article text for a Slack plain_text object (headers, buttons). Slack shows it verbatim, but it
 * gets the same look-alikes as mrkdwn (so moving a field between the two never opens a hole),
 * angle brackets become ‹ › so nothing ever spells a mention, and links are defanged because
 * clients link them anyway.
 */
export function slackPlain(input: unknown, opts: CleanOptions = {}): string {
  return defangLinks(cleanText(input, opts))
    .replace(/</g, '‹')
    .replace(/>/g, '›')
    .replace(/[*＊_＿~～`｀]/g, (c) => MRKDWN_LOOKALIKES[c] ?? c)
    .replace(/[@＠](?=(?:channel|here|everyone)\b)/gi, '＠');
}

/** A link strikewatch makes itself (`<url|label>`), only for a safe http(s) URL. */
export function slackLink(url: unknown, label: unknown, maxLabel = 150): string {
  const text = slackMrkdwn(label, { max: maxLabel }).replace(/\|/g, '¦');
  const safe = safeHttpUrl(url);
  if (!safe) return text;
  // Slack's link syntax ends at `|` or `>`; safeHttpUrl already refused those characters.
  return `<${safe}|${text}>`;
}

/** One email header value (subject, names): a single line, no header injection, bounded. */
export function emailHeader(input: unknown, max = 200): string {
  return cleanText(input, { max });
}

/** Text for an HTML email body or attribute: cleaned, links defanged, HTML-escaped. */
export function htmlText(input: unknown, opts: CleanOptions = {}): string {
  const s = escapeHtml(defangLinks(cleanText(input, opts)));
  return opts.multiline ? s.replace(/\n/g, '<br>') : s;
}

export function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Text for a plain-text email body: cleaned, links defanged. */
export function mailText(input: unknown, opts: CleanOptions = {}): string {
  return defangLinks(cleanText(input, opts));
}

/** Text for a terminal (run, query, notify output): no escape sequences, no bidi tricks. */
export function terminalText(input: unknown, opts: CleanOptions = {}): string {
  return cleanText(input, opts);
}

// A cell a spreadsheet would run as a formula (=, +, -, @, and their full-width forms, also after
// leading blanks or a tab/CR) is prefixed with an apostrophe, as OWASP recommends.
const FORMULA_START = /^[\s]*[=+\-@＝＋－＠]|^[\t\r]/;

/** One CSV cell (RFC 4180 quoting); numbers pass unprefixed, text is single-line and bounded. */
export function csvCell(value: unknown, max = 2000): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const raw = String(value);
  const cleaned = cleanText(raw, { max });
  const safe = FORMULA_START.test(raw) || FORMULA_START.test(cleaned) ? `'${cleaned}` : cleaned;
  return /[",\n\r]|^\s|\s$/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A CSV line of cells. */
export function csvRow(values: readonly unknown[]): string {
  return values.map((v) => csvCell(v)).join(',');
}

// Characters a terminal acts on that JSON.stringify leaves raw: C1 controls, bidi overrides and
// isolates, zero-width characters, line/paragraph separators.
const JSON_UNSAFE = /[\u0080-\u009f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2069\ufeff]/g;

/**
 * One JSON line for machine-readable output (JSON Lines): the data is kept exactly, but every
 * character a terminal would act on is written as a \u escape, so printing it is harmless.
 */
export function jsonLine(value: unknown): string {
  return JSON.stringify(value).replace(
    JSON_UNSAFE,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
