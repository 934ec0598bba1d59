import type { Actor } from '../domain/claims.ts';
import { measureOf, primaryTally } from '../incidents/accounts.ts';
import type {
  Account,
  AccusationEntry,
  AccusationRecord,
  ArticleRef,
  Change,
  Incident,
  RecordUpdate,
  TrackedRecord,
  UpdateKind,
} from '../incidents/types.ts';
import { changeLine } from './change-lines.ts';
import { accusationHeadline, incidentHeadline, tallyValue } from './headline.ts';
import {
  actorName,
  addsToActorName,
  capitalise,
  describeFigure,
  describeValue,
  formatDate,
  measureWords,
  partyName,
} from './message-words.ts';
import { sourceLabel } from './source-label.ts';

// One message model per update of an incident (or of a stand-alone accusation), rendered for
// Slack, email and terminals by the renderers beside this file. It holds raw text: every
// renderer passes each field through the output sanitiser for its channel. It is plain JSON, so
// the wiring can store it with the message and render it again for a retry.

export interface MessageRow {
  label: string;
  value: string;
}

export interface AccountLine {
  source: string;
  /** "43 civilians killed (was 22); 12 children among them". */
  figures: string;
  /** What this update says of the account: "revised", "new, disagrees", "new", or null. */
  note: string | null;
  outlet: string;
  url: string;
  /** One whole sentence per claim (distinct quotes of the account). */
  quotes: string[];
}

export interface AccusationLine {
  accuser: string;
  accused: string;
  allegation: string;
  quote: string;
  outlet: string;
  url: string;
  isNew: boolean;
}

export interface SourceLink {
  outlet: string;
  title: string | null;
  url: string;
  publishedAt: string | null;
}

export interface UpdateMessage {
  messageId: string;
  recordKind: TrackedRecord['kind'];
  recordId: string;
  version: number;
  kind: UpdateKind;
  /** When the update was made (for digests and ordering; never shown as the incident date). */
  at: string;
  /** Earlier messages about the same record, oldest first: email threading. */
  references: string[];
  headline: string;
  /** What changed since the last message about this record. */
  changes: string[];
  facts: MessageRow[];
  accounts: AccountLine[];
  accusations: AccusationLine[];
  sources: SourceLink[];
  place: string | null;
  incidentDate: string | null;
}

function figuresOf(a: Account): string {
  const totals = a.figures.filter(
    (f) => f.partOf === null || !a.figures.some((t) => t.victims === f.partOf),
  );
  return totals
    .map((t) => {
      const parts = a.figures.filter(
        (f) => f !== t && f.partOf === t.victims && f.outcome === t.outcome,
      );
      const was = t.previous ? ` (was ${describeValue(t.previous)})` : '';
      const among = parts
        .map((p) => `, including ${describeValue(p)} ${measureWords(p, p)}`)
        .join('');
      return `${describeFigure(t)}${was}${among}`;
    })
    .join('; ');
}

function noteFor(a: Account, changes: readonly Change[]): string | null {
  const mine = changes
    .filter((c) => 'sourceKey' in c && c.sourceKey === a.sourceKey)
    .map((c) => c.type);
  // A revision shows itself as "(was 22)".
  if (mine.includes('disagreement')) return 'new account, disagrees';
  if (mine.includes('new_figure')) return 'new';
  return null;
}

/** The article that carries the account's latest figure (a revision may come from another). */
function latestArticle(a: Account, reports: readonly ArticleRef[]) {
  const ids = new Set(a.figures.map((f) => f.articleId));
  const latest = [...reports].reverse().find((r) => ids.has(r.articleId));
  return latest ?? { outlet: a.outlet, url: a.url };
}

function accountLine(a: Account, i: Incident, changes: readonly Change[]): AccountLine {
  const latest = latestArticle(a, i.reports);
  return {
    // It starts the account's line: "Media: at least 20 civilians killed".
    source: capitalise(sourceLabel(a.source)),
    figures: figuresOf(a),
    note: noteFor(a, changes),
    outlet: latest.outlet === a.outlet ? a.outlet : `${latest.outlet}; first in ${a.outlet}`,
    url: latest.url,
    quotes: [...new Set(a.figures.map((f) => f.quote).filter(Boolean))].slice(0, 3),
  };
}

function accusationLine(a: AccusationEntry, changes: readonly Change[]): AccusationLine {
  return accusationLineOf(
    a,
    changes.some((c) => c.type === 'accusation' && c.key === a.key),
  );
}

/** How a message shows one accusation; `isNew` when this update is what brought it. */
export function accusationLineOf(a: AccusationEntry, isNew: boolean): AccusationLine {
  return {
    // It starts the accusation's line: "The Syrian government accuses ...".
    accuser: capitalise(partyName(a.accuser, a.accuserName)),
    accused: partyName(a.accused, a.accusedName),
    allegation: a.allegation,
    quote: a.quote,
    outlet: a.outlet,
    url: a.url,
    isNew,
  };
}

