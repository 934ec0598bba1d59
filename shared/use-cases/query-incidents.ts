import { recordParties, rowMatcher } from '../analyst/analyst-filters.ts';
import {
  type AnalystRow,
  accusationRowsOf,
  backgroundRowOf,
  casualtyRowsOf,
  incidentRowOf,
} from '../analyst/analyst-rows.ts';
import { placeKey } from '../incidents/place-key.ts';
import type { TrackedRecord } from '../incidents/types.ts';
import type { AnalystQuery } from '../ports/analyst-query.ts';
import type { IncidentReader } from '../ports/incident-store.ts';
import { readPaged } from './paged-rows.ts';
import type { CheckedQuery } from './query-params.ts';

// The analysts' rows of the incident model, a page at a time. Records are listed by incident
// date through the incident index (place by place key, so "Raqa" finds "Raqqah"); each record
// gives its rows, and the row filters (first reported, source, actor) apply to those. A kind reads
// in phases (paged-rows.ts): incident records, then stand-alone accusation records (`accusation`)
// or the claim ledger's background figures (`casualty`).

export type IncidentQueryKind = 'incident' | 'casualty' | 'accusation';

export interface IncidentRowItem {
  row: AnalystRow;
  /** The record the row comes from (null for a background figure of the claim ledger). */
  record: TrackedRecord | null;
}

export interface IncidentRowPage {
  items: IncidentRowItem[];
  cursor: string | null;
}

type PhaseName = 'incident' | 'accusation' | 'background';

const PHASES: Record<IncidentQueryKind, PhaseName[]> = {
  incident: ['incident'],
  casualty: ['incident', 'background'],
  accusation: ['incident', 'accusation'],
};

/** Records asked of the store per read. */
const RECORDS_PER_READ = 100;

export interface IncidentQueryDeps {
  incidentReader: IncidentReader;
  analystQuery: AnalystQuery;
}

/** One read of a phase: its rows (filtered) and the store cursor of the next read. */
async function readPhase(
  deps: IncidentQueryDeps,
  q: CheckedQuery & { kind: IncidentQueryKind },
  phase: PhaseName,
  at: string | null,
): Promise<{ items: IncidentRowItem[]; next: string | null }> {
  const matches = rowMatcher(q);
  const key = q.place ? placeKey(q.place) : null;
  if (phase === 'background') {
    const page = await deps.analystQuery.queryPage(
      { kind: 'casualty', since: q.reportedSince },
      at,
    );
    const items: IncidentRowItem[] = [];
    for (const r of page.rows) {
      if (r.kind !== 'casualty' || r.item.kind !== 'casualty' || !r.item.figure.background)
        continue;
      const row = backgroundRowOf(r.item);
      const date = row.incidentDate;
      if ((q.since || q.until) && !date) continue;
      if (date && ((q.since && date < q.since) || (q.until && date > q.until))) continue;
      if (q.place && placeKey(row.place) !== key) continue;
      if (matches(row, row.perpetrator ? [row.perpetrator] : [])) items.push({ row, record: null });
    }
    return { items, next: page.cursor };
  }
  const page = await deps.incidentReader.listRecords(
    { kind: phase, since: q.since, until: q.until, placeKey: key ?? undefined },
    at,
    RECORDS_PER_READ,
  );
  const items = page.records.flatMap((record) => {
    const parties = recordParties(record);
    return rowsOfRecord(q.kind, record)
      .filter((row) => matches(row, parties))
      .map((row) => ({ row, record }));
  });
  return { items, next: page.cursor };
}

function rowsOfRecord(kind: IncidentQueryKind, r: TrackedRecord): AnalystRow[] {
  if (kind === 'accusation') return accusationRowsOf(r);
  if (r.kind !== 'incident') return [];
  if (kind === 'casualty') return casualtyRowsOf(r);
  const row = incidentRowOf(r);
  return row ? [row] : [];
}

/** Up to `limit` rows from the query's cursor on (newest incident first), and where to go on. */
export function queryIncidentRows(
  deps: IncidentQueryDeps,
  q: CheckedQuery & { kind: IncidentQueryKind },
  limit: number,
): Promise<IncidentRowPage> {
  const phases = PHASES[q.kind].map((name) => ({
    name,
    read: (at: string | null) => readPhase(deps, q, name, at),
  }));
  return readPaged(phases, q.cursor, limit);
}
