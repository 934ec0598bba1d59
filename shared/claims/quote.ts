// The quote a claim stands in (issue 13 item 2): the whole sentence or, when it is long, the
// shortest complete clause around the claim.

import {
  leadingFurnitureLength,
  repeatedLeadLength,
  restatedHeadlineEnd,
  wireCopyStart,
} from './sentences.ts';

const LONG_SENTENCE = 300;
const CLAUSE_BREAK_RE = /[;:]\s|\s[-–—]\s|,\s|["“”]\s?/g;

/**
 * The quote a claim stands in: its whole sentence, or for a sentence over 300 characters the
 * shortest run of its clauses that holds [from, to). Never cut inside a word.
 */
export function quoteOf(sentence: string, from = 0, to = sentence.length): string {
  // Page furniture before the sentence proper ("05.10.2017 Get short URL 101") is no quote, nor
  // the headline a page restated before a wire dateline when the claim is in the copy after it;
  // nor that copy when the claim is in the headline alone.
  const run = sentence.trim();
  // A lead printed twice is quoted once: the second copy, which the rest of the sentence follows.
  const repeated = repeatedLeadLength(run);
  const once = run.slice(repeated);
  if (from >= repeated) {
    from -= repeated;
    to -= repeated;
  }
  const headlineEnd = restatedHeadlineEnd(once, to);
  const whole = headlineEnd > 0 ? once.slice(0, headlineEnd).trim() : once;
  const wire = wireCopyStart(whole, from);
  const furniture = leadingFurnitureLength(whole.slice(wire));
  const cut = wire + (wire + furniture <= from ? furniture : 0);
  const s = whole.slice(cut);
  from -= cut;
  to -= cut;
  if (s.length <= LONG_SENTENCE) return s;
  let start = 0;
  let end = s.length;
  CLAUSE_BREAK_RE.lastIndex = 0;
  for (let m = CLAUSE_BREAK_RE.exec(s); m; m = CLAUSE_BREAK_RE.exec(s)) {
    const at = m.index;
    if (at + m[0].length <= from) start = at + m[0].length;
    else if (at >= to && at < end) end = at;
  }
  CLAUSE_BREAK_RE.lastIndex = 0;
  // No clause break near the claim: keep whole words around it, up to the sentence's length.
  if (end - start > LONG_SENTENCE) {
    start = Math.max(start, wordStart(s, from - 100));
    end = Math.min(end, wordEnd(s, to + 100));
  }
  return s.slice(start, end).replace(/^[\s,;:]+|[\s,;:]+$/g, '');
}

function wordStart(s: string, at: number): number {
  if (at <= 0) return 0;
  const space = s.lastIndexOf(' ', at);
  return space < 0 ? 0 : space + 1;
}

function wordEnd(s: string, at: number): number {
  if (at >= s.length) return s.length;
  const space = s.indexOf(' ', at);
  return space < 0 ? s.length : space;
}
