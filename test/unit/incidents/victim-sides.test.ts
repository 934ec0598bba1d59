// Two sides' fighters or soldiers in one incident (issue 14 follow-up): the measure is outcome x
// victims x side, so "4 YPG fighters" and "22 IS fighters" are two tallies, never a range "4 to
// 22 fighters" nor a disagreement; a same-side higher figure is still a revision; records stored
// before the side was kept read as side null.

import { describe, expect, it } from 'vitest';
import { renderEmailUpdate } from '../../../shared/alerts/update-email.ts';
import { updateMessage } from '../../../shared/alerts/update-message.ts';
import { renderSlackUpdate } from '../../../shared/alerts/update-slack.ts';
import { tallies } from '../../../shared/incidents/accounts.ts';
import type { Incident } from '../../../shared/incidents/types.ts';
import { article, articleClaims, figure } from '../../helpers/incident-builders.ts';
import { MemoryIncidents } from '../../helpers/memory-incidents.ts';

const day2 = { publishedAt: '2017-06-06T07:00:00.000Z', seenAt: '2017-06-06T07:30:00.000Z' };
const CLASH = 'Clashes killed 4 YPG fighters and 22 IS fighters near Kobane the Observatory said.';
const fighters = (count: number, victimSide: 'sdf' | 'isis' | null, quote = CLASH) =>
  figure({
    count,
    victims: 'fighters',
    victimSide,
    quote,
    place: 'Kobane',
    perpetrator: null,
    perpetratorName: null,
  });

function clash(store = new MemoryIncidents()) {
  const out = store.apply(
    articleClaims(article('a1', 'Reuters'), [fighters(4, 'sdf'), fighters(22, 'isis')]),
  );
  return { store, out };
}

