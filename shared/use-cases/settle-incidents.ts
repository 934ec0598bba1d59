import type { Config } from '../config/schema.ts';
import type { CasualtyFigure } from '../domain/claims.ts';
import { IncidentContentionError } from '../domain/errors.ts';
import { type ArticleClaims, groupArticleClaims } from '../incidents/group-claims.ts';
import type { PlanOptions } from '../incidents/index.ts';
import { planArticle, type RecordPlan } from '../incidents/plan-article.ts';
import type { AccusationReport, Plan, RecordUpdate, TrackedRecord } from '../incidents/types.ts';
import type { IncidentStore } from '../ports/incident-store.ts';

// One article's claims into incident records (shared/incidents/README.md, "Storing it"): group
// them by incident, read what is known under every report's lookup keys and the story at once,
// plan the article's reports together (planArticle: reports that choose one record are merged),
// then write each record with one conditional single-item write. A writer that loses a race
// (the version moved, or another worker created the same record first) reads again and re-plans
// that record's reports against the winner; a lost create is re-read by the id it tried, since
// the winner may not have registered its identity keys yet. Keys (one batch) and the story index
// are written after the record, idempotently, so a crash anywhere leaves an article whose re-run finds itself
// on the record and gets the very same update back (same message id).

/** Re-plans of one report before giving up on a record that keeps moving. */
export const MAX_INCIDENT_RACES = 5;

export interface Announced {
  record: TrackedRecord;
  update: RecordUpdate;
}

export interface SettledIncidents {
  /** The updates to announce, in the order the article's reports were settled. */
  announced: Announced[];
  /** Whole-war or whole-period tolls: no incident, never alerted. */
  background: CasualtyFigure[];
  /** Records created or replaced. */
  writes: number;
}

export interface IncidentDeps {
  incidentStore: IncidentStore;
}

/** Incidents are of the topic by perpetrator only for the trained topic; keyword topics take all. */
export function planOptionsFor(config: Pick<Config, 'topics'>, topics: string[]): PlanOptions {
  const trained = config.topics.some(
    (t) => t.kind === 'coalition-strikes-syria' && topics.includes(t.id),
  );
  return trained ? {} : { topicActors: null };
}

/** Found records, with the ones re-read after a lost create taking the place of older copies. */
function merged(found: TrackedRecord[], reread: Map<string, TrackedRecord>): TrackedRecord[] {
  const byId = new Map(found.map((r) => [r.id, r]));
  for (const [id, r] of reread) {
    const known = byId.get(id);
    if (!known || known.version < r.version) byId.set(id, r);
  }
  return [...byId.values()];
}

/**
 * The identity keys and story ids a write adds, so that a replace registers only what is new,
 * less the keys another record holds. A record planned with no write (a re-run of its article)
 * registers everything again: the crash may have come before its keys were written.
 */
function indexDelta(
  plan: Plan<TrackedRecord>,
  before: TrackedRecord | null,
  held: ReadonlySet<string>,
): TrackedRecord {
  const next = plan.next;
  const keys = next.keys.filter((k) => !held.has(k));
  if (plan.write !== 'replace' || !before) return { ...next, keys };
  return {
    ...next,
    keys: keys.filter((k) => !before.keys.includes(k)),
    storyIds: next.storyIds.filter((s) => !before.storyIds.includes(s)),
  };
}

async function write(store: IncidentStore, plan: Plan<TrackedRecord>): Promise<boolean> {
  if (plan.write === 'create') return store.createRecord(plan.next);
  if (plan.write === 'replace') return store.replaceRecord(plan.next, plan.expectedVersion ?? 0);
  return true;
}

/**
 * What one article's settle knows: one read of every report's lookup keys and the story, then
 * its own writes, so that an article of several reports reads the store once. A report is
 * planned against the records that hold one of its keys (or, for an incident, are of the
 * story); a lost condition reads the store again (settleOne).
 */
class ArticleView {
  private readonly records = new Map<string, TrackedRecord>();

  constructor(found: readonly TrackedRecord[]) {
    this.remember(found);
  }

  remember(records: readonly TrackedRecord[]): void {
    for (const r of records) {
      const known = this.records.get(r.id);
      if (!known || known.version <= r.version) this.records.set(r.id, r);
    }
  }

