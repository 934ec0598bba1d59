import { createHash } from 'node:crypto';
import type { Actor } from '../domain/claims.ts';

// Identity keys and deterministic ids. An incident is where and when: (place key, incident
// date). A report of the same incident a day later, or dated a day off, is the same incident, so
// lookups cover the neighbouring days; the exact day is tried first and creates. Without a place
// the story is the incident; without a date the story stands in for the date. Ids are hashes of
// keys, so repeated runs and concurrent workers name the same record, message and outbox item.

/** Days either side of the incident date that still match (a report of it the next day). */
export const DATE_WINDOW_DAYS = 1;

/**
 * Days before its article's date that a figure the article does not date may have happened
 * ("Later that month a coalition strike in Al Bukamal killed at least 31 civilians", 12 days
 * after the reports of it): an incident there, in those days, with the same figure and the same
 * perpetrator is that one, retold.
 */
export const RETOLD_WINDOW_DAYS = 14;

export const hashId = (prefix: string, ...parts: string[]): string =>
  `${prefix}_${createHash('sha256').update(parts.join('\u001f')).digest('hex').slice(0, 24)}`;

/** The day `days` after an ISO date (yyyy-mm-dd), or null for an invalid date. */
export function shiftDay(isoDate: string, days: number): string | null {
  if (!/^\d{4}-\d{2}-\d{2}/.test(isoDate)) return null;
  const d = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return null;
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Whole days between two ISO dates (absolute), Infinity when either is missing or invalid. */
export function daysApart(a: string | null, b: string | null): number {
  if (!a || !b) return Number.POSITIVE_INFINITY;
  const ms = Math.abs(Date.parse(a.slice(0, 10)) - Date.parse(b.slice(0, 10)));
  return Number.isNaN(ms) ? Number.POSITIVE_INFINITY : Math.round(ms / 86_400_000);
}

export const storyKey = (storyId: string): string => `story:${storyId}`;

/** The key a record of this identity is created under. */
export function identityKey(
  prefix: string,
  placeKey: string | null,
  date: string | null,
  storyId: string,
): string {
  if (placeKey && date) return `${prefix}place:${placeKey}|date:${date}`;
  if (placeKey) return `${prefix}place:${placeKey}|story:${storyId}`;
  return `${prefix}story:${storyId}`;
}

/**
 * The create key, then the neighbouring days' keys (and with `lookBack`, the days before them:
 * see RETOLD_WINDOW_DAYS), then the story's key (when placed).
 */
export function lookupKeysFor(
  prefix: string,
  placeKey: string | null,
  date: string | null,
  storyId: string,
  lookBack = 0,
): string[] {
  const own = identityKey(prefix, placeKey, date, storyId);
  if (!placeKey) return [own];
  const keys = [own];
  if (date) {
    for (let d = 1; d <= DATE_WINDOW_DAYS; d++) {
      for (const day of [shiftDay(date, -d), shiftDay(date, d)]) {
        if (day) keys.push(identityKey(prefix, placeKey, day, storyId));
      }
    }
    for (let d = DATE_WINDOW_DAYS + 1; d <= lookBack; d++) {
      const day = shiftDay(date, -d);
      if (day) keys.push(identityKey(prefix, placeKey, day, storyId));
    }
  }
  // A placeless record of the same story may be this incident before a report placed it.
  keys.push(identityKey(prefix, null, null, storyId));
  return keys;
}

/** Shortest quote that names one claim in its own words (shorter ones are too common). */
const MIN_QUOTE_WORDS = 6;

/**
 * The key of one claim in the same words: the sentence, lower-cased, punctuation and spacing
 * dropped. A copy of an article (a mirror outlet) states the same accusation in the same sentence
 * whatever story it is filed under, so it finds the record under this key. Null for a quote too
 * short to tell claims apart.
 */
export function sameWordsKey(prefix: string, quote: string): string | null {
  const words = quote.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length < MIN_QUOTE_WORDS) return null;
  return `${prefix}quote:${hashId('q', words.join(' ')).slice(2)}`;
}

/** The party a perpetrator key names: the US and the coalition it leads are one. */
export const partyOf = (a: Actor): Actor => (a === 'us' ? 'coalition' : a);

/**
 * A key qualified by a perpetrator: a second incident at the same place and day (by another
 * perpetrator, sharing no figure with the first) is created and found under it.
 */
export const byParty = (key: string, perpetrator: Actor | null): string =>
  perpetrator ? `${key}|by:${partyOf(perpetrator)}` : key;

/** Incident id: derived from the key it was created under. */
export const incidentIdFor = (createKey: string): string => hashId('inc', createKey);
/** Stand-alone accusation id. */
export const accusationIdFor = (createKey: string): string => hashId('acc', createKey);

/** Message id of one announced version of a record: the same on every run and worker. */
export const messageIdFor = (recordId: string, version: number): string =>
  hashId('msg', recordId, String(version));

/** Outbox item id: one per (message, subscriber), created if absent. */
export const outboxIdFor = (messageId: string, subscriberId: string): string =>
  hashId('out', messageId, subscriberId);
