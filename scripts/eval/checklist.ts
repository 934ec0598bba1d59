// `npm run eval:checklist [-- --failures]`: a behavioural checklist for the accusation extractor
// (in the manner of CheckList, Ribeiro et al. 2020), then the casualty extractor's
// (casualty-checklist.ts). Sentences are built from templates, one slot each for who says it, who
// did it and what they did, so every sentence's accusation is known by construction: a source
// form that works with one perpetrator and not with another is a gap of the rules, not of one
// article. None of these sentences comes from the corpus or the labels; the eval's figures stay
// the labelled sets'.

import { parseArgs } from 'node:util';
import { allied } from '../../shared/claims/accusation-patterns.ts';
import { allegationProblems } from '../../shared/claims/allegation.ts';
import { extractClaims } from '../../shared/claims/extract-claims.ts';
import type { Actor } from '../../shared/domain/claims.ts';
import { printCasualtyChecklist } from './casualty-checklist.ts';
import { asideCases } from './checklist-asides.ts';
import { printBySlot, share } from './checklist-tally.ts';

export interface Slot {
  text: string;
  actor: Actor;
}

/** Who says it: the speaker's words for each place it can stand in the sentence. */
export interface SourceForm {
  actor: Actor;
  /** "The Syrian Observatory for Human Rights said" */
  before: string;
  /** "the Syrian Observatory for Human Rights said" (after the report, after a comma) */
  after: string;
  /** "the Syrian Observatory for Human Rights" (after "according to") */
  name: string;
}

export const SOURCES: readonly SourceForm[] = [
  {
    actor: 'sohr',
    before: 'The Syrian Observatory for Human Rights said',
    after: 'the Syrian Observatory for Human Rights said',
    name: 'the Syrian Observatory for Human Rights',
  },
  {
    actor: 'sohr',
    before: 'The Britain-based monitor reported that',
    after: 'the Britain-based monitor reported',
    name: 'the Britain-based war monitor',
  },
  { actor: 'other', before: 'Activists said', after: 'activists said', name: 'local activists' },
  {
    actor: 'syria_gov',
    before: 'Syrian state news agency SANA reported that',
    after: 'Syrian state news agency SANA reported',
    name: 'Syrian state news agency SANA',
  },
  {
    actor: 'russia',
    before: "Russia's defence ministry said",
    after: "Russia's defence ministry said",
    name: "Russia's defence ministry",
  },
  { actor: 'us', before: 'The Pentagon said', after: 'the Pentagon said', name: 'the Pentagon' },
  {
    actor: 'amnesty',
    before: 'Amnesty International said',
    after: 'Amnesty International said',
    name: 'Amnesty International',
  },
  {
    actor: 'opposition',
    before: 'The opposition Syrian National Coalition said',
    after: 'the opposition Syrian National Coalition said',
    name: 'the opposition Syrian National Coalition',
  },
  {
    actor: 'sdf',
    before: 'The Kurdish-led Syrian Democratic Forces said',
    after: 'the Kurdish-led Syrian Democratic Forces said',
    name: 'the Kurdish-led Syrian Democratic Forces',
  },
  {
    actor: 'turkey',
    before: 'Turkish officials said',
    after: 'Turkish officials said',
    name: 'Turkish officials',
  },
  { actor: 'un', before: 'The UN said', after: 'the UN said', name: 'the United Nations' },
  {
    actor: 'sohr',
    before: 'Observatory head Rami Abdel Rahman said',
    after: 'Observatory head Rami Abdel Rahman said',
    name: 'Observatory head Rami Abdel Rahman',
  },
  {
    actor: 'russia',
    before: 'Foreign Minister Sergei Lavrov said',
    after: 'Russian Foreign Minister Sergei Lavrov said',
    name: 'Russian Foreign Minister Sergei Lavrov',
  },
  {
    actor: 'russia',
    before: 'Kremlin spokesman Dmitry Peskov said',
    after: 'Kremlin spokesman Dmitry Peskov said',
    name: 'Kremlin spokesman Dmitry Peskov',
  },
  {
    actor: 'us',
    before: 'State Department spokesman John Kirby said',
    after: 'State Department spokesman John Kirby said',
    name: 'State Department spokesman John Kirby',
  },
  {
    actor: 'syria_gov',
    before: 'Syrian Foreign Minister Walid al-Moallem said',
    after: 'Syrian Foreign Minister Walid al-Moallem said',
    name: 'Syrian Foreign Minister Walid al-Moallem',
  },
  {
    actor: 'un',
    before: 'UN envoy Staffan de Mistura said',
    after: 'UN envoy Staffan de Mistura said',
    name: 'UN envoy Staffan de Mistura',
  },
  {
    actor: 'iran',
    before: 'Iranian Foreign Ministry spokesman Bahram Qassemi said',
    after: 'Iranian Foreign Ministry spokesman Bahram Qassemi said',
    name: 'Iranian Foreign Ministry spokesman Bahram Qassemi',
  },
  {
    actor: 'turkey',
    before: 'Turkish President Recep Tayyip Erdogan said',
    after: 'Turkish President Recep Tayyip Erdogan said',
    name: 'Turkish President Recep Tayyip Erdogan',
  },
  {
    actor: 'white_helmets',
    before: 'The White Helmets rescue group said',
    after: 'the White Helmets rescue group said',
    name: 'the White Helmets rescue group',
  },
];

