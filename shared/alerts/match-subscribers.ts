import type { SubscriberConfig } from '../config/schema.ts';
import type { ClaimRecord } from '../domain/records.ts';

/** Whether a subscriber's filters accept a claim. An absent filter accepts everything. */
export function subscriberWants(sub: SubscriberConfig, claim: ClaimRecord): boolean {
  const f = sub.filters;
  if (f.kinds && !f.kinds.includes(claim.kind)) return false;
  if (f.topics && !f.topics.some((t) => claim.topics.includes(t))) return false;
  const place = claim.kind === 'casualty' ? claim.figure.place : claim.accusation.place;
  if (f.places && !f.places.some((p) => place?.toLowerCase().includes(p.toLowerCase())))
    return false;
  if (claim.kind === 'casualty') {
    const fig = claim.figure;
    if (f.outcomes && !f.outcomes.includes(fig.outcome)) return false;
    if (f.victims && !f.victims.includes(fig.victims)) return false;
    if (f.minCount !== undefined && Math.max(fig.count, fig.max ?? 0) < f.minCount) return false;
    // Actors filter casualty figures by nothing: a figure names no accuser.
    return true;
  }
  const acc = claim.accusation;
  // Outcome, victims and minCount describe figures; use `kinds` to exclude accusations.
  return !f.actors || f.actors.includes(acc.accuser) || f.actors.includes(acc.accused);
}
