import { findActors } from '../claims/actors.ts';
import type { Actor } from '../domain/claims.ts';

// Who is who: source identity for accounts, and which actors are "the same side" when matching a
// perpetrator or deciding whether something concerns the US-led coalition.

/** Actors whose strikes and accusations are of the default topic (US-led coalition strikes). */
export const COALITION_ACTORS: readonly Actor[] = ['us', 'coalition'];

/** Whether two actors are the same party for matching: the US and the coalition it leads are. */
export function sameParty(a: Actor | null, b: Actor | null): boolean {
  if (!a || !b) return false;
  if (a === b) return true;
  return COALITION_ACTORS.includes(a) && COALITION_ACTORS.includes(b);
}

/** Whether any of `actors` is one of `of` (a null list means every actor is). */
export function involves(actors: readonly (Actor | null)[], of: readonly Actor[] | null): boolean {
  if (of === null) return true;
  return actors.some((a) => a !== null && of.some((t) => sameParty(a, t)));
}

// Labels that name a kind of speaker, not one speaker: two outlets or two NGOs are two accounts.
const GENERIC_SOURCES = new Set<Actor>(['ngo', 'media', 'other']);

const normaliseName = (s: string): string =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/^the\s+/, '')
    .replace(/(?:'s|’s)$/, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/**
 * The identity of who states a figure: the actor when the name opens with one specific party
 * ("Syrian Observatory for Human Rights", "the Observatory" and "SOHR" are one source; the
 * Russian Defence Ministry and Konashenkov are Russia), else the normalised name.
 */
export function sourceKey(source: string): string {
  const first = findActors(source)[0];
  if (first && first.index <= 4 && !first.generic && !GENERIC_SOURCES.has(first.actor)) {
    return `actor:${first.actor}`;
  }
  return `name:${normaliseName(source) || 'unknown'}`;
}
