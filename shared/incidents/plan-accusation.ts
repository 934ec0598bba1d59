import { MAX_OUTLETS } from './accounts.ts';
import { accusationIdFor } from './identity.ts';
import { COALITION_ACTORS, involves } from './parties.ts';
import { accusationEntry, type PlanOptions } from './plan-incident.ts';
import {
  boundedRef,
  entryFor,
  hasReport,
  replayOf,
  union,
  updateOf,
  withReport,
} from './tracked.ts';
import type {
  AccusationRecord,
  AccusationReport,
  Incident,
  IncidentReport,
  Plan,
} from './types.ts';

// Accusations no incident takes are records of their own: one per (accuser, accused, kind of
// allegation, place, date window) or, without a place, per story. The first report of one is
// an update; later reports only add their article and outlet. Such an accusation is of the topic
// when the US or the coalition is accuser or accused; otherwise it is stored (queryable) and sent
// only to subscribers whose `actors` filter names one of its parties.

/** An incident report that carries only this accusation, to plan it into a found incident. */
export function accusationAsIncidentReport(
  r: AccusationReport,
  incident: Incident,
): IncidentReport {
  return {
    article: r.article,
    storyId: r.storyId,
    topics: r.topics,
    place: incident.place,
    placeKey: incident.placeKey,
    date: incident.date,
    dateBasis: incident.dateBasis,
    perpetrator: null,
    perpetratorName: null,
    figures: [],
    accusations: [r.accusation],
    createKey: incident.keys[0] ?? r.createKey,
    lookupKeys: incident.keys,
  };
}

/** Plans a stand-alone accusation record (see the module comment). */
export function planAccusationUpdate(
  known: AccusationRecord | null,
  report: AccusationReport,
  opts: PlanOptions = {},
): Plan<AccusationRecord> {
  const a = boundedRef(report.article);
  if (known) {
    if (hasReport(known, a.articleId)) {
      const update = replayOf(known, a.articleId);
      return { next: known, write: 'none', expectedVersion: known.version, update, addedKeys: [] };
    }
    const acc = known.accusation;
    const outlets = union(acc.outlets, [a.outlet], MAX_OUTLETS);
    const next = withReport(
      {
        ...known,
        version: known.version + 1,
        changedBy: a.articleId,
        updatedAt: a.seenAt,
        storyIds: union(known.storyIds, [report.storyId]),
        topics: union(known.topics, report.topics),
        accusation: { ...acc, outlets },
      },
      a,
    );
    return { next, write: 'replace', expectedVersion: known.version, update: null, addedKeys: [] };
  }
  const id = accusationIdFor(report.createKey);
  const keys = [report.createKey, ...(report.sameWordsKey ? [report.sameWordsKey] : [])];
  const entry = entryFor(id, 1, a, [{ type: 'accusation', key: report.accusation.key }]);
  const topicActors = opts.topicActors === undefined ? COALITION_ACTORS : opts.topicActors;
  const next: AccusationRecord = {
    kind: 'accusation',
    id,
    version: 1,
    changedBy: a.articleId,
    createdAt: a.seenAt,
    updatedAt: a.seenAt,
    keys,
    storyIds: [report.storyId],
    topics: [...report.topics],
    ofTopic: involves([report.accusation.accuser, report.accusation.accused], topicActors),
    reports: [a],
    reportCount: 1,
    updates: [entry],
    place: report.placeKey ? report.accusation.place : null,
    placeKey: report.placeKey,
    date: report.date,
    accusation: accusationEntry(report.accusation, a),
  };
  return {
    next,
    write: 'create',
    expectedVersion: null,
    update: updateOf(next, entry, false),
    addedKeys: keys,
  };
}

/** Candidate records found under the lookup keys: the one created first (stable across workers). */
export function chooseAccusationRecord(
  candidates: readonly AccusationRecord[],
): AccusationRecord | null {
  return (
    [...candidates].sort(
      (x, y) => x.createdAt.localeCompare(y.createdAt) || x.id.localeCompare(y.id),
    )[0] ?? null
  );
}
