import { recordDate } from '../../shared/adapters/dynamodb/keys.ts';
import type { TrackedRecord } from '../../shared/incidents/types.ts';
import type {
  IncidentPage,
  IncidentReader,
  IncidentSelection,
  IncidentStore,
} from '../../shared/ports/incident-store.ts';

// The incident store with DynamoDB's decisions: a create fails when the id exists, a replace when
// the version moved, an identity key names the record last indexed under it. Listing is by
// incident date, newest first, with an opaque cursor, as the adapter's index gives it.

export class InMemoryIncidentStore implements IncidentStore, IncidentReader {
  readonly records = new Map<string, TrackedRecord>();
  readonly keys = new Map<string, string>();
  readonly stories = new Map<string, Set<string>>();

  constructor(private readonly pageSize = 1000) {}

  async findRecords(keys: string[], storyIds: string[]): Promise<TrackedRecord[]> {
    const ids = new Set<string>();
    for (const k of keys) {
      const id = this.keys.get(k);
      if (id) ids.add(id);
    }
    for (const s of storyIds) for (const id of this.stories.get(s) ?? []) ids.add(id);
    return [...ids].flatMap((id) => {
      const r = this.records.get(id);
      return r ? [structuredClone(r)] : [];
    });
  }

  async getRecord(id: string): Promise<TrackedRecord | null> {
    const r = this.records.get(id);
    return r ? structuredClone(r) : null;
  }

  async createRecord(record: TrackedRecord): Promise<boolean> {
    if (this.records.has(record.id)) return false;
    this.records.set(record.id, structuredClone(record));
    return true;
  }

  async replaceRecord(record: TrackedRecord, expectedVersion: number): Promise<boolean> {
    if (this.records.get(record.id)?.version !== expectedVersion) return false;
    this.records.set(record.id, structuredClone(record));
    return true;
  }

  async indexRecord(record: TrackedRecord, addedKeys: string[]): Promise<void> {
    // Unconditional, as the DynamoDB adapter's batch: the caller leaves out keys others hold.
    for (const k of [...record.keys, ...addedKeys]) this.keys.set(k, record.id);
    if (record.kind !== 'incident') return;
    for (const s of record.storyIds) {
      const set = this.stories.get(s) ?? new Set<string>();
      set.add(record.id);
      this.stories.set(s, set);
    }
  }

  async listRecords(
    sel: IncidentSelection,
    cursor: string | null,
    limit = this.pageSize,
  ): Promise<IncidentPage> {
    const sortKey = (r: TrackedRecord) => `${recordDate(r)}#${r.id}`;
    const from = sel.since ?? '0000';
    const to = `${sel.until ?? '9999'}\uffff`;
    const all = [...this.records.values()]
      .filter((r) => r.kind === sel.kind && (!sel.placeKey || r.placeKey === sel.placeKey))
      .filter((r) => sortKey(r) >= from && sortKey(r) <= to)
      .sort((a, b) => (sortKey(a) < sortKey(b) ? 1 : -1));
    const start = cursor ? all.findIndex((r) => sortKey(r) < cursor) : 0;
    const rest = start < 0 ? [] : all.slice(start);
    const page = rest.slice(0, limit);
    const last = page.at(-1);
    return {
      records: page.map((r) => structuredClone(r)),
      cursor: rest.length > limit && last ? sortKey(last) : null,
    };
  }
}
