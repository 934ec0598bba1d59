import { describe, expect, it } from 'vitest';
import {
  buildDigest,
  type DeliveryMode,
  digestIdFor,
  isDue,
  overflowIdFor,
  periodWindow,
} from '../../../shared/alerts/digest.ts';
import { renderSlackDigest } from '../../../shared/alerts/digest-render.ts';
import {
  type CapUsage,
  type PendingMessage,
  planSends,
  type SendCaps,
} from '../../../shared/alerts/send-caps.ts';
import { updateMessage } from '../../../shared/alerts/update-message.ts';
import type { UpdateKind } from '../../../shared/incidents/types.ts';
import { article, articleClaims, figure, S } from '../../helpers/incident-builders.ts';
import { MemoryIncidents } from '../../helpers/memory-incidents.ts';

describe('digest periods', () => {
  it('hourly and daily windows in UTC, due once over', () => {
    expect(periodWindow('2017-06-05T10:42:13.000Z', 'hourly')).toEqual({
      period: 'hourly',
      key: '2017-06-05T10',
      start: '2017-06-05T10:00:00.000Z',
      end: '2017-06-05T11:00:00.000Z',
    });
    const day = periodWindow('2017-06-05T23:59:59.000Z', 'daily');
    expect(day).toMatchObject({ key: '2017-06-05', end: '2017-06-06T00:00:00.000Z' });
    expect(isDue(day, '2017-06-05T23:59:59.999Z')).toBe(false);
    expect(isDue(day, '2017-06-06T00:00:00.000Z')).toBe(true);
    expect(() => periodWindow('soon', 'daily')).toThrow(RangeError);
  });

  it('ids per (subscriber, period): the same digest on every run, another for another period', () => {
    const w = periodWindow('2017-06-05T10:00:00.000Z', 'daily');
    expect(digestIdFor('desk', w)).toBe(
      digestIdFor('desk', periodWindow('2017-06-05T22:00:00.000Z', 'daily')),
    );
    expect(digestIdFor('desk', w)).not.toBe(digestIdFor('other', w));
    expect(digestIdFor('desk', w)).not.toBe(overflowIdFor('desk', w));
  });
});

function updates() {
  const store = new MemoryIncidents();
  const a = store.apply(articleClaims(article('a1', 'Reuters'), [figure({ quote: S.sohr22 })]));
  const b = store.apply(
    articleClaims(article('a2', 'AFP'), [figure({ count: 43, quote: S.sohr43 })]),
  );
  const c = store.apply(
    articleClaims(article('a3', 'AP'), [
      figure({ count: 7, place: 'Idlib', quote: 'Seven people died in Idlib.', victims: 'people' }),
    ]),
  );
  return [...a, ...b, ...c].map((x) => updateMessage(x.record, x.update));
}

describe('digest message', () => {
  it('lists the updates of the period, one entry per incident with what changed', () => {
    const w = periodWindow('2017-06-05T09:00:00.000Z', 'daily');
    const d = buildDigest('digest', 'desk', w, updates());
    expect(d.title).toBe(
      'Daily digest: 3 updates on 2 incidents (5 June 2017, 00:00 UTC to 6 June 2017, 00:00 UTC)',
    );
    expect(d.entries.map((e) => [e.headline, e.lines.length, e.messageIds.length])).toEqual([
      ['Toll of US-led coalition strike in Raqqa rises from 22 to 43, per SOHR', 2, 2],
      ['US-led coalition strike kills 7 people in Idlib', 1, 1],
    ]);
    expect(d.entries[0]?.link?.outlet).toBe('AFP');
  });

  it('is bounded: "and N more"', () => {
    const w = periodWindow('2017-06-05T09:00:00.000Z', 'daily');
    const d = buildDigest('digest', 'desk', w, updates(), 1);
    expect(d).toMatchObject({ total: 3, more: 1 });
    expect(JSON.stringify(renderSlackDigest(d))).toContain('and 1 more');
  });

  it('the overflow message says how many more updates there are', () => {
    const w = periodWindow('2017-06-05T09:00:00.000Z', 'hourly');
    const d = buildDigest('overflow', 'desk', w, updates());
    expect(d.id).toBe(overflowIdFor('desk', w));
    expect(d.title).toBe(
      '3 more updates held back by the alert limits (5 June 2017, 09:00 UTC to 5 June 2017, 10:00 UTC)',
    );
  });
});

const caps: SendCaps = { perArticle: 2, perFeedPerPoll: 3, perSubscriberPerHour: 4 };
const empty: CapUsage = { feedPoll: {}, subscriberHour: {} };
const NOW = '2017-06-05T10:15:00.000Z';

