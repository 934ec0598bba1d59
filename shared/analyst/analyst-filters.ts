import { findActors } from '../claims/actors.ts';
import { ACTORS, type Actor } from '../domain/claims.ts';
import { QueryInvalidError } from '../domain/errors.ts';
import { sameParty, sourceKey } from '../incidents/parties.ts';
import type { Incident, TrackedRecord } from '../incidents/types.ts';
import { closestOption } from '../util/closest-option.ts';
import { type AnalystRow, type CasualtyRow, isAccusationRow } from './analyst-rows.ts';

// What the analysts' `--actor` and `--source` filters mean on incident rows. Both take an id
// (`coalition`, `sohr`) or a name as news copy writes it ("US-led coalition", "the
// Observatory"), resolved through the actor gazetteer (shared/claims/actors.ts). Pure.

const ACTOR_IDS: readonly string[] = ACTORS;

/**
 * The actor an `--actor` value names: an id of GUIDELINES.md, or a name the gazetteer knows.
 * Throws QueryInvalidError for anything else (a typo must not read as "no rows").
 */
export function resolveActor(value: string): Actor {
  const v = value.trim();
  const id = v.toLowerCase().replace(/[\s-]+/g, '_');
  if (ACTOR_IDS.includes(id)) return id as Actor;
  const hit = findActors(v).find((h) => !h.generic);
  if (hit && hit.index <= 4) return hit.actor;
  const meant = closestOption(id, ACTOR_IDS);
  throw new QueryInvalidError(
    `unknown actor "${v}": ${meant ? `did you mean "${meant}"? ` : ''}use an actor id (${ACTORS.join(', ')}) or a name such as "US-led coalition" or "Russian Defence Ministry"`,
  );
}

const norm = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** `--source`: who states it or the outlet, by actor id, by name (any spelling of one party), in part. */
export function sourceMatcher(value: string): (who: string, outlet: string) => boolean {
  const needle = norm(value);
  const id = value.trim().toLowerCase();
  const asActor = ACTOR_IDS.includes(id) ? `actor:${id}` : null;
  const key = sourceKey(value);
  return (who, outlet) => {
    const whoKey = sourceKey(who);
    if (asActor && whoKey === asActor) return true;
    if (key.startsWith('actor:') && whoKey === key) return true;
    return [who, outlet].some((h) => needle !== '' && norm(h).includes(needle));
  };
}

/** The parties of an incident: its perpetrator, those other reports name, accusers and accused. */
export function incidentParties(i: Incident): Actor[] {
  return [
    ...(i.perpetrator ? [i.perpetrator] : []),
    ...i.perpetratorClaims.map((c) => c.actor),
    ...i.accusations.flatMap((a) => [a.accuser, a.accused]),
  ];
}

export function recordParties(r: TrackedRecord): Actor[] {
  return r.kind === 'incident' ? incidentParties(r) : [r.accusation.accuser, r.accusation.accused];
}

export interface RowFilters {
  /** yyyy-mm-dd bounds on when the row was first reported (inclusive). */
  reportedSince?: string | undefined;
  reportedUntil?: string | undefined;
  source?: string | undefined;
  actor?: Actor | undefined;
}

/** The row-level filters (the store already selected by incident date and place key). */
export function rowMatcher(f: RowFilters): (row: AnalystRow, parties: Actor[]) => boolean {
  const source = f.source ? sourceMatcher(f.source) : null;
  const actor = f.actor;
  return (row, parties) => {
    const day = row.firstReported.slice(0, 10);
    if (f.reportedSince && day < f.reportedSince) return false;
    if (f.reportedUntil && day > f.reportedUntil) return false;
    if (source) {
      const who = isAccusationRow(row) ? row.accuserName : (row as CasualtyRow).source;
      if (!source(who, row.outlet)) return false;
    }
    if (actor) {
      const own = isAccusationRow(row) ? [row.accuser, row.accused] : parties;
      if (!own.some((p) => sameParty(p, actor))) return false;
    }
    return true;
  };
}
