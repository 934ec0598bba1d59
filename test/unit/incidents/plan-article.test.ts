import { describe, expect, it } from 'vitest';
import { groupArticleClaims } from '../../../shared/incidents/group-claims.ts';
import { planArticle } from '../../../shared/incidents/plan-article.ts';
import type { Incident, TrackedRecord } from '../../../shared/incidents/types.ts';
import { accusation, article, articleClaims, figure } from '../../helpers/incident-builders.ts';
import { MemoryIncidents } from '../../helpers/memory-incidents.ts';

// One article's reports planned together: two reports that choose one incident merge into one
// report, one write and one update, so none of their figures is lost; a copy of the article from
// another outlet then finds every figure and announces nothing.

const SOHR = 'Syrian Observatory for Human Rights';
// "A Russian strike killed 38 in Deir ez-Zor on Wednesday ... nine children were among them ...
// the monitor earlier gave a toll of 20": the later figures name no place, and the article's date
// is not the strike's, so the text alone does not place them.
const story = 'story-1';
const placed = figure({
  count: 38,
  place: 'Deir ez-Zor',
  date: '2017-10-18',
  perpetrator: null,
  perpetratorName: null,
  quote: 'An air strike killed 38 civilians in Deir ez-Zor on Wednesday, the monitor said.',
});
const children = figure({
  count: 9,
  victims: 'children',
  place: null,
  date: '2017-10-22',
  dateBasis: 'published',
  perpetrator: null,
  perpetratorName: null,
  quote: `The ${SOHR} said nine children were among those killed.`,
});
const earlier = figure({
  count: 20,
  victims: 'people',
  place: null,
  date: '2017-10-22',
  dateBasis: 'published',
  perpetrator: null,
  perpetratorName: null,
  quote: 'The monitor which earlier gave a toll of 20 said the dead included a family.',
});
const input = (id: string, outlet: string) =>
  articleClaims(article(id, outlet), [placed, children, earlier], [], { storyId: story });

const incidents = (rs: Iterable<TrackedRecord>) =>
  [...rs].filter((r): r is Incident => r.kind === 'incident');

