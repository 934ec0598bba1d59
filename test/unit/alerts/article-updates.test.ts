import { describe, expect, it } from 'vitest';
import { deliverDue } from '../../../shared/use-cases/deliver-alerts.ts';
import { raiseUpdateAlerts } from '../../../shared/use-cases/raise-alert.ts';
import { settleIncidents } from '../../../shared/use-cases/settle-incidents.ts';
import { type FakePipeline, fakePipeline, SLACK_URL } from '../../fakes/fake-pipeline.ts';
import { accusation, article, articleClaims, figure } from '../../helpers/incident-builders.ts';

// "Several claims from one article come in one message": an article's stand-alone accusations
// ride in its incident message for every subscriber who gets that message; a subscriber who
// wants only the accusation still gets it on its own; an accusation not of the topic never rides.

const raqqa = figure({
  count: 22,
  quote: 'US-led coalition air strikes killed 22 civilians in Raqqa on Sunday, a monitor said.',
});
// About another place than the article's incident: no incident takes it, it is its own record.
const russiaOnAleppo = accusation({
  place: 'Aleppo',
  allegation: 'bombing a hospital in Aleppo',
  quote: 'Russia accused the US-led coalition of bombing a hospital in Aleppo last week.',
});
const unOnAid = accusation({
  accuser: 'un',
  accused: 'syria_gov',
  accuserName: 'the UN',
  accusedName: 'the Syrian government',
  place: 'Aleppo',
  allegation: 'obstructing aid to Aleppo',
  quote: 'The UN accused the Syrian government of obstructing aid to Aleppo.',
});

const withSubscribers =
  (subscribers: Record<string, unknown>[]) => (base: Record<string, unknown>) => ({
    ...base,
    subscribers,
  });
const everything = { id: 'desk', slack: { webhookUrl: SLACK_URL } };
const accusationsOnly = {
  id: 'blame',
  slack: { webhookUrl: `${SLACK_URL}2` },
  filters: { kinds: ['accusation'] },
};
const syriaWatch = {
  id: 'syria',
  slack: { webhookUrl: `${SLACK_URL}3` },
  filters: { actors: ['syria_gov'] },
};

async function oneArticle(p: FakePipeline, accusations = [russiaOnAleppo]) {
  const input = articleClaims(article('a1', 'Wire'), [raqqa], accusations);
  const { announced } = await settleIncidents(p.deps, input);
  const now = p.clock.now().toISOString();
  const alerts = await raiseUpdateAlerts(p.deps, announced, {
    articleId: 'a1',
    feedId: 'wire',
    pollId: 'poll-1',
    now,
  });
  await deliverDue(p.deps);
  return { announced, alerts };
}

const postsTo = (p: FakePipeline, suffix: string) =>
  p.slack.posts
    .filter((x) => x.webhookUrl === `${SLACK_URL}${suffix}`)
    .map((x) => JSON.stringify(x.payload));

describe('one message per article', () => {
  it('an accusation of the article rides in its incident message: one message, both claims', async () => {
    const p = fakePipeline({ config: withSubscribers([everything]) });
    const { announced, alerts } = await oneArticle(p);
    expect(announced.map((a) => a.record.kind)).toEqual(['incident', 'accusation']);
    expect(alerts).toHaveLength(1);
    const [post, ...more] = postsTo(p, '');
    expect(more).toEqual([]);
    expect(post).toMatch(/22 civilians/);
    expect(post).toMatch(/Also in this article/);
    expect(post).toMatch(/bombing a hospital in Aleppo/);
    // The accusation is still its own record, queryable.
    expect(announced[1]?.record.kind).toBe('accusation');
  });

  it('a subscriber who wants the accusation but not the incident gets it alone', async () => {
    const p = fakePipeline({ config: withSubscribers([everything, accusationsOnly]) });
    const { alerts } = await oneArticle(p);
    expect(alerts).toHaveLength(2);
    expect(postsTo(p, '')).toHaveLength(1);
    const [alone, ...more] = postsTo(p, '2');
    expect(more).toEqual([]);
    expect(alone).toMatch(/bombing a hospital in Aleppo/);
    expect(alone).not.toMatch(/22 civilians/);
  });

  it('an accusation not of the topic does not ride: only its actors subscriber reads it', async () => {
    const p = fakePipeline({ config: withSubscribers([everything, syriaWatch]) });
    await oneArticle(p, [unOnAid]);
    const [lead, ...more] = postsTo(p, '');
    expect(more).toEqual([]);
    expect(lead).not.toMatch(/obstructing aid/);
    expect(postsTo(p, '3').join('\n')).toMatch(/obstructing aid/);
  });

  it('a re-run of the article queues the very same message and sends nothing again', async () => {
    const p = fakePipeline({ config: withSubscribers([everything]) });
    const first = await oneArticle(p);
    const again = await oneArticle(p);
    expect(again.alerts.map((a) => a.alertId)).toEqual(first.alerts.map((a) => a.alertId));
    expect(postsTo(p, '')).toHaveLength(1);
  });
});
