import type { AnalystRow } from '../analyst/analyst-rows.ts';
import { type Flat, flatAnalystRow, flattenRow } from '../analyst/flat-rows.ts';
import { claimActors, claimPlace } from '../domain/records.ts';
import type { TrackedRecord } from '../incidents/types.ts';
import type { AnalystQuery, QueryKind, QueryRow, RowSelection } from '../ports/analyst-query.ts';
import type { IncidentReader } from '../ports/incident-store.ts';
import { readPaged } from './paged-rows.ts';
import { type IncidentQueryKind, queryIncidentRows } from './query-incidents.ts';
import { type CheckedQuery, parseQueryParams, QueryParamsError } from './query-params.ts';

// Analysts' queries, from the CLI and the HTTP API alike. The incident model's kinds (incident,
// casualty, accusation) come from the incident records (query-incidents.ts); the store's own
// records (articles, stories, alerts, errors) from the analyst index. Either way a page holds at
// most `limit` rows and a cursor to the next page.

export { parseQueryParams, QueryParamsError, queryParamsSchema } from './query-params.ts';

const DEFAULT_LIMIT = 100;

export type QueryItem =
  | { kind: IncidentQueryKind; row: AnalystRow; record: TrackedRecord | null }
  | { kind: Exclude<QueryKind, IncidentQueryKind>; row: QueryRow };

export interface QueryResult {
  kind: QueryKind;
  items: QueryItem[];
  /** Pass back as `cursor` for the next page; null after the last. */
  cursor: string | null;
}

export type QueryDeps = { analystQuery: AnalystQuery; incidentReader: IncidentReader };

const INCIDENT_KINDS: readonly QueryKind[] = ['incident', 'casualty', 'accusation'];
const isIncidentKind = (k: QueryKind): k is IncidentQueryKind => INCIDENT_KINDS.includes(k);

type StoreKind = Exclude<QueryKind, 'incident'>;

/** What the index can narrow to: an article's outlet, a claim's place (exact). */
function selection(p: CheckedQuery & { kind: StoreKind }): RowSelection {
  const range = { since: p.since, until: p.until };
  if (p.kind === 'article') return { ...range, kind: p.kind, outlet: p.source };
  if (p.kind === 'casualty') return { ...range, kind: p.kind, place: p.place };
  return { ...range, kind: p.kind };
}

const norm = (s: string) => s.trim().toLowerCase();

/** `source`, `place` and `actor` as they apply to the store's own kinds of row. */
function rowFilter(p: CheckedQuery): (row: QueryRow) => boolean {
  const has = (hay: (string | null | undefined)[], needle: string | undefined) =>
    !needle || hay.some((h) => h && norm(h).includes(norm(needle)));
  const names = (actors: string[]) => !p.actor || actors.includes(p.actor);
  return (row) => {
    switch (row.kind) {
      case 'article':
        return (
          has([row.item.outlet, row.item.url], p.source) &&
          has([row.item.text, row.item.title], p.place)
        );
      case 'story':
        return (
          has(row.item.outlets, p.source) && has([...row.item.places, row.item.title], p.place)
        );
      case 'casualty':
      case 'accusation': {
        const c = row.item;
        const sources = c.sources.flatMap((s) => [s.outlet, s.statedBy]);
        return has(sources, p.source) && has([claimPlace(c)], p.place) && names(claimActors(c));
      }
      case 'alert': {
        const { alert } = row.item;
        const outlets = alert.links.map((l) => l.outlet);
        return has(outlets, p.source) && has([alert.place], p.place) && names(alert.parties);
      }
      case 'error':
        return has([row.item.feedId, row.item.subject], p.source);
    }
  };
}

/** Rows of the store's own records, read page by page and filtered. */
function storePage(deps: { analystQuery: AnalystQuery }, p: CheckedQuery & { kind: StoreKind }) {
  const matches = rowFilter(p);
  const sel = selection(p);
  const read = async (at: string | null) => {
    const r = await deps.analystQuery.queryPage(sel, at);
    return { items: r.rows.filter(matches), next: r.cursor };
  };
  return readPaged([{ name: p.kind, read }], p.cursor, p.limit ?? DEFAULT_LIMIT);
}

/** One page of rows that pass the filters (default 100, at most 1,000), newest first. */
export async function queryAnalystRows(deps: QueryDeps, raw: unknown): Promise<QueryResult> {
  const p = parseQueryParams(raw);
  const { kind } = p;
  if (isIncidentKind(kind)) {
    const page = await queryIncidentRows(deps, { ...p, kind }, p.limit ?? DEFAULT_LIMIT);
    return { kind, items: page.items.map((i) => ({ kind, ...i })), cursor: page.cursor };
  }
  if (p.reportedSince || p.reportedUntil) {
    throw new QueryParamsError(
      'invalid query:\n  reportedSince/reportedUntil: only for the incident, casualty and accusation kinds',
    );
  }
  const page = await storePage(deps, { ...p, kind });
  return { kind, items: page.items.map((row) => ({ kind, row })), cursor: page.cursor };
}

/**
 * The store's own rows as they are stored, casualty and accusation kinds from the claim ledger
 * (the records before the incident model): what tests and the pipeline harness look at.
 */
export async function queryStore(
  deps: { analystQuery: AnalystQuery },
  raw: unknown,
): Promise<QueryRow[]> {
  const p = parseQueryParams(raw);
  if (p.kind === 'incident') {
    throw new QueryParamsError('invalid query:\n  kind: incidents are read by queryAnalystRows');
  }
  return (await storePage(deps, { ...p, kind: p.kind })).items;
}

/** Every row of the query, page after page (the CLI's `--all`: no cap, bounded memory). */
export async function* queryAll(deps: QueryDeps, raw: unknown): AsyncGenerator<QueryItem> {
  const p = parseQueryParams(raw);
  let cursor: string | undefined = p.cursor;
  do {
    const page = await queryAnalystRows(deps, { ...(raw as object), cursor, limit: 1000 });
    yield* page.items;
    cursor = page.cursor ?? undefined;
  } while (cursor);
}

/** A row as flat columns (tables, CSV, the API's `format=flat`). */
export function flatItem(item: QueryItem): Flat {
  return 'record' in item ? flatAnalystRow(item.kind, item.row) : flattenRow(item.row);
}

/**
 * A row as structured data (`--format json`, the API's items): an incident's record itself; a
 * casualty or accusation row with its typed values; the store's own record for the other kinds.
 */
export function jsonItem(item: QueryItem): unknown {
  if (!('record' in item)) return item.row.item;
  if (item.kind === 'incident' && item.record) return item.record;
  return item.row;
}
