import { measureWords } from '../alerts/message-words.ts';
import type { Qualifier } from '../domain/claims.ts';
import type { ReportAccount, ReportIncident } from './report-data.ts';

// How the report writes figures, ranges and dates: plain text, escaped where it is placed.

const QUALIFIER_WORDS: Record<Qualifier, string> = {
  exact: '',
  at_least: 'at least ',
  more_than: 'more than ',
  up_to: 'up to ',
  about: 'about ',
};

/** An account's figure as stated: "at least 43", "20–30". */
export function accountFigure(a: ReportAccount): string {
  const n = a.max !== null && a.max !== a.count ? `${a.count}–${a.max}` : String(a.count);
  return `${QUALIFIER_WORDS[a.qualifier]}${n}`;
}

/** The qualifier as a word for the accounts table ("exact", "at least"). */
export const qualifierWord = (q: Qualifier): string => QUALIFIER_WORDS[q].trim() || 'exact';

/** The highest figure an account gives (a range's upper bound). */
export const accountHigh = (a: ReportAccount): number => a.max ?? a.count;

/** An incident's range across accounts: "22–60" or "43". */
export const incidentRange = (i: ReportIncident): string =>
  i.min === i.max ? String(i.min) : `${i.min}–${i.max}`;

export const placeName = (i: { place: string | null }): string => i.place ?? 'place not stated';

/** One line naming an incident: "Raqqa, 2017-06-04: 22–60 civilians killed". */
export function incidentLine(i: ReportIncident): string {
  return `${placeName(i)}, ${i.date}: ${incidentRange(i)} ${measureWords(i)} ${i.outcome}`;
}

/** The date part of an ISO date or date-time. */
export const dayOf = (isoDateOrTime: string): string => isoDateOrTime.slice(0, 10);

/** "2017-06-04 13:20 UTC" for a date-time. */
export function utcMinute(isoDateTime: string): string {
  const d = new Date(isoDateTime);
  if (Number.isNaN(d.getTime())) return isoDateTime;
  return `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** Parses an ISO date as UTC midnight (the timeline's x). */
export const utcDay = (isoDate: string): Date => new Date(`${dayOf(isoDate)}T00:00:00Z`);
