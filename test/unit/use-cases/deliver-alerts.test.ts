import { describe, expect, it } from 'vitest';
import { DeliveryError, StrikewatchError } from '../../../shared/domain/errors.ts';
import type { AlertRecord } from '../../../shared/domain/records.ts';
import { deliverDue, deliverOne } from '../../../shared/use-cases/deliver-alerts.ts';
import { raiseUpdateAlerts } from '../../../shared/use-cases/raise-alert.ts';
import { settleIncidents } from '../../../shared/use-cases/settle-incidents.ts';
import { secretsOf } from '../../fakes/channels.ts';
import { type FakePipeline, fakePipeline, SLACK_URL } from '../../fakes/fake-pipeline.ts';
import { article, articleClaims, figure } from '../../helpers/incident-builders.ts';

// The outbox worker on in-memory ports: each (message, subscriber) delivery sent once, retried
// with backoff while the failure may pass, failed and recorded when it cannot.

/** The message of a first report of 22 civilians killed at `place`, queued for delivery. */
async function alertOn(p: FakePipeline, place = 'Raqqa'): Promise<AlertRecord> {
  const quote = `At least 22 civilians were killed in coalition strikes on ${place}, a monitor said.`;
  const input = articleClaims(article(`a-${place}`, 'Wire'), [figure({ place, quote })]);
  const { announced } = await settleIncidents(p.deps, input);
  const now = p.clock.now().toISOString();
  const origin = { articleId: input.article.articleId, feedId: 'wire', pollId: now, now };
  const [alert] = await raiseUpdateAlerts(p.deps, announced, origin);
  if (!alert) throw new Error('the report announced nothing');
  return alert;
}

const statuses = async (p: FakePipeline, alertId: string) =>
  Object.fromEntries(
    (await p.store.outbox.listDeliveries(alertId)).map((d) => [d.subscriberId, d.status]),
  );

