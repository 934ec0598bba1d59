// Whose fighters or soldiers a figure counts, when its own victim phrase says so: "22 IS
// fighters", "four YPG fighters", "regime troops", "pro-government fighters", "members of the
// Islamic State group", "Syrian soldiers". Only the actor words inside the phrase count (the
// number to the end of the phrase and its affiliation): a party before the number is the one who
// struck or the one who reports, not the victims' side.

import type { Actor, Victims } from '../domain/claims.ts';
import { allied } from './accusation-patterns.ts';
import { STATE_PARTIES } from './actor-context.ts';
import { type ActorHit, findActors } from './actors.ts';

/** Parties that have fighters or soldiers; monitors, NGOs, the press and the UN are no side. */
export const ARMED_PARTIES: ReadonlySet<Actor> = new Set<Actor>([
  ...STATE_PARTIES,
  'coalition',
  'rebels',
  'opposition',
  'isis',
  'nusra',
  'sdf',
  'hezbollah',
]);

/** Two sides named, and not the same one: "4 YPG fighters" and "4 IS fighters" are two figures. */
export const sidesClash = (a: Actor | null | undefined, b: Actor | null | undefined): boolean =>
  a != null && b != null && a !== b;

// "five Syrian soldiers": the state's army, which the gazetteer names only with its noun
// ("Syrian troops", "Syrian army").
const SYRIAN_SOLDIERS_RE =
  /^\s+(?:[\w'’-]+\s+){0,2}?Syrian\s+(?:[\w-]+\s+)?(?:soldiers?|troops|servicemen|officers|personnel)\b/;

/**
 * The side of the fighters or soldiers in the phrase `sentence.slice(from, to)`: the one party
 * its actor words name (or parties on one side: the first of them); null for other victims,
 * when the phrase names none, only a generic label ("terrorists": whose depends on who speaks),
 * or parties of two sides. `hits` are the sentence's resolved mentions; where they leave the
 * phrase out (a headline the page restated before the wire copy has none), its own are read.
 */
export function victimSideOf(
  sentence: string,
  hits: readonly ActorHit[],
  victims: Victims,
  from: number,
  to: number,
): Actor | null {
  if (victims !== 'fighters' && victims !== 'soldiers') return null;
  const inside = hits.filter((h) => h.index >= from && h.index < to);
  const own = inside.length ? inside : findActors(sentence.slice(from, to));
  const named = own.filter((h) => !h.generic && ARMED_PARTIES.has(h.actor)).map((h) => h.actor);
  const first = named[0];
  if (first) return named.every((x) => x === first || allied(x, first)) ? first : null;
  if (victims === 'soldiers' && SYRIAN_SOLDIERS_RE.test(sentence.slice(from, to))) {
    return 'syria_gov';
  }
  return null;
}