  /** The identity keys the other records read or written so far list. */
  keysOfOthers(id: string): Set<string> {
    return new Set([...this.records.values()].filter((r) => r.id !== id).flatMap((r) => r.keys));
  }

  find(keys: readonly string[], storyId: string): TrackedRecord[] {
    const wanted = new Set(keys);
    return [...this.records.values()].filter(
      (r) =>
        r.keys.some((k) => wanted.has(k)) ||
        (r.kind === 'incident' && r.storyIds.includes(storyId)),
    );
  }
}

/** Every key some reports look under (an accusation also looks for its incident). */
function reportKeys(
  incidents: readonly { lookupKeys: string[] }[],
  accusations: readonly AccusationReport[],
): string[] {
  return [
    ...new Set([
      ...incidents.flatMap((r) => r.lookupKeys),
      ...accusations.flatMap((r) => [...r.incidentLookupKeys, ...r.lookupKeys]),
    ]),
  ];
}

/** Every key the plan's reports look under. */
const keysOf = (p: RecordPlan): string[] =>
  reportKeys([...p.incidents, ...(p.merged ? [p.merged] : [])], p.accusations);

/**
 * Writes one record's plan; on a lost condition reads again and re-plans the reports that chose
 * the record (bounded). What it wrote, in order (a re-plan may split the reports).
 */
async function settleOne(
  store: IncidentStore,
  view: ArticleView,
  first: RecordPlan,
  opts: PlanOptions,
): Promise<RecordPlan[]> {
  const reread = new Map<string, TrackedRecord>();
  const storyId = first.incidents[0]?.storyId ?? first.accusations[0]?.storyId ?? '';
  const queue = [first];
  const done: RecordPlan[] = [];
  let lost = 0;
  for (let p = queue.shift(); p; p = queue.shift()) {
    const { plan, before } = p;
    if (await write(store, plan)) {
      // A key another record lists is that record's (registered when it was written, or by its
      // re-run after a crash): left out, so that a key keeps the record that registered it first.
      const held = view.keysOfOthers(plan.next.id);
      view.remember([plan.next]);
      const delta = indexDelta(plan, before, held);
      const adds = plan.addedKeys.filter((k) => !before?.keys.includes(k) && !held.has(k));
      if (delta.keys.length || delta.storyIds.length || adds.length) {
        await store.indexRecord(delta, adds);
      }
      done.push(p);
      continue;
    }
    if (++lost >= MAX_INCIDENT_RACES) {
      const what = first.merged?.createKey ?? first.accusations[0]?.createKey;
      throw new IncidentContentionError(
        `${what} kept changing under concurrent writers (${MAX_INCIDENT_RACES} tries)`,
      );
    }
    // The winner may not have registered its keys yet: read it by the id this write tried.
    const winner = await store.getRecord(plan.next.id);
    if (winner) reread.set(winner.id, winner);
    const found = merged(await store.findRecords(keysOf(p), [storyId]), reread);
    view.remember(found);
    queue.unshift(...planArticle(p, () => found, opts));
  }
  return done;
}

/** Settles every report of one article; the updates to announce, and its background figures. */
export async function settleIncidents(
  deps: IncidentDeps,
  input: ArticleClaims,
  opts: PlanOptions = {},
): Promise<SettledIncidents> {
  const store = deps.incidentStore;
  const grouped = groupArticleClaims(input);
  const out: SettledIncidents = { announced: [], background: grouped.background, writes: 0 };
  const allKeys = reportKeys(grouped.incidents, grouped.accusations);
  if (allKeys.length === 0) return out;
  const view = new ArticleView(await store.findRecords(allKeys, [input.storyId]));
  const plans = planArticle(grouped, (keys, storyId) => view.find(keys, storyId), opts);
  for (const first of plans) {
    for (const { plan } of await settleOne(store, view, first, opts)) {
      if (plan.write !== 'none') out.writes++;
      const update = plan.update;
      if (update && !out.announced.some((a) => a.update.messageId === update.messageId))
        out.announced.push({ record: plan.next, update });
    }
  }
  return out;
}
