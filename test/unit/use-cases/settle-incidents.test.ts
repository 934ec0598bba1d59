import { describe, expect, it } from 'vitest';
import { IncidentContentionError } from '../../../shared/domain/errors.ts';
import type { Incident, TrackedRecord } from '../../../shared/incidents/types.ts';
import { settleIncidents } from '../../../shared/use-cases/settle-incidents.ts';
import { InMemoryIncidentStore } from '../../fakes/incident-store.ts';
import { accusation, article, articleClaims, figure } from '../../helpers/incident-builders.ts';
import { MemoryIncidents } from '../../helpers/memory-incidents.ts';

// settleIncidents on the in-memory store (DynamoDB's decisions): the same records and updates as
// the pure model applied in memory, replays give the same message, and interleaved writers of
// one incident all land, one version each, with no account lost.

const SOHR = 'Syrian Observatory for Human Rights';
const q = (n: number, who = SOHR) => `${who} said ${n} civilians were killed in Raqqa.`;

const incidentsOf = (s: InMemoryIncidentStore) =>
  [...s.records.values()].filter((r): r is Incident => r.kind === 'incident');

describe('settleIncidents', () => {
  it('creates an incident on a first report and announces it once', async () => {
    const store = new InMemoryIncidentStore();
    const input = articleClaims(article('a1', 'Reuters'), [figure({ count: 22, quote: q(22) })]);
    const r = await settleIncidents({ incidentStore: store }, input);
    expect(r.announced).toHaveLength(1);
    expect(r.announced[0]?.update.kind).toBe('first_report');
    expect(r.announced[0]?.update.version).toBe(1);
    expect(incidentsOf(store)).toHaveLength(1);
    // The article again (a re-run after a crash): the same update, same message id, no write.
    const again = await settleIncidents({ incidentStore: store }, input);
    expect(again.writes).toBe(0);
    expect(again.announced[0]?.update.messageId).toBe(r.announced[0]?.update.messageId);
    expect(again.announced[0]?.update.replay).toBe(true);
  });

  it('gives the same records and updates as the pure model applied in memory', async () => {
    const store = new InMemoryIncidentStore();
    const memory = new MemoryIncidents();
    const inputs = [
      articleClaims(article('a1', 'Reuters'), [figure({ count: 22, quote: q(22) })]),
      articleClaims(article('a2', 'AFP'), [figure({ count: 22, quote: q(22) })]),
      articleClaims(article('a3', 'Reuters'), [figure({ count: 43, quote: q(43) })]),
      articleClaims(
        article('a4', 'RT'),
        [figure({ count: 60, source: 'Russian Defence Ministry', quote: q(60, 'Russia') })],
        [accusation({ quote: 'Russia accused the US-led coalition of killing civilians.' })],
      ),
    ];
    for (const input of inputs) {
      const mine = await settleIncidents({ incidentStore: store }, input);
      const theirs = memory.apply(input);
      expect(mine.announced.map((a) => a.update)).toEqual(theirs.map((a) => a.update));
    }
    const sorted = (rs: TrackedRecord[]) => [...rs].sort((a, b) => a.id.localeCompare(b.id));
    expect(sorted([...store.records.values()])).toEqual(sorted([...memory.records.values()]));
  });

  it('keeps background figures apart and makes no incident of them', async () => {
    const store = new InMemoryIncidentStore();
    const war = figure({
      count: 300_000,
      victims: 'people',
      background: true,
      place: null,
      date: null,
      quote: 'The war has killed 300,000 people.',
    });
    const r = await settleIncidents(
      { incidentStore: store },
      articleClaims(article('a1', 'BBC'), [war]),
    );
    expect(r.background).toHaveLength(1);
    expect(r.announced).toEqual([]);
    expect(store.records.size).toBe(0);
  });

  it('lets interleaved writers of one incident all land: versions 1..n, no account lost', async () => {
    const store = new InMemoryIncidentStore();
    const sources = ['SOHR', 'Airwars', 'White Helmets', 'Raqqa Is Being Slaughtered Silently'];
    // Every store call yields, so the four settles interleave at every await.
    const yielding = new Proxy(store, {
      get(target, prop, receiver) {
        const v = Reflect.get(target, prop, receiver);
        if (typeof v !== 'function') return v;
        return async (...args: unknown[]) => {
          await new Promise((r) => setImmediate(r));
          return v.apply(target, args);
        };
      },
    });
    const inputs = sources.map((source, i) =>
      articleClaims(
        article(`a${i}`, `Outlet ${i}`),
        [figure({ count: 20 + i, source, quote: q(20 + i, source) })],
        [],
        { storyId: `story-${i}` },
      ),
    );
    const results = await Promise.all(
      inputs.map((input) => settleIncidents({ incidentStore: yielding }, input)),
    );
    const [incident, ...others] = incidentsOf(store);
    expect(others).toEqual([]);
    expect(incident?.version).toBe(sources.length);
    expect(incident?.accounts.map((a) => a.source).sort()).toEqual([...sources].sort());
    const versions = results.flatMap((r) => r.announced.map((a) => a.update.version)).sort();
    expect(versions).toEqual([1, 2, 3, 4]);
    expect(new Set(results.flatMap((r) => r.announced.map((a) => a.update.messageId))).size).toBe(
      4,
    );
  });

  it('gives up with a named, retryable error on a record that never stops moving', async () => {
    const store = new InMemoryIncidentStore();
    const first = articleClaims(article('a1', 'Reuters'), [figure({ count: 22, quote: q(22) })]);
    await settleIncidents({ incidentStore: store }, first);
    const moving = Object.assign(Object.create(store) as InMemoryIncidentStore, {
      replaceRecord: async () => false,
    });
    const later = articleClaims(article('a2', 'Reuters'), [figure({ count: 43, quote: q(43) })]);
    const err = await settleIncidents({ incidentStore: moving }, later).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IncidentContentionError);
    expect((err as IncidentContentionError).retryable).toBe(true);
  });

  it('re-reads a lost create by its id when the winner has not registered its keys yet', async () => {
    const store = new InMemoryIncidentStore();
    const racer = articleClaims(article('a1', 'Reuters'), [figure({ count: 22, quote: q(22) })]);
    const deferred = Object.assign(Object.create(store) as InMemoryIncidentStore, {
      indexRecord: async () => {},
    });
    // The winner wrote its record but none of its keys.
    await settleIncidents({ incidentStore: deferred }, racer);
    const other = articleClaims(article('a2', 'AFP'), [
      figure({ count: 30, source: 'Airwars', quote: q(30, 'Airwars') }),
    ]);
    const r = await settleIncidents({ incidentStore: store }, other);
    const [incident, ...more] = incidentsOf(store);
    expect(more).toEqual([]);
    expect(incident?.accounts).toHaveLength(2);
    expect(r.announced[0]?.update.kind).toBe('disagreement');
  });

  it('a re-run registers the keys of its own records again (a crash came before them)', async () => {
    const store = new InMemoryIncidentStore();
    const crashed = Object.assign(Object.create(store) as InMemoryIncidentStore, {
      indexRecord: async () => {},
    });
    const input = articleClaims(article('a1', 'Reuters'), [figure({ count: 22, quote: q(22) })]);
    await settleIncidents({ incidentStore: crashed }, input);
    const [incident] = incidentsOf(store);
    expect(store.keys.size).toBe(0);
    // The re-run finds its record by the id it tried and registers its keys; a later report
    // then finds the incident by key.
    await settleIncidents({ incidentStore: store }, input);
    for (const k of incident?.keys ?? []) expect(store.keys.get(k)).toBe(incident?.id);
    const found = await store.findRecords(incident?.keys ?? [], []);
    expect(found.map((r) => r.id)).toEqual([incident?.id]);
  });

  it('a copy of an article filed under another story finds its stand-alone accusation by its sentence', async () => {
    const store = new InMemoryIncidentStore();
    const blame = accusation({
      accuser: 'russia',
      accused: 'coalition',
      place: null,
      allegation: 'killing civilians',
      quote: 'Russia accused the US-led coalition of killing civilians and demanded an inquiry.',
    });
    const original = articleClaims(article('a1', 'Daily Sabah'), [], [blame], { storyId: 's1' });
    const first = await settleIncidents({ incidentStore: store }, original);
    expect(first.announced.map((a) => a.update.kind)).toEqual(['accusation']);
    // The same text from a mirror outlet, joined to another story by the dedupe.
    const copy = articleClaims(article('m1', 'Mirror Wire'), [], [blame], { storyId: 's2' });
    const again = await settleIncidents({ incidentStore: store }, copy);
    expect(again.announced).toEqual([]);
    const records = [...store.records.values()];
    expect(records).toHaveLength(1);
    expect(records[0]?.reports.map((r) => r.outlet)).toEqual(['Daily Sabah', 'Mirror Wire']);
    // Another accusation of the same kind in other words, in that other story, is news.
    const other = accusation({
      ...blame,
      quote: 'Moscow blamed the coalition for the civilian deaths in the east of the country.',
    });
    const news = await settleIncidents(
      { incidentStore: store },
      articleClaims(article('a3', 'TASS'), [], [other], { storyId: 's3' }),
    );
    expect(news.announced).toHaveLength(1);
  });
});
