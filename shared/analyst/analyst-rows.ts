import type { Actor, Outcome, Qualifier, Victims } from '../domain/claims.ts';
import type { CasualtyClaim } from '../domain/records.ts';
import { primaryTally, sameMeasure, sideOf } from '../incidents/accounts.ts';
import type {
  Account,
  AccusationEntry,
  AccusationRecord,
  Incident,
  StatedFigure,
  Tally,
} from '../incidents/types.ts';

// The analysts' rows of the incident model (issue 14 item 6), in the manner of ACLED's event
// rows and Airwars' per-source accounts: one row per incident measure, one per account figure,
// one per accusation. Pure: records in, typed rows out; formats (table, CSV, JSON) are the edge's.

/** What every figure row says about its incident; empty incident id for a background figure. */
interface IncidentColumns {
  incidentId: string;
  /** yyyy-mm-dd: when it happened (stated or inferred), never when it was read. */
  incidentDate: string | null;
  place: string | null;
  /** Actor id of who did the harm, when the text names one. */
  perpetrator: Actor | null;
  perpetratorName: string | null;
  victims: Victims;
  /** Whose fighters or soldiers ("isis" for "22 IS fighters"); null when unsaid or not armed. */
  victimSide: Actor | null;
  outcome: Outcome;
  /** The victims of the total this figure is part of ("30 children" of "84 civilians"). */
  partOf: Victims | null;
}

/** One source's figure for one incident (or a background figure). */
export interface CasualtyRow extends IncidentColumns {
  count: number;
  /** Upper bound of a range this source states ("between 20 and 30"), else null. */
  upTo: number | null;
  /** The range across every account of the incident for this measure. */
  min: number;
  max: number;
  qualifier: Qualifier;
  /** Who states it. */
  source: string;
  outlet: string;
  storyId: string | null;
  url: string;
  quote: string;
  /** When it was first reported: the article's publication, else when strikewatch read it. */
  firstReported: string;
  /** The figure this source gave before it revised it, else null. */
  previous: number | null;
  background: boolean;
}

/** One incident, by its primary measure: its range and the highest account. */
export interface IncidentRow extends IncidentColumns {
  /** The highest figure an account gives (the lead figure). */
  count: number;
  min: number;
  max: number;
  qualifier: Qualifier;
  accounts: number;
  /** The source, outlet, article and quote of the lead figure. */
  source: string;
  outlet: string;
  storyId: string | null;
  url: string;
  quote: string;
  /** The incident's first report. */
  firstReported: string;
  reports: number;
}

export interface AccusationRow {
  accuser: Actor;
  accuserName: string;
  accused: Actor;
  accusedName: string;
  allegation: string;
  /** The incident it is about; empty for a stand-alone accusation. */
  incidentId: string;
  date: string | null;
  place: string | null;
  outlet: string;
  url: string;
  quote: string;
  firstReported: string;
}

export type AnalystRow = CasualtyRow | IncidentRow | AccusationRow;

export const isAccusationRow = (r: AnalystRow): r is AccusationRow => 'accuser' in r;

const samePart = (t: Tally | StatedFigure, f: StatedFigure) =>
  sameMeasure(t, f) && t.partOf === f.partOf;

function incidentColumns(i: Incident, t: Tally | StatedFigure): IncidentColumns {
  return {
    incidentId: i.id,
    incidentDate: i.date,
    place: i.place,
    perpetrator: i.perpetrator,
    perpetratorName: i.perpetratorName,
    victims: t.victims,
    victimSide: sideOf(t),
    outcome: t.outcome,
    partOf: t.partOf,
  };
}

/** The link of the article that carried a figure: the account's own, unless revised elsewhere. */
function figureUrl(i: Incident, a: Account, f: StatedFigure): string {
  if (f.articleId === a.articleId) return a.url;
  return i.reports.find((r) => r.articleId === f.articleId)?.url ?? a.url;
}