/** Who did it, as the subject of a sentence and after "by". */
export const PERPETRATORS: readonly Slot[] = [
  { text: 'US-led coalition warplanes', actor: 'coalition' },
  { text: 'the US-led coalition', actor: 'coalition' },
  { text: 'Russian jets', actor: 'russia' },
  { text: 'Russian warplanes', actor: 'russia' },
  { text: 'regime forces', actor: 'syria_gov' },
  { text: 'Syrian government helicopters', actor: 'syria_gov' },
  { text: 'the Syrian army', actor: 'syria_gov' },
  { text: 'Islamic State militants', actor: 'isis' },
  { text: 'ISIS fighters', actor: 'isis' },
  { text: 'rebel groups', actor: 'rebels' },
  { text: 'Free Syrian Army fighters', actor: 'rebels' },
  { text: 'Turkish artillery', actor: 'turkey' },
  { text: 'Kurdish YPG fighters', actor: 'sdf' },
  { text: 'Nusra Front fighters', actor: 'nusra' },
  { text: 'Hezbollah fighters', actor: 'hezbollah' },
  { text: 'Iranian-backed militias', actor: 'iran' },
];

/** The perpetrator as a word before a harm noun ("Russian air strikes"), where it has one. */
export const PERPETRATOR_ADJECTIVES: readonly Slot[] = [
  { text: 'US-led coalition', actor: 'coalition' },
  { text: 'coalition', actor: 'coalition' },
  { text: 'Russian', actor: 'russia' },
  { text: 'regime', actor: 'syria_gov' },
  { text: 'Syrian government', actor: 'syria_gov' },
  { text: 'Turkish', actor: 'turkey' },
  { text: 'rebel', actor: 'rebels' },
  { text: 'IS', actor: 'isis' },
];

/** Harms told with the perpetrator as an adjective: `{A}`. */
export const ADJECTIVE_HARMS: readonly string[] = [
  '12 civilians were killed in {A} air strikes on Raqqa',
  '{A} shelling killed five people in Aleppo',
  'at least 20 people died when {A} warplanes struck a market in Douma',
];

/** Lying: another party's account called false, the party as an adjective (`{A}`). */
export const ADJECTIVE_BLAME_FRAMES: readonly string[] = [
  '{N} said the {A} claims were false.',
  '{N} said the {A} reports about the strike were baseless.',
  '{N} dismissed the {A} reports as lies.',
];

/** Blame with the perpetrator as its object: `{N}` the accuser's name, `{P}` the accused. */
export const BLAME_FRAMES: readonly string[] = [
  '{N} called on {P} to stop bombing civilians.',
  '{N} said {P} were behind the attack on the hospital.',
  '{N} said the attack on the hospital was carried out by {P}.',
  '{N} accused {P} of killing 12 civilians in Raqqa.',
  '{N} blamed {P} for the attack, which killed 12 civilians.',
  '{N} condemned the attack by {P} on a hospital in Idlib.',
  '{N} said {P} were responsible for the massacre.',
  '{N} held {P} responsible for the deaths of 12 civilians.',
];

/** What they did: `{P}` is the perpetrator. Each is a whole clause, no source. */
export const HARMS: readonly string[] = [
  '{P} killed 12 civilians in Raqqa',
  '{P} bombed a hospital in Idlib',
  '{P} shelled residential areas of Aleppo, killing five people',
  '12 civilians were killed by {P} in Raqqa',
  'air strikes by {P} killed 12 civilians near Deir ez-Zor',
  '{P} used chlorine gas against civilians in Hama',
  '{P} have besieged the town of Madaya for months',
  '{P} targeted a market in Douma, killing at least 20 people',
];

