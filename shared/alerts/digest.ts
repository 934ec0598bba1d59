import { hashId } from '../incidents/identity.ts';
import { kindRank } from '../incidents/tracked.ts';
import { formatTime, plural } from './message-words.ts';
import type { UpdateMessage } from './update-message.ts';

// Digests and overflow: one message listing the updates of a period. A digest subscriber
// (`digest: hourly | daily`) gets one per period; an immediate subscriber gets one "N more
// updates" overflow message per hour for what the caps held back (see send-caps.ts). Both are
// outbox items like any other: their ids are hashes of (subscriber, period), so each is sent
// once. Updates of one record within the period are one entry.

export type DigestPeriod = 'hourly' | 'daily';
export type DeliveryMode = { mode: 'immediate' } | { mode: 'digest'; period: DigestPeriod };

export interface PeriodWindow {
  period: DigestPeriod;
  /** "2017-06-05T10" (hourly) or "2017-06-05" (daily), UTC. */
  key: string;
  start: string;
  end: string;
}

export function periodWindow(at: string, period: DigestPeriod): PeriodWindow {
  const t = new Date(at);
  if (Number.isNaN(t.getTime())) throw new RangeError(`not a time: ${at}`);
  const start = new Date(t);
  start.setUTCMinutes(0, 0, 0);
  if (period === 'daily') start.setUTCHours(0);
  const end = new Date(start.getTime() + (period === 'daily' ? 86_400_000 : 3_600_000));
  const iso = start.toISOString();
  return {
    period,
    key: period === 'daily' ? iso.slice(0, 10) : iso.slice(0, 13),
    start: iso,
    end: end.toISOString(),
  };
}

/** Whether a period has ended, so its digest can be sent. */
export const isDue = (w: PeriodWindow, now: string): boolean => w.end <= now;

export const digestIdFor = (subscriberId: string, w: PeriodWindow): string =>
  hashId('dig', subscriberId, w.period, w.key);
export const overflowIdFor = (subscriberId: string, w: PeriodWindow): string =>
  hashId('ovf', subscriberId, w.period, w.key);

export interface DigestEntry {
  recordId: string;
  recordKind: UpdateMessage['recordKind'];
  headline: string;
  /** What changed, over every update of the record in the period (bounded). */
  lines: string[];
  place: string | null;
  incidentDate: string | null;
  /** The latest source link of the latest update. */
  link: { outlet: string; url: string } | null;
  messageIds: string[];
}

export interface DigestMessage {
  id: string;
  kind: 'digest' | 'overflow';
  subscriberId: string;
  window: PeriodWindow;
  title: string;
  entries: DigestEntry[];
  /** Updates listed or not. */
  total: number;
  /** Entries left out beyond the size limit. */
  more: number;
}

const MAX_LINES_PER_ENTRY = 4;

function entriesOf(messages: readonly UpdateMessage[]): DigestEntry[] {
  const ordered = [...messages].sort(
    (a, b) =>
      a.at.localeCompare(b.at) ||
      kindRank(a.kind) - kindRank(b.kind) ||
      a.messageId.localeCompare(b.messageId),
  );
  const byRecord = new Map<string, DigestEntry>();
  for (const m of ordered) {
    const e = byRecord.get(m.recordId);
    const latest = m.sources[m.sources.length - 1];
    const link = latest ? { outlet: latest.outlet, url: latest.url } : null;
    if (!e) {
      byRecord.set(m.recordId, {
        recordId: m.recordId,
        recordKind: m.recordKind,
        headline: m.headline,
        lines: m.changes.slice(0, MAX_LINES_PER_ENTRY),
        place: m.place,
        incidentDate: m.incidentDate,
        link,
        messageIds: [m.messageId],
      });
      continue;
    }
    if (e.messageIds.includes(m.messageId)) continue;
    // The latest update names the record best; the lines keep what happened in between.
    e.headline = m.headline;
    e.lines = [...e.lines, ...m.changes].slice(0, MAX_LINES_PER_ENTRY);
    e.place = m.place;
    e.incidentDate = m.incidentDate;
    e.link = link ?? e.link;
    e.messageIds.push(m.messageId);
  }
  return [...byRecord.values()];
}

export function buildDigest(
  kind: DigestMessage['kind'],
  subscriberId: string,
  window: PeriodWindow,
  messages: readonly UpdateMessage[],
  maxEntries = 25,
): DigestMessage {
  const all = entriesOf(messages);
  const total = all.reduce((n, e) => n + e.messageIds.length, 0);
  const span = `${formatTime(window.start)} to ${formatTime(window.end)}`;
  const incidents = all.filter((e) => e.recordKind === 'incident').length;
  const accusations = all.length - incidents;
  const about = [
    incidents ? plural(incidents, 'incident', 'incidents') : null,
    accusations ? plural(accusations, 'accusation', 'accusations') : null,
  ]
    .filter(Boolean)
    .join(' and ');
  const title =
    kind === 'overflow'
      ? `${plural(total, 'more update', 'more updates')} held back by the alert limits (${span})`
      : `${window.period === 'daily' ? 'Daily' : 'Hourly'} digest: ${plural(total, 'update', 'updates')} on ${about || 'nothing'} (${span})`;
  return {
    id:
      kind === 'overflow' ? overflowIdFor(subscriberId, window) : digestIdFor(subscriberId, window),
    kind,
    subscriberId,
    window,
    title,
    entries: all.slice(0, maxEntries),
    total,
    more: Math.max(0, all.length - maxEntries),
  };
}
