import { allegationCategory } from '../dedupe/claim-key.ts';
import type { Accusation, Actor, CasualtyFigure, ClaimSet, Victims } from '../domain/claims.ts';
import { dedupeFigures, measureOf } from './accounts.ts';
import { accusationFits } from './accusation-fit.ts';
import {
  byParty,
  identityKey,
  lookupKeysFor,
  RETOLD_WINDOW_DAYS,
  sameWordsKey,
} from './identity.ts';
import { sameParty, sourceKey } from './parties.ts';
import { placeKey } from './place-key.ts';
import type {
  AccusationReport,
  ArticleRef,
  DateBasis,
  IncidentReport,
  ReportedAccusation,
  ReportedFigure,
} from './types.ts';

// From what one article says (its ClaimSet) to one report per incident it is about, plus the
// accusations no incident of the article takes. Sub-figures ride with their total ("84
// civilians including 30 children": one incident); a figure that names no place takes the place
// of the nearest figure that does; a figure without a date takes the story's date.

export const INCIDENT_KEY_PREFIX = 'inc|';

export interface ArticleClaims {
  article: ArticleRef;
  storyId: string;
  /** Date for figures that state none: the story's first publication date, else the article's. */
  storyDate: string | null;
  topics: string[];
  claims: ClaimSet;
}

export interface GroupedClaims {
  incidents: IncidentReport[];
  accusations: AccusationReport[];
  /** Whole-war or whole-period tolls: no incident; stored as figures only. */
  background: CasualtyFigure[];
}

interface Located {
  figure: CasualtyFigure;
  place: string | null;
  date: string | null;
  basis: DateBasis;
  partOf: Victims | null;
}

/** The total a figure is part of, following subFigureOf (guarded against loops and bad indexes). */
function rootOf(figs: readonly CasualtyFigure[], i: number): number {
  let at = i;
  for (let hops = 0; hops < figs.length; hops++) {
    const up = figs[at]?.subFigureOf;
    if (typeof up !== 'number' || up === at || !figs[up]) return at;
    at = up;
  }
  return at;
}

function locateAll(figs: readonly CasualtyFigure[], storyDate: string | null): Located[] {
  const own = figs.map((f, i) => {
    const root = figs[rootOf(figs, i)] ?? f;
    const date = f.date ?? root.date ?? null;
    const partOf = root !== f && root.outcome === f.outcome && root.victims !== f.victims;
    const perpetrator = f.perpetrator ?? root.perpetrator ?? null;
    const perpetratorName = f.perpetrator ? f.perpetratorName : root.perpetratorName;
    return {
      figure: { ...f, perpetrator, perpetratorName: perpetratorName ?? null },
      place: f.place ?? root.place ?? null,
      date,
      basis: date ? ((f.date ? f.dateBasis : root.dateBasis) ?? 'stated') : null,
      partOf: partOf ? root.victims : null,
    };
  });
  return own.map((l, i) => {
    const place = l.place ?? (l.figure.background ? null : nearestPlace(own, i));
    if (l.date) return { ...l, place };
    return { ...l, place, date: storyDate, basis: storyDate ? ('published' as const) : null };
  });
}

/** The place of the nearest figure that has one and no conflicting date (earlier ones first). */
function nearestPlace(all: readonly Located[], i: number): string | null {
  const me = all[i];
  for (let d = 1; d < all.length; d++) {
    for (const j of [i - d, i + d]) {
      const other = all[j];
      if (!other?.place || other.figure.background) continue;
      if (me?.date && other.date && me.date !== other.date) continue;
      return other.place;
    }
  }
  return null;
}

/** Longest place and source names kept (outside text, bounded where it enters the model). */
const MAX_PLACE = 100;
const MAX_SOURCE = 150;

function reportedFigure(l: Located): ReportedFigure {
  const f = l.figure;
  const source = f.source.slice(0, MAX_SOURCE);
  return {
    ...measureOf(f),
    count: f.count,
    max: f.max,
    qualifier: f.qualifier,
    source,
    sourceKey: sourceKey(source),
    partOf: l.partOf,
    quote: f.quote,
  };
}

function newReport(input: ArticleClaims, l: Located): IncidentReport {
  const place = l.place?.slice(0, MAX_PLACE) ?? null;
  const pk = placeKey(place);
  return {
    article: input.article,
    storyId: input.storyId,
    topics: input.topics,
    place: pk ? place : null,
    placeKey: pk,
    date: l.date,
    dateBasis: l.basis,
    perpetrator: null,
    perpetratorName: null,
    figures: [],
    accusations: [],
    createKey: identityKey(INCIDENT_KEY_PREFIX, pk, l.date, input.storyId),
    // A figure only the article's date dates may be an earlier incident's, retold.
    lookupKeys: lookupKeysFor(
      INCIDENT_KEY_PREFIX,
      pk,
      l.date,
      input.storyId,
      l.basis === 'published' ? RETOLD_WINDOW_DAYS : 0,
    ),
  };
}

/** The report a located figure belongs to: same identity, no conflicting perpetrator. */
function groupOf(groups: IncidentReport[], fresh: IncidentReport, l: Located): IncidentReport {
  const p = l.figure.perpetrator ?? null;
  const same = groups.filter((g) => g.createKey === fresh.createKey);
  const found =
    same.find((g) => p !== null && sameParty(g.perpetrator, p)) ??
    same.find((g) => p === null || g.perpetrator === null);
  if (found) return found;
  groups.push(fresh);
  return fresh;
}

