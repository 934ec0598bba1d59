// Incident dates, in every form the FA-KES corpus writes them ("June 4 2017", "June 4, 2017",
// "4 June 2017", "Thursday 30 Jul 2015", "16.05.2017", "September 30th 2015", "the 4th of April",
// "May 3-4", "on Sunday", "yesterday", "two days ago"), resolved against the publication date.
// Without a publication date only fully stated dates resolve.

import { allMatches } from './regex.ts';

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const MONTH_ABBR = MONTHS.map((m) => m.slice(0, 3));
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const DAY_MS = 86_400_000;

const MONTH_SRC =
  '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\\.?';
/** Month name regex source, shared with the casualty extractor to reject day numbers. */
export const MONTH_SOURCE = MONTH_SRC;

// A comma may stand before the year ("June 4, 2017"); a range or a pair of days counts from its
// first day ("May 3-4", "December 11 and 12").
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const MORE_DAYS = '(?:\\s*(?:-|–|and|to)\\s*\\d{1,2}(?:st|nd|rd|th)?)?';
// Not "on August 21 2000 people fled": a count of people after the day is no year.
const YEAR =
  '(?:,?\\s+((?:19|20)\\d\\d)(?!\\s+(?:people|civilians|persons|children|soldiers|fighters|troops|residents)\\b))?';
const MONTH_DAY_RE = new RegExp(
  `\\b(?:(${MONTH_SRC})\\s+${DAY}${MORE_DAYS}${YEAR}|${DAY}${MORE_DAYS}(?:\\s+of)?\\s+(${MONTH_SRC})${YEAR})(?![\\w-])`,
  'g',
);
// Sputnik's "16.05.2017", ISO "2017-05-16".
const NUMERIC_DATE_RE =
  /\b(?:(\d{1,2})\.(\d{1,2})\.((?:19|20)\d\d)|((?:19|20)\d\d)-(\d{2})-(\d{2}))\b/g;
const WEEKDAY_RE =
  /\b(?:on\s+|last\s+|early\s+|late\s+)?(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)\b/g;
const RELATIVE_RE = /\b(yesterday|today|tonight|this morning|last night)\b/gi;
const DAYS_AGO_RE = /\b(a|one|two|three|four|five|six|\d)\s+days?\s+ago\b/gi;
const DAYS_AGO: Record<string, number> = {
  a: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
};

/** How a date was found, in the words of `CasualtyFigure.dateBasis`. */
export type DateBasis = 'stated' | 'relative' | 'published';

export interface DateHit {
  iso: string;
  index: number;
  end: number;
  basis: Exclude<DateBasis, 'published'>;
}

function monthIndex(name: string): number {
  const k = name.toLowerCase().replace('.', '').slice(0, 3);
  return MONTH_ABBR.indexOf(k);
}

function iso(y: number, m: number, d: number): string | null {
  const dt = new Date(Date.UTC(y, m, d));
  if (dt.getUTCMonth() !== m || dt.getUTCDate() !== d) return null;
  return dt.toISOString().slice(0, 10);
}

function parsePublished(publishedAt: string | undefined): Date | null {
  if (!publishedAt) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(publishedAt);
  if (!m) return null;
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
}

/** A day and month with no year: the publication's year, or the year before for a later date. */
function yearFor(month: number, day: number, published: Date | null): number | null {
  if (!published) return null;
  const year = published.getUTCFullYear();
  // "on December 30" in an article of January 2 is last year's.
  return Date.UTC(year, month, day) > published.getTime() + DAY_MS ? year - 1 : year;
}

function statedHits(sentence: string, published: Date | null): DateHit[] {
  const hits: DateHit[] = [];
  for (const m of allMatches(MONTH_DAY_RE, sentence)) {
    const month = monthIndex(m[1] ?? m[5] ?? '');
    const day = Number(m[2] ?? m[4]);
    const stated = m[3] ?? m[6];
    if (month < 0 || !(day >= 1 && day <= 31)) continue;
    const year = stated ? Number(stated) : yearFor(month, day, published);
    const d = year === null ? null : iso(year, month, day);
    if (d) hits.push({ iso: d, index: m.index, end: m.index + m[0].length, basis: 'stated' });
  }
  for (const m of allMatches(NUMERIC_DATE_RE, sentence)) {
    const d = m[1]
      ? iso(Number(m[3]), Number(m[2]) - 1, Number(m[1]))
      : iso(Number(m[4]), Number(m[5]) - 1, Number(m[6]));
    if (d) hits.push({ iso: d, index: m.index, end: m.index + m[0].length, basis: 'stated' });
  }
  return hits;
}

