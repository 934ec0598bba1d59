// Sentence splitting tuned to scraped news text: lines (titles, captions) are their own units,
// and FA-KES often glues sentences together without a space ("civilians.Human Rights Watch").

import { allMatches } from './regex.ts';

export interface Sentence {
  text: string;
  /** Offset of the sentence in the article text. */
  start: number;
  /** Index of the paragraph/line the sentence comes from; 0 is the title line. */
  line: number;
}

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
    let last = 0;
    for (const m of allMatches(BOUNDARY_RE, raw)) {
      const end = (m.index ?? 0) + m[0].length;
      push(out, raw.slice(last, end), start + last, line);
      last = end;
    }
    push(out, raw.slice(last), start + last, line);
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
  if (s.line === 0) return false;
  const words = s.text.split(/\s+/).filter((w) => /^[A-Za-z]/.test(w) && w.length > 3);
  if (words.length < 8) return false;
  const caps = words.filter((w) => /^[A-Z]/.test(w)).length;
  return caps / words.length >= 0.75;
}
