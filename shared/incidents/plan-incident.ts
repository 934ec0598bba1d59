import { isOutsideSyria } from '../claims/places.ts';
import type { Actor } from '../domain/claims.ts';
import { alignSides, MAX_OUTLETS, MAX_QUOTE, mergeFigure, tallies } from './accounts.ts';
import { byParty, incidentIdFor } from './identity.ts';
import { COALITION_ACTORS, involves, sameParty } from './parties.ts';
import {
  boundedRef,
  entryFor,
  hasReport,
  MAX_ACCUSATIONS,
  replayOf,
  union,
  updateOf,
  withEntry,
  withReport,
} from './tracked.ts';
import type {
  Account,
  AccusationEntry,
  ArticleRef,
  Change,
  DateBasis,
  Incident,
  IncidentReport,
  Plan,
  ReportedAccusation,
} from './types.ts';

// The update planner: given the incident as known (or none) and what one article says about it,
// the next incident state, how to write it, and the update to announce (if any). Pure and
// deterministic: a re-run of the same article against the state it produced gives back the same
// update (same message id); a loser of a conditional-write race re-plans against the winner.

export interface PlanOptions {
  /** Perpetrators of the topic; null: every incident is of the topic. Default: US/coalition. */
  topicActors?: readonly Actor[] | null;
}

const topicActorsOf = (o: PlanOptions) =>
  o.topicActors === undefined ? COALITION_ACTORS : o.topicActors;

/** Of the topic unless every perpetrator named is outside the topic's actors. */
function incidentOfTopic(
  i: Pick<Incident, 'perpetrator' | 'perpetratorClaims' | 'place'>,
  o: PlanOptions,
) {
  // A strike in Mosul is the coalition's Iraqi war, not the topic, even in a Syria article.
  if (i.place && isOutsideSyria(i.place)) return false;
  const named = [i.perpetrator, ...i.perpetratorClaims.map((c) => c.actor)].filter(
    (a): a is Actor => a !== null,
  );
  return named.length === 0 || involves(named, topicActorsOf(o));
}

export function accusationEntry(a: ReportedAccusation, article: ArticleRef): AccusationEntry {
  return {
    key: a.key,
    accuser: a.accuser,
    accused: a.accused,
    accuserName: a.accuserName.slice(0, 150),
    accusedName: a.accusedName.slice(0, 150),
    allegation: a.allegation.slice(0, MAX_QUOTE),
    category: a.category,
    quote: a.quote.slice(0, MAX_QUOTE),
    articleId: article.articleId,
    outlet: article.outlet,
    url: article.url,
    firstReportedAt: article.publishedAt ?? article.seenAt,
    outlets: [article.outlet],
  };
}

function mergeAccusations(known: readonly AccusationEntry[], report: IncidentReport) {
  let list = [...known];
  const changes: Change[] = [];
  for (const a of report.accusations) {
    const i = list.findIndex((x) => x.key === a.key);
    const seen = list[i];
    if (!seen) {
      if (list.length >= MAX_ACCUSATIONS) continue;
      list = [...list, accusationEntry(a, report.article)];
      changes.push({ type: 'accusation', key: a.key });
    } else if (!seen.outlets.includes(report.article.outlet) && seen.outlets.length < MAX_OUTLETS) {
      list = list.map((x, j) =>
        j === i ? { ...x, outlets: [...x.outlets, report.article.outlet] } : x,
      );
    }
  }
  return { list, changes };
}

function mergeFigures(known: readonly Account[], report: IncidentReport) {
  // "62 soldiers" where the incident knows only "Syrian soldiers": the same side's measure.
  const aligned = alignSides(known, report.figures);
  let accounts = aligned.accounts;
  const changes: Change[] = [];
  for (const f of aligned.figures) {
    const merged = mergeFigure(accounts, f, report.article);
    accounts = merged.accounts;
    if (merged.change) changes.push(merged.change);
  }
  return { accounts, changes };
}

type PerpetratorState = Pick<Incident, 'perpetrator' | 'perpetratorName' | 'perpetratorClaims'>;

function mergePerpetrator(known: Incident, report: IncidentReport) {
  const state: PerpetratorState = {
    perpetrator: known.perpetrator,
    perpetratorName: known.perpetratorName,
    perpetratorClaims: known.perpetratorClaims,
  };
  const actor = report.perpetrator;
  if (!actor) return { state, change: null };
  const name = report.perpetratorName ?? actor;
  const outlet = report.article.outlet;
  if (!known.perpetrator) {
    const change: Change = { type: 'perpetrator', actor, name, contradicts: null, outlet };
    return { state: { ...state, perpetrator: actor, perpetratorName: name }, change };
  }
  if (sameParty(known.perpetrator, actor)) return { state, change: null };
  if (known.perpetratorClaims.some((c) => sameParty(c.actor, actor)))
    return { state, change: null };
  const claim = { actor, name, articleId: report.article.articleId, outlet };
  const contradicts = {
    actor: known.perpetrator,
    name: known.perpetratorName ?? known.perpetrator,
  };
  const change: Change = { type: 'perpetrator', actor, name, contradicts, outlet };
  return { state: { ...state, perpetratorClaims: [...known.perpetratorClaims, claim] }, change };
}

const BASIS_RANK: Record<Exclude<DateBasis, null>, number> = {
  stated: 0,
  relative: 1,
  published: 2,
};

