import type { Actor, Outcome, Qualifier, Victims } from '../domain/claims.ts';

// Record shapes of the incident model (see README.md in this folder for the rules). Every record
// is plain JSON, one DynamoDB item each; dates are ISO 8601 strings, ids opaque strings.

export type DateBasis = 'stated' | 'relative' | 'published' | null;

/** A number of people as one source states it: 84, "at least 84", "between 20 and 30". */
export interface FigureValue {
  count: number;
  /** Upper bound of a range, else null. */
  max: number | null;
  qualifier: Qualifier;
}

/**
 * What a figure counts: one outcome of one group of victims, and for fighters and soldiers whose
 * they are when the text says so ("22 IS fighters"). Records stored before the side was kept
 * have no `victimSide`: read it as null (`sideOf` in accounts.ts).
 */
export interface Measure {
  outcome: Outcome;
  victims: Victims;
  victimSide?: Actor | null;
}

/** An article that reported the incident (or the accusation). */
export interface ArticleRef {
  articleId: string;
  url: string;
  title: string | null;
  /** The outlet's display name ("Reuters"). */
  outlet: string;
  publishedAt: string | null;
  /** When strikewatch read it. */
  seenAt: string;
}

/** One figure of one account. */
export interface StatedFigure extends Measure, FigureValue {
  /** The victims of the total this figure is part of ("30 children" of "84 civilians"). */
  partOf: Victims | null;
  /** One whole sentence that states it. */
  quote: string;
  /** What this source said before it revised the figure (22 before 43), else null. */
  previous: FigureValue | null;
  /** The article that carried the current value. */
  articleId: string;
}

/** One source's account of an incident: who states which figures, first in which article. */
export interface Account {
  /** Stable within the incident: the normalised source (see sourceKey). */
  sourceKey: string;
  /** Who states it, as the first article names it ("Syrian Observatory for Human Rights"). */
  source: string;
  /** The outlet, article and link that first carried this account. */
  outlet: string;
  articleId: string;
  url: string;
  title: string | null;
  /** When the account was first reported: the article's publication, else when it was read. */
  firstReportedAt: string;
  figures: StatedFigure[];
  /** Every outlet that carried this account (a repeat from another outlet only adds one here). */
  outlets: string[];
}

/** The range across accounts for one measure. */
export interface Tally extends Measure {
  partOf: Victims | null;
  min: number;
  max: number;
  /** How many accounts state a figure for this measure. */
  accounts: number;
}

export interface PerpetratorClaim {
  actor: Actor;
  name: string;
  articleId: string;
  outlet: string;
}

/** Who accuses whom of what, as one article states it. */
export interface AccusationClaim {
  /** accuser|accused|allegation category: one entry per key. */
  key: string;
  accuser: Actor;
  accused: Actor;
  accuserName: string;
  accusedName: string;
  allegation: string;
  category: string;
  /** One whole sentence that states it. */
  quote: string;
}

/** An accusation about an incident, or the body of a stand-alone accusation record. */
export interface AccusationEntry extends AccusationClaim {
  articleId: string;
  outlet: string;
  url: string;
  firstReportedAt: string;
  outlets: string[];
}

export type UpdateKind =
  | 'first_report'
  | 'figure_revised'
  | 'disagreement'
  | 'new_figure'
  | 'perpetrator'
  | 'accusation';

/** What one article changed, as announced. */
export type Change =
  | { type: 'first_report' }
  | {
      type: 'figure_revised';
      source: string;
      sourceKey: string;
      measure: Measure;
      partOf: Victims | null;
      from: FigureValue;
      to: FigureValue;
    }
  | {
      type: 'disagreement';
      source: string;
      sourceKey: string;
      measure: Measure;
      partOf: Victims | null;
      value: FigureValue;
      /** The other accounts' values for the measure when this one arrived. */
      others: { source: string; value: FigureValue }[];
    }
  | {
      type: 'new_figure';
      source: string;
      sourceKey: string;
      measure: Measure;
      partOf: Victims | null;
      value: FigureValue;
    }
  | {
      type: 'perpetrator';
      actor: Actor;
      name: string;
      /** The perpetrator named before, when this one contradicts it; null when newly named. */
      contradicts: { actor: Actor; name: string } | null;
      outlet: string;
    }
  | { type: 'accusation'; key: string };