/**
 * Where the article's harm accusations against a perpetrator say it struck, when they name one
 * place only: "62 soldiers killed in US-led strikes" in one sentence, "the coalition carried out
 * four air strikes against Syrian forces in the Deir Ezzor air base, the army said" in another.
 */
function accusedPlace(
  accusations: readonly ReportedAccusation[],
  perpetrator: Actor | null,
): string | null {
  if (!perpetrator) return null;
  const places = new Map<string, string>();
  for (const a of accusations) {
    const pk = placeKey(a.place);
    if (!pk || !a.place || !sameParty(a.accused, perpetrator)) continue;
    if (accusationFits(a, perpetrator)) places.set(pk, a.place);
  }
  return places.size === 1 ? ([...places.values()][0] ?? null) : null;
}

function groupFigures(
  input: ArticleClaims,
  accusations: readonly ReportedAccusation[],
): IncidentReport[] {
  const groups: IncidentReport[] = [];
  // Located over every figure: subFigureOf indexes the whole ClaimSet.casualties.
  for (const located of locateAll(input.claims.casualties, input.storyDate)) {
    if (located.figure.background) continue;
    const l = located.place
      ? located
      : { ...located, place: accusedPlace(accusations, located.figure.perpetrator ?? null) };
    const report = groupOf(groups, newReport(input, l), l);
    report.figures.push(reportedFigure(l));
    if (!report.perpetrator && l.figure.perpetrator) {
      report.perpetrator = l.figure.perpetrator;
      report.perpetratorName = l.figure.perpetratorName ?? null;
    }
  }
  for (const r of groups) {
    r.figures = dedupeFigures(r.figures);
    // A second incident at one place and day is keyed by its perpetrator: look there too.
    if (r.perpetrator)
      r.lookupKeys = [...r.lookupKeys, ...r.lookupKeys.map((k) => byParty(k, r.perpetrator))];
  }
  return groups;
}

export function reportedAccusation(a: Accusation): ReportedAccusation {
  const category = allegationCategory({
    allegation: a.allegation.slice(0, 500),
    quote: a.quote.slice(0, 1000),
  });
  return {
    key: `${a.accuser}|${a.accused}|${category}`,
    accuser: a.accuser,
    accused: a.accused,
    accuserName: a.accuserName,
    accusedName: a.accusedName,
    allegation: a.allegation,
    category,
    place: a.place?.slice(0, MAX_PLACE) ?? null,
    quote: a.quote,
  };
}

/**
 * The incident of the same article an accusation is about: the one at its place, or, when it
 * names no place, the only incident it fits (see accusationFits); else none.
 */
function incidentFor(a: ReportedAccusation, incidents: IncidentReport[]): IncidentReport | null {
  const pk = placeKey(a.place);
  const fitting = incidents.filter((r) => accusationFits(a, r.perpetrator));
  if (pk) return fitting.find((r) => r.placeKey === pk) ?? null;
  return fitting.length === 1 ? (fitting[0] ?? null) : null;
}

function accusationReport(input: ArticleClaims, a: ReportedAccusation): AccusationReport {
  const pk = placeKey(a.place);
  const prefix = `acc|${a.key}|`;
  const quoted = sameWordsKey(prefix, a.quote);
  return {
    article: input.article,
    storyId: input.storyId,
    topics: input.topics,
    accusation: a,
    placeKey: pk,
    date: input.storyDate,
    createKey: identityKey(prefix, pk, input.storyDate, input.storyId),
    lookupKeys: [
      ...lookupKeysFor(prefix, pk, input.storyDate, input.storyId),
      ...(quoted ? [quoted] : []),
    ],
    incidentLookupKeys: lookupKeysFor(INCIDENT_KEY_PREFIX, pk, input.storyDate, input.storyId),
    sameWordsKey: quoted,
  };
}

/**
 * Two reports of one article that are about one incident, as one report: every figure (a source
 * stating one measure twice keeps the higher), every accusation, the first perpetrator named. It
 * is known by the placed report's identity when only one of them has a place.
 */
export function mergeIncidentReports(a: IncidentReport, b: IncidentReport): IncidentReport {
  const where = !a.placeKey && b.placeKey ? b : a;
  const perpetrator = a.perpetrator ? a : b;
  return {
    ...where,
    perpetrator: perpetrator.perpetrator,
    perpetratorName: perpetrator.perpetratorName,
    figures: dedupeFigures([...a.figures, ...b.figures]),
    accusations: [
      ...a.accusations,
      ...b.accusations.filter((x) => !a.accusations.some((y) => y.key === x.key)),
    ],
    lookupKeys: [...new Set([...where.lookupKeys, ...a.lookupKeys, ...b.lookupKeys])],
  };
}

/** Groups one article's claims by incident; see the module comment. */
export function groupArticleClaims(input: ArticleClaims): GroupedClaims {
  const accusations = input.claims.accusations.map(reportedAccusation);
  const incidents = groupFigures(input, accusations);
  const loose: AccusationReport[] = [];
  const seen = new Set<string>();
  for (const acc of accusations) {
    const target = incidentFor(acc, incidents);
    if (target) {
      if (!target.accusations.some((x) => x.key === acc.key)) target.accusations.push(acc);
      continue;
    }
    const report = accusationReport(input, acc);
    if (seen.has(report.createKey)) continue;
    seen.add(report.createKey);
    loose.push(report);
  }
  const background = input.claims.casualties.filter((f) => f.background);
  return { incidents, accusations: loose, background };
}
