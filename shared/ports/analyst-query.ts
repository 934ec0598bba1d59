import type {
  AlertRecord,
  ArticleRecord,
  ClaimRecord,
  DeliveryRecord,
  ErrorRecord,
  StoryRecord,
} from '../domain/records.ts';

// The analysts' read side: records of one kind, newest first, read page by page through key
// conditions on indexes (never a Scan). What the analysts' filters mean is the query use-case's
// business (shared/use-cases/query-store.ts); this port only selects what an index can select.

/** The kinds analysts query, with their API routes: shared/contracts/query-kinds.ts. */
export { QUERY_KINDS, type QueryKind } from '../contracts/query-kinds.ts';

export interface AlertWithDeliveries {
  alert: AlertRecord;
  deliveries: DeliveryRecord[];
}

export type QueryRow =
  | { kind: 'article'; item: ArticleRecord }
  | { kind: 'story'; item: StoryRecord }
  | { kind: 'casualty' | 'accusation'; item: ClaimRecord }
  | { kind: 'alert'; item: AlertWithDeliveries }
  | { kind: 'error'; item: ErrorRecord };

/** Which records a page reads: a kind, and what its index can narrow it to (exact, any case). */
export type RowSelection = {
  /** ISO date or date-time prefix: records dated at or after it. */
  since?: string | undefined;
  /** ISO date or date-time prefix: records dated at or before it (the whole day for a date). */
  until?: string | undefined;
} & (
  | { kind: 'article'; outlet?: string | undefined }
  | { kind: 'casualty'; place?: string | undefined }
  | { kind: 'story' | 'accusation' | 'alert' | 'error' }
);

export interface QueryPage {
  rows: QueryRow[];
  /** Opaque; pass it back for the next page. Null after the last page. */
  cursor: string | null;
}

export interface AnalystQuery {
  /** One page of rows, newest first. An alert row comes with all its deliveries. */
  queryPage(selection: RowSelection, cursor: string | null): Promise<QueryPage>;
}
