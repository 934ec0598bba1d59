import { messageIdFor } from './identity.ts';
import type {
  ArticleRef,
  Change,
  RecordUpdate,
  TrackedRecord,
  UpdateEntry,
  UpdateKind,
} from './types.ts';

// What incidents and stand-alone accusations share: reports, bounded histories, versioned
// updates and replays.

/** Articles kept per record; reportCount keeps counting past it. */
export const MAX_REPORTS = 100;
/** Announced versions kept per record: the first (thread root) and the latest ones. */
export const MAX_UPDATES = 30;

const KIND_ORDER: UpdateKind[] = [
  'first_report',
  'figure_revised',
  'disagreement',
  'new_figure',
  'perpetrator',
  'accusation',
];

/** The kind an update is announced as: the weightiest of its changes. */
export function kindOf(changes: readonly Change[]): UpdateKind {
  const ranks = changes.map((c) => KIND_ORDER.indexOf(c.type));
  return KIND_ORDER[Math.min(...ranks)] ?? 'accusation';
}

/** Rank of an update kind for caps and digests (0 is the weightiest). */
export const kindRank = (k: UpdateKind): number => KIND_ORDER.indexOf(k);

export function hasReport(r: TrackedRecord, articleId: string): boolean {
  return r.changedBy === articleId || r.reports.some((x) => x.articleId === articleId);
}

/** Accusations kept per incident. */
export const MAX_ACCUSATIONS = 30;
const MAX_TITLE = 200;
const MAX_NAME = 100;
/** Stories kept per record. */
export const MAX_STORIES = 50;
const MAX_URL = 2000;

/** An article reference with its outside strings bounded (they are stored on every record). */
export function boundedRef(a: ArticleRef): ArticleRef {
  return {
    ...a,
    url: a.url.length <= MAX_URL ? a.url : '',
    title: a.title === null ? null : a.title.slice(0, MAX_TITLE),
    outlet: a.outlet.slice(0, MAX_NAME),
  };
}

export function withReport<T extends TrackedRecord>(r: T, article: ArticleRef): T {
  if (r.reports.some((x) => x.articleId === article.articleId)) return r;
  const reports = r.reports.length < MAX_REPORTS ? [...r.reports, article] : r.reports;
  return { ...r, reports, reportCount: r.reportCount + 1 };
}

export function entryFor(
  recordId: string,
  version: number,
  article: ArticleRef,
  changes: Change[],
): UpdateEntry {
  return {
    version,
    messageId: messageIdFor(recordId, version),
    articleId: article.articleId,
    kind: kindOf(changes),
    changes,
    at: article.seenAt,
  };
}

/** Appends an announced version, keeping the thread root and the latest ones. */
export function withEntry(entries: readonly UpdateEntry[], e: UpdateEntry): UpdateEntry[] {
  const all = [...entries, e];
  if (all.length <= MAX_UPDATES) return all;
  return [all[0] as UpdateEntry, ...all.slice(all.length - (MAX_UPDATES - 1))];
}

export function updateOf(r: TrackedRecord, e: UpdateEntry, replay: boolean): RecordUpdate {
  return {
    recordKind: r.kind,
    recordId: r.id,
    version: e.version,
    messageId: e.messageId,
    articleId: e.articleId,
    kind: e.kind,
    changes: e.changes,
    at: e.at,
    previousMessageIds: r.updates.filter((u) => u.version < e.version).map((u) => u.messageId),
    replay,
  };
}

/** A re-run of an article the record already has: its update again (or none, if it made none). */
export function replayOf(r: TrackedRecord, articleId: string): RecordUpdate | null {
  const e = r.updates.find((u) => u.articleId === articleId);
  return e ? updateOf(r, e, true) : null;
}

/** The union of two id lists, bounded (the first ones are kept). */
export const union = (a: readonly string[], b: readonly string[], max = MAX_STORIES): string[] =>
  [...new Set([...a, ...b])].slice(0, Math.max(max, a.length));
