import type {
  ArticleRecord,
  ClaimRecord,
  DeliveryRecord,
  ErrorRecord,
} from '../../domain/records.ts';
import type { RowSelection } from '../../ports/analyst-query.ts';
import { GSI1, GSI2, tableKeys } from './table-design.ts';

// Every key of the single table, built in one place from the map in table-design.ts: item keys
// (pk/sk), and the index entries (gsi1/gsi2 attributes) that list an item for a query.

export type ItemKey = { pk: string; sk: string };

type IndexEntry = Partial<Record<'gsi1pk' | 'gsi1sk' | 'gsi2pk' | 'gsi2sk', string>>;

/** Outlets and places are matched in any case and spacing. */
const norm = (s: string) => s.trim().toLowerCase();

/** The gsi1 partition of each kind of record the analysts list by date. */
export const LISTING = {
  article: 'ARTICLE',
  story: 'STORY',
  casualty: 'CASUALTY',
  accusation: 'ACCUSATION',
  error: 'ERROR',
} as const;
/** gsi2 partition of alerts and their deliveries. */
const ALERT_LOG = 'ALERT';
/** gsi1 partition of the deliveries that are pending or sending. */
const OUTBOX = 'OUTBOX';
/** gsi1 partition of the digests not built yet, by the end of their period. */
const DIGESTS = 'DIGESTS';

export const DELIVERY_SORT_PREFIX = 'DELIVERY#';

export const itemKey = {
  feedState: (feedId: string): ItemKey => ({ pk: `FEED#${feedId}`, sk: 'STATE' }),
  article: (articleId: string): ItemKey => ({ pk: `ART#${articleId}`, sk: 'ART' }),
  fingerprint: (articleId: string): ItemKey => ({ pk: `ART#${articleId}`, sk: 'FP' }),
  contentHash: (identity: string): ItemKey => ({ pk: `HASH#${identity}`, sk: 'HASH' }),
  /** One slot of a MinHash band value in one period of story dates (read by key, not queried). */
  band: (index: number, band: string, period: string, slot: number): ItemKey => ({
    pk: `BAND#${index}#${band}#${period}`,
    sk: `SLOT#${slot}`,
  }),
  story: (storyId: string): ItemKey => ({ pk: `STORY#${storyId}`, sk: 'STORY' }),
  claim: (claimKey: string): ItemKey => ({ pk: `CLAIM#${claimKey}`, sk: 'CLAIM' }),
  alert: (alertId: string): ItemKey => ({ pk: alertPartition(alertId), sk: 'ALERT' }),
  delivery: (alertId: string, subscriberId: string): ItemKey => ({
    pk: alertPartition(alertId),
    sk: `${DELIVERY_SORT_PREFIX}${subscriberId}`,
  }),
  error: (errorId: string): ItemKey => ({ pk: `ERROR#${errorId}`, sk: 'ERROR' }),
  /** A subscriber's digest or overflow of one period: the set of its message ids. */
  digest: (digestId: string): ItemKey => ({ pk: `DIGEST#${digestId}`, sk: 'DIGEST' }),
  /** A cap counter (per feed and poll, per subscriber and hour). */
  counter: (counterId: string): ItemKey => ({ pk: `COUNT#${counterId}`, sk: 'COUNT' }),
  /** An incident or stand-alone accusation record (shared/incidents). */
  record: (recordId: string): ItemKey => ({ pk: `REC#${recordId}`, sk: 'REC' }),
  /** An identity key of the incident model, pointing at the record that holds it. */
  identityKey: (key: string): ItemKey => ({ pk: `IKEY#${key}`, sk: 'IKEY' }),
  /** The incidents of one story (a string set). */
  storyIncidents: (storyId: string): ItemKey => ({ pk: `STORY#${storyId}`, sk: 'INCIDENTS' }),
};

/** gsi1 partition of each record kind of the incident model, listed by incident date. */
export const RECORD_LISTING = { incident: 'INCIDENT', accusation: 'ACCREC' } as const;

const recordPlacePartition = (kind: keyof typeof RECORD_LISTING, placeKey: string) =>
  `${RECORD_LISTING[kind]}PLACE#${placeKey}`;

/** A record's listing date: its incident date, else the day it was created. */
export const recordDate = (r: { date: string | null; createdAt: string }) =>
  r.date ?? r.createdAt.slice(0, 10);

export const alertPartition = (alertId: string) => `ALERT#${alertId}`;

const outletPartition = (outlet: string) => `SOURCE#${norm(outlet)}`;
const placePartition = (place: string) => `PLACE#${norm(place)}`;