/** One announced version of a record: the message about it is derived from this. */
export interface UpdateEntry {
  version: number;
  messageId: string;
  articleId: string;
  kind: UpdateKind;
  changes: Change[];
  at: string;
}

/** What every tracked record has: identity, optimistic-locking version, its reports, updates. */
export interface TrackedBase {
  id: string;
  /** Bumped on every write; the next write is conditional on it. */
  version: number;
  /** The article whose report made this version (a re-run of it replays its update). */
  changedBy: string;
  createdAt: string;
  updatedAt: string;
  /** Identity keys the record is found by (see identity.ts); the first one made its id. */
  keys: string[];
  storyIds: string[];
  topics: string[];
  /** Whether topic subscribers get it; when false it is stored and sent only on `actors`. */
  ofTopic: boolean;
  /** The articles that reported it, oldest first (bounded; reportCount keeps the total). */
  reports: ArticleRef[];
  reportCount: number;
  /** Announced versions, oldest first (bounded): threading and replays. */
  updates: UpdateEntry[];
}

export interface Incident extends TrackedBase {
  kind: 'incident';
  place: string | null;
  placeKey: string | null;
  /** Incident date yyyy-mm-dd (stated, relative to publication, or the publication date). */
  date: string | null;
  dateBasis: DateBasis;
  perpetrator: Actor | null;
  perpetratorName: string | null;
  /** Perpetrators other reports name that contradict `perpetrator`. */
  perpetratorClaims: PerpetratorClaim[];
  accounts: Account[];
  tallies: Tally[];
  accusations: AccusationEntry[];
}

/** An accusation that belongs to no incident: its own record. */
export interface AccusationRecord extends TrackedBase {
  kind: 'accusation';
  place: string | null;
  placeKey: string | null;
  date: string | null;
  accusation: AccusationEntry;
}

export type TrackedRecord = Incident | AccusationRecord;

/** One figure of one article, grouped into an incident report. */
export interface ReportedFigure extends Measure, FigureValue {
  source: string;
  sourceKey: string;
  partOf: Victims | null;
  quote: string;
}

export interface ReportedAccusation extends AccusationClaim {
  place: string | null;
}

/** Everything one article says about one incident: planned as one update. */
export interface IncidentReport {
  article: ArticleRef;
  storyId: string;
  topics: string[];
  place: string | null;
  placeKey: string | null;
  date: string | null;
  dateBasis: DateBasis;
  perpetrator: Actor | null;
  perpetratorName: string | null;
  figures: ReportedFigure[];
  accusations: ReportedAccusation[];
  /** The key a new incident is created under (its id is derived from it). */
  createKey: string;
  /** Keys to look up, the create key first (neighbouring days, then the story). */
  lookupKeys: string[];
}

/** An accusation of an article that no figure of that article places in an incident. */
export interface AccusationReport {
  article: ArticleRef;
  storyId: string;
  topics: string[];
  accusation: ReportedAccusation;
  placeKey: string | null;
  date: string | null;
  createKey: string;
  lookupKeys: string[];
  /** Incident keys to look up first: an incident found there takes the accusation. */
  incidentLookupKeys: string[];
  /** The key of the same accusation in the same sentence, in any story (see sameWordsKey). */
  sameWordsKey: string | null;
}

/** The update to announce: one message per (record, version). */
export interface RecordUpdate {
  recordKind: TrackedRecord['kind'];
  recordId: string;
  version: number;
  messageId: string;
  articleId: string;
  kind: UpdateKind;
  changes: Change[];
  at: string;
  /** Message ids of the earlier updates of the same record, oldest first (threading). */
  previousMessageIds: string[];
  /** True when this is a re-run of the article that made it (the same update, again). */
  replay: boolean;
}

/** How to store the next state: conditional single-item writes. */
export interface Plan<T extends TrackedRecord> {
  next: T;
  /** create: put if absent; replace: put if version = expectedVersion; none: nothing to write. */
  write: 'create' | 'replace' | 'none';
  expectedVersion: number | null;
  update: RecordUpdate | null;
  /** Identity keys to register for the record (conditional creates; idempotent). */
  addedKeys: string[];
}
