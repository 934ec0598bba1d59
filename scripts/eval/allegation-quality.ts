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

// Agreement with the labels' own allegation phrases (the 300 articles labelled last carry one per
// accusation): a phrase can pass rule 2 and still say nothing a reader can use ("planes
// Thursday"). Content words only, lower-cased, with a crude suffix strip so "killing", "killed"
// and "kills" meet, and "strike" and "strikes".
const STOP_WORDS = new Set([
  ...CONJUNCTIONS,
  ...PREPOSITIONS,
  ...ARTICLES,
  ...'its their his her is are was were be been has have had it they this these those who which'.split(
    ' ',
  ),
]);

function contentStems(phrase: string): string[] {
  const words = phrase.toLowerCase().match(WORD_RE) ?? [];
  return words
    .map((w) => w.replace(/['’]s$/, ''))
    .filter((w) => !STOP_WORDS.has(w))
    .map((w) => w.replace(/ies$/, 'y').replace(/(?<!s)s$/, ''))
    .map((w) => (w.length > 4 ? w.replace(/(?:ing|ed|e)$/, '') : w));
}

/** Token F1 between an allegation and the label's phrase for the same pair, over content words. */
export function allegationAgreement(found: string, labelled: string): number {
  const a = contentStems(found);
  const b = contentStems(labelled);
  if (a.length === 0 || b.length === 0) return 0;
  const left = [...b];
  let common = 0;
  for (const w of a) {
    const i = left.indexOf(w);
    if (i >= 0) {
      common++;
      left.splice(i, 1);
    }
  }
  if (common === 0) return 0;
  const p = common / a.length;
  const r = common / b.length;
  return (2 * p * r) / (p + r);
}
