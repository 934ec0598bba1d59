import { createHash } from 'node:crypto';
import type { Accusation, CasualtyFigure } from '../domain/claims.ts';

// Identity of what a claim is about, so that a second outlet repeating it corroborates the
// first instead of alerting again. A casualty figure is about an incident: where, when, who,
// what outcome. An accusation is about who blames whom for what kind of wrong, where, when.
// Without a place the story is the incident. Dates match within a day either side, because
// outlets report the same strike a day apart: callers look up all candidate keys.

const slug = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/^(al|el|ar|ad|as|ash|az)[- ]/, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

function shiftDay(isoDate: string, days: number): string {
  const d = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const ALLEGATION_CATEGORIES: [string, RegExp][] = [
  ['chemical', /chemical|sarin|chlorine|toxic|gas attack|poison/i],
  [
    'civilian-harm',
    /civilian|killed|killing|deaths?|massacre|casualt|children|bomb(ed|ing)|destr|wip|strike|raid|hospital|school|infrastructure/i,
  ],
  [
    'terror-support',
    /support(s|ing)? (for )?(terror|islamic state|is\b|isis|isil|daesh|nusra)|help(s|ing)? (terror|is\b|isis|daesh)|arm(s|ing) (terror|rebels|militants)|terrorists?/i,
  ],
  ['illegal-presence', /illegal|violat\w* (of )?(the )?(syria'?s )?sovereignty|occup/i],
  ['ceasefire', /ceasefire|truce|de-escalation/i],
  ['aid', /aid|humanitarian|convoy|siege|corridor/i],
  ['lying', /li(e|es|ed|ing)\b|fake|fabricat|cover[- ]?up|propaganda|disinformation/i],
  ['war-crimes', /war crime|crimes against|genocide|atrocit/i],
];

export function allegationCategory(a: Pick<Accusation, 'allegation' | 'quote'>): string {
  const text = `${a.allegation} ${a.quote}`;
  for (const [name, re] of ALLEGATION_CATEGORIES) if (re.test(text)) return name;
  return 'other';
}

export interface ClaimScope {
  storyId: string;
  /** The story's published date (yyyy-mm-dd), or null when unknown. */
  date: string | null;
}

const hash = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 20);

/** Candidate keys, the first being the one a new claim is created under. */
export function casualtyKeys(f: CasualtyFigure, scope: ClaimScope): string[] {
  // Two sides' fighters are two measures ("22 IS fighters", "4 YPG fighters"); no side, the key
  // as before.
  const side = f.victimSide ? `:${f.victimSide}` : '';
  const base = `cas|${f.background ? 'bg' : 'inc'}|${f.outcome}|${f.victims}${side}`;
  const date = (f.date ?? scope.date)?.slice(0, 10);
  // Without a place and a date, nothing but the story says which incident it is.
  if (!f.place || !date) return [hash(`${base}|story:${scope.storyId}`)];
  return [0, -1, 1].map((d) => hash(`${base}|${slug(f.place ?? '')}|${shiftDay(date, d)}`));
}

export function accusationKeys(a: Accusation, scope: ClaimScope): string[] {
  const base = `acc|${a.accuser}|${a.accused}|${allegationCategory(a)}`;
  const date = scope.date;
  if (!a.place || !date) return [hash(`${base}|story:${scope.storyId}`)];
  return [0, -1, 1].map((d) => hash(`${base}|${slug(a.place ?? '')}|${shiftDay(date, d)}`));
}

/** A figure that replaces the known one for the same incident: only a higher toll alerts. */
export function isHigherToll(
  next: Pick<CasualtyFigure, 'count' | 'max'>,
  known: Pick<CasualtyFigure, 'count' | 'max'>,
): boolean {
  return next.count > known.count;
}