const sourceLink = (r: ArticleRef): SourceLink => ({
  outlet: r.outlet,
  title: r.title,
  url: r.url,
  publishedAt: r.publishedAt,
});

function whatRow(i: Incident): string {
  const lines = i.tallies
    .filter(
      (t) =>
        t.partOf === null ||
        !i.tallies.some((x) => x.victims === t.partOf && x.outcome === t.outcome),
    )
    .map((t) => {
      const parts = i.tallies.filter((p) => p.partOf === t.victims && p.outcome === t.outcome);
      const among = parts
        .map(
          (p) =>
            `, including ${describeValue(tallyValue(i, p))} ${measureWords(p, tallyValue(i, p))}`,
        )
        .join('');
      const n = t.accounts > 1 ? ` (${t.accounts} accounts)` : '';
      return `${describeFigure({ ...tallyValue(i, t), ...measureOf(t) })}${among}${n}`;
    });
  return capitalise(lines.join('; ') || 'No figure stated');
}

function whenRow(date: string | null, basis: Incident['dateBasis']): string {
  if (!date) return 'not stated';
  return basis === 'published'
    ? `${formatDate(date)} (the article's date; no date stated)`
    : formatDate(date);
}

/**
 * "the US-led coalition (“coalition warplanes”)": the canonical party, then the text's words
 * where they add some.
 */
function perpetratorName(actor: Actor, name: string | null): string {
  const canonical = actorName(actor);
  return name && addsToActorName(actor, name) ? `${canonical} (“${name}”)` : canonical;
}

function perpetratorRow(i: Incident): string {
  if (!i.perpetrator) return 'not named in the reports';
  const main = perpetratorName(i.perpetrator, i.perpetratorName);
  const disputed = i.perpetratorClaims.map(
    (c) => `${perpetratorName(c.actor, c.name)} per ${c.outlet}`,
  );
  return disputed.length ? `${main}; disputed: ${disputed.join('; ')}` : main;
}

function incidentFacts(i: Incident): MessageRow[] {
  const t = primaryTally(i.tallies);
  return [
    { label: 'What', value: whatRow(i) },
    { label: 'Who', value: t ? capitalise(measureWords(t)) : 'not stated' },
    { label: 'Where', value: i.place ?? 'not stated' },
    { label: 'When', value: whenRow(i.date, i.dateBasis) },
    { label: 'Perpetrator', value: perpetratorRow(i) },
    { label: 'Reported by', value: reportedBy(i) },
  ];
}

function reportedBy(r: TrackedRecord): string {
  const outlets = [...new Set(r.reports.map((x) => x.outlet))];
  const more =
    r.reportCount > r.reports.length
      ? ` and ${r.reportCount - r.reports.length} more articles`
      : '';
  return `${outlets.join(', ')}${more}`;
}

function base(r: TrackedRecord, u: RecordUpdate) {
  return {
    messageId: u.messageId,
    recordKind: r.kind,
    recordId: r.id,
    version: u.version,
    kind: u.kind,
    at: u.at,
    references: u.previousMessageIds,
    sources: r.reports.map(sourceLink),
  };
}

export function incidentMessage(i: Incident, u: RecordUpdate): UpdateMessage {
  return {
    ...base(i, u),
    headline: incidentHeadline(i, u),
    changes: u.changes.map((c) => changeLine(i, c, u)),
    facts: incidentFacts(i),
    accounts: i.accounts.map((a) => accountLine(a, i, u.changes)),
    accusations: i.accusations.map((a) => accusationLine(a, u.changes)),
    place: i.place,
    incidentDate: i.date,
  };
}

export function accusationMessage(r: AccusationRecord, u: RecordUpdate): UpdateMessage {
  const a = r.accusation;
  return {
    ...base(r, u),
    headline: accusationHeadline(r),
    changes: [`New accusation, first reported by ${a.outlet}`],
    facts: [
      { label: 'Accuser', value: partyName(a.accuser, a.accuserName) },
      { label: 'Accused', value: partyName(a.accused, a.accusedName) },
      {
        label: 'Allegation',
        value: a.allegation || `${actorName(a.accuser)} blames ${actorName(a.accused)}`,
      },
      { label: 'Where', value: r.place ?? 'not stated' },
      {
        label: 'When',
        value: r.date ? `${formatDate(r.date)} (the article's date)` : 'not stated',
      },
      { label: 'Reported by', value: reportedBy(r) },
    ],
    accounts: [],
    accusations: [accusationLine(a, u.changes)],
    place: r.place,
    incidentDate: r.date,
  };
}

/** The message of an update, whichever kind of record it is about. */
export function updateMessage(r: TrackedRecord, u: RecordUpdate): UpdateMessage {
  return r.kind === 'incident' ? incidentMessage(r, u) : accusationMessage(r, u);
}