/** Where the source stands: `{S}` its before-form, `{s}` after-form, `{N}` bare name, `{H}` the harm. */
export const FRAMES: readonly string[] = [
  '{S} {H}.',
  '{H}, {s}.',
  '{H}, according to {N}.',
  '{H} on Monday, {s}.',
  '{N} told AFP that {H}.',
  '{S} in a statement that {H}.',
  '"{H}," {s}.',
  '{S} on Monday that the situation in the north was dire. It added that {H}.',
  '{S} the town was calm on Sunday. But on Monday {H}, it said.',
];

/**
 * Sentences that make no accusation whoever the perpetrator: the journalist's own report, a
 * denial, an open question, an investigation, a hypothetical, harm that hurt nobody.
 */
export const NO_ACCUSATION: readonly string[] = [
  '{P} bombed a hospital in Idlib on Monday.',
  'It was not clear whether {P} carried out the strike.',
  '{N} denied reports that {P} had bombed a hospital in Idlib.',
  '{N} said it was investigating whether {P} had bombed the hospital.',
  '{N} said {P} could be held responsible if the evidence were confirmed.',
  '{N} said no civilians were killed in the raids by {P}.',
  '{N} said raids by {P} hit the town but caused no casualties.',
];

export interface Case {
  sentence: string;
  accuser: Actor;
  accused: Actor;
  frame: string;
  harm: string;
  source: string;
  perpetrator: string;
}

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

// Beside the Syrian National Coalition a bare "coalition" may be that coalition: such a sentence
// makes no pair by construction.
const ambiguous = (src: SourceForm, p: Slot): boolean =>
  src.actor === 'opposition' && p.text === 'coalition';

const accuses = (src: SourceForm, p: Slot): boolean =>
  src.actor !== p.actor && !allied(src.actor, p.actor) && !ambiguous(src, p);

function reported(frame: string, harm: string, src: SourceForm, p: Slot, slot: string): Case {
  const h = harm.replace(slot, p.text).replace('{N}', capitalise(src.name));
  const opens = frame.startsWith('{H}') || frame.startsWith('"{H}');
  const sentence = frame
    .replace('{S}', src.before)
    .replace('{s}', src.after)
    .replace('{N}', capitalise(src.name))
    .replace('{H}', opens ? capitalise(h) : h);
  const named = frame.startsWith('{N}')
    ? sentence
    : sentence.replace(capitalise(src.name), src.name);
  return {
    sentence: capitalise(named),
    accuser: src.actor,
    accused: p.actor,
    frame,
    harm,
    source: src.before,
    perpetrator: p.text,
  };
}

/** Every sentence of the checklist whose pair is an accusation (not a party on itself or an ally). */
export function checklistCases(): Case[] {
  const out: Case[] = [];
  for (const src of SOURCES) {
    for (const p of PERPETRATORS.filter((x) => accuses(src, x))) {
      for (const frame of FRAMES)
        for (const harm of HARMS) out.push(reported(frame, harm, src, p, '{P}'));
      for (const frame of BLAME_FRAMES) out.push(reported('{H}', frame, src, p, '{P}'));
    }
    for (const a of PERPETRATOR_ADJECTIVES.filter((x) => accuses(src, x)))
      for (const frame of FRAMES) {
        for (const harm of ADJECTIVE_HARMS) out.push(reported(frame, harm, src, a, '{A}'));
        if (frame === FRAMES[0])
          for (const blame of ADJECTIVE_BLAME_FRAMES)
            out.push(reported('{H}', blame, src, a, '{A}'));
      }
  }
  return out;
}

/** Sentences with no pair to find: any pair found is one too many. */
export function negativeCases(): Case[] {
  const out: Case[] = [];
  for (const frame of NO_ACCUSATION)
    for (const src of SOURCES)
      for (const p of PERPETRATORS) {
        if (!frame.includes('{N}') && src !== SOURCES[0]) continue;
        const c = reported('{H}', frame, src, p, '{P}');
        out.push({ ...c, accuser: 'other', accused: 'other' });
      }
  return out;
}

