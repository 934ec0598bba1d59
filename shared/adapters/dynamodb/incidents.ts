import type { TrackedRecord } from '../../incidents/types.ts';
import type {
  IncidentPage,
  IncidentReader,
  IncidentSelection,
  IncidentStore,
} from '../../ports/incident-store.ts';
import { indexEntry, itemKey, recordPartition } from './keys.ts';
import { decodeCursor, encodeCursor } from './queries.ts';
import { asItem, type DynamoTable, type Item, strip } from './table.ts';

// Incident-model items (shared/incidents/README.md, "Storing it"): one item per record, one per
// identity key (key -> record id), one string set of incident ids per story. Records are
// written with conditional single-item writes, as dynalite and DynamoDB both have them.

const recordItem = (r: TrackedRecord): Item =>
  asItem(r.kind, itemKey.record(r.id), r, indexEntry.record(r));

const toRecord = (item: Item): TrackedRecord => strip<TrackedRecord>(item);

export class DynamoIncidentStore implements IncidentStore, IncidentReader {
  constructor(
    private readonly table: DynamoTable,
    /** Items per Query (default: DynamoDB's 1 MB page); tests make it small. */
    private readonly pageSize?: number,
  ) {}

  async findRecords(keys: string[], storyIds: string[]): Promise<TrackedRecord[]> {
    if (keys.length === 0 && storyIds.length === 0) return [];
    const pointers = await this.table.batchGet([
      ...[...new Set(keys)].map(itemKey.identityKey),
      ...[...new Set(storyIds)].map(itemKey.storyIncidents),
    ]);
    const ids = new Set<string>();
    for (const p of pointers) {
      if (typeof p.recordId === 'string') ids.add(p.recordId);
      if (p.incidentIds instanceof Set) for (const id of p.incidentIds) ids.add(String(id));
    }
    if (ids.size === 0) return [];
    const items = await this.table.batchGet([...ids].map(itemKey.record));
    return items.map(toRecord);
  }

  async getRecord(id: string): Promise<TrackedRecord | null> {
    const item = await this.table.get(itemKey.record(id));
    return item ? toRecord(item) : null;
  }

  createRecord(record: TrackedRecord): Promise<boolean> {
    return this.table.putIfAbsent(recordItem(record));
  }

  replaceRecord(record: TrackedRecord, expectedVersion: number): Promise<boolean> {
    return this.table.put(recordItem(record), {
      expression: 'version = :v',
      values: { ':v': expectedVersion },
    });
  }

  async indexRecord(record: TrackedRecord, addedKeys: string[]): Promise<void> {
    // Independent writes, each idempotent: all at once. The keys in one batch (the caller left
    // out those another record holds): one request instead of a conditional put each.
    const items = [...new Set([...record.keys, ...addedKeys])].map((key) => ({
      ...itemKey.identityKey(key),
      type: 'identityKey',
      recordId: record.id,
    }));
    const keys = items.length ? [this.table.batchPut(items)] : [];
    const stories = (record.kind === 'incident' ? record.storyIds : []).map((storyId) =>
      this.table.update(itemKey.storyIncidents(storyId), {
        expression: 'ADD incidentIds :id SET #t = :t',
        names: { '#t': 'type' },
        values: { ':id': new Set([record.id]), ':t': 'storyIncidents' },
      }),
    );
    await Promise.all([...keys, ...stories]);
  }

  async listRecords(
    sel: IncidentSelection,
    cursor: string | null,
    limit = this.pageSize,
  ): Promise<IncidentPage> {
    const page = await this.table.queryIndex(
      recordPartition(sel.kind, sel.placeKey),
      { from: sel.since ?? '0000', to: `${sel.until ?? '9999'}\uffff` },
      { newestFirst: true, startKey: decodeCursor(cursor), limit },
    );
    return { records: page.items.map(toRecord), cursor: encodeCursor(page.lastKey) };
  }
}
