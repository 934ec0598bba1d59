import { beforeAll, describe, expect, it } from 'vitest';
import { groupArticleClaims } from '../../shared/incidents/group-claims.ts';
import { planIncidentUpdate } from '../../shared/incidents/index.ts';
import type { Incident } from '../../shared/incidents/types.ts';
import type { IncidentReader, IncidentStore } from '../../shared/ports/incident-store.ts';
import { article, articleClaims, figure } from './incident-builders.ts';

// What the incident settling and the analysts' reads rely on, asserted against the DynamoDB
// adapter (on dynalite) and the in-memory fake alike.

type Stores = { store: IncidentStore; reader: IncidentReader };

/** A first-report incident planned by the model from one article of the builders. */
function plannedIncident(id: string, place: string, date: string): Incident {
  const a = article(id, 'Reuters', { publishedAt: `${date}T08:00:00.000Z` });
  const grouped = groupArticleClaims(
    articleClaims(a, [figure({ place, date, quote: `22 civilians were killed in ${place}.` })]),
  );
  const report = grouped.incidents[0];
  if (!report) throw new Error('the builders gave no incident report');
  const plan = planIncidentUpdate(null, report, {}, []);
  return plan.next as Incident;
}

export function describeIncidentStoreContract(label: string, open: () => Promise<Stores>): void {
  describe(`incident store: ${label}`, () => {
    let s: Stores;
    beforeAll(async () => {
      s = await open();
    });

    it('creates once, replaces only at the expected version, finds by key and story', async () => {
      const inc = plannedIncident('c1', 'Raqqa', '2017-06-05');
      expect(await s.store.createRecord(inc)).toBe(true);
      expect(await s.store.createRecord(inc)).toBe(false);
      await s.store.indexRecord(inc, []);
      const next = { ...inc, version: inc.version + 1 };
      expect(await s.store.replaceRecord(next, inc.version + 5)).toBe(false);
      expect(await s.store.replaceRecord(next, inc.version)).toBe(true);
      const byKey = await s.store.findRecords([inc.keys[0] ?? ''], []);
      expect(byKey.map((r) => [r.id, r.version])).toEqual([[inc.id, inc.version + 1]]);
      const byStory = await s.store.findRecords([], inc.storyIds);
      expect(byStory.map((r) => r.id)).toEqual([inc.id]);
      expect((await s.store.getRecord(inc.id))?.version).toBe(inc.version + 1);
      expect(await s.store.findRecords(['inc|place:none|date:1999-01-01'], ['no-story'])).toEqual(
        [],
      );
    });

    it("indexes a record's keys and added keys at once; a key written again names the latest", async () => {
      // Keeping a key for the record that registered it first is the settle's part: it leaves
      // out the keys it found another record holding (settle-incidents.ts).
      const a = plannedIncident('k1', 'Mosul', '2017-07-01');
      const b = { ...plannedIncident('k2', 'Tabqa', '2017-07-01'), id: 'other-id' };
      await s.store.createRecord(a);
      await s.store.createRecord(b);
      await s.store.indexRecord(a, ['shared-key', 'a-key']);
      expect((await s.store.findRecords(['a-key'], [])).map((r) => r.id)).toEqual([a.id]);
      expect((await s.store.findRecords(a.keys, [])).map((r) => r.id)).toEqual([a.id]);
      await s.store.indexRecord(b, ['shared-key']);
      expect((await s.store.findRecords(['shared-key'], [])).map((r) => r.id)).toEqual([b.id]);
    });

    it('lists by incident date, newest first, a page at a time, and by place key', async () => {
      const days = ['2016-03-01', '2016-03-02', '2016-03-03'];
      for (const [i, d] of days.entries()) {
        const inc = plannedIncident(`l${i}`, 'Manbij', d);
        await s.store.createRecord(inc);
      }
      const sel = { kind: 'incident' as const, since: '2016-03-01', until: '2016-03-03' };
      const first = await s.reader.listRecords(sel, null, 2);
      expect(first.records.map((r) => r.date)).toEqual(['2016-03-03', '2016-03-02']);
      expect(first.cursor).not.toBeNull();
      const second = await s.reader.listRecords(sel, first.cursor, 2);
      expect(second.records.map((r) => r.date)).toEqual(['2016-03-01']);
      const placeKey = first.records[0]?.placeKey ?? undefined;
      const atPlace = await s.reader.listRecords({ kind: 'incident', placeKey }, null, 10);
      expect(atPlace.records).toHaveLength(3);
      const none = await s.reader.listRecords({ ...sel, kind: 'accusation' }, null, 10);
      expect(none).toEqual({ records: [], cursor: null });
    });
  });
}
