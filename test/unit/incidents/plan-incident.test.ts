import { describe, expect, it } from 'vitest';
import { updateMessage } from '../../../shared/alerts/update-message.ts';
import { groupArticleClaims } from '../../../shared/incidents/group-claims.ts';
import { messageIdFor, planIncidentUpdate } from '../../../shared/incidents/index.ts';
import type { Incident } from '../../../shared/incidents/types.ts';
import { accusation, article, articleClaims, figure, S } from '../../helpers/incident-builders.ts';
import { MemoryIncidents } from '../../helpers/memory-incidents.ts';

const day2 = { publishedAt: '2017-06-06T07:00:00.000Z', seenAt: '2017-06-06T07:30:00.000Z' };

function firstReport(store = new MemoryIncidents()) {
  const out = store.apply(
    articleClaims(article('a1', 'Reuters'), [figure({ quote: S.sohr22, qualifier: 'at_least' })]),
  );
  return { store, out };
}

describe('incident update planner', () => {
  it('announces the first report of an incident once', () => {
    const { store, out } = firstReport();
    expect(out).toHaveLength(1);
    const [{ record, update }] = out as [NonNullable<(typeof out)[0]>];
    expect(update.kind).toBe('first_report');
    expect(update.version).toBe(1);
    expect(update.messageId).toBe(messageIdFor(record.id, 1));
    const incident = store.incidents()[0] as Incident;
    expect(incident).toMatchObject({
      place: 'Raqqa',
      date: '2017-06-05',
      perpetrator: 'coalition',
    });
    expect(incident.accounts.map((a) => a.source)).toEqual(['Syrian Observatory for Human Rights']);
    expect(updateMessage(record, update).headline).toBe(
      'US-led coalition strike kills at least 22 civilians in Raqqa',
    );
  });

  it('a higher toll from the same source is a change "from X to Y"', () => {
    const { store } = firstReport();
    const out = store.apply(
      articleClaims(article('a2', 'AFP', day2), [figure({ count: 43, quote: S.sohr43 })]),
    );
    expect(out).toHaveLength(1);
    const u = out[0]?.update;
    expect(u?.kind).toBe('figure_revised');
    expect(u?.changes[0]).toMatchObject({
      type: 'figure_revised',
      from: { count: 22, qualifier: 'at_least' },
      to: { count: 43 },
    });
    const msg = updateMessage(out[0]?.record as Incident, u as NonNullable<typeof u>);
    expect(msg.headline).toContain('rises from at least 22 to 43');
    expect(msg.changes[0]).toMatch(
      /^Toll rises from at least 22 to 43 civilians killed, per Syrian Observatory/,
    );
    expect(msg.references).toEqual([messageIdFor(out[0]?.record.id ?? '', 1)]);
    expect(store.incidents()).toHaveLength(1);
  });

  it('a lower figure from another source is a disagreement, shown with the first in one message', () => {
    const { store } = firstReport();
    const out = store.apply(
      articleClaims(article('a2', 'SANA', day2), [
        figure({ count: 15, quote: S.whiteHelmets15, source: 'Civil defence workers' }),
      ]),
    );
    expect(out).toHaveLength(1);
    const { record, update } = out[0] as NonNullable<(typeof out)[0]>;
    expect(update.kind).toBe('disagreement');
    expect(update.changes[0]).toMatchObject({
      type: 'disagreement',
      value: { count: 15 },
      others: [{ source: 'Syrian Observatory for Human Rights', value: { count: 22 } }],
    });
    const msg = updateMessage(record, update);
    expect(msg.accounts.map((a) => [a.source, a.figures])).toEqual([
      ['Syrian Observatory for Human Rights', 'at least 22 civilians killed'],
      ['Civil defence workers', '15 civilians killed'],
    ]);
    expect(msg.facts.find((f) => f.label === 'What')?.value).toBe(
      '15 to 22 civilians killed (2 accounts)',
    );
    expect(msg.headline).toBe(
      'Sources differ on toll of US-led coalition strike in Raqqa: 15 to 22 civilians killed',
    );
    expect(msg.changes.join(' ')).not.toMatch(/corroborat|confirm/i);
  });

  it('a higher figure from another source is a disagreement too, not a revision', () => {
    const { store } = firstReport();
    const out = store.apply(
      articleClaims(article('a2', 'TASS', day2), [
        figure({ count: 60, quote: S.russia60, source: 'Russian Defence Ministry' }),
      ]),
    );
    expect(out.map((o) => o.update.kind)).toEqual(['disagreement']);
    const incident = store.incidents()[0] as Incident;
    expect(incident.tallies[0]).toMatchObject({ min: 22, max: 60, accounts: 2 });
  });

  it('the toll rises per one source while another gives its own figure: one message with both', () => {
    const { store } = firstReport();
    const out = store.apply(
      articleClaims(article('a2', 'TASS', day2), [
        figure({ count: 43, quote: S.sohr43 }),
        figure({ count: 60, quote: S.russia60, source: 'Russian Defence Ministry' }),
      ]),
    );
    expect(out).toHaveLength(1);
    const msg = updateMessage(
      out[0]?.record as Incident,
      out[0]?.update as NonNullable<(typeof out)[0]>['update'],
    );
    expect(msg.changes[0]).toBe(
      'Toll rises from at least 22 to 43 civilians killed, per Syrian Observatory for Human Rights; 60 per Russian Defence Ministry',
    );
    expect(msg.changes[1]).toMatch(
      /^Sources disagree: 60 civilians killed per Russian Defence Ministry; 43 per Syrian/,
    );
  });

  it('a repeat from another outlet adds the outlet and sends nothing', () => {
    const { store } = firstReport();
    const out = store.apply(
      articleClaims(article('a2', 'AP'), [figure({ quote: S.sohr22, qualifier: 'at_least' })]),
    );
    expect(out).toEqual([]);
    const incident = store.incidents()[0] as Incident;
    expect(incident.version).toBe(2);
    expect(incident.changedBy).toBe('a2');
    expect(incident.reports.map((r) => r.outlet)).toEqual(['Reuters', 'AP']);
    expect(incident.accounts[0]?.outlets).toEqual(['Reuters', 'AP']);
  });

  it('a copy of the first report read after the revision repeats it: no disagreement', () => {
    // The outlet is the source of its own unattributed figures: a mirror's copy of them is
    // another source stating the figure the outlet gave before it revised it.
    const store = new MemoryIncidents();
    const own = (id: string, outlet: string, count: number) =>
      articleClaims(article(id, outlet), [
        figure({
          count,
          source: outlet,
          quote: `At least ${count} civilians were killed in Raqqa.`,
        }),
      ]);
    store.apply(own('a1', 'Sputnik', 10));
    const [revised] = store.apply(own('a2', 'Sputnik', 20));
    expect(revised?.update.kind).toBe('figure_revised');
    expect(store.apply(own('m1', 'Mirror Wire', 10))).toEqual([]);
    // A value nobody ever gave is still a disagreement.
    const [other] = store.apply(own('b1', 'Reuters', 12));
    expect(other?.update.kind).toBe('disagreement');
  });

  it('the same figure from another source corroborates silently', () => {
    const { store } = firstReport();
    const out = store.apply(
      articleClaims(article('a2', 'Al Jazeera'), [
        figure({
          quote: S.sohr22,
          qualifier: 'at_least',
          source: 'Raqqa is Being Slaughtered Silently',
        }),
      ]),
    );
    expect(out).toEqual([]);
    expect(store.incidents()[0]?.accounts).toHaveLength(2);
  });

  it('"84 civilians including 30 children" is one incident with a total and a sub-figure', () => {
    const store = new MemoryIncidents();
    const out = store.apply(
      articleClaims(article('a1', 'Reuters'), [
        figure({ count: 84, qualifier: 'at_least', quote: S.first84 }),
        figure({
          count: 30,
          victims: 'children',
          quote: S.first84,
          place: null,
          date: null,
          subFigureOf: 0,
        }),
      ]),
    );
    expect(out).toHaveLength(1);
    const incident = store.incidents()[0] as Incident;
    expect(incident.tallies).toMatchObject([
      { victims: 'civilians', partOf: null, min: 84 },
      { victims: 'children', partOf: 'civilians', min: 30 },
    ]);
    const msg = updateMessage(incident, out[0]?.update as NonNullable<(typeof out)[0]>['update']);
    expect(msg.headline).toBe('US-led coalition strike kills at least 84 civilians in Raqqa');
    expect(msg.facts[0]?.value).toBe('At least 84 civilians killed, including 30 children');
    expect(msg.accounts[0]?.quotes).toEqual([S.first84]);
  });

  it('spelling variants of the place are one incident', () => {
    const { store } = firstReport();
    for (const [i, place] of ['Raqqah', 'al-Raqqa', 'Raqa', 'Raqqa province'].entries()) {
      store.apply(
        articleClaims(article(`v${i}`, `Outlet${i}`), [
          figure({ quote: S.sohr22, qualifier: 'at_least', place }),
        ]),
      );
    }
    expect(store.incidents()).toHaveLength(1);
    expect(store.incidents()[0]?.reportCount).toBe(5);
  });

  it('a report of the same incident the next day joins it; three days later is another incident', () => {
    const { store } = firstReport();
    const next = store.apply(
      articleClaims(article('a2', 'AP', day2), [
        figure({ count: 43, quote: S.sohr43, date: '2017-06-06' }),
      ]),
    );
    expect(next.map((o) => o.update.kind)).toEqual(['figure_revised']);
    const later = store.apply(
      articleClaims(article('a3', 'AP'), [
        figure({ count: 9, quote: S.sohr22, date: '2017-06-08' }),
      ]),
    );
    expect(later.map((o) => o.update.kind)).toEqual(['first_report']);
    expect(store.incidents()).toHaveLength(2);
  });

  it('a placeless report in the same story joins the placed incident', () => {
    const { store } = firstReport();
    const out = store.apply(
      articleClaims(
        article('a2', 'AP'),
        [figure({ count: 43, quote: S.sohr43, place: null })],
        [],
        {
          storyId: 'story-a1',
        },
      ),
    );
    expect(out.map((o) => o.update.kind)).toEqual(['figure_revised']);
    expect(store.incidents()).toHaveLength(1);
  });

  it('a new accusation about the incident is an update of it', () => {
    const { store } = firstReport();
    const out = store.apply(
      articleClaims(article('a2', 'TASS', day2), [], [accusation({ quote: S.russiaAccuses })]),
    );
    expect(out).toHaveLength(1);
    expect(out[0]?.record.kind).toBe('incident');
    expect(out[0]?.update.kind).toBe('accusation');
    const msg = updateMessage(
      out[0]?.record as Incident,
      out[0]?.update as NonNullable<(typeof out)[0]>['update'],
    );
    expect(msg.headline).toBe(
      'Russia accuses the US-led coalition over strike in Raqqa that killed at least 22 civilians',
    );
    expect(msg.accusations).toMatchObject([
      {
        accuser: 'Russian Defence Ministry',
        accused: 'the US-led coalition',
        allegation: 'killed civilians in Raqqa',
        isNew: true,
      },
    ]);
    // The same accusation reported again by another outlet: nothing new.
    expect(
      store.apply(
        articleClaims(article('a3', 'RT', day2), [], [accusation({ quote: S.russiaAccuses })]),
      ),
    ).toEqual([]);
  });

  it('an accusation about neither the coalition nor an incident of the topic is stored, not of the topic', () => {
    const { store } = firstReport();
    const out = store.apply(
      articleClaims(
        article('a2', 'Reuters'),
        [],
        [
          accusation({
            accuser: 'un',
            accused: 'syria_gov',
            accuserName: 'The UN',
            accusedName: 'the Syrian government',
            allegation: 'obstructing aid to Aleppo',
            place: 'Aleppo',
            quote: S.unAid,
          }),
        ],
      ),
    );
    expect(out).toHaveLength(1);
    expect(out[0]?.record).toMatchObject({ kind: 'accusation', ofTopic: false });
    expect(store.incidents()[0]?.accusations).toEqual([]);
  });

  it('a coalition strike beyond Syria (Mosul) is stored but not of the topic', () => {
    const store = new MemoryIncidents();
    const out = store.apply(
      articleClaims(article('a1', 'Reuters'), [
        figure({
          place: 'Mosul',
          quote: 'At least 22 civilians were killed in coalition air strikes in Mosul.',
        }),
      ]),
    );
    expect(out[0]?.record).toMatchObject({ kind: 'incident', place: 'Mosul', ofTopic: false });
  });

  it('a coalition accusation with no incident is its own record, of the topic', () => {
    const store = new MemoryIncidents();
    const out = store.apply(
      articleClaims(
        article('a1', 'TASS'),
        [],
        [accusation({ quote: S.russiaAccuses, place: null })],
      ),
    );
    expect(out[0]?.record).toMatchObject({ kind: 'accusation', ofTopic: true });
  });

  it('several claims of one article about one incident make one update', () => {
    const { store } = firstReport();
    const out = store.apply(
      articleClaims(
        article('a2', 'TASS', day2),
        [
          figure({ count: 43, quote: S.sohr43 }),
          figure({
            count: 50,
            outcome: 'injured',
            victims: 'people',
            qualifier: 'more_than',
            quote: S.injured50,
            source: 'local medics',
          }),
          figure({ count: 60, quote: S.russia60, source: 'Russian Defence Ministry' }),
        ],
        [accusation({ quote: S.russiaAccuses })],
      ),
    );
    expect(out).toHaveLength(1);
    expect(out[0]?.update.changes.map((c) => c.type)).toEqual([
      'figure_revised',
      'new_figure',
      'disagreement',
      'accusation',
    ]);
  });

  it('names the perpetrator when a later report does, and shows a contradicting one', () => {
    const store = new MemoryIncidents();
    store.apply(
      articleClaims(article('a1', 'Reuters'), [
        figure({ quote: S.sohr22, perpetrator: null, perpetratorName: null }),
      ]),
    );
    const named = store.apply(articleClaims(article('a2', 'AP'), [figure({ quote: S.sohr22 })]));
    expect(named[0]?.update.changes).toMatchObject([
      { type: 'perpetrator', actor: 'coalition', contradicts: null },
    ]);
    const disputed = store.apply(
      articleClaims(article('a3', 'Coalition'), [
        figure({ quote: S.sohr22, perpetrator: 'isis', perpetratorName: 'Islamic State shelling' }),
      ]),
    );
    // The same figure ties it to the incident: one incident whose perpetrator is disputed.
    expect(disputed[0]?.update.changes).toMatchObject([
      { type: 'perpetrator', actor: 'isis', contradicts: { actor: 'coalition' } },
    ]);
    const msg = updateMessage(
      disputed[0]?.record as Incident,
      disputed[0]?.update as NonNullable<(typeof disputed)[0]>['update'],
    );
    expect(msg.headline).toBe(
      'Who carried out the strike in Raqqa is disputed: the US-led coalition or Islamic State',
    );
    expect(msg.facts.find((f) => f.label === 'Perpetrator')?.value).toContain(
      'disputed: Islamic State (“Islamic State shelling”) per Coalition',
    );
    // Another perpetrator with another figure at the same place and day is another incident.
    const other = store.apply(
      articleClaims(article('a4', 'SANA'), [
        figure({ count: 5, victims: 'soldiers', quote: S.sohr22, perpetrator: 'isis' }),
      ]),
    );
    expect(other.map((d) => d.update.kind)).toEqual(['first_report']);
    expect(store.incidents()).toHaveLength(2);
  });

  it('a re-run of the same article reproduces the same update and writes nothing', () => {
    const { store, out } = firstReport();
    const again = firstReport(store).out;
    expect(again).toHaveLength(1);
    expect(again[0]?.update).toEqual({ ...out[0]?.update, replay: true });
    const second = store.apply(
      articleClaims(article('a2', 'AFP', day2), [figure({ count: 43, quote: S.sohr43 })]),
    );
    const writes = store.writes;
    const replay = store.apply(
      articleClaims(article('a2', 'AFP', day2), [figure({ count: 43, quote: S.sohr43 })]),
    );
    expect(replay[0]?.update.messageId).toBe(second[0]?.update.messageId);
    expect(store.writes).toBe(writes);
  });

  it('concurrent workers: the loser of the conditional write re-plans against the winner', () => {
    const { store } = firstReport();
    const known = store.incidents()[0] as Incident;
    const [rA] = groupArticleClaims(
      articleClaims(article('a2', 'AFP', day2), [figure({ count: 43, quote: S.sohr43 })]),
    ).incidents;
    const [rB] = groupArticleClaims(
      articleClaims(article('a3', 'TASS', day2), [
        figure({ count: 60, quote: S.russia60, source: 'Russian Defence Ministry' }),
      ]),
    ).incidents;
    if (!rA || !rB) throw new Error('no reports');
    const a = planIncidentUpdate(known, rA);
    const b = planIncidentUpdate(known, rB);
    store.write(a);
    expect(() => store.write(b)).toThrow(/not at version 1/);
    const retry = planIncidentUpdate(store.incidents()[0] as Incident, rB);
    store.write(retry);
    expect([a.update?.version, retry.update?.version]).toEqual([2, 3]);
    expect(retry.update?.changes[0]).toMatchObject({
      type: 'disagreement',
      others: [{ value: { count: 43 } }],
    });
  });

  it('ids are deterministic: two independent runs name the same records and messages', () => {
    const run = () => {
      const s = new MemoryIncidents();
      const a = s.apply(articleClaims(article('a1', 'Reuters'), [figure({ quote: S.sohr22 })]));
      const b = s.apply(
        articleClaims(article('a2', 'AFP', day2), [figure({ count: 43, quote: S.sohr43 })]),
      );
      return [...a, ...b].map((x) => [x.record.id, x.update.messageId]);
    };
    expect(run()).toEqual(run());
  });

  it('an incident is only created from figures', () => {
    const [report] = groupArticleClaims(
      articleClaims(article('a1', 'Reuters'), [figure({ quote: S.sohr22 })]),
    ).incidents;
    if (!report) throw new Error('no report');
    const plan = planIncidentUpdate(null, { ...report, figures: [] });
    expect(plan).toMatchObject({ write: 'none', update: null });
  });

  it('a flooded incident stays a storable DynamoDB item (under 400 KB)', () => {
    const { store } = firstReport();
    const long = `${'A very long hostile sentence. '.repeat(200)}`;
    const victims = [
      'civilians',
      'children',
      'women',
      'men',
      'soldiers',
      'fighters',
      'people',
    ] as const;
    for (let i = 0; i < 400; i++) {
      const figures = Array.from({ length: 16 }, (_, j) =>
        figure({
          count: 100 + i + j,
          victims: victims[j % victims.length],
          outcome: j % 2 ? 'injured' : 'killed',
          quote: long,
          source: `Source ${i}-${j} ${'x'.repeat(500)}`,
        }),
      );
      const accusations = Array.from({ length: 5 }, (_, k) =>
        accusation({
          accuser: k % 2 ? 'russia' : 'syria_gov',
          allegation: `${k} ${long}`,
          quote: long,
          accusedName: `n${i}`,
        }),
      );
      store.apply(
        articleClaims(
          article(`f${i}`, `Outlet ${i} ${'y'.repeat(400)}`, { title: long }),
          figures,
          accusations,
        ),
      );
    }
    const incident = store.incidents()[0] as Incident;
    expect(incident.reportCount).toBe(401);
    expect(new TextEncoder().encode(JSON.stringify(incident)).length).toBeLessThan(350_000);
  });
});
