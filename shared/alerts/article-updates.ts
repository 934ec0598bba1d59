import type { SubscriberConfig } from '../config/schema.ts';
import type { AccusationRecord, RecordUpdate, TrackedRecord } from '../incidents/types.ts';
import { recordParties, subscriberWantsUpdate } from './match-update.ts';
import { accusationLineOf, type UpdateMessage } from './update-message.ts';

// "Several claims from one article come in one message": the stand-alone accusations an article
// announces (accusation records of their own: no incident took them) ride in the message of the
// article's first incident update, for every subscriber who gets that message. A subscriber who
// wants such an accusation but not the incident still gets it as its own message, so nothing is
// lost to anyone. Only accusations of the topic ride: one stored for the `actors` filters alone
// must not reach every reader of the incident. Pure: the same updates always route the same way,
// so a re-run of the article puts the very same messages.

export interface ArticleUpdate {
  record: TrackedRecord;
  update: RecordUpdate;
}

export interface ArticleRouting<T extends ArticleUpdate> {
  /** Per message id: the subscribers who get the update as (or in) that message. */
  subscribers: Map<string, SubscriberConfig[]>;
  /** The message the riding accusations are shown in, and those accusations. */
  lead: T | null;
  riders: (T & { record: AccusationRecord })[];
}

const isAccusationUpdate = <T extends ArticleUpdate>(a: T): a is T & { record: AccusationRecord } =>
  a.record.kind === 'accusation';

/** Who gets each of one article's updates, and which accusations ride in its lead message. */
export function routeArticleUpdates<T extends ArticleUpdate>(
  subscribers: readonly SubscriberConfig[],
  announced: readonly T[],
): ArticleRouting<T> {
  const wanted = new Map(
    announced.map((a) => [
      a.update.messageId,
      subscribers.filter((s) => subscriberWantsUpdate(s.filters, a.record, a.update)),
    ]),
  );
  const lead =
    announced.find((a) => a.record.kind === 'incident' && wanted.get(a.update.messageId)?.length) ??
    null;
  const readers = new Set((lead ? wanted.get(lead.update.messageId) : [])?.map((s) => s.id));
  const riders = announced
    .filter(isAccusationUpdate)
    .filter((a) => a.record.ofTopic)
    .filter((a) => wanted.get(a.update.messageId)?.some((s) => readers.has(s.id)));
  for (const r of riders) {
    const own = wanted.get(r.update.messageId) ?? [];
    wanted.set(
      r.update.messageId,
      own.filter((s) => !readers.has(s.id)),
    );
  }
  return { subscribers: wanted, lead, riders };
}

/** The lead message with the riding accusations in it: listed, and said in what changed. */
export function withRidingAccusations(
  m: UpdateMessage,
  riders: readonly AccusationRecord[],
): UpdateMessage {
  if (!riders.length) return m;
  const lines = riders.map(({ accusation: a }) => accusationLineOf(a, true));
  const said = lines.map(
    (l) =>
      `Also in this article: ${l.accuser} accuses ${l.accused}${l.allegation ? `: ${l.allegation}` : ''}`,
  );
  return { ...m, changes: [...m.changes, ...said], accusations: [...m.accusations, ...lines] };
}

/** The parties a lead message names: its record's and those of the accusations riding in it. */
export function leadParties(record: TrackedRecord, riders: readonly AccusationRecord[]) {
  return [...new Set([...recordParties(record), ...riders.flatMap(recordParties)])];
}
