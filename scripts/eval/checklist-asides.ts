// The accusation checklist's sentences again, with commas live pages have and FA-KES's text does
// not (it has none): an opening adverb ("Meanwhile, the Observatory said ..."), an aside after the
// source ("Amnesty International, speaking on Monday, said ...") and one between the perpetrator
// and its verb ("regime helicopters, for the second time this week, bombed ...", between dashes,
// in brackets). Each keeps the sentence's pair.

import type { Case } from './checklist.ts';

export interface AsideCase extends Case {
  aside: string;
}

type Insert = (c: Case) => string | null;

const opening: Insert = (c) =>
  c.sentence.startsWith('The ') ? `Meanwhile, the ${c.sentence.slice(4)}` : null;

const sourceAside: Insert = (c) => {
  const name = /^(.*?)(?= said| reported)/.exec(c.source)?.[0];
  if (!name || !c.sentence.includes(c.source)) return null;
  return c.sentence.replace(c.source, `${name}, speaking on Monday,${c.source.slice(name.length)}`);
};

const perpetratorAside: Insert = (c) => {
  const at = c.sentence.indexOf(`${c.perpetrator} `);
  if (at < 0) return null;
  const end = at + c.perpetrator.length;
  if (!/^ (?:killed|bombed|shelled|used|have|targeted)\b/.test(c.sentence.slice(end))) return null;
  return `${c.sentence.slice(0, end)}, for the second time this week,${c.sentence.slice(end)}`;
};

const dashAside: Insert = (c) => {
  const at = c.sentence.indexOf(`${c.perpetrator} `);
  if (at < 0) return null;
  const end = at + c.perpetrator.length;
  if (!/^ (?:killed|bombed|shelled|used|targeted)\b/.test(c.sentence.slice(end))) return null;
  return `${c.sentence.slice(0, end)} — for the second time this week —${c.sentence.slice(end)}`;
};

const bracketAside: Insert = (c) => {
  const at = c.sentence.indexOf(`${c.perpetrator} `);
  if (at < 0) return null;
  const end = at + c.perpetrator.length;
  if (!/^ (?:killed|bombed|shelled|used|targeted)\b/.test(c.sentence.slice(end))) return null;
  return `${c.sentence.slice(0, end)} (in the early hours)${c.sentence.slice(end)}`;
};

const INSERTS: readonly [string, Insert][] = [
  ['an opening "Meanwhile,"', opening],
  ['an aside after the source', sourceAside],
  ['an aside between the perpetrator and its verb', perpetratorAside],
  ['the same aside between dashes', dashAside],
  ['an aside in brackets', bracketAside],
];

/** The checklist's harm sentences (of `cases`) with each aside that fits them. */
export function asideCases(cases: readonly Case[]): AsideCase[] {
  const harms = cases.filter((c) => !c.harm.startsWith('{N}') && c.harm.includes('{P}'));
  const out: AsideCase[] = [];
  for (const [aside, insert] of INSERTS)
    for (const c of harms) {
      const sentence = insert(c);
      if (sentence) out.push({ ...c, sentence, aside });
    }
  return out;
}
