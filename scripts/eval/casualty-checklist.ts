// The casualty extractor's behavioural checklist (`npm run eval:checklist` prints it after the
// accusations'; `npx tsx scripts/eval/casualty-checklist.ts [--failures]` alone). Sentences are built from
// templates, one slot each for the number, its qualifier, the victims, the outcome and the way the
// sentence tells it, so each sentence's figure (count, outcome, victims, qualifier) is known by
// construction. None of these sentences comes from the corpus or the labels.

import { parseArgs } from 'node:util';
import { extractClaims } from '../../shared/claims/extract-claims.ts';
import type { Outcome, Qualifier, Victims } from '../../shared/domain/claims.ts';
import { printBySlot, share } from './checklist-tally.ts';

interface NumberForm {
  text: string;
  count: number;
}

export const NUMBERS: readonly NumberForm[] = [
  { text: '12', count: 12 },
  { text: '1,300', count: 1300 },
  { text: 'seven', count: 7 },
  { text: 'twenty', count: 20 },
  { text: '43', count: 43 },
];

export const QUALIFIER_FORMS: readonly { text: string; qualifier: Qualifier }[] = [
  { text: '', qualifier: 'exact' },
  { text: 'at least ', qualifier: 'at_least' },
  { text: 'more than ', qualifier: 'more_than' },
  { text: 'up to ', qualifier: 'up_to' },
  { text: 'about ', qualifier: 'about' },
  { text: 'nearly ', qualifier: 'about' },
];

export const VICTIM_FORMS: readonly { text: string; victims: Victims }[] = [
  { text: 'civilians', victims: 'civilians' },
  { text: 'people', victims: 'people' },
  { text: 'children', victims: 'children' },
  { text: 'women', victims: 'women' },
  { text: 'soldiers', victims: 'soldiers' },
  { text: 'fighters', victims: 'fighters' },
];

/**
 * How the sentence tells it: `{Q}` the qualifier, `{N}` the number, `{V}` the victims. Each with
 * the outcome it tells.
 */
export const TELLINGS: readonly { text: string; outcome: Outcome }[] = [
  { text: '{Q}{N} {V} were killed in air strikes on Raqqa on Monday.', outcome: 'killed' },
  { text: 'Air strikes on Raqqa killed {Q}{N} {V} on Monday.', outcome: 'killed' },
  { text: 'Air strikes hit a market in Raqqa, killing {Q}{N} {V}.', outcome: 'killed' },
  { text: 'The strikes left {Q}{N} {V} dead in Raqqa.', outcome: 'killed' },
  { text: '{Q}{N} {V} died when shells hit a market in Aleppo.', outcome: 'killed' },
  { text: 'The death toll from the strikes rose to {Q}{N} {V}.', outcome: 'killed' },
  { text: '{Q}{N} {V} were wounded in the shelling of Aleppo.', outcome: 'injured' },
  { text: 'The shelling of Aleppo injured {Q}{N} {V} on Tuesday.', outcome: 'injured' },
  { text: 'A car bomb exploded in Azaz, wounding {Q}{N} {V}.', outcome: 'injured' },
  { text: '{Q}{N} {V} are missing after the raid on Idlib.', outcome: 'missing' },
];

/** Where the source stands around the telling; `{T}` the telling without its full stop. */
export const SOURCE_FRAMES: readonly string[] = [
  '{T}.',
  '{T}, the Syrian Observatory for Human Rights said.',
  'The Syrian Observatory for Human Rights said {t}.',
  '{T}, according to activists.',
];

