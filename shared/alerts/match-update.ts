import type { SubscriberFilters } from '../config/schema.ts';
import type { Actor } from '../domain/claims.ts';
import { involves } from '../incidents/parties.ts';
import { samePlace } from '../incidents/place-key.ts';
import type { Incident, RecordUpdate, TrackedRecord } from '../incidents/types.ts';

// Which subscribers an update goes to. An absent filter accepts everything, except that a
// record not of the topic (an accusation concerning neither the US/coalition nor an incident of
// the topic; an incident whose named perpetrators are all outside the topic) goes only to
// subscribers whose `actors` filter names one of its parties. Places match their spelling
// variants ("Raqqah" finds Raqqa). Outcome, victims and minCount filter an incident by any of
// its measures; they do not apply to a stand-alone accusation.

/** The parties a record names: perpetrators and accusation parties. */
export function recordParties(r: TrackedRecord): Actor[] {
  if (r.kind === 'accusation') return [r.accusation.accuser, r.accusation.accused];
  const perpetrators = [r.perpetrator, ...r.perpetratorClaims.map((c) => c.actor)];
  const accusations = r.accusations.flatMap((a) => [a.accuser, a.accused]);
  return [...new Set([...perpetrators, ...accusations].filter((a): a is Actor => a !== null))];
}

/** The claim kinds an update is about, for the `kinds` filter. */
export function updateKinds(r: TrackedRecord, u: RecordUpdate): ('casualty' | 'accusation')[] {
  if (r.kind === 'accusation') return ['accusation'];
  const kinds = new Set<'casualty' | 'accusation'>();
  for (const c of u.changes) kinds.add(c.type === 'accusation' ? 'accusation' : 'casualty');
  return [...kinds];
}

function placeMatches(filter: readonly string[], place: string | null): boolean {
  if (!place) return false;
  const lower = place.toLowerCase();
  return filter.some((p) => samePlace(p, place) || lower.includes(p.toLowerCase()));
}

function figuresMatch(f: SubscriberFilters, i: Incident): boolean {
  if (!f.outcomes && !f.victims && f.minCount === undefined) return true;
  return i.tallies.some(
    (t) =>
      (!f.outcomes || f.outcomes.includes(t.outcome)) &&
      (!f.victims || f.victims.includes(t.victims)) &&
      (f.minCount === undefined || t.max >= f.minCount),
  );
}

function actorsMatch(f: SubscriberFilters, r: TrackedRecord): boolean {
  const parties = recordParties(r);
  if (!r.ofTopic) return Boolean(f.actors) && involves(parties, f.actors ?? []);
  // A record that names nobody cannot be told apart by actor: it passes.
  return !f.actors || parties.length === 0 || involves(parties, f.actors);
}

export function subscriberWantsUpdate(
  f: SubscriberFilters,
  r: TrackedRecord,
  u: RecordUpdate,
): boolean {
  if (f.kinds && !updateKinds(r, u).some((k) => f.kinds?.includes(k))) return false;
  if (f.topics && !f.topics.some((t) => r.topics.includes(t))) return false;
  if (f.places && !placeMatches(f.places, r.place)) return false;
  if (r.kind === 'incident' && !figuresMatch(f, r)) return false;
  return actorsMatch(f, r);
}