/** Where a delivery sits in the outbox: by the time it is due next. */
export const outboxSort = (dueAt: string, alertId: string, subscriberId: string) =>
  `${dueAt}#${alertId}#${subscriberId}`;

export const indexEntry = {
  /** Relevant articles only: by date, and by outlet. */
  article(a: ArticleRecord): IndexEntry {
    if (!a.relevant) return {};
    const sort = `${a.publishedAt ?? a.fetchedAt}#${a.articleId}`;
    return {
      gsi1pk: LISTING.article,
      gsi1sk: sort,
      gsi2pk: outletPartition(a.outlet),
      gsi2sk: sort,
    };
  },
  story: (s: { storyDate: string; storyId: string }): IndexEntry => ({
    gsi1pk: LISTING.story,
    gsi1sk: `${s.storyDate}#${s.storyId}`,
  }),
  /** By kind and update time; casualty figures also by place, accusations by accuser. */
  claim(c: ClaimRecord): IndexEntry {
    const sort = `${c.updatedAt}#${c.claimKey}`;
    const byKind = { gsi1pk: LISTING[c.kind], gsi1sk: sort };
    const second =
      c.kind === 'casualty'
        ? c.figure.place && placePartition(c.figure.place)
        : `ACTOR#${c.accusation.accuser}`;
    return second ? { ...byKind, gsi2pk: second, gsi2sk: sort } : byKind;
  },
  alert: (a: { createdAt: string; alertId: string }): IndexEntry => ({
    gsi2pk: ALERT_LOG,
    gsi2sk: `${a.createdAt}#${a.alertId}`,
  }),
  /** In the outbox while due, and under its alert (same sort prefix) in the alert log. */
  delivery: (d: DeliveryRecord): IndexEntry => ({
    gsi1pk: OUTBOX,
    gsi1sk: outboxSort(d.nextAttemptAt, d.alertId, d.subscriberId),
    gsi2pk: ALERT_LOG,
    gsi2sk: `${d.createdAt}#${d.alertId}#${d.subscriberId}`,
  }),
  /** Incident model records: by incident date, and by place key. */
  record(r: {
    kind: keyof typeof RECORD_LISTING;
    id: string;
    date: string | null;
    createdAt: string;
    placeKey: string | null;
  }): IndexEntry {
    const sort = `${recordDate(r)}#${r.id}`;
    const byPlace = r.placeKey
      ? { gsi2pk: recordPlacePartition(r.kind, r.placeKey), gsi2sk: sort }
      : {};
    return { gsi1pk: RECORD_LISTING[r.kind], gsi1sk: sort, ...byPlace };
  },
  error(e: ErrorRecord): IndexEntry {
    const sort = `${e.at}#${e.errorId}`;
    const bySubject = e.feedId ? { gsi2pk: `SUBJECT#${e.feedId}`, gsi2sk: sort } : {};
    return { gsi1pk: LISTING.error, gsi1sk: sort, ...bySubject };
  },
};

/** An index partition to Query: the index, its key attribute names, the partition value. */
export interface IndexPartition {
  index: string;
  partitionKey: string;
  sortKey: string;
  partition: string;
}

const onGsi1 = (partition: string): IndexPartition => ({
  index: GSI1,
  ...tableKeys.gsi1,
  partition,
});
const onGsi2 = (partition: string): IndexPartition => ({
  index: GSI2,
  ...tableKeys.gsi2,
  partition,
});

/** The deliveries that are pending or sending, by the time they are due. */
export const outboxPartition = onGsi1(OUTBOX);
/** The digests not built yet, by the end of their period. */
export const digestPartition = onGsi1(DIGESTS);

/** The index partition that lists incident-model records of a kind, at a place if given. */
export function recordPartition(
  kind: keyof typeof RECORD_LISTING,
  placeKey?: string | undefined,
): IndexPartition {
  return placeKey ? onGsi2(recordPlacePartition(kind, placeKey)) : onGsi1(RECORD_LISTING[kind]);
}

/** The index partition that holds a selection: the most selective one its filters allow. */
export function selectionPartition(sel: RowSelection): IndexPartition {
  if (sel.kind === 'article' && sel.outlet) return onGsi2(outletPartition(sel.outlet));
  if (sel.kind === 'casualty' && sel.place) return onGsi2(placePartition(sel.place));
  if (sel.kind === 'alert') return onGsi2(ALERT_LOG);
  return onGsi1(LISTING[sel.kind]);
}