export interface CaseResult extends Case {
  found: boolean;
  /** Pairs found that the sentence does not make. */
  extra: string[];
  /** The found accusation's allegation, when the pair is found. */
  allegation?: string;
}

/**
 * What is wrong with a found accusation's allegation: rule 2 of issue 13, the placeholder "harm",
 * or words of the source's own name ("bombing the town all night, the Observatory").
 */
export function allegationFault(r: CaseResult): string | null {
  if (r.allegation === undefined) return null;
  const problems = allegationProblems(r.allegation);
  if (problems.length > 0) return problems.join(', ');
  if (/^harm\b/.test(r.allegation)) return 'placeholder';
  const own = r.source.split(/\s+/).filter((w) => /^[A-Z][a-z]{3,}/.test(w) && w !== 'Syrian');
  return own.some((w) => r.allegation?.includes(w)) ? 'names the source' : null;
}

export function runChecklist(cases: readonly Case[] = checklistCases()): CaseResult[] {
  return cases.map((c) => {
    const found = extractClaims(c.sentence, {}).accusations;
    const pairs = found.map((a) => `${a.accuser}>${a.accused}`);
    const want = `${c.accuser}>${c.accused}`;
    const hit = found.find((a) => a.accuser === c.accuser && a.accused === c.accused);
    return {
      ...c,
      found: hit !== undefined,
      extra: pairs.filter((p) => p !== want),
      ...(hit ? { allegation: hit.allegation } : {}),
    };
  });
}

/** The negative cases: `found` is true when nothing is found. */
export function runNegatives(cases: readonly Case[] = negativeCases()): CaseResult[] {
  return cases.map((c) => {
    const pairs = extractClaims(c.sentence, {}).accusations.map((a) => `${a.accuser}>${a.accused}`);
    return { ...c, found: pairs.length === 0, extra: pairs };
  });
}

const found = (r: CaseResult): boolean => r.found;
const byFound = (g: readonly CaseResult[]): string => share(g, found);

function main(): void {
  const { values } = parseArgs({ options: { failures: { type: 'boolean' } } });
  // About 20 seconds in all: say what is being read.
  const progress = (what: string, n: number) =>
    process.stderr.write(`checklist: extracting ${n.toLocaleString('en')} ${what} ...\n`);
  const cases = checklistCases();
  progress('accusation sentences', cases.length);
  const rs = runChecklist(cases);
  const extra = rs.filter((r) => r.extra.length > 0).length;
  const faulty = rs.filter((r) => allegationFault(r) !== null);
  console.log(`accusation checklist: found ${share(rs, found)}; with a pair too many: ${extra}`);
  console.log(`allegations that break rule 2, say "harm" or name the source: ${faulty.length}`);
  console.log('by frame:');
  printBySlot(rs, (r) => r.frame, byFound);
  console.log('by harm:');
  printBySlot(rs, (r) => r.harm, byFound);
  console.log('by source:');
  printBySlot(rs, (r) => r.source, byFound);
  console.log('by perpetrator:');
  printBySlot(rs, (r) => r.perpetrator, byFound);
  const withAsides = asideCases(cases);
  progress('accusation sentences with asides', withAsides.length);
  const asides = runChecklist(withAsides) as (CaseResult & { aside: string })[];
  const asideFaults = asides.filter((r) => allegationFault(r) !== null);
  console.log(
    `with commas: found ${share(asides, found)}; allegations at fault: ${asideFaults.length}`,
  );
  printBySlot(asides, (r) => r.aside, byFound);
  const negatives = runNegatives();
  console.log(`no accusation to find: none found in ${share(negatives, found)}`);
  printBySlot(negatives, (r) => r.harm, byFound);
  if (values.failures) {
    for (const r of [...faulty, ...asideFaults])
      console.log(`alleg ${allegationFault(r)}: "${r.allegation}"  | ${r.sentence}`);
    for (const r of negatives.filter((x) => !x.found))
      console.log(`false ${r.extra.join(',')}  | ${r.sentence}`);
    for (const r of rs.filter((x) => !x.found || x.extra.length))
      console.log(
        `${r.found ? 'extra' : 'miss '} ${r.accuser}>${r.accused}${r.extra.length ? ` +${r.extra.join(',')}` : ''}  | ${r.sentence}`,
      );
  }
  console.log('');
  process.stderr.write('checklist: extracting the casualty sentences ...\n');
  printCasualtyChecklist(values.failures ?? false);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