function firstReport(i: Incident): string {
  const times = [
    ...i.reports.map((r) => r.publishedAt ?? r.seenAt),
    ...i.accounts.map((a) => a.firstReportedAt),
  ];
  return times.sort()[0] ?? i.createdAt;
}

/** Every account figure of an incident, largest measure first, then by source. */
export function casualtyRowsOf(i: Incident): CasualtyRow[] {
  const rows: CasualtyRow[] = [];
  for (const a of i.accounts) {
    for (const f of a.figures) {
      const t = i.tallies.find((x) => samePart(x, f));
      rows.push({
        ...incidentColumns(i, f),
        count: f.count,
        upTo: f.max,
        min: t?.min ?? f.count,
        max: t?.max ?? f.max ?? f.count,
        qualifier: f.qualifier,
        source: a.source,
        outlet: a.outlet,
        storyId: i.storyIds[0] ?? null,
        url: figureUrl(i, a, f),
        quote: f.quote,
        firstReported: a.firstReportedAt,
        previous: f.previous?.count ?? null,
        background: false,
      });
    }
  }
  return rows;
}

/** A figure for the whole war or a whole period: no incident, kept in the claim ledger. */
export function backgroundRowOf(c: CasualtyClaim): CasualtyRow {
  const f = c.figure;
  const first = c.sources[0];
  return {
    incidentId: '',
    incidentDate: f.date,
    place: f.place,
    perpetrator: f.perpetrator ?? null,
    perpetratorName: f.perpetratorName ?? null,
    victims: f.victims,
    victimSide: f.victimSide ?? null,
    outcome: f.outcome,
    partOf: null,
    count: f.count,
    upTo: f.max,
    min: f.count,
    max: f.max ?? f.count,
    qualifier: f.qualifier,
    source: f.source ?? first?.statedBy ?? '',
    outlet: first?.outlet ?? '',
    storyId: c.storyId,
    url: first?.url ?? '',
    quote: f.quote,
    firstReported: first?.seenAt ?? c.firstSeenAt,
    previous: c.previous?.count ?? null,
    background: true,
  };
}

/** The incident's primary measure (killed, the whole total): its range and its lead account. */
export function incidentRowOf(i: Incident): IncidentRow | null {
  const t = primaryTally(i.tallies);
  if (!t) return null;
  const stated = i.accounts.flatMap((a) =>
    a.figures.filter((f) => samePart(t, f)).map((f) => ({ a, f })),
  );
  const lead = stated.sort((x, y) => (y.f.max ?? y.f.count) - (x.f.max ?? x.f.count))[0];
  if (!lead) return null;
  return {
    ...incidentColumns(i, t),
    count: lead.f.count,
    min: t.min,
    max: t.max,
    qualifier: lead.f.qualifier,
    accounts: t.accounts,
    source: lead.a.source,
    outlet: lead.a.outlet,
    storyId: i.storyIds[0] ?? null,
    url: figureUrl(i, lead.a, lead.f),
    quote: lead.f.quote,
    firstReported: firstReport(i),
    reports: i.reportCount,
  };
}

function accusationRow(
  e: AccusationEntry,
  at: { incidentId: string; date: string | null; place: string | null },
): AccusationRow {
  return {
    accuser: e.accuser,
    accuserName: e.accuserName,
    accused: e.accused,
    accusedName: e.accusedName,
    allegation: e.allegation,
    ...at,
    outlet: e.outlet,
    url: e.url,
    quote: e.quote,
    firstReported: e.firstReportedAt,
  };
}

/** The accusations of an incident, or the one of a stand-alone accusation record. */
export function accusationRowsOf(r: Incident | AccusationRecord): AccusationRow[] {
  if (r.kind === 'accusation') {
    return [accusationRow(r.accusation, { incidentId: '', date: r.date, place: r.place })];
  }
  const at = { incidentId: r.id, date: r.date, place: r.place };
  return r.accusations.map((e) => accusationRow(e, at));
}
