// Rule 2 of issue 13 for the words a reader sees: a clean phrase never starts with punctuation or
// a conjunction, never ends in a preposition, article or conjunction, and carries no quotation
// marks that could be unbalanced. `cleanPhrase` makes one from any run of words.

import { FALSE_VERDICT } from './accusation-patterns.ts';

const LEADING_JUNK_RE =
  /^(?:[\s"“”‘’'.,;:!?()[\]{}\-–—]+|(?:and|or|but|nor|so|yet|that|which|who|whom|whose|while|whereas|although|though|because|as|if|then|also|s)\b\s*)+/i;
const TRAILING_WORD_RE =
  /^(?:a|an|the|of|in|on|at|by|for|with|from|to|into|onto|near|against|over|under|after|before|during|since|toward|towards|between|among|across|through|about|as|than|via|per|including|amid|despite|within|without|upon|and|or|but|nor|that|which|who|whom|while|because|if|so|its|their|his|her|our|is|are|was|were|be|been|being|has|have|had|will|would|could|should|may|might|also|not|said|says|say|told|reported|adding|according|citing|right|just|shortly|soon|immediately|s)$/i;
// Where a clause ends: punctuation (a comma before a closing quotation mark too: "... all
// night," the monitor said), a dash, an attribution, a new subordinate clause, the verdict on
// a claim ("claims that the coalition bombed a hospital were false").
export const CLAUSE_END_RE = new RegExp(
  `[.;:!?()[\\]]|,["”’']?\\s|,["”’']?$|\\s[-–—]\\s|\\s(?:said|says|say|told|tells|reported|reports|added|adding|saying|according\\s+to|citing|claimed|stated|noted|announced|while|whereas|although|though|but|which|who|where|since|after|before|when|because|as\\s+well\\s+as|(?:has|have|had)\\s+been\\s+(?:accused|blamed|condemned|critici[sz]ed|protested|denounced)|and\\s+(?:urged|called|said|demanded|asked|added|warned|stressed|vowed)|(?:is|are|was|were)\\s+(?:\\w+ly\\s+)?${FALSE_VERDICT})\\b`,
  'i',
);
const MAX_WORDS = 10;
const INNER_DAY_RE =
  /\s+(?:(?:early|late)\s+)?on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?=\s)/gi;
const TRAILING_TIME_RE =
  /\s+(?:in\s+the\s+past|in\s+recent\s+(?:days|weeks|months|years)|(?:last|this)\s+(?:night|week|month|year|weekend)|(?:(?:early|late)\s+)?on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|yesterday|today|overnight|(?:on|at)\s+night|at\s+(?:dawn|dusk))$/i;
const SPEECH_END_RE =
  /^\s(?:said|says|say|told|tells|reported|reports|added|claimed|stated|noted|announced)$/i;
const SPEAKER_JOINED_RE = /\s+(?:and|but)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}[\w'’-]+$/i;

/** What is wrong with an allegation under rule 2 of issue 13 (empty when nothing is). */
export function allegationProblems(text: string): string[] {
  const problems: string[] = [];
  const words = text.trim().split(/\s+/).filter(Boolean);
  const first = words[0] ?? '';
  const last = (words[words.length - 1] ?? '').replace(/[.,;:!?]+$/, '');
  if (words.length === 0) return ['empty'];
  if (/^[^\p{L}\p{N}]/u.test(first)) problems.push('starts with punctuation');
  if (/^(?:and|or|but|nor|so|yet|that|which|who|while|because|as|if)$/i.test(first)) {
    problems.push('starts with a conjunction');
  }
  if (TRAILING_WORD_RE.test(last)) problems.push('ends in a preposition, article or conjunction');
  if ((text.match(/["“”]/g)?.length ?? 0) % 2 !== 0) problems.push('unbalanced quotation marks');
  return problems;
}

// A preposition that opens the phrase the word limit cut ("against Syrian [forces]").
const PREPOSITION_RE =
  /^(?:of|in|on|at|by|for|with|from|to|into|onto|near|against|over|under|after|before|during|since|toward|towards|between|among|across|through|about|via|including|amid|despite|within|without|upon)$/i;

/**
 * Words cut by the word limit end wherever the limit fell: "carrying out four air strikes today
 * against Syrian [forces]". When the next word goes on with the last phrase (it is no preposition
 * or conjunction), drop the phrase the cut left open, if enough stays to read.
 */
function withoutCutPhrase(words: string[], next: string): string[] {
  if (PREPOSITION_RE.test(next) || TRAILING_WORD_RE.test(next)) return withoutBound(words, next);
  for (let i = words.length - 1; i >= 3; i--) {
    if (PREPOSITION_RE.test(words[i] ?? '')) return withoutBound(words.slice(0, i), words[i] ?? '');
  }
  return words;
}

// Words that need the "of" or "to" after them: "south [of Deir Ezzor]", "belonging [to]", "in
// order [to]", "refuses [to ...]".
const BOUND_WORD_RE =
  /^(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west|outskirts|order|belonging|due|prior|close|next|ahead|instead|part|parts|edge|side|heart|centre|center|middle|refuses|refused|refusing|continues|continued|tries|tried|trying|wants|wanted|seeks|sought|plans|planned|aims|aimed|attempts|attempted|fails|failed|able|unable|going|attempt|bid|effort|efforts)$/i;

/** `words` without a last word that cannot stand without the `next` ("of", "to") cut after it. */
function withoutBound(words: string[], next: string): string[] {
  const last = words[words.length - 1] ?? '';
  return /^(?:of|to)$/i.test(next) && BOUND_WORD_RE.test(last) ? words.slice(0, -1) : words;
}

/**
 * A clean phrase from `text`: cut at the first clause boundary, at most `max` words, quotation
 * marks dropped, junk trimmed from both ends. Empty when nothing clean is left.
 */
export function cleanPhrase(text: string, max = MAX_WORDS): string {
  let t = text.replace(LEADING_JUNK_RE, '');
  // An attribution at the very start ("according to local sources") ends the clause too.
  const end = CLAUSE_END_RE.exec(` ${t}`);
  if (end) t = t.slice(0, Math.max(0, end.index - 1));
  // "using siege tactics to pressure rebels and the UN says ...": the name joined last is the
  // subject of the verb of speech, not part of the phrase.
  if (end && SPEECH_END_RE.test(end[0])) t = t.replace(SPEAKER_JOINED_RE, '');
  // "being behind the attack and fired missiles": a past tense joined to a gerund is another
  // subject's clause.
  t = t.replace(/^([a-z]+ing\b(?:\s+\S+)+?)\s+and\s+(?:then\s+)?[a-z]+ed\b.*$/is, '$1');
  const all = t
    .replace(/["“”]/g, ' ')
    .replace(/(^|\s)[‘']|[’'](?=\s|$)/g, '$1')
    .split(/\s+/)
    .filter(Boolean);
  const words = all.length > max ? withoutCutPhrase(all.slice(0, max), all[max] ?? '') : all;
  while (words.length > 0 && TRAILING_WORD_RE.test(words[words.length - 1] ?? '')) words.pop();
  // A time at the end, or a day inside ("targeted on Sunday the town"), tells the reader
  // nothing the story does not: "attacks in the past".
  const timed = words.join(' ').replace(TRAILING_TIME_RE, '').replace(INNER_DAY_RE, '').split(' ');
  while (timed.length > 0 && TRAILING_WORD_RE.test(timed[timed.length - 1] ?? '')) timed.pop();
  // "Twelve citizens", "A woman" from the start of a sentence read as "twelve citizens".
  const phrase = timed
    .join(' ')
    .replace(LEADING_JUNK_RE, '')
    .replace(
      /^(?:A|An|The|[A-Z][a-z]+(?=\s+(?:people|civilians|citizens|persons|children|women|men)\b))\b/,
      (w) => w.toLowerCase(),
    );
  return allegationProblems(phrase).length === 0 ? phrase : '';
}
