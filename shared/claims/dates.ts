// Incident dates: "on Sunday", "on June 3", "3 June", "yesterday", "today", resolved against the
// publication date. Without a publication date only fully stated dates ("June 3 2017") resolve.

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

const MONTH_SRC =
  '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\\.?';
/** Month name regex source, shared with the casualty extractor to reject day numbers. */
export const MONTH_SOURCE = MONTH_SRC;

const MONTH_DAY_RE = new RegExp(
  `\\b(?:(${MONTH_SRC})\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:\\s+(\\d{4}))?|(\\d{1,2})(?:st|nd|rd|th)?\\s+(${MONTH_SRC})(?:\\s+(\\d{4}))?)\\b`,
  'g',
);
const WEEKDAY_RE =
  /\b(?:on\s+|last\s+|early\s+|late\s+)?(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)\b/g;
const RELATIVE_RE = /\b(yesterday|today|tonight|this morning|last night)\b/gi;

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

interface DateHit {
  iso: string;
  index: number;
}

function dateHits(sentence: string, published: Date | null): DateHit[] {
  const hits: DateHit[] = [];
  for (const m of allMatches(MONTH_DAY_RE, sentence)) {
    const monthName = m[1] ?? m[5] ?? '';
    const day = Number(m[2] ?? m[4]);
    const yearText = m[3] ?? m[6];
    const month = monthIndex(monthName);
    if (month < 0 || !(day >= 1 && day <= 31)) continue;
    // "May" is also a verb; require a day right after it, which the regex already does.
    let year: number | null = yearText ? Number(yearText) : null;
    if (year === null && published) {
      year = published.getUTCFullYear();
      // A date later than publication belongs to the previous year ("on December 30" in January).
      if (Date.UTC(year, month, day) > published.getTime() + 86_400_000) year -= 1;
    }
    if (year === null) continue;
    const d = iso(year, month, day);
    if (d) hits.push({ iso: d, index: m.index ?? 0 });
  }
  if (published) {
    for (const m of allMatches(WEEKDAY_RE, sentence)) {
      const wd = WEEKDAYS.indexOf((m[1] ?? '').toLowerCase());
      if (wd < 0) continue;
      // News reports the most recent such weekday, publication day included.
      const back = (published.getUTCDay() - wd + 7) % 7;
      const dt = new Date(published.getTime() - back * 86_400_000);
      hits.push({ iso: dt.toISOString().slice(0, 10), index: m.index ?? 0 });
    }
    for (const m of allMatches(RELATIVE_RE, sentence)) {
      const word = (m[1] ?? '').toLowerCase();
      const back = word === 'yesterday' || word === 'last night' ? 1 : 0;
      const dt = new Date(published.getTime() - back * 86_400_000);
      hits.push({ iso: dt.toISOString().slice(0, 10), index: m.index ?? 0 });
    }
  }
  return hits;
}

/** The incident date nearest to offset `near` in `sentence`, or null. */
export function findDate(
  sentence: string,
  publishedAt: string | undefined,
  near = 0,
): string | null {
  const hits = dateHits(sentence, parsePublished(publishedAt));
  let best: DateHit | null = null;
  let bestDist = Number.POSITIVE_INFINITY;
  for (const h of hits) {
    const d = Math.abs(h.index - near);
    if (d < bestDist) {
      best = h;
      bestDist = d;
    }
  }
  return best?.iso ?? null;
}

export { MONTHS };
