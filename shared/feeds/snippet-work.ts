// How much work rss-parser's snippet (contentSnippet) will do on a text, computed in linear time
// before rss-parser ever sees it. rss-parser 3.13 strips HTML from every item description,
// content:encoded and Atom content with two backtracking regexes:
//
//   /([^\n])<\/?(h|br|p|ul|ol|li|blockquote|section|table|tr|div)(?:.|\n)*?>([^\n])/gm -> '$1\n$3'
//   /<(?:.|\n)*?>/gm -> ''
//
// From each place one can start, the lazy `(?:.|\n)*?` runs on until it finds its `>` (the first
// with a character other than "\n" after it, in the first regex) or meets a line terminator that
// neither `.` nor `\n` matches (\r, U+2028, U+2029) or the end. A start that finds no `>` costs
// the whole distance and the next start repeats it, so 20,000 `<p` without a `>` cost 20,000 scans
// of the rest of the text: seconds, quadratic. The two passes are replayed here with cursors that
// only move forward, counting the characters the regexes would scan and stopping at a budget; an
// element over budget is withheld from rss-parser (xml-repair.ts) and read by strikewatch alone.

const BLOCK_TAGS = [
  'h',
  'br',
  'p',
  'ul',
  'ol',
  'li',
  'blockquote',
  'section',
  'table',
  'tr',
  'div',
];

/** Work allowed per character of the text, plus a constant; real HTML costs about 2 a character. */
export const SNIPPET_WORK_PER_CHAR = 4;
export const SNIPPET_WORK_SLACK = 256;

/**
 * `find(k)` (the first match at or after k) for non-decreasing k: the last answer is reused while
 * it is still ahead, so a whole pass scans the text once.
 */
function forwardCursor(find: (from: number) => number): (k: number) => number {
  let found = -1;
  return (k) => {
    if (found < k) found = find(k);
    return found;
  };
}

function lineStops(text: string): (k: number) => number {
  const re = /[\r\u2028\u2029]/g;
  return forwardCursor((from) => {
    re.lastIndex = from;
    return re.exec(text)?.index ?? text.length;
  });
}

/** `>` at or after k, followed by a character other than "\n" (the first regex's `>([^\n])`). */
function closersFollowed(text: string): (k: number) => number {
  return forwardCursor((from) => {
    let j = text.indexOf('>', from);
    while (j !== -1 && (j + 1 >= text.length || text[j + 1] === '\n')) j = text.indexOf('>', j + 1);
    return j === -1 ? text.length : j;
  });
}

function closers(text: string): (k: number) => number {
  return forwardCursor((from) => {
    const j = text.indexOf('>', from);
    return j === -1 ? text.length : j;
  });
}

/** End of `\/?(h|br|...)` after the "<" at lt, or -1 (the names share no prefix: one can match). */
function blockTagEnd(text: string, lt: number): number {
  const at = text[lt + 1] === '/' ? lt + 2 : lt + 1;
  const tag = BLOCK_TAGS.find((t) => text.startsWith(t, at));
  return tag === undefined ? -1 : at + tag.length;
}

interface PassResult {
  text: string;
  work: number;
}

/** The first regex: a block tag between two non-newline characters becomes "\n". */
function blockTagPass(text: string, budget: number): PassResult | null {
  const stop = lineStops(text);
  const closer = closersFollowed(text);
  let out = '';
  let last = 0;
  let resume = 0;
  let work = 0;
  for (let lt = text.indexOf('<', 1); lt !== -1; lt = text.indexOf('<', lt + 1)) {
    const start = lt - 1;
    if (start < resume || text[start] === '\n') continue;
    const k = blockTagEnd(text, lt);
    if (k === -1) continue;
    const j = closer(k);
    const r = stop(k);
    if (j < r) {
      work += j + 2 - start;
      out += `${text.slice(last, start)}${text[start]}\n${text[j + 1]}`;
      last = j + 2;
      resume = j + 2;
    } else {
      work += r - start;
    }
    if (work > budget) return null;
  }
  return { text: out + text.slice(last), work };
}

/** The second regex: every `<...>` is removed. */
function anyTagPass(text: string, budget: number): PassResult | null {
  const stop = lineStops(text);
  const closer = closers(text);
  let out = '';
  let last = 0;
  let work = 0;
  let lt = text.indexOf('<');
  while (lt !== -1) {
    const g = closer(lt + 1);
    const r = stop(lt + 1);
    if (g < r) {
      work += g + 1 - lt;
      out += text.slice(last, lt);
      last = g + 1;
      lt = text.indexOf('<', g + 1);
    } else {
      work += r - lt;
      lt = text.indexOf('<', lt + 1);
    }
    if (work > budget) return null;
  }
  return { text: out + text.slice(last), work };
}

/**
 * rss-parser's HTML stripping replayed on `text`: the stripped text (before its entity decoding)
 * and the characters its regexes scan, or null as soon as that passes `budget`.
 */
export function replaySnippetStrip(text: string, budget: number): PassResult | null {
  const first = blockTagPass(text, budget);
  if (first === null) return null;
  const second = anyTagPass(first.text, budget - first.work);
  return second === null ? null : { text: second.text, work: first.work + second.work };
}

/** Whether rss-parser's snippet of `text` would cost more than a linear budget. */
export function snippetWorkTooHigh(text: string): boolean {
  if (!text.includes('<')) return false;
  const budget = SNIPPET_WORK_PER_CHAR * text.length + SNIPPET_WORK_SLACK;
  return replaySnippetStrip(text, budget) === null;
}
