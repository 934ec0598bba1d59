import { createHash } from 'node:crypto';

// Text fingerprints for "is this the same story?":
// - an exact hash of the normalised text (same text, any outlet or URL);
// - MinHash over content words, one band key per value, that find near-duplicate candidates
//   with a fixed number of reads (never a Scan, whatever the table's size);
// - word and word-pair hash sets, kept with each article, to verify a candidate exactly.
// The thresholds were chosen on the FA-KES corpus: cross-outlet rewrites of one story share
// about a tenth of their content-word pairs, unrelated reports of the same war a twentieth.
//
// The band index (`npx tsx scripts/bench/band-choice.ts` replays FA-KES with each design and
// compares its stories with a replay that verifies every earlier article): rewrites of one story
// share only a fifth to a third of their content words, so each needs many single-value bands;
// fewer bands, or bands of several values, lose many of the stories' pairs (8 bands of one
// value: pair recall 0.85-0.88; 4: 0.72-0.77; 8 of two: 0.46-0.49). So all 16 bands stay, read
// by key in one BatchGetItem instead of one Query each: a band value keeps BAND_SLOTS entries
// per fortnight of story dates, the slot chosen by article and band, the latest article written
// to a slot keeping it (an article indexes before it looks, so its own slot may be one an
// earlier near-duplicate held: 3 slots make that rare in every band the two share). On the
// on-topic articles the pipeline indexes, the same 74 stories as the exhaustive replay and as
// one Query per band (pair recall 1.00; 2 slots: 0.69, 12 bands of 4: 0.75); on all 804, whatever
// their order, pair recall 0.94-0.95 against 0.97-1.00, 662 stories against 654-658. At most 96
// keys, within one request's 100.

const STOPWORDS = new Set(
  (
    'the a an of to in and or for on at by with from as is was were be been being has have had ' +
    'that this these those it its are said says say but not no which who whom whose will would ' +
    'their they them he she his her we our you your than then also after over into about up out ' +
    'more most other some such only own same so can could should may might must do does did ' +
    'there here when where while what how all any both each few just very one two new its ' +
    'syria syrian syrias'
  ).split(' '),
);

export const MINHASH_SIZE = 16;
/** MinHash values per band key. */
export const BAND_ROWS = 1;
/** One band per MinHash value: a story that shares one in four words is likely found. */
export const BAND_COUNT = MINHASH_SIZE;
/** Entries a band value keeps per period (the latest article written to each slot). */
export const BAND_SLOTS = 3;
const DAY_MS = 86_400_000;

/** Days of story dates a band value keeps its slots for: a window crosses into the next in 3 of 7. */
export const BAND_PERIOD_DAYS = 14;

/** The period a story date (yyyy-mm-dd) is indexed under, counted from the Unix epoch. */
export function bandPeriod(isoDate: string): string {
  return String(Math.floor(Date.parse(isoDate.slice(0, 10)) / DAY_MS / BAND_PERIOD_DAYS));
}

/** Every period with a day from `from` to `to` (yyyy-mm-dd): the periods a window reads. */
export function bandPeriods(from: string, to: string): string[] {
  const first = Number(bandPeriod(from));
  const last = Number(bandPeriod(to));
  return Array.from({ length: Math.max(0, last - first + 1) }, (_, i) => String(first + i));
}

/** The slot of an article in one band: its own per band, so two articles rarely share all. */
export function bandSlot(articleId: string, band: number, slots = BAND_SLOTS): number {
  return Math.floor((mix32(fnv1a(`${articleId}#${band}`)) / 2 ** 32) * slots);
}

/**
 * MurmurHash3's finaliser: FNV-1a alone hardly changes its high bits for a different last
 * character, and its lowest bit is the input's parity, so "#0" and "#1" would share slots.
 */
function mix32(h: number): number {
  let x = h >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b) >>> 0;
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35) >>> 0;
  x ^= x >>> 16;
  return x >>> 0;
}

/** The band keys of MinHash values: `count` bands of `rows` values each. */
export function bandKeys(minhash: string[], count = BAND_COUNT, rows = BAND_ROWS): string[] {
  return Array.from({ length: count }, (_, i) => minhash.slice(i * rows, (i + 1) * rows).join(''));
}