describe('planning an article’s reports together', () => {
  it('two reports that choose one incident are one report: one update with every figure', () => {
    const grouped = groupArticleClaims(input('a1', 'Jordan Times'));
    expect(grouped.incidents).toHaveLength(2);
    const plans = planArticle(grouped, () => []);
    expect(plans).toHaveLength(1);
    const [plan] = plans;
    expect(plan?.incidents).toHaveLength(2);
    expect(plan?.plan.write).toBe('create');
    expect(plan?.plan.update?.kind).toBe('first_report');
    const next = plan?.plan.next as Incident;
    expect(next.place).toBe('Deir ez-Zor');
    const counts = next.accounts.flatMap((a) => a.figures.map((f) => `${f.count} ${f.victims}`));
    expect(counts.sort()).toEqual(['20 people', '38 civilians', '9 children']);
  });

  it('a copy of the article from another outlet adds the outlet and announces nothing', () => {
    const memory = new MemoryIncidents();
    expect(memory.apply(input('a1', 'Jordan Times'))).toHaveLength(1);
    // Another incident of the story: the copy's placeless report can no longer take the story's
    // only incident, it has to find its figures.
    memory.apply(
      articleClaims(
        article('a2', 'Jordan Times'),
        [figure({ count: 18, quote: 'A coalition strike in Raqqa killed 18 civilians.' })],
        [],
        { storyId: story },
      ),
    );
    const announced = memory.apply(input('m1', 'Mirror Wire'));
    expect(announced).toEqual([]);
    const deir = incidents(memory.records.values()).find((i) => i.place === 'Deir ez-Zor');
    expect(deir?.reports.map((r) => r.outlet)).toContain('Mirror Wire');
    expect(incidents(memory.records.values())).toHaveLength(2);
  });

  it('a re-run of the article plans no write and gives back the same update', () => {
    const memory = new MemoryIncidents();
    const [first] = memory.apply(input('a1', 'Jordan Times'));
    const grouped = groupArticleClaims(input('a1', 'Jordan Times'));
    const found = () => [...memory.records.values()];
    const plans = planArticle(grouped, found);
    expect(plans.map((p) => p.plan.write)).toEqual(['none']);
    expect(plans[0]?.plan.update?.messageId).toBe(first?.update.messageId);
    expect(plans[0]?.plan.update?.replay).toBe(true);
  });

  it('an accusation the article places in an incident it plans rides in that one update', () => {
    const blame = accusation({
      accuser: 'opposition',
      accuserName: 'the Syrian opposition',
      allegation: 'air strike killing 38 civilians in Deir ez-Zor',
      place: 'Deir ez-Zor',
      quote: 'The opposition said the strike killing 38 civilians in Deir ez-Zor was a crime.',
    });
    const claims = articleClaims(article('a1', 'Jordan Times'), [placed, children], [blame], {
      storyId: story,
    });
    const plans = planArticle(groupArticleClaims(claims), () => []);
    expect(plans).toHaveLength(1);
    expect((plans[0]?.plan.next as Incident | undefined)?.accusations).toHaveLength(1);
  });

  it('a placeless report placed by a later one is created placed, and the article’s accusations still find it', () => {
    // "At least 15 civilians were killed on Thursday ... more than 100 near Manbij on Friday":
    // the first names no place, the second does; the US and the coalition are one party.
    const unplaced = figure({
      count: 15,
      place: null,
      date: '2016-07-28',
      perpetrator: 'us',
      perpetratorName: 'US jets',
      source: 'TRT World',
      quote: 'At least 15 civilians were killed on Thursday in US air strikes, TRT World said.',
    });
    const manbij = figure({
      count: 100,
      qualifier: 'more_than',
      place: 'Manbij',
      date: '2016-07-29',
      source: 'TRT World',
      quote: 'Strikes near Manbij on Friday claimed more than 100 civilians, TRT World said.',
    });
    const amnesty = accusation({
      accuser: 'amnesty',
      accuserName: 'Amnesty International',
      place: null,
      allegation: 'failing to prevent civilian deaths',
      quote: 'Amnesty International called on the coalition to do more to prevent civilian deaths.',
    });
    const claims = articleClaims(article('t1', 'TRT World'), [unplaced, manbij], [amnesty], {
      storyId: story,
    });
    const plans = planArticle(groupArticleClaims(claims), () => []);
    expect(plans).toHaveLength(1);
    const next = plans[0]?.plan.next as Incident;
    expect(next.place).toBe('Manbij');
    expect(next.accusations.map((a) => a.accuser)).toEqual(['amnesty']);
    expect(plans[0]?.plan.update?.kind).toBe('first_report');
  });

  it('an accusation announced on its own stays a repeat when an incident it fits appears later', () => {
    // The Homs governor's article comes first (no incident yet: the accusation is its own
    // record); a wire report of the strike then makes the incident; a copy of the first article
    // must not announce the accusation again as news of the incident.
    const memory = new MemoryIncidents();
    const blame = accusation({
      accuser: 'syria_gov',
      accused: 'us',
      accuserName: 'Homs governor',
      accusedName: 'U.S.',
      place: 'Homs',
      allegation: 'attack causing deaths',
      quote: 'The Homs governor said the U.S. attack caused deaths but no big human losses.',
    });
    const governor = (id: string, outlet: string) =>
      articleClaims(article(id, outlet), [], [blame], { storyId: 'story-governor' });
    expect(memory.apply(governor('n1', 'NNA')).map((a) => a.update.kind)).toEqual(['accusation']);
    const strike = figure({
      count: 5,
      victims: 'people',
      place: 'Homs',
      date: '2017-06-05',
      perpetrator: 'us',
      quote: 'The US missile strike on the Homs air base killed five people, the governor said.',
    });
    memory.apply(articleClaims(article('s1', 'Sputnik'), [strike], [], { storyId: 'story-wire' }));
    expect(memory.apply(governor('m1', 'Mirror Wire'))).toEqual([]);
    const record = memory.accusationRecords()[0];
    expect(record?.reports.map((r) => r.outlet)).toEqual(['NNA', 'Mirror Wire']);
  });
});