/** Sentences with more than one figure, or one in a shape of its own: every figure listed. */
export const SHAPED: readonly { text: string; figures: string[] }[] = [
  {
    text: 'Air strikes killed 12 civilians and wounded 30 others in Raqqa.',
    figures: ['exact 12 killed civilians', 'exact 30 injured civilians'],
  },
  {
    text: 'The shelling left 12 people dead and 30 wounded in Aleppo.',
    figures: ['exact 12 killed people', 'exact 30 injured people'],
  },
  {
    text: 'At least 43 civilians including 12 children were killed in the raids.',
    figures: ['at_least 43 killed civilians', 'exact 12 killed children'],
  },
  {
    text: 'At least 12 people, including five children, were killed in the raid.',
    figures: ['at_least 12 killed people', 'exact 5 killed children'],
  },
  {
    text: 'Twelve people, among them five children, died in the raid.',
    figures: ['exact 12 killed people', 'exact 5 killed children'],
  },
  {
    text: 'Air strikes killed 12 people, including five children, and wounded 30 others.',
    figures: ['exact 12 killed people', 'exact 5 killed children', 'exact 30 injured people'],
  },
  {
    text: 'The raid killed 12 civilians, wounded 30 others and destroyed a school.',
    figures: ['exact 12 killed civilians', 'exact 30 injured civilians'],
  },
  { text: 'Air strikes kill 12 in Raqqa.', figures: ['exact 12 killed people'] },
  { text: '12 killed in coalition strikes on Raqqa.', figures: ['exact 12 killed people'] },
  { text: 'A child was killed by sniper fire in Daraa.', figures: ['exact 1 killed children'] },
  { text: 'Two women were killed when a shell hit their home.', figures: ['exact 2 killed women'] },
  {
    text: 'Between 20 and 30 people were killed in the raid.',
    figures: ['exact 20 killed people'],
  },
  {
    text: 'The death toll from the raid rose from 22 to 43.',
    figures: ['exact 43 killed people'],
  },
];

/** Numbers that count no dead, wounded or missing: a figure found is one too many. */
export const NO_FIGURE: readonly string[] = [
  'Coalition warplanes carried out 12 air strikes on Raqqa on Monday.',
  'More than 12,000 people have fled Raqqa since the offensive began.',
  'Some 200,000 people lived in the city before the war.',
  'The strikes destroyed 43 buildings in the old city.',
  'The offensive began in 2016 with 300 fighters.',
  'The UN said 13 million Syrians need aid.',
];

export interface CasualtyCase {
  sentence: string;
  count: number;
  outcome: Outcome;
  victims: Victims;
  qualifier: Qualifier;
  telling: string;
  frame: string;
}

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
const lowerFirst = (s: string): string =>
  /^[A-Z][a-z]/.test(s) && !/^(?:Raqqa|Aleppo|Idlib|Azaz)\b/.test(s)
    ? s.charAt(0).toLowerCase() + s.slice(1)
    : s;

/** Every sentence of the checklist with the one figure it states. */
export function casualtyCases(): CasualtyCase[] {
  const out: CasualtyCase[] = [];
  for (const frame of SOURCE_FRAMES)
    for (const t of TELLINGS)
      for (const q of QUALIFIER_FORMS)
        for (const n of NUMBERS)
          for (const v of VICTIM_FORMS) {
            // "the death toll rose to up to 12": no reader writes it.
            if (t.text.includes('rose to') && q.qualifier === 'up_to') continue;
            const told = t.text
              .replace('{Q}', q.text)
              .replace('{N}', n.text)
              .replace('{V}', v.text)
              .replace(/\.$/, '');
            const sentence = frame
              .replace('{T}', capitalise(told))
              .replace('{t}', lowerFirst(told));
            out.push({
              sentence,
              count: n.count,
              outcome: t.outcome,
              victims: v.victims,
              qualifier: q.qualifier,
              telling: t.text,
              frame,
            });
          }
  return out;
}

// The commas live pages have and FA-KES's text lacks: an opening adverb, and an aside after the
// victims ("12 civilians, all from one town, were killed").
const ASIDES: readonly [string, (c: CasualtyCase) => string | null][] = [
  [
    'an opening "Meanwhile,"',
    (c) => (c.frame === '{T}.' ? `Meanwhile, ${lowerFirst(c.sentence)}` : null),
  ],
  [
    'an aside after the victims',
    (c) => {
      if (!/^\{Q\}\{N\} \{V\} (?:were|died|are)\b/.test(c.telling) || c.frame !== '{T}.')
        return null;
      const at = c.sentence.search(/ (?:were|died|are)\b/);
      return `${c.sentence.slice(0, at)}, all from one town,${c.sentence.slice(at)}`;
    },
  ],
];