export interface TextFingerprint {
  /** sha256 of the normalised text. */
  contentHash: string;
  /** MinHash values over content words, as 8-hex-digit strings. */
  minhash: string[];
  /** Band keys: BAND_ROWS MinHash values each; the story index keeps BAND_SLOTS entries per key. */
  bands: string[];
  /** Sorted 32-bit hashes of content words. */
  words: Uint32Array;
  /** Sorted 32-bit hashes of adjacent content-word pairs. */
  pairs: Uint32Array;
}

export function normaliseText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u201c\u201d"'`]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export function contentWords(text: string): string[] {
  const words = normaliseText(text).match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.filter((w) => w.length > 2 && !STOPWORDS.has(w));
}

/** FNV-1a 32-bit: fast, stable across processes and platforms. */
function fnv1a(s: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

// Independent hash functions for MinHash: h_i(x) = (a_i * x + b_i) mod 2^32 over fnv1a(x), with
// fixed odd multipliers so fingerprints are identical in every process.
const MULTIPLIERS = Array.from({ length: MINHASH_SIZE }, (_, i) => (fnv1a(`a${i}`) | 1) >>> 0);
const OFFSETS = Array.from({ length: MINHASH_SIZE }, (_, i) => fnv1a(`b${i}`));

function sortedUnique(values: Iterable<number>): Uint32Array {
  const arr = Uint32Array.from(new Set(values));
  arr.sort();
  return arr;
}

export function fingerprintText(text: string): TextFingerprint {
  const words = contentWords(text);
  const wordHashes = sortedUnique(words.map((w) => fnv1a(w)));
  const pairHashes = sortedUnique(words.slice(1).map((w, i) => fnv1a(`${words[i]} ${w}`)));
  const mins = new Array<number>(MINHASH_SIZE).fill(0xffffffff);
  for (const h of wordHashes) {
    for (let i = 0; i < MINHASH_SIZE; i++) {
      const v = (Math.imul(MULTIPLIERS[i] ?? 1, h) + (OFFSETS[i] ?? 0)) >>> 0;
      if (v < (mins[i] ?? 0xffffffff)) mins[i] = v;
    }
  }
  const minhash = mins.map((m) => m.toString(16).padStart(8, '0'));
  return {
    contentHash: createHash('sha256').update(normaliseText(text)).digest('hex'),
    minhash,
    bands: bandKeys(minhash),
    words: wordHashes,
    pairs: pairHashes,
  };
}

/** Jaccard similarity of two sorted hash sets. */
export function jaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0 && b.length === 0) return 0;
  let i = 0;
  let j = 0;
  let common = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] ?? 0;
    const y = b[j] ?? 0;
    if (x === y) {
      common++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return common / (a.length + b.length - common);
}

export interface SimilarityThresholds {
  /** Word-pair Jaccard at or above which two texts tell the same story. */
  pairs: number;
  /** Content-word Jaccard at or above which two texts tell the same story. */
  words: number;
  /** Stories more than this many days apart are never merged. */
  maxDaysApart: number;
}

export const DEFAULT_SIMILARITY: SimilarityThresholds = {
  pairs: 0.08,
  words: 0.45,
  maxDaysApart: 3,
};

export function isSameStory(
  a: Pick<TextFingerprint, 'words' | 'pairs'>,
  b: Pick<TextFingerprint, 'words' | 'pairs'>,
  t: SimilarityThresholds = DEFAULT_SIMILARITY,
): boolean {
  return jaccard(a.pairs, b.pairs) >= t.pairs || jaccard(a.words, b.words) >= t.words;
}

export function encodeHashes(a: Uint32Array): Uint8Array {
  return new Uint8Array(a.buffer.slice(a.byteOffset, a.byteOffset + a.byteLength));
}

export function decodeHashes(b: Uint8Array): Uint32Array {
  const copy = new Uint8Array(b);
  return new Uint32Array(copy.buffer, 0, Math.floor(copy.byteLength / 4));
}