/** Place and date a report adds: a placeless incident takes a place; a weaker date a stated one. */
function locationUpdate(known: Incident, report: IncidentReport) {
  const adoptPlace = !known.placeKey && report.placeKey !== null;
  const better =
    report.date !== null &&
    report.dateBasis !== null &&
    (known.date === null ||
      (known.dateBasis !== null && BASIS_RANK[report.dateBasis] < BASIS_RANK[known.dateBasis]));
  const added = (adoptPlace || better) && !known.keys.includes(report.createKey);
  return {
    place: adoptPlace ? report.place : known.place,
    placeKey: adoptPlace ? report.placeKey : known.placeKey,
    date: better ? report.date : known.date,
    dateBasis: better ? report.dateBasis : known.dateBasis,
    addedKeys: added ? [report.createKey] : [],
  };
}

function planMerge(known: Incident, report: IncidentReport, o: PlanOptions): Plan<Incident> {
  const figures = mergeFigures(known.accounts, report);
  const perpetrator = mergePerpetrator(known, report);
  const accusations = mergeAccusations(known.accusations, report);
  const where = locationUpdate(known, report);
  const changes = [
    ...figures.changes,
    ...(perpetrator.change ? [perpetrator.change] : []),
    ...accusations.changes,
  ];
  const version = known.version + 1;
  let next: Incident = withReport(
    {
      ...known,
      ...perpetrator.state,
      place: where.place,
      placeKey: where.placeKey,
      date: where.date,
      dateBasis: where.dateBasis,
      keys: union(known.keys, where.addedKeys),
      version,
      changedBy: report.article.articleId,
      updatedAt: report.article.seenAt,
      storyIds: union(known.storyIds, [report.storyId]),
      topics: union(known.topics, report.topics),
      accounts: figures.accounts,
      tallies: tallies(figures.accounts),
      accusations: accusations.list,
    },
    report.article,
  );
  next = { ...next, ofTopic: incidentOfTopic(next, o) };
  if (!changes.length) {
    return {
      next,
      write: 'replace',
      expectedVersion: known.version,
      update: null,
      addedKeys: where.addedKeys,
    };
  }
  const entry = entryFor(known.id, version, report.article, changes);
  next = { ...next, updates: withEntry(known.updates, entry) };
  const update = updateOf(next, entry, false);
  return {
    next,
    write: 'replace',
    expectedVersion: known.version,
    update,
    addedKeys: where.addedKeys,
  };
}

function newIncident(report: IncidentReport, o: PlanOptions): Incident {
  const { accounts } = mergeFigures([], report);
  const a = report.article;
  const base: Incident = {
    kind: 'incident',
    id: incidentIdFor(report.createKey),
    version: 1,
    changedBy: a.articleId,
    createdAt: a.seenAt,
    updatedAt: a.seenAt,
    keys: [report.createKey],
    storyIds: [report.storyId],
    topics: [...report.topics],
    ofTopic: true,
    reports: [a],
    reportCount: 1,
    updates: [],
    place: report.place,
    placeKey: report.placeKey,
    date: report.date,
    dateBasis: report.dateBasis,
    perpetrator: report.perpetrator,
    perpetratorName: report.perpetrator ? (report.perpetratorName ?? report.perpetrator) : null,
    perpetratorClaims: [],
    accounts,
    tallies: tallies(accounts),
    accusations: report.accusations.map((x) => accusationEntry(x, a)),
  };
  return { ...base, ofTopic: incidentOfTopic(base, o) };
}

/**
 * The key a new incident is created under: the report's, unless an incident found under the
 * lookup keys already holds it (another incident at the same place and day, by another
 * perpetrator): then the key qualified by this report's perpetrator.
 */
export function creationKey(report: IncidentReport, found: readonly Incident[]): string {
  const base = report.createKey;
  const taken = found.some((i) => i.id === incidentIdFor(base) || i.keys.includes(base));
  return taken ? byParty(base, report.perpetrator ?? 'other') : base;
}

/**
 * Plans what one article's report does to an incident (see the module comment). `known` is what
 * chooseIncident picked from `found`, the incidents under the report's lookup keys and its story.
 * An incident is only created from figures: a report without any and no known incident plans
 * no write.
 */
export function planIncidentUpdate(
  known: Incident | null,
  input: IncidentReport,
  opts: PlanOptions = {},
  found: readonly Incident[] = [],
): Plan<Incident> {
  // Outside strings are bounded once, here: everything below stores them.
  const bounded = { ...input, article: boundedRef(input.article) };
  const report = known ? bounded : { ...bounded, createKey: creationKey(input, found) };
  if (known) {
    if (hasReport(known, report.article.articleId)) {
      const update = replayOf(known, report.article.articleId);
      return { next: known, write: 'none', expectedVersion: known.version, update, addedKeys: [] };
    }
    return planMerge(known, report, opts);
  }
  const fresh = newIncident(report, opts);
  if (!report.figures.length) {
    return { next: fresh, write: 'none', expectedVersion: null, update: null, addedKeys: [] };
  }
  const entry = entryFor(fresh.id, 1, report.article, [{ type: 'first_report' }]);
  const next = { ...fresh, updates: [entry] };
  const update = updateOf(next, entry, false);
  return { next, write: 'create', expectedVersion: null, update, addedKeys: [report.createKey] };
}