describe('victim sides in an incident', () => {
  it('two sides of one incident are two tallies, both shown, no range across them', () => {
    const { store, out } = clash();
    expect(out).toHaveLength(1);
    const incident = store.incidents()[0] as Incident;
    expect(incident.tallies.map((t) => [t.victimSide, t.min, t.max])).toEqual([
      ['sdf', 4, 4],
      ['isis', 22, 22],
    ]);
    const [{ record, update }] = out as [NonNullable<(typeof out)[0]>];
    expect(update.kind).toBe('first_report');
    const msg = updateMessage(record, update);
    expect(msg.headline).toBe('Strike kills 22 IS fighters in Kobane');
    const what = msg.facts.find((f) => f.label === 'What')?.value;
    expect(what).toBe('4 SDF fighters killed; 22 IS fighters killed');
    expect(msg.accounts[0]?.figures).toBe('4 SDF fighters killed; 22 IS fighters killed');
    expect(JSON.stringify(msg)).not.toMatch(/4 to 22/);
    const slack = JSON.stringify(renderSlackUpdate(msg));
    const email = renderEmailUpdate(msg, 'sub', { from: 'alerts@strikewatch.example' });
    for (const out of [slack, email.text, email.html]) {
      expect(out).toContain('22 IS fighters killed');
      expect(out).toContain('4 SDF fighters killed');
      expect(out).not.toMatch(/4 to 22/);
    }
  });

  it('another source giving one side is no disagreement with the other side', () => {
    const { store } = clash();
    const out = store.apply(
      articleClaims(article('a2', 'AFP', day2), [
        {
          ...fighters(22, 'isis', 'Kurdish forces said 22 IS fighters were killed in Kobane.'),
          source: 'Kurdish forces',
        },
      ]),
    );
    // The same value from another source: recorded, not announced.
    expect(out).toHaveLength(0);
    const incident = store.incidents()[0] as Incident;
    expect(incident.tallies.find((t) => t.victimSide === 'isis')?.accounts).toBe(2);
    expect(incident.tallies.find((t) => t.victimSide === 'sdf')?.accounts).toBe(1);
  });

  it('a same-side higher figure from the same source is a revision "from X to Y"', () => {
    const { store } = clash();
    const quote = 'The toll of IS fighters killed in Kobane rose to 30 the Observatory said.';
    const out = store.apply(
      articleClaims(article('a2', 'AFP', day2), [fighters(30, 'isis', quote)]),
    );
    expect(out).toHaveLength(1);
    const { record, update } = out[0] as NonNullable<(typeof out)[0]>;
    expect(update.kind).toBe('figure_revised');
    expect(update.changes[0]).toMatchObject({
      type: 'figure_revised',
      measure: { victims: 'fighters', victimSide: 'isis' },
      from: { count: 22 },
      to: { count: 30 },
    });
    const msg = updateMessage(record, update);
    expect(msg.changes[0]).toMatch(/^Toll rises from 22 to 30 IS fighters killed, per /);
    const incident = store.incidents()[0] as Incident;
    expect(incident.tallies.map((t) => [t.victimSide, t.max])).toEqual([
      ['sdf', 4],
      ['isis', 30],
    ]);
  });

  it('another source with another count of one side disagrees on that side only', () => {
    const { store } = clash();
    const quote = 'Kurdish forces said 25 IS fighters were killed in Kobane.';
    const out = store.apply(
      articleClaims(article('a2', 'AFP', day2), [
        { ...fighters(25, 'isis', quote), source: 'Kurdish forces' },
      ]),
    );
    const { record, update } = out[0] as NonNullable<(typeof out)[0]>;
    expect(update.kind).toBe('disagreement');
    expect(update.changes[0]).toMatchObject({
      measure: { victimSide: 'isis' },
      others: [{ value: { count: 22 } }],
    });
    expect(updateMessage(record, update).headline).toMatch(/: 22 to 25 IS fighters killed$/);
  });

  it('a figure that leaves the side unsaid is the side of the only one the incident names', () => {
    const store = new MemoryIncidents();
    store.apply(articleClaims(article('a1', 'Reuters'), [fighters(22, 'isis')]));
    const quote = 'Activists said 22 fighters were killed in Kobane.';
    const out = store.apply(
      articleClaims(article('a2', 'AFP', day2), [
        { ...fighters(22, null, quote), source: 'Activists' },
      ]),
    );
    expect(out).toHaveLength(0);
    const incident = store.incidents()[0] as Incident;
    expect(incident.tallies).toHaveLength(1);
    expect(incident.tallies[0]).toMatchObject({ victimSide: 'isis', accounts: 2 });
  });

  it('a side stated later for a value known without it names the stored figure too', () => {
    const store = new MemoryIncidents();
    store.apply(
      articleClaims(article('a1', 'Reuters'), [
        { ...fighters(22, null, 'Activists said 22 fighters were killed.'), source: 'Activists' },
      ]),
    );
    const out = store.apply(articleClaims(article('a2', 'AFP', day2), [fighters(22, 'isis')]));
    expect(out).toHaveLength(0);
    const incident = store.incidents()[0] as Incident;
    expect(incident.tallies).toEqual([
      expect.objectContaining({ victimSide: 'isis', min: 22, max: 22, accounts: 2 }),
    ]);
    expect(incident.accounts.flatMap((a) => a.figures.map((f) => f.victimSide))).toEqual([
      'isis',
      'isis',
    ]);
  });

  it('another value with the side unsaid stays of unknown side, apart from both sides', () => {
    const { store } = clash();
    const quote = 'At least 9 fighters were killed in Kobane activists said.';
    store.apply(
      articleClaims(article('a2', 'AFP', day2), [
        { ...fighters(9, null, quote), source: 'Activists' },
      ]),
    );
    const incident = store.incidents()[0] as Incident;
    expect(incident.tallies.map((t) => [t.victimSide ?? null, t.min, t.max])).toEqual([
      ['sdf', 4, 4],
      ['isis', 22, 22],
      [null, 9, 9],
    ]);
  });

  it('reads stored figures without the field as side null', () => {
    const old = {
      outcome: 'killed' as const,
      victims: 'fighters' as const,
      count: 18,
      max: null,
      qualifier: 'exact' as const,
      partOf: null,
      quote: '18 fighters were killed.',
      previous: null,
      articleId: 'a0',
    };
    const account = (sourceKey: string, f: typeof old & { victimSide?: 'isis' | null }) => ({
      sourceKey,
      source: sourceKey,
      outlet: 'Reuters',
      articleId: 'a0',
      url: 'https://reuters.example/a0',
      title: null,
      firstReportedAt: '2017-06-05T08:00:00.000Z',
      figures: [f],
      outlets: ['Reuters'],
    });
    const ts = tallies([
      account('a', old),
      account('b', { ...old, count: 11, victimSide: null }),
      account('c', { ...old, count: 30, victimSide: 'isis' }),
    ]);
    expect(ts.map((t) => [t.victimSide ?? null, t.min, t.max, t.accounts])).toEqual([
      [null, 11, 18, 2],
      ['isis', 30, 30, 1],
    ]);
  });
});
