import { chooseIncident, chooseIncidentForAccusation } from './choose-incident.ts';
import { type GroupedClaims, mergeIncidentReports } from './group-claims.ts';
import {
  accusationAsIncidentReport,
  chooseAccusationRecord,
  planAccusationUpdate,
} from './plan-accusation.ts';
import { type PlanOptions, planIncidentUpdate } from './plan-incident.ts';
import type {
  AccusationRecord,
  AccusationReport,
  Incident,
  IncidentReport,
  Plan,
  TrackedRecord,
} from './types.ts';

// One article's reports planned together, before anything is written: each report chooses its
// record among the known ones and those this article already plans; two reports that choose one
// record ("84 civilians in Raqqa" and "the 30 children among them", placed apart by the text) are
// merged into one report and planned once, so the record gets all their figures in one version
// and one update. Planned one by one and written as they went, the second found the article on
// the record and was taken for a re-run: its figures were lost, and a later copy of the article
// from another outlet, no longer finding them, announced them as a first report.

/** The records under some identity keys, or (for incidents) of the story. */
export type RecordFinder = (keys: readonly string[], storyId: string) => TrackedRecord[];

/** What one article does to one record. */
export interface RecordPlan {
  /** The record as known before this article; null when the article creates it. */
  before: TrackedRecord | null;
  /** The article's reports that chose this record, in order (a race re-plans them). */
  incidents: IncidentReport[];
  accusations: AccusationReport[];
  /** Everything the article says about an incident as one report; null for an accusation record. */
  merged: IncidentReport | null;
  /** Incidents found when it was first planned (a new incident's key depends on them). */
  found: Incident[];
  plan: Plan<TrackedRecord>;
}

const isIncident = (r: TrackedRecord): r is Incident => r.kind === 'incident';
const isAccusation = (r: TrackedRecord): r is AccusationRecord => r.kind === 'accusation';

/** The plan of one record, with the reports that chose it (none given: none). */
function recordPlan(
  before: TrackedRecord | null,
  plan: Plan<TrackedRecord>,
  reports: Partial<Pick<RecordPlan, 'incidents' | 'accusations' | 'merged' | 'found'>>,
): RecordPlan {
  return { before, incidents: [], accusations: [], merged: null, found: [], plan, ...reports };
}

/** A plan that neither writes nor announces (a report that makes no record). */
export const isIdle = (p: RecordPlan): boolean =>
  p.plan.write === 'none' && !p.plan.update && !p.before;

/** The article's plans so far, seen through the finder as if they were written. */
class Planned {
  readonly plans: RecordPlan[] = [];
  private readonly byId = new Map<string, RecordPlan>();

  constructor(private readonly find: RecordFinder) {}

  look(keys: readonly string[], storyId: string): TrackedRecord[] {
    const wanted = new Set(keys);
    const out = new Map(this.find(keys, storyId).map((r) => [r.id, r]));
    for (const p of this.plans) {
      const r = p.plan.next;
      const holds =
        r.keys.some((k) => wanted.has(k)) ||
        (r.kind === 'incident' && r.storyIds.includes(storyId));
      if (!isIdle(p) && (holds || out.has(r.id))) out.set(r.id, r);
    }
    return [...out.values()];
  }

  of(id: string | undefined): RecordPlan | undefined {
    return id === undefined ? undefined : this.byId.get(id);
  }

  add(p: RecordPlan): void {
    this.plans.push(p);
    if (!isIdle(p)) this.byId.set(p.plan.next.id, p);
  }

  /**
   * Folds one more report into the plan of the incident it chose and plans that again. A new
   * incident may change its id: placed by the second report, it is created under that key.
   */
  fold(p: RecordPlan, report: IncidentReport, opts: PlanOptions): void {
    const merged = p.merged ? mergeIncidentReports(p.merged, report) : report;
    p.merged = merged;
    const before = p.before && isIncident(p.before) ? p.before : null;
    this.byId.delete(p.plan.next.id);
    p.plan = planIncidentUpdate(before, merged, opts, p.found);
    this.byId.set(p.plan.next.id, p);
  }
}

function planIncidentReport(planned: Planned, report: IncidentReport, opts: PlanOptions): void {
  const found = planned.look(report.lookupKeys, report.storyId).filter(isIncident);
  const known = chooseIncident(report, found);
  const mine = planned.of(known?.id);
  if (mine) {
    mine.incidents.push(report);
    planned.fold(mine, report, opts);
    return;
  }
  const plan = planIncidentUpdate(known, report, opts, found);
  planned.add(recordPlan(known, plan, { incidents: [report], merged: report, found }));
}

/** A stand-alone accusation already known: the report repeats it (silently, outlet added). */
function planRepeat(
  planned: Planned,
  report: AccusationReport,
  known: AccusationRecord,
  opts: PlanOptions,
) {
  const mine = planned.of(known.id);
  // The same accusation twice in one article: the record has it already.
  if (mine) {
    mine.accusations.push(report);
    return;
  }
  planned.add(
    recordPlan(known, planAccusationUpdate(known, report, opts), { accusations: [report] }),
  );
}

function planAccusationReport(planned: Planned, report: AccusationReport, opts: PlanOptions) {
  const found = planned.look([...report.incidentLookupKeys, ...report.lookupKeys], report.storyId);
  const ownKeys = new Set(report.lookupKeys);
  const candidates = found.filter(isAccusation).filter((r) => r.keys.some((k) => ownKeys.has(k)));
  const known = chooseAccusationRecord(candidates);
  // Announced already as an accusation of its own: an incident found since does not make its
  // repeat (another outlet, a copy of the article) news again.
  if (known) return planRepeat(planned, report, known, opts);
  const incident = chooseIncidentForAccusation(report, found.filter(isIncident));
  if (!incident) {
    const plan = planAccusationUpdate(null, report, opts);
    planned.add(recordPlan(null, plan, { accusations: [report] }));
    return;
  }
  const mine = planned.of(incident.id);
  const asReport = accusationAsIncidentReport(report, incident);
  if (mine) {
    mine.accusations.push(report);
    planned.fold(mine, asReport, opts);
    return;
  }
  const plan = planIncidentUpdate(incident, asReport, opts);
  planned.add(recordPlan(incident, plan, { accusations: [report], merged: asReport }));
}

/** Plans every report of one article (see the module comment), in the order they are given. */
export function planArticle(
  grouped: Pick<GroupedClaims, 'incidents' | 'accusations'>,
  find: RecordFinder,
  opts: PlanOptions = {},
): RecordPlan[] {
  const planned = new Planned(find);
  for (const report of grouped.incidents) planIncidentReport(planned, report, opts);
  for (const report of grouped.accusations) planAccusationReport(planned, report, opts);
  return planned.plans.filter((p) => !isIdle(p));
}
