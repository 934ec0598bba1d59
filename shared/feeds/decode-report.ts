import { isUtf8 } from 'node:buffer';
import {
  type CharsetSource,
  type DecodeOptions,
  declaredCharsets,
  decodeAs,
  decodeBody,
  detectCharset,
} from './decode.ts';

// decodeBody never fails, so a wrong charset would otherwise pass silently: an Arabic page in
// windows-1256 served with "charset=iso-8859-1" becomes "ÛÇÑÉ ÌæíÉ", stored and alerted as is.
// This decodes the same way and says when the text is probably not what the page meant: bytes
// that were not valid in the charset used (U+FFFD produced), UTF-8 bytes read as a single-byte
// charset, or text in a non-Latin single-byte charset read as another one. A warning is a
// statement about likelihood, never a reason to refuse the page.

export interface DecodeReport {
  /** Exactly what decodeBody returns for the same body and options. */
  text: string;
  /** The charset the body was decoded with, and where that came from. */
  charset: string;
  source: CharsetSource;
  /** Why the text is probably garbled (one line, for an operator), or null when it looks clean. */
  warning: string | null;
}

const SOURCE_LABEL: Record<CharsetSource, string> = {
  bom: 'its byte-order mark',
  'content-type': 'the Content-Type header',
  document: 'the document’s own declaration',
  default: 'the UTF-8 default (nothing declared)',
};

/** Enough of a page to judge its charset; the checks below stay cheap on a 5 MB body. */
const SAMPLE_BYTES = 64 * 1024;

/**
 * Single-byte charsets of non-Latin scripts, with the ten most frequent letters of the main
 * language written in each. Read in the right charset, most of a text's letters are among them;
 * read in a wrong one, the letters come out scrambled and only a few are.
 */
const SCRIPT_CHARSETS = [
  { charset: 'windows-1256', script: /\p{Script=Arabic}/u, common: 'اليمونرتبة' },
  { charset: 'windows-1251', script: /\p{Script=Cyrillic}/u, common: 'оеаинтсрвл' },
  { charset: 'koi8-r', script: /\p{Script=Cyrillic}/u, common: 'оеаинтсрвл' },
  { charset: 'windows-1253', script: /\p{Script=Greek}/u, common: 'αοειτνσρηκ' },
  { charset: 'windows-1255', script: /\p{Script=Hebrew}/u, common: 'יוהלמראתבנ' },
  { charset: 'iso-8859-6', script: /\p{Script=Arabic}/u, common: 'اليمونرتبة' },
  { charset: 'iso-8859-5', script: /\p{Script=Cyrillic}/u, common: 'оеаинтсрвл' },
  { charset: 'iso-8859-7', script: /\p{Script=Greek}/u, common: 'αοειτνσρηκ' },
  { charset: 'iso-8859-8', script: /\p{Script=Hebrew}/u, common: 'יוהלמראתבנ' },
] as const;

/** Share of the text's letters that are common letters of the candidate's language. */
function languageScore(text: string, candidate: (typeof SCRIPT_CHARSETS)[number]): number {
  let letters = 0;
  let common = 0;
  for (const ch of text) {
    if (!candidate.script.test(ch)) continue;
    letters++;
    if (candidate.common.includes(ch.toLowerCase())) common++;
  }
  return letters < 20 ? 0 : common / letters;
}

/** The non-Latin single-byte charset the bytes read best in, when one clearly does. */
function bestScriptCharset(sample: Buffer): string | null {
  let best: { charset: string; score: number } | null = null;
  for (const c of SCRIPT_CHARSETS) {
    const score = languageScore(decodeAs(sample, c.charset), c);
    if (score >= 0.45 && (best === null || score > best.score))
      best = { charset: c.charset, score };
  }
  return best?.charset ?? null;
}

/** Whether most of the letters are bytes above 0x7F, as in Arabic, Russian or Greek pages. */
function mostlyHighByteLetters(sample: Buffer): boolean {
  let high = 0;
  let ascii = 0;
  for (const b of sample) {
    if (b >= 0x80) high++;
    else if ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7a) ascii++;
  }
  return high >= 40 && high >= 0.3 * (high + ascii);
}

/** How many times the UTF-8 encoding of U+FFFD itself occurs in the bytes. */
function literalReplacementChars(bytes: Buffer): number {
  const seq = Buffer.from([0xef, 0xbf, 0xbd]);
  let n = 0;
  for (let i = bytes.indexOf(seq); i !== -1; i = bytes.indexOf(seq, i + 3)) n++;
  return n;
}

function countReplacementChars(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\uFFFD'); i !== -1; i = text.indexOf('\uFFFD', i + 1)) n++;
  return n;
}

/** What is wrong with the decoded text, without the hint about what would be right. */
function problem(body: Buffer, text: string, charset: string): string | null {
  const produced =
    countReplacementChars(text) - (charset === 'utf-8' ? literalReplacementChars(body) : 0);
  if (produced > 0) {
    return `${produced} byte sequence${produced === 1 ? ' is' : 's are'} not valid ${charset} and became U+FFFD replacement characters`;
  }
  if (/^utf-(8|16|32)/.test(charset)) return null;
  const sample = body.subarray(0, SAMPLE_BYTES);
  if (sample.some((b) => b >= 0x80) && isUtf8(sample)) {
    return `the bytes are valid UTF-8; as ${charset} every non-ASCII character is garbled`;
  }
  if (!mostlyHighByteLetters(sample)) return null;
  const best = bestScriptCharset(sample);
  if (best === null || best === charset) return null;
  return `the text reads far better as ${best}; as ${charset} it is garbled`;
}

/**
 * What the page is probably in: its own declaration when that differs from the charset used,
 * else the best-reading script charset when `found` does not name it already.
 */
function hint(body: Buffer, opts: DecodeOptions, used: string, found: string): string {
  const { document } = declaredCharsets(body, opts);
  if (document && document !== used) return `; the document itself declares ${document}`;
  const sample = body.subarray(0, SAMPLE_BYTES);
  const best = mostlyHighByteLetters(sample) ? bestScriptCharset(sample) : null;
  if (best && best !== used && !found.includes(best)) return `; it is probably ${best}`;
  return '';
}

/**
 * Decode like decodeBody, and report the charset used and a warning when the text is probably
 * garbled (null when it looks clean). Never throws.
 */
export function decodeBodyWithReport(body: Buffer, opts: DecodeOptions): DecodeReport {
  const { charset, source } = detectCharset(body, opts);
  const text = decodeBody(body, opts);
  // A BOM is authoritative and was written by whoever encoded the text.
  const found = source === 'bom' ? null : problem(body, text, charset);
  const warning = found
    ? `decoded as ${charset} (from ${SOURCE_LABEL[source]}) but ${found}${hint(body, opts, charset, found)}`
    : null;
  return { text, charset, source, warning };
}
