import type { Actor } from '../domain/claims.ts';
import { sameParty } from './parties.ts';

// Whether an accusation is about an incident. It must be about harm done in a strike (not aid,
// ceasefires, presence in Syria or support for terrorists, which are about a policy, not an
// incident), and name the incident's perpetrator on either side (Russia accusing the coalition
// of the strike; the coalition accusing Russia of lying about it). An incident whose perpetrator
// nobody named takes any harm accusation at its place.

const NOT_ABOUT_AN_INCIDENT = new Set(['aid', 'ceasefire', 'illegal-presence', 'terror-support']);

export function accusationFits(
  a: { accuser: Actor; accused: Actor; category: string },
  perpetrator: Actor | null,
): boolean {
  if (NOT_ABOUT_AN_INCIDENT.has(a.category)) return false;
  return (
    perpetrator === null || sameParty(a.accused, perpetrator) || sameParty(a.accuser, perpetrator)
  );
}
