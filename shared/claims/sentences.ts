// Sentence splitting tuned to scraped news text: lines (titles, captions) are their own units,
// and FA-KES often glues sentences together without a space ("civilians.Human Rights Watch").

import { MONTH_SOURCE } from './dates.ts';
import { allMatches } from './regex.ts';

export interface Sentence {
  text: string;
  /** Offset of the sentence in the article text. */
  start: number;
  /** Index of the paragraph/line the sentence comes from; 0 is the title line. */
  line: number;
  /** Scraped page furniture after the article ("Related News ...", "Category News ..."). */
  junk?: boolean;
}

// Where a scraped page's furniture starts on a line: the article has ended.
const FURNITURE_RE =
  /(?:\bSource\s+(?:[A-Z][\w-]*(?:\s+and\s+agencies)?\s+)?)?\b(?:Related\s+(?:News|Articles|Coverage|Stories|Posts)|Category\s+News|READ\s+MORE|Most\s+Read|You\s+may\s+also\s+like)\b/;

// A sentence ends at . ! ? (optionally followed by a closing quote) when the next sentence starts
// with a capital, a digit or an opening quote. Single-letter abbreviations ("U.S.", "U.N.") and
// common titles are not ends.
const BOUNDARY_RE =
  /(?<![A-Z]\.[A-Z]|\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|Gen|Col|Lt|Maj|Brig|Sgt|St|No|Jan|Feb|Aug|Sept?|Oct|Nov|Dec|Inc|Co|vs))[.!?]["”’]?(?:\s+|(?=["“‘]?[A-Z][a-z]))(?=["“‘(]?[A-Z0-9])/g;

export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let line = 0;
  let lineStart = 0;
  const lines = text.split('\n');
  for (const raw of lines) {
    const start = lineStart;
    lineStart += raw.length + 1;
    if (raw.trim() === '') continue;
    const furniture = line === 0 ? null : FURNITURE_RE.exec(raw);
    const body = furniture ? raw.slice(0, furniture.index) : raw;
    let last = 0;
    for (const m of allMatches(BOUNDARY_RE, body)) {
      const end = (m.index ?? 0) + m[0].length;
      push(out, body.slice(last, end), start + last, line);
      last = end;
    }
    push(out, body.slice(last), start + last, line);
    if (furniture) {
      const at = furniture.index;
      const rest = raw.slice(at);
      const lead = rest.length - rest.trimStart().length;
      if (rest.trim()) out.push({ text: rest.trim(), start: start + at + lead, line, junk: true });
    }
    line++;
  }
  return out;
}

function push(out: Sentence[], piece: string, start: number, line: number): void {
  const lead = piece.length - piece.trimStart().length;
  const text = piece.trim();
  if (text) out.push({ text, start: start + lead, line });
}

/**
 * Related-headline blocks scraped into the body ("US-Led Coalition Airstrikes Near Raqqa Killed
 * at Least 84 Civilians US-Led Coalition ...") are mostly capitalised words; their claims belong
 * to other stories. The title line itself is never junk.
 */
export function isHeadlineJunk(s: Sentence): boolean {
  if (s.junk) return true;
  if (s.line === 0) return false;
  const words = s.text.split(/\s+/).filter((w) => /^[A-Za-z]/.test(w) && w.length > 3);
  if (words.length < 8) return false;
  const caps = words.filter((w) => /^[A-Z]/.test(w)).length;
  return caps / words.length >= 0.75;
}

// Page furniture a scraped sentence may start with: date stamps ("2 July 2016", "01.10.2017",
// "Published October 4 2016", "Last updated at Apr 052017"), Sputnik's "(updated 1935
// 05.10.2017) Get short URL 101", photo credits "(AFP Photo)", share and follow-us links, keyword
// lists ("Tags Syria Aleppo ..."). It is
// not part of what the article says, so a quote leaves it out.
const DATE_STAMP = `(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\\s+)?(?:\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH_SOURCE},?\\s+\\d{4}|${MONTH_SOURCE}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|${MONTH_SOURCE}\\s+\\d{6}|\\d{1,2}[-./]\\d{1,2}[-./](?:\\d{4}|\\d{2}))(?:\\s+\\d{3,4}(?:\\s*(?:AM|PM))?)?(?:\\s+UTC(?:[+-]\\d{1,2})?|\\s+GMT)?`;
const TAG_STOPS = 'the|a|an|was|were|has|have|had|is|are|said|says|on|at|in|by|and';
const LEAD_STARTS = [
  'The|A|An|At\\s+least|More\\s+than|Almost|Nearly|About|Around|Overnight|Dozens|Hundreds',
  'Several|Government|Regime|\\d+|One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Eleven',
  'Twelve|Thirteen|Fourteen|Fifteen|Sixteen|Seventeen|Eighteen|Nineteen|Twenty|Thirty|Forty',
  'Fifty',
].join('|');
const FURNITURE_PIECES = [
  `(?:(?:Published|Posted|Updated|Last\\s+updated)(?:\\s+(?:on|at))?:?\\s+)?${DATE_STAMP}(?:\\s+by\\s+[A-Z][\\w'’-]*\\s+[A-Z][\\w'’-]*)?`,
  `Date\\s+of\\s+publication:?\\s+${DATE_STAMP}`,
  `\\(updated[^()]{0,30}\\)`,
  // The tail of a stamp whose start the sentence splitter gave to the sentence before
  // ("08.04.2017(updated 1456 08." | "04.2017) Get short URL").
  `[\\d./:-]{2,12}\\)`,
  `Get\\s+short\\s+URL(?:\\s+\\d+)*(?:\\s+Topic\\b)?`,
  `\\((?:[A-Z][\\w.&'’-]*\\s*){1,5}(?:Photo|Archive|Agencies|File)?\\)`,
  `(?:AFP|Reuters|AP|dpa|Xinhua)(?=\\s+(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|\\d))`,
  // Share buttons and counters ("Print Tweet Views 1662 An Islamic State car bomb ...").
  `(?:Share|Print|E-?mail|Tweet|Comments?|Views|Follow\\s+us)(?:\\s+(?:this|on|via|article|story|page|Facebook|Twitter|Telegram|\\d+))*(?=\\s+[A-Z"“])`,
  // A page's keyword list glued to the lead ("Tags Syria Idlib barrel bombs SOHR The regime
  // ..."): keywords hold no article or auxiliary, and end where a lead's usual first word starts.
  `Tags:?\\s+(?:(?!(?:${TAG_STOPS})\\s)\\S+\\s+){1,15}?(?=(?:${LEAD_STARTS})\\s)`,
];
const LEADING_FURNITURE_RE = new RegExp(`^(?:${FURNITURE_PIECES.join('|')})\\s*`);

// A wire dateline inside a sentence: the page restated the headline and its credit before the
// wire copy ("Russia says 62 Syrian troops killed in US-led strikes AFP Sunday 18 Sep 2016 More
// than 60 Syrian government soldiers were killed ..."); the copy starts after it.
const WIRE_DATELINE_RE = new RegExp(
  `\\b(?:AFP|Reuters|AP|dpa|Xinhua|Anadolu)\\s+${DATE_STAMP}\\s+(?=["“‘(]?[A-Z0-9])`,
  'g',
);

/**
 * Where the wire copy starts in `sentence`: after the last wire dateline that ends at or before
 * `before` (0 when there is none).
 */
export function wireCopyStart(sentence: string, before: number): number {
  let start = 0;
  for (const m of allMatches(WIRE_DATELINE_RE, sentence)) {
    const end = (m.index ?? 0) + m[0].length;
    if (end <= before) start = end;
  }
  return start;
}

/**
 * Where the headline a page restated before a wire dateline ends, when a claim ending at `to`
 * is in it ("Russia says 62 Syrian troops killed in US-led strikes AFP Sunday 18 Sep 2016 More
 * than 60 ..."): the start of the first dateline after `to`, or -1. Four words at least.
 */
export function restatedHeadlineEnd(sentence: string, to: number): number {
  for (const m of allMatches(WIRE_DATELINE_RE, sentence)) {
    const at = m.index ?? 0;
    if (at < to) continue;
    return sentence.slice(0, at).split(/\s+/).filter(Boolean).length >= 4 ? at : -1;
  }
  return -1;
}

/**
 * Length of a lead the page printed twice at the start of `sentence` (0 when none): a standfirst
 * glued to the paragraph that restates it word for word ("Airstrikes ... killed at least 21
 * civilians in northern Syria Airstrikes ... killed at least 21 civilians in northern Syria a
 * monitoring group said"). Five words at least.
 */
export function repeatedLeadLength(sentence: string): number {
  const first = /^\S+/.exec(sentence)?.[0];
  if (!first) return 0;
  for (
    let at = sentence.indexOf(` ${first} `);
    at > 0;
    at = sentence.indexOf(` ${first} `, at + 1)
  ) {
    const lead = sentence.slice(0, at).trim();
    if (lead.split(/\s+/).length < 5) continue;
    if (sentence.slice(at + 1).startsWith(lead)) return at + 1;
  }
  return 0;
}

/**
 * Length of the page furniture at the start of `sentence` (0 when none): what a quote drops
 * before the first word of the sentence proper. Never more than leaves a few words.
 */
export function leadingFurnitureLength(sentence: string): number {
  let cut = 0;
  for (let i = 0; i < 5; i++) {
    const m = LEADING_FURNITURE_RE.exec(sentence.slice(cut));
    if (!m || m[0] === '') break;
    cut += m[0].length;
  }
  const rest = sentence.slice(cut);
  // What is left must read as a sentence: it starts a word, and it is more than a stub.
  if (cut === 0 || !/^["“‘(]?[A-Z0-9]/.test(rest) || rest.split(/\s+/).length < 3) return 0;
  return cut;
}
