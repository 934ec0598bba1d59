import type { TrackedRecord } from '../incidents/types.ts';

// The incident model's storage (shared/incidents/README.md, "Storing it"): records written with
// conditional single-item writes, identity-key items that point at them, and a story index.
// Writers (settling an article's claims) use IncidentStore; analysts read through IncidentReader.

export interface IncidentStore {
  /**
   * The records the identity keys point at, plus every incident of the stories (consistent
   * reads: one BatchGet of the key and story items, one of the records).
   */
  findRecords(keys: string[], storyIds: string[]): Promise<TrackedRecord[]>;
  getRecord(id: string): Promise<TrackedRecord | null>;
  /** Put if absent; false when a record with this id exists. */
  createRecord(record: TrackedRecord): Promise<boolean>;
  /** Put if the stored version is `expectedVersion`; false when it is not. */
  replaceRecord(record: TrackedRecord, expectedVersion: number): Promise<boolean>;
  /**
   * Registers the record's identity keys (one batch of unconditional puts: the caller leaves out
   * the keys it found another record holding) and, for an incident, adds it to the index of
   * each of its stories. Idempotent.
   */
  indexRecord(record: TrackedRecord, addedKeys: string[]): Promise<void>;
}

/** Which records a page reads, by their incident date (yyyy-mm-dd; a record without one by the day it was created). */
export interface IncidentSelection {
  kind: TrackedRecord['kind'];
  /** yyyy-mm-dd: records dated on or after it. */
  since?: string | undefined;
  /** yyyy-mm-dd: records dated on or before it. */
  until?: string | undefined;
  /** Only records at this place key (see shared/incidents/place-key.ts). */
  placeKey?: string | undefined;
}

export interface IncidentPage {
  /** Newest incident date first. */
  records: TrackedRecord[];
  /** Opaque; pass it back for the next page. Null after the last page. */
  cursor: string | null;
}

export interface IncidentReader {
  listRecords(
    selection: IncidentSelection,
    cursor: string | null,
    limit?: number,
  ): Promise<IncidentPage>;
}
