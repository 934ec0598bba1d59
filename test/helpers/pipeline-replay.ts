import { loadFaKes } from '../../shared/corpus/fa-kes.ts';
import type { ArticleRecord, CasualtyClaim, StoryRecord } from '../../shared/domain/records.ts';
import type { AccusationRecord, Incident, TrackedRecord } from '../../shared/incidents/types.ts';
import type { QueryRow, RowSelection } from '../../shared/ports/analyst-query.ts';
import type { StoreRoles } from '../../shared/ports/store-roles.ts';
import { runCycle } from '../../shared/use-cases/run-cycle.ts';
import { faKesPages } from '../../testkit/fa-kes-site.ts';
import { startHarness } from '../../testkit/pipeline-harness.ts';
import type { ModelReplay } from './fa-kes-incidents.ts';

// The FA-KES replay through the real pipeline: all 804 rows served as outlet feeds and pages on
// 127.0.0.1, one full cycle (poll, read, topic, claims, stories, incident records, alerts), then
// the records the pipeline wrote, read back through the store's ports, ready to be written into
// a data folder (seedDataDir) for the CLI. Takes a few minutes on this machine.

async function allRows(store: StoreRoles, sel: RowSelection): Promise<QueryRow[]> {
  const out: QueryRow[] = [];
  let cursor: string | null = null;
  do {
    const page = await store.analystQuery.queryPage(sel, cursor);
    out.push(...page.rows);
    cursor = page.cursor;
  } while (cursor);
  return out;
}

async function allRecords<T extends TrackedRecord>(
  store: StoreRoles,
  kind: T['kind'],
): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | null = null;
  do {
    const page = await store.incidentReader.listRecords({ kind }, cursor, 500);
    out.push(...(page.records as T[]));
    cursor = page.cursor;
  } while (cursor);
  return out;
}

/** Runs the replay and returns what the pipeline stored, in the shape seedDataDir writes. */
export async function replayFaKesThroughPipeline(): Promise<ModelReplay> {
  const h = await startHarness({
    pages: faKesPages(loadFaKes()),
    config: (base) => ({
      ...base,
      network: { ...(base.network as object), maxItemsPerFeed: 1000 },
    }),
  });
  try {
    await runCycle(h.deps(), { force: true, concurrency: 4 });
    const store = h.storeAt(h.dynamo.client);
    const rows = async <T>(sel: RowSelection, kind: QueryRow['kind']) =>
      (await allRows(store, sel)).flatMap((r) => (r.kind === kind ? [r.item as T] : []));
    const claims = await rows<CasualtyClaim>({ kind: 'casualty' }, 'casualty');
    return {
      incidents: await allRecords<Incident>(store, 'incident'),
      accusations: await allRecords<AccusationRecord>(store, 'accusation'),
      articles: await rows<ArticleRecord>({ kind: 'article' }, 'article'),
      stories: await rows<StoryRecord>({ kind: 'story' }, 'story'),
      background: claims.filter((c) => c.figure.background),
    };
  } finally {
    await h.close();
  }
}
