// Rule 2 of issue 13 for an accusation's `allegation`, as the eval checks it: a phrase a reader
// can use ("killing 43 civilians in Raqqa"), cut at clause boundaries. An allegation breaks the
// rule when it
//   - is empty,
//   - starts with punctuation (its first character is not a letter or digit),
//   - starts with a conjunction ("and killed ...", "that the coalition ..."),
//   - ends in a preposition, an article or a conjunction ("... killed civilians in"), trailing
//     sentence punctuation aside,
//   - has unbalanced quotation marks (an odd number of ", or unequal “ and ”).

export type AllegationFault =
  | 'empty'
  | 'starts-with-punctuation'
  | 'starts-with-conjunction'
  | 'ends-with-function-word'
  | 'unbalanced-quotes';

const CONJUNCTIONS = new Set(
  'and or but nor yet so because although though while whereas if unless that whether as since'.split(
    ' ',
  ),
);
const PREPOSITIONS = new Set(
  (
    'of in on at by for from with to into onto upon against over under about after before ' +
    'during near between among amid amidst through throughout across toward towards within ' +
    'without despite since along around behind beyond like per via than off including ' +
    'following according'
  ).split(' '),
);
const ARTICLES = new Set(['a', 'an', 'the']);

const WORD_RE = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

/** What is wrong with an allegation under rule 2; empty when nothing is. */
export function allegationFaults(allegation: string): AllegationFault[] {
  const s = allegation.trim();
  if (!s) return ['empty'];
  const faults: AllegationFault[] = [];
  if (!/^[\p{L}\p{N}]/u.test(s)) faults.push('starts-with-punctuation');
  const words = s.toLowerCase().match(WORD_RE) ?? [];
  const first = words[0];
  const last = words.at(-1);
  if (first !== undefined && CONJUNCTIONS.has(first) && /^[\p{L}]/u.test(s)) {
    faults.push('starts-with-conjunction');
  }
  // The last word counts only when nothing but sentence punctuation follows it.
  const tail = s.replace(/[.,;:!?]+$/u, '');
  if (
    last !== undefined &&
    tail.toLowerCase().endsWith(last) &&
    (PREPOSITIONS.has(last) || ARTICLES.has(last) || CONJUNCTIONS.has(last))
  ) {
    faults.push('ends-with-function-word');
  }
  const straight = (s.match(/"/g) ?? []).length;
  const open = (s.match(/“/g) ?? []).length;
  const close = (s.match(/”/g) ?? []).length;
  if (straight % 2 !== 0 || open !== close) faults.push('unbalanced-quotes');
  return faults;
}