/** The checklist's sentences again with each aside that fits them. */
export function casualtyAsideCases(): (CasualtyCase & { aside: string })[] {
  const out: (CasualtyCase & { aside: string })[] = [];
  for (const [aside, insert] of ASIDES)
    for (const c of casualtyCases()) {
      const sentence = insert(c);
      if (sentence) out.push({ ...c, sentence, aside });
    }
  return out;
}

export interface CasualtyResult extends CasualtyCase {
  /** The figure found with the right count and outcome. */
  found: boolean;
  /** Found, and with the right victims and qualifier too. */
  exact: boolean;
  got: string[];
}

export function runCasualtyChecklist(
  cases: readonly CasualtyCase[] = casualtyCases(),
): CasualtyResult[] {
  return cases.map((c) => {
    const figures = extractClaims(c.sentence, {}).casualties;
    const match = figures.find((f) => f.count === c.count && f.outcome === c.outcome);
    return {
      ...c,
      found: match !== undefined,
      exact: match !== undefined && match.victims === c.victims && match.qualifier === c.qualifier,
      got: figures.map((f) => `${f.qualifier} ${f.count} ${f.outcome} ${f.victims}`),
    };
  });
}

/** The shaped sentences: each with the figures it should give that it does not, and extras. */
export function runShaped(): { text: string; missing: string[]; extra: string[] }[] {
  return SHAPED.map(({ text, figures }) => {
    const got = extractClaims(text, {}).casualties.map(
      (f) => `${f.qualifier} ${f.count} ${f.outcome} ${f.victims}`,
    );
    return {
      text,
      missing: figures.filter((f) => !got.includes(f)),
      extra: got.filter((f) => !figures.includes(f)),
    };
  });
}

/** The sentences that count nobody: the figures each gives (none is right). */
export function runNoFigure(): { text: string; got: string[] }[] {
  return NO_FIGURE.map((text) => ({
    text,
    got: extractClaims(text, {}).casualties.map((f) => `${f.count} ${f.outcome} ${f.victims}`),
  }));
}

const found = (r: CasualtyResult): boolean => r.found;
const exact = (r: CasualtyResult): boolean => r.exact;
const both = (g: readonly CasualtyResult[]): string =>
  `${share(g, found)}  exact ${share(g, exact)}`;

export function printCasualtyChecklist(failures: boolean): void {
  const rs = runCasualtyChecklist();
  console.log(
    `casualty checklist: count and outcome found ${share(rs, found)}; victims and qualifier too ${share(rs, exact)}`,
  );
  console.log('by telling:');
  printBySlot(rs, (r) => r.telling, both);
  console.log('by source:');
  printBySlot(rs, (r) => r.frame, both);
  console.log('by qualifier:');
  printBySlot(rs, (r) => r.qualifier, both);
  console.log('by victims:');
  printBySlot(rs, (r) => r.victims, both);
  const asides = runCasualtyChecklist(casualtyAsideCases()) as (CasualtyResult & {
    aside: string;
  })[];
  console.log(`with commas: count and outcome found ${share(asides, found)}`);
  printBySlot(asides, (r) => r.aside, both);
  const shaped = runShaped();
  const shapedOk = shaped.filter((x) => x.missing.length === 0 && x.extra.length === 0);
  console.log(
    `shaped sentences: every figure and no other in ${shapedOk.length} of ${shaped.length}`,
  );
  for (const x of shaped.filter((y) => !shapedOk.includes(y)))
    console.log(`  missing [${x.missing.join('; ')}] extra [${x.extra.join('; ')}]  | ${x.text}`);
  const none = runNoFigure();
  const noneOk = none.filter((x) => x.got.length === 0);
  console.log(`numbers that count nobody: no figure in ${noneOk.length} of ${none.length}`);
  for (const x of none.filter((y) => y.got.length > 0))
    console.log(`  got [${x.got.join('; ')}]  | ${x.text}`);
  if (!failures) return;
  for (const r of rs.filter((x) => !x.exact))
    console.log(
      `${r.found ? 'inexact' : 'miss   '} ${r.qualifier} ${r.count} ${r.outcome} ${r.victims} got [${r.got.join('; ')}]  | ${r.sentence}`,
    );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { failures: { type: 'boolean' } } });
  printCasualtyChecklist(values.failures ?? false);
}
