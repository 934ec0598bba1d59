// Bounds on what outsiders write into strikewatch, applied where it enters: the article job built
// from a feed item, the article read from its page, the article record. A feed or a page chooses
// these strings, so without a bound one 450 kB title makes every record that carries it too big
// for the store, and the item fails on every run. Output sanitising (shared/output/sanitise.ts)
// is a separate, later step; these only bound length and fold lines.

/** Characters of a title (feed item or page). */
export const TITLE_MAX_CHARS = 500;
/** Characters of an outlet name (the feed's own title unless the config names it). */
export const OUTLET_MAX_CHARS = 100;
/** Characters of a byline. */
export const BYLINE_MAX_CHARS = 200;
/** Characters of a feed item's GUID. */
export const GUID_MAX_CHARS = 1_000;
/** Characters of a link; a longer one is no link (nothing that long names an article). */
export const LINK_MAX_CHARS = 4_096;
/** Characters of article text stored and carried (a DynamoDB item holds at most 400 KB). */
export const STORED_TEXT_MAX_CHARS = 100_000;
/** UTF-8 bytes of the same: 100,000 characters of CJK would be 300 kB, too close to 400 KB. */
export const STORED_TEXT_MAX_BYTES = 160_000;

const ELLIPSIS = '…';

/** The first `max` UTF-16 code units, never ending inside a surrogate pair. */
function headChars(s: string, max: number): string {
  const cut = s.slice(0, Math.max(0, max));
  return /[\ud800-\udbff]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/** At most `max` characters, an ellipsis marking a cut. */
export function boundText(s: string, max: number): string {
  return s.length <= max ? s : `${headChars(s, max - 1)}${ELLIPSIS}`;
}

/** One line (every run of whitespace, line breaks included, is one space), at most `max`. */
export function singleLine(s: string, max: number): string {
  // Bound first: folding a 450 kB string only to cut it would be wasted work.
  const head = s.length > max * 4 ? s.slice(0, max * 4) : s;
  return boundText(head.replace(/\s+/g, ' ').trim(), max);
}

/** The same for a field that may be null; empty after folding is null. */
export function singleLineOrNull(s: string | null | undefined, max: number): string | null {
  if (s == null) return null;
  const line = singleLine(s, max);
  return line === '' ? null : line;
}

/** At most `maxBytes` bytes of UTF-8, cut at a character, an ellipsis marking a cut. */
export function boundUtf8(s: string, maxBytes: number): string {
  if (Buffer.byteLength(s, 'utf8') <= maxBytes) return s;
  const room = maxBytes - Buffer.byteLength(ELLIPSIS, 'utf8');
  // Cut the bytes, then drop a character split at the end (it decodes to U+FFFD).
  const head = Buffer.from(s, 'utf8').subarray(0, Math.max(0, room)).toString('utf8');
  return `${head.replace(/\ufffd$/, '')}${ELLIPSIS}`;
}

/** Article text as stored: within both the character and the byte cap. */
export function boundStoredText(s: string): string {
  return boundUtf8(boundText(s, STORED_TEXT_MAX_CHARS), STORED_TEXT_MAX_BYTES);
}
