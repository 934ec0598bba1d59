import { type ArticleClaims, groupArticleClaims } from '../../shared/incidents/group-claims.ts';
import type { PlanOptions } from '../../shared/incidents/index.ts';
import { planArticle } from '../../shared/incidents/plan-article.ts';
import type {
  AccusationRecord,
  Incident,
  Plan,
  RecordUpdate,
  TrackedRecord,
} from '../../shared/incidents/types.ts';

// The storage the README describes, in memory, driven only by the pure functions: identity key
// items (key -> record id, created if absent), a story index (story -> incident ids, a set),
// records written with conditional creates and version-conditional replaces. Tests use it to run
// articles through the model as the wiring step will.

export interface Announced {
  record: TrackedRecord;
  update: RecordUpdate;
}

export class ConditionFailed extends Error {
  override name = 'ConditionFailed';
}

export class MemoryIncidents {
  readonly records = new Map<string, TrackedRecord>();
  readonly keys = new Map<string, string>();
  readonly stories = new Map<string, Set<string>>();
  writes = 0;

  constructor(readonly opts: PlanOptions = {}) {}

  incidents(): Incident[] {
    return [...this.records.values()].filter((r): r is Incident => r.kind === 'incident');
  }

  accusationRecords(): AccusationRecord[] {
    return [...this.records.values()].filter((r): r is AccusationRecord => r.kind === 'accusation');
  }

  /** Records under the keys, plus (for incidents) the story's incidents. */
  candidates<T extends TrackedRecord>(
    kind: T['kind'],
    keys: string[],
    storyId: string | null,
  ): T[] {
    const ids = new Set(keys.map((k) => this.keys.get(k)).filter((x): x is string => Boolean(x)));
    if (storyId) for (const id of this.stories.get(storyId) ?? []) ids.add(id);
    return [...ids].map((id) => this.records.get(id)).filter((r): r is T => r?.kind === kind);
  }

  write<T extends TrackedRecord>(plan: Plan<T>): void {
    const { next } = plan;
    if (plan.write === 'create') {
      if (this.records.has(next.id)) throw new ConditionFailed(`${next.id} exists`);
      this.records.set(next.id, next);
    } else if (plan.write === 'replace') {
      if (this.records.get(next.id)?.version !== plan.expectedVersion) {
        throw new ConditionFailed(`${next.id} is not at version ${plan.expectedVersion}`);
      }
      this.records.set(next.id, next);
    }
    if (plan.write !== 'none') this.writes++;
    for (const k of [...next.keys, ...plan.addedKeys])
      if (!this.keys.has(k)) this.keys.set(k, next.id);
    if (next.kind === 'incident') {
      for (const s of next.storyIds) {
        const set = this.stories.get(s) ?? new Set<string>();
        set.add(next.id);
        this.stories.set(s, set);
      }
    }
  }

  /** Everything one article says, planned and written; the updates to announce. */
  apply(input: ArticleClaims): Announced[] {
    const grouped = groupArticleClaims(input);
    const out: Announced[] = [];
    const find = (keys: readonly string[], storyId: string) => [
      ...this.candidates<Incident>('incident', [...keys], storyId),
      ...this.candidates<AccusationRecord>('accusation', [...keys], null),
    ];
    for (const { plan } of planArticle(grouped, find, this.opts)) {
      this.write(plan);
      if (plan.update) out.push({ record: plan.next, update: plan.update });
    }
    return out;
  }
}