function daysBefore(published: Date, days: number): string {
  return new Date(published.getTime() - days * DAY_MS).toISOString().slice(0, 10);
}

function relativeHits(sentence: string, published: Date, stated: DateHit[]): DateHit[] {
  const hits: DateHit[] = [];
  const at = (m: RegExpExecArray, iso: string): DateHit => ({
    iso,
    index: m.index,
    end: m.index + m[0].length,
    basis: 'relative',
  });
  for (const m of allMatches(WEEKDAY_RE, sentence)) {
    const wd = WEEKDAYS.indexOf((m[1] ?? '').toLowerCase());
    // "Thursday 30 Jul 2015": the weekday names the stated date next to it.
    const end = m.index + m[0].length;
    if (wd < 0 || stated.some((s) => s.index >= end && s.index - end <= 2)) continue;
    // News reports the most recent such weekday, publication day included.
    hits.push(at(m, daysBefore(published, (published.getUTCDay() - wd + 7) % 7)));
  }
  for (const m of allMatches(RELATIVE_RE, sentence)) {
    const word = (m[1] ?? '').toLowerCase();
    hits.push(at(m, daysBefore(published, word === 'yesterday' || word === 'last night' ? 1 : 0)));
  }
  for (const m of allMatches(DAYS_AGO_RE, sentence)) {
    const w = (m[1] ?? '').toLowerCase();
    hits.push(at(m, daysBefore(published, DAYS_AGO[w] ?? Number(w))));
  }
  return hits;
}

/** Every date a sentence states or implies, left to right. */
export function dateHits(sentence: string, publishedAt: string | undefined): DateHit[] {
  const published = parsePublished(publishedAt);
  const stated = statedHits(sentence, published);
  const relative = published ? relativeHits(sentence, published, stated) : [];
  return [...stated, ...relative].sort((a, b) => a.index - b.index);
}

// The date an article states for itself at its top: "Published April 6 2017", "Date of
// publication 7 July 2016", "AFP Sunday 5 Jun 2016", "Wed 05 Apr 2017 at 1459".
const DATELINE_RE = new RegExp(
  `(?:\\b(?:Published|Date\\s+of\\s+publication|Posted\\s+on|Updated)\\s*:?\\s*(?:on\\s+)?|\\b(?:AFP|Reuters|AP|NGO|Monitor)\\s+(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\\w*\\s+|^\\s*(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\\w*\\s+)(?=\\d|${MONTH_SRC})`,
  'im',
);
const DATELINE_REACH = 400;
/** How far a dateline may lie from the publication date it corrects (feeds and corpora lag). */
const DATELINE_SLACK_DAYS = 90;

/**
 * The reference date for relative dates: the article's own dateline when it states one near the
 * publication date (or when there is no publication date), else the publication date.
 */
export function referenceDate(text: string, publishedAt: string | undefined): string | undefined {
  const head = text.slice(0, DATELINE_REACH);
  const m = DATELINE_RE.exec(head);
  if (!m) return publishedAt;
  const stated = statedHits(head.slice(m.index + m[0].length, m.index + m[0].length + 40), null)[0];
  if (stated?.index !== 0 || !stated) return publishedAt;
  const published = parsePublished(publishedAt);
  if (!published) return stated.iso;
  const diff = Math.abs(Date.parse(stated.iso) - published.getTime()) / DAY_MS;
  return diff <= DATELINE_SLACK_DAYS ? stated.iso : publishedAt;
}

/** The date hit nearest to offset `near` in `sentence`, or null. */
export function findDateHit(
  sentence: string,
  publishedAt: string | undefined,
  near = 0,
): DateHit | null {
  let best: DateHit | null = null;
  let bestDist = Number.POSITIVE_INFINITY;
  for (const h of dateHits(sentence, publishedAt)) {
    const d = Math.abs(h.index - near);
    if (d < bestDist) {
      best = h;
      bestDist = d;
    }
  }
  return best;
}

/** The incident date nearest to offset `near` in `sentence`, or null. */
export function findDate(
  sentence: string,
  publishedAt: string | undefined,
  near = 0,
): string | null {
  return findDateHit(sentence, publishedAt, near)?.iso ?? null;
}

export { MONTHS };