function pending(
  n: number,
  over: Partial<PendingMessage> = {},
  kinds: UpdateKind[] = [],
): PendingMessage[] {
  return Array.from({ length: n }, (_, i) => ({
    messageId: `m${String(i).padStart(2, '0')}`,
    articleId: `a${i}`,
    feedId: 'feed1',
    pollId: 'p1',
    kind: kinds[i] ?? 'first_report',
    at: NOW,
    subscriberIds: ['desk'],
    ...over,
  }));
}

const routes = (d: { decisions: { route: string; messageId: string }[] }) =>
  d.decisions.map((x) => `${x.messageId}:${x.route}`);

describe('send caps', () => {
  it('per article: the weightiest updates go now, the rest into the overflow', () => {
    const kinds: UpdateKind[] = ['accusation', 'first_report', 'disagreement'];
    const plan = planSends(pending(3, { articleId: 'a1' }, kinds), {}, empty, NOW, caps);
    expect(routes(plan)).toEqual(['m01:send', 'm02:send', 'm00:overflow']);
    expect(plan.decisions[2]).toMatchObject({
      reason: 'article',
      window: { period: 'hourly', key: '2017-06-05T10' },
    });
  });

  it('per feed per poll, counting what earlier workers let through', () => {
    const plan = planSends(
      pending(3),
      {},
      { feedPoll: { 'feed1#p1': 2 }, subscriberHour: {} },
      NOW,
      caps,
    );
    expect(routes(plan)).toEqual(['m00:send', 'm01:overflow', 'm02:overflow']);
    expect(plan.usage.feedPoll['feed1#p1']).toBe(3);
    // Another poll of the same feed starts again.
    expect(routes(planSends(pending(1, { pollId: 'p2' }), {}, plan.usage, NOW, caps))).toEqual([
      'm00:send',
    ]);
  });

  it('per subscriber per hour; another subscriber is not held back', () => {
    const p = pending(3, { subscriberIds: ['desk', 'other'], feedId: 'f' }, []).map((m, i) => ({
      ...m,
      feedId: `f${i}`,
    }));
    const used = { feedPoll: {}, subscriberHour: { 'desk#2017-06-05T10': 3 } };
    const plan = planSends(p, {}, used, NOW, caps);
    expect(plan.decisions.map((d) => `${d.subscriberId}:${d.route}`)).toEqual([
      'desk:send',
      'other:send',
      'desk:overflow',
      'other:send',
      'desk:overflow',
      'other:send',
    ]);
    expect(plan.decisions[2]).toMatchObject({ reason: 'subscriber' });
    // The next hour has a fresh allowance.
    expect(routes(planSends(pending(1), {}, plan.usage, '2017-06-05T11:00:00.000Z', caps))).toEqual(
      ['m00:send'],
    );
  });

  it('digest subscribers get everything in their digest, past every cap', () => {
    const modes: Record<string, DeliveryMode> = { desk: { mode: 'digest', period: 'daily' } };
    const plan = planSends(pending(9, { articleId: 'a1' }), modes, empty, NOW, caps);
    expect(new Set(plan.decisions.map((d) => d.route))).toEqual(new Set(['digest']));
    expect(plan.decisions[0]).toMatchObject({ window: { period: 'daily', key: '2017-06-05' } });
  });

  it('20 items x 16 figures from one feed: a few messages and one overflow, not hundreds', () => {
    const flood = pending(320).map((m, i) => ({ ...m, articleId: `a${Math.floor(i / 16)}` }));
    const plan = planSends(flood, {}, empty, NOW, {
      perArticle: 3,
      perFeedPerPoll: 20,
      perSubscriberPerHour: 30,
    });
    const sent = plan.decisions.filter((d) => d.route === 'send');
    expect(sent).toHaveLength(20);
    expect(plan.decisions.filter((d) => d.route === 'overflow')).toHaveLength(300);
    // All overflow goes to one message per subscriber and hour.
    const buckets = new Set(
      plan.decisions
        .filter((d) => d.route === 'overflow')
        .map((d) => `${d.subscriberId}#${'window' in d ? d.window.key : ''}`),
    );
    expect(buckets.size).toBe(1);
  });

  it('is deterministic whatever the input order', () => {
    const p = pending(6, { articleId: 'a1' }, [
      'accusation',
      'new_figure',
      'first_report',
      'disagreement',
      'perpetrator',
      'figure_revised',
    ]);
    expect(planSends([...p].reverse(), {}, empty, NOW, caps)).toEqual(
      planSends(p, {}, empty, NOW, caps),
    );
  });
});
