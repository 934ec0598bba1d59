import { describe, expect, it, vi } from 'vitest';
import { SecretNotReadyError } from '../../../shared/domain/errors.ts';
import { deliverDue } from '../../../shared/use-cases/deliver-alerts.ts';
import { raiseUpdateAlerts } from '../../../shared/use-cases/raise-alert.ts';
import { settleIncidents } from '../../../shared/use-cases/settle-incidents.ts';
import { type FakePipeline, fakePipeline } from '../../fakes/fake-pipeline.ts';
import { article, articleClaims, figure } from '../../helpers/incident-builders.ts';

// Routing of incident updates: immediate, into a digest, or beyond the caps into one overflow
// message per subscriber and hour; digests and overflows are outbox messages built once their
// period is over; a Slack secret not set yet waits without using attempts.

const PLACES = ['Raqqa', 'Aleppo', 'Deir ez-Zor', 'Manbij', 'Tabqa', 'Hasakah', 'Idlib', 'Homs'];

/** One article that reports an incident at each place: one update each. */
async function articleWith(p: FakePipeline, id: string, places: string[]) {
  const figures = places.map((place, i) =>
    figure({
      place,
      count: 20 + i,
      quote: `At least ${20 + i} civilians were killed in coalition strikes on ${place}.`,
    }),
  );
  const input = articleClaims(article(id, 'Wire'), figures);
  const { announced } = await settleIncidents(p.deps, input);
  const now = p.clock.now().toISOString();
  return raiseUpdateAlerts(p.deps, announced, {
    articleId: id,
    feedId: 'wire',
    pollId: 'poll-1',
    now,
  });
}

const slackOnly =
  (extra: Record<string, unknown> = {}) =>
  (base: Record<string, unknown>) => ({
    ...base,
    subscribers: [
      { id: 'desk', slack: { webhookUrl: 'https://hooks.slack.example/desk' }, ...extra },
    ],
  });

describe('routing updates', () => {
  it('an immediate subscriber beyond the per-article cap gets the rest in one overflow message after the hour', async () => {
    const p = fakePipeline({ config: slackOnly() });
    const alerts = await articleWith(p, 'a1', PLACES.slice(0, 5));
    expect(alerts).toHaveLength(5);
    await deliverDue(p.deps);
    const cap = p.config.delivery.caps.perArticle;
    expect(p.slack.posts).toHaveLength(cap);
    // The overflow is due once its hour is over: one message listing the other two.
    p.clock.advance(3_600_000);
    await deliverDue(p.deps);
    expect(p.slack.posts).toHaveLength(cap + 1);
    const overflow = JSON.stringify(p.slack.posts[cap]?.payload);
    expect(overflow).toMatch(/2 more updates held back/);
    await deliverDue(p.deps);
    expect(p.slack.posts).toHaveLength(cap + 1);
  });

  it('the per-subscriber hourly cap holds across articles', async () => {
    const p = fakePipeline({
      config: (base) => ({
        ...slackOnly()(base),
        delivery: { ...(base.delivery as object), caps: { perSubscriberPerHour: 4 } },
      }),
    });
    for (const [i, place] of PLACES.entries()) await articleWith(p, `a${i}`, [place]);
    await deliverDue(p.deps);
    expect(p.slack.posts).toHaveLength(4);
    p.clock.advance(3_600_000);
    await deliverDue(p.deps);
    expect(p.slack.posts).toHaveLength(5);
    expect(JSON.stringify(p.slack.posts[4]?.payload)).toMatch(/4 more updates held back/);
  });

  it('asks a full hourly counter once per article, not again for each slot', async () => {
    const p = fakePipeline({
      config: (base) => ({
        ...slackOnly()(base),
        delivery: { ...(base.delivery as object), caps: { perSubscriberPerHour: 2 } },
      }),
    });
    for (const [i, place] of PLACES.slice(0, 2).entries()) await articleWith(p, `a${i}`, [place]);
    const asked = vi.spyOn(p.deps.outbox, 'takeGroupSlots');
    const alerts = await articleWith(p, 'a9', [PLACES[5] ?? 'Homs']);
    expect(alerts).toHaveLength(1);
    expect(asked).toHaveBeenCalledTimes(1);
    await deliverDue(p.deps);
    expect(p.slack.posts).toHaveLength(2);
  });

  it('a digest subscriber gets one message for the period, whatever the caps', async () => {
    const p = fakePipeline({ config: slackOnly({ delivery: { digest: 'hourly' } }) });
    await articleWith(p, 'a1', PLACES.slice(0, 5));
    await articleWith(p, 'a2', PLACES.slice(5));
    await deliverDue(p.deps);
    expect(p.slack.posts).toEqual([]);
    p.clock.advance(3_600_000);
    await deliverDue(p.deps);
    expect(p.slack.posts).toHaveLength(1);
    const digest = JSON.stringify(p.slack.posts[0]?.payload);
    expect(digest).toMatch(/Hourly digest: 8 updates on 8 incidents/);
    for (const place of PLACES) expect(digest).toContain(place);
    p.clock.advance(3_600_000);
    await deliverDue(p.deps);
    expect(p.slack.posts).toHaveLength(1);
  });

  it('a replayed update (the article again after a crash) queues nothing new', async () => {
    const p = fakePipeline({ config: slackOnly() });
    const first = await articleWith(p, 'a1', ['Raqqa']);
    const again = await articleWith(p, 'a1', ['Raqqa']);
    expect(again.map((a) => a.alertId)).toEqual(first.map((a) => a.alertId));
    await deliverDue(p.deps);
    expect(p.slack.posts).toHaveLength(1);
  });
});

describe('a Slack secret not set yet', () => {
  it('reschedules the delivery without using an attempt, and names the secret to set', async () => {
    let ready = false;
    const p = fakePipeline({
      config: (base) => ({
        ...base,
        subscribers: [{ id: 'ops', slack: { webhookUrlSecret: 'ops-webhook' } }],
      }),
      secrets: {
        async read(id) {
          if (ready) return 'https://hooks.slack.example/ops';
          throw new SecretNotReadyError(id, `the Slack secret ${id} still holds its placeholder`, {
            retryAfterMs: 15 * 60_000,
          });
        },
      },
    });
    const [alert] = await articleWith(p, 'a1', ['Raqqa']);
    const id = alert?.alertId ?? '';
    for (let i = 0; i < p.config.delivery.maxAttempts + 2; i++) {
      expect(await deliverDue(p.deps)).toMatchObject({ sent: 0, failed: 0 });
      p.clock.advance(16 * 60_000);
    }
    const [waiting] = await p.store.outbox.listDeliveries(id);
    expect(waiting).toMatchObject({ status: 'pending', attempts: 0 });
    expect(waiting?.lastError).toContain('ops-webhook');
    ready = true;
    expect(await deliverDue(p.deps)).toMatchObject({ sent: 1 });
  });
});