describe('deliverDue', () => {
  it('sends each due delivery once, on its channel, and a second sweep sends nothing', async () => {
    const p = fakePipeline();
    const alert = await alertOn(p);
    const report = await deliverDue(p.deps);
    expect(report).toEqual({ sent: 2, retried: 0, failed: 0, skipped: 0 });
    expect(p.slack.alertIds()).toEqual([alert.alertId]);
    expect(p.slack.posts[0]?.webhookUrl).toBe(SLACK_URL);
    expect(p.mailer.sent.map((m) => m.to)).toEqual(['desk@example.org']);
    expect(p.mailer.sent[0]?.from).toBe('strikewatch@example.org');
    expect(await statuses(p, alert.alertId)).toEqual({
      'analysts-slack': 'sent',
      'desk-email': 'sent',
    });
    expect(await deliverDue(p.deps)).toEqual({ sent: 0, retried: 0, failed: 0, skipped: 0 });
    expect(p.slack.posts).toHaveLength(1);
  });

  it('a nudge delivers only the alerts it names', async () => {
    const p = fakePipeline();
    const first = await alertOn(p);
    const second = await alertOn(p, 'Aleppo');
    await deliverDue(p.deps, { alertIds: [second.alertId] });
    expect(p.slack.alertIds()).toEqual([second.alertId]);
    expect(await statuses(p, first.alertId)).toEqual({
      'analysts-slack': 'pending',
      'desk-email': 'pending',
    });
  });

  it('retries what may pass (Slack 429 with Retry-After) and honours the wait', async () => {
    const p = fakePipeline();
    p.slack.respond = (n) => {
      if (n === 1)
        throw new DeliveryError('Slack 429 rate_limited', {
          retryable: true,
          retryAfterMs: 60_000,
        });
    };
    const alert = await alertOn(p);
    const start = p.clock.now().getTime();
    const report = await deliverDue(p.deps, { maxWaitMs: 120_000 });
    expect(report).toMatchObject({ sent: 2, retried: 1, failed: 0 });
    expect(p.slack.alertIds()).toEqual([alert.alertId]);
    // The second attempt came after the wait Slack asked for.
    expect(p.clock.now().getTime() - start).toBeGreaterThanOrEqual(60_000);
  });

  it('fails for good after maxAttempts, records why, and other deliveries are unaffected', async () => {
    const p = fakePipeline();
    p.mailer.respond = () => {
      throw new DeliveryError('SMTP 451 Temporary local problem', { retryable: true });
    };
    const alert = await alertOn(p);
    const report = await deliverDue(p.deps, { maxWaitMs: 60_000 });
    expect(report).toMatchObject({
      sent: 1,
      failed: 1,
      retried: p.config.delivery.maxAttempts - 1,
    });
    const [email] = (await p.store.outbox.listDeliveries(alert.alertId)).filter(
      (d) => d.channel === 'email',
    );
    expect(email).toMatchObject({ status: 'failed', attempts: p.config.delivery.maxAttempts });
    expect(email?.lastError).toMatch(/451/);
    expect(p.store.errorLog.errors).toEqual([
      expect.objectContaining({
        scope: 'delivery',
        code: 'delivery_failed',
        subject: `${alert.alertId}/desk-email`,
        message: expect.stringMatching(/after 3 attempts/),
      }),
    ]);
  });

  it('a permanent rejection (Slack 404) fails at once', async () => {
    const p = fakePipeline();
    p.slack.respond = () => {
      throw new DeliveryError('Slack 404 no_service', { retryable: false });
    };
    const alert = await alertOn(p);
    const report = await deliverDue(p.deps, { maxWaitMs: 60_000 });
    expect(report).toMatchObject({ sent: 1, failed: 1, retried: 0 });
    expect((await statuses(p, alert.alertId))['analysts-slack']).toBe('failed');
  });

  it('a named error that says it may pass (a secret not set yet) is retried, by its flag', async () => {
    class NotYet extends StrikewatchError {
      readonly code = 'not_yet';
      override readonly retryable = true;
    }
    let reads = 0;
    const p = fakePipeline({
      config: (base) => ({
        ...base,
        subscribers: [{ id: 'ops', slack: { webhookUrlSecret: 'ops-webhook' } }],
      }),
      secrets: {
        async read() {
          if (++reads === 1) throw new NotYet('the secret holds no value yet');
          return 'https://hooks.slack.example/ops';
        },
      },
    });
    const alert = await alertOn(p);
    const report = await deliverDue(p.deps, { maxWaitMs: 60_000 });
    expect(report).toMatchObject({ sent: 1, retried: 1, failed: 0 });
    expect(p.slack.posts.map((x) => x.webhookUrl)).toEqual(['https://hooks.slack.example/ops']);
    expect(p.slack.alertIds()).toEqual([alert.alertId]);
  });

  it('a secret that holds no webhook URL fails with what to do', async () => {
    const p = fakePipeline({
      config: (base) => ({
        ...base,
        subscribers: [{ id: 'ops', slack: { webhookUrlSecret: 'ops-webhook' } }],
      }),
      secrets: secretsOf({ 'ops-webhook': 'placeholder-generated-by-cdk' }),
    });
    const alert = await alertOn(p);
    expect(await deliverDue(p.deps)).toMatchObject({ failed: 1 });
    const [d] = await p.store.outbox.listDeliveries(alert.alertId);
    expect(d?.lastError).toMatch(/put-secret-value --secret-id ops-webhook/);
  });

  it('reads webhookUrlEnv from the environment the edge was started with', async () => {
    const sub = [{ id: 'ops', slack: { webhookUrlEnv: 'OPS_WEBHOOK' } }];
    const p = fakePipeline({
      config: (base) => ({ ...base, subscribers: sub }),
      env: { OPS_WEBHOOK: 'https://hooks.slack.example/from-env' },
    });
    await alertOn(p);
    await deliverDue(p.deps);
    expect(p.slack.posts.map((x) => x.webhookUrl)).toEqual([
      'https://hooks.slack.example/from-env',
    ]);
    const unset = fakePipeline({ config: (base) => ({ ...base, subscribers: sub }) });
    const alert = await alertOn(unset);
    expect(await deliverDue(unset.deps)).toMatchObject({ failed: 1 });
    expect((await unset.store.outbox.listDeliveries(alert.alertId))[0]?.lastError).toMatch(
      /OPS_WEBHOOK .*is not set/,
    );
  });

  it('email without an email channel configured fails with the reason', async () => {
    const p = fakePipeline();
    p.deps.mailer = null;
    const alert = await alertOn(p);
    expect(await deliverDue(p.deps)).toMatchObject({ sent: 1, failed: 1 });
    const email = (await p.store.outbox.listDeliveries(alert.alertId)).find(
      (d) => d.channel === 'email',
    );
    expect(email?.lastError).toMatch(/email delivery is not configured/);
  });
});

describe('deliverOne', () => {
  it('skips a delivery another worker holds, and takes it over when its lease has ended', async () => {
    const p = fakePipeline();
    const alert = await alertOn(p);
    const d = { alertId: alert.alertId, subscriberId: 'analysts-slack' };
    const now = p.clock.now().toISOString();
    const held = await p.store.outbox.claimDelivery(d.alertId, d.subscriberId, 'other', now, now);
    expect(held).not.toBeNull();
    p.clock.advance(-1);
    expect(await deliverOne(p.deps, d)).toBe('skipped');
    p.clock.advance(2);
    expect(await deliverOne(p.deps, d)).toBe('sent');
    expect(p.slack.posts).toHaveLength(1);
  });

  it('an error that is not a named one (a bug) is thrown, and the lease brings it back', async () => {
    const p = fakePipeline();
    const alert = await alertOn(p);
    const d = { alertId: alert.alertId, subscriberId: 'analysts-slack' };
    p.slack.respond = (n) => {
      if (n === 1) throw new TypeError('undefined is not a function');
    };
    await expect(deliverOne(p.deps, d)).rejects.toThrow(TypeError);
    expect((await statuses(p, alert.alertId))['analysts-slack']).toBe('sending');
    expect(await deliverOne(p.deps, d)).toBe('skipped');
    p.clock.advance(10 * 60_000);
    expect(await deliverOne(p.deps, d)).toBe('sent');
  });

  it('a delivery whose alert record is missing fails, recorded', async () => {
    const p = fakePipeline();
    const alert = await alertOn(p);
    p.store.outbox.alerts.delete(alert.alertId);
    expect(await deliverOne(p.deps, { alertId: alert.alertId, subscriberId: 'desk-email' })).toBe(
      'failed',
    );
    expect(p.store.errorLog.errors[0]?.message).toMatch(/alert record is missing/);
  });
});
