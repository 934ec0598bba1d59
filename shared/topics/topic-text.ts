// Sentences and word tokens for the topic model. Deliberately its own small splitter rather than
// the claim extractor's: the committed weights were trained on these exact units, so they must
// not move when the claim extractor's sentence rules are tuned.

export interface TopicSentence {
  text: string;
  /** Index of the non-blank line the sentence comes from; 0 is the title line. */
  line: number;
}

// A sentence ends at . ! ? (optionally a closing quote) before whitespace and a capital, digit or
// opening quote, or glued to the next one as FA-KES often has it ("civilians.Human Rights").
// "U.S." and single capitals ("Gen. A. Smith") are not ends.
const BOUNDARY_RE =
  /(?<![A-Z]\.[A-Z]|\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|Gen|Col|Lt|Maj|Brig|Sgt|St|No))[.!?]["”’]?(?:\s+(?=["“‘(]?[A-Z0-9])|(?=[A-Z][a-z]))/g;

export function topicSentences(text: string): TopicSentence[] {
  const out: TopicSentence[] = [];
  let line = 0;
  for (const raw of text.split('\n')) {
    if (raw.trim() === '') continue;
    let last = 0;
    BOUNDARY_RE.lastIndex = 0;
    for (let m = BOUNDARY_RE.exec(raw); m; m = BOUNDARY_RE.exec(raw)) {
      const end = m.index + m[0].length;
      pushTrimmed(out, raw.slice(last, end), line);
      last = end;
    }
    pushTrimmed(out, raw.slice(last), line);
    line++;
  }
  return out;
}

function pushTrimmed(out: TopicSentence[], piece: string, line: number): void {
  const text = piece.trim();
  if (text) out.push({ text, line });
}

// "U.S.", "U.S.A.", "US" and "USA" are the one word `usa` (so that the pronoun "us" is not);
// "U.S.-led" is `usa-led`.
const US_RE = /\bU\.S\.(?:A\.)?|\bUSA?\b/g;
// Lower-case words (hyphenated compounds kept whole, a possessive 's dropped) and numbers.
const TOKEN_RE = /[a-z]+(?:-[a-z]+)*|\d+/g;
const POSSESSIVE_RE = /['’]s\b/g;

const classOf = (cls: string, words: string): [string, string][] =>
  words.split(' ').map((w) => [w, cls]);

// Words of one class are one token, so that what is learnt about "US-led coalition warplanes
// killed 12 in Raqqa" carries over to "American jets killed six in Deir ez-Zor".
const WORD_CLASSES: ReadonlyMap<string, string> = new Map([
  ...classOf(
    '@place',
    'raqqa raqqah raqa deir ez-zor ezzor ezzor al-zor aleppo idlib homs hama daraa damascus ' +
      'manbij kobani kobane hasakah hasakeh hassakeh tabqa tabaqa palmyra al-bab shadadi ' +
      'mayadin mayadeen albu kamal latakia douma ghouta qamishli',
  ),
  ...classOf('@day', 'monday tuesday wednesday thursday friday saturday sunday'),
  ...classOf('#', 'one two three four five six seven eight nine ten eleven twelve'),
]);

/**
 * Lower-case word tokens of `s`: every number is `#`, the United States `usa` before its word
 * class (see WORD_CLASSES) replaces it.
 */
export function wordTokens(s: string): string[] {
  const normalised = s.replace(US_RE, 'USA').replace(POSSESSIVE_RE, '').toLowerCase();
  const out: string[] = [];
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(normalised); m; m = TOKEN_RE.exec(normalised)) {
    const w = m[0];
    const c = w.charCodeAt(0);
    out.push(c >= 48 && c <= 57 ? '#' : (WORD_CLASSES.get(w) ?? w));
  }
  return out;
}

/** Function words: no unigram feature of their own, and no bigram of two of them. */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    'a an the of to in on at by for from with and or but as is are was were be been being has ' +
    'have had it its this that these those there their they them he she his her we our you i ' +
    'which who whom what when where while will would can could may also not no than then so ' +
    'if into over about after before up out more most other some such only very # s'
  ).split(' '),
);
