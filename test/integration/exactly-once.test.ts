import { afterEach, describe, expect, it } from 'vitest';
import { runCycle } from '../../shared/use-cases/run-cycle.ts';
import { manualClock } from '../../testkit/manual-clock.ts';
import {
  duplicates,
  type Harness,
  mailText,
  messageIdIn,
  slackAlertIds,
  startHarness,
} from '../../testkit/pipeline-harness.ts';
import { CRASH_STEPS, withFaultAt } from '../helpers/faults.ts';

// Exactly-once alerts on real DynamoDB semantics (dynalite) and real receivers: concurrent
// workers, crashes between any two steps, and channels that fail like Slack and SMTP do.

const emailAlertIds = (h: Harness) => h.smtp.received.map((m) => messageIdIn(mailText(m.raw)));

async function storedAlertIds(harness: Harness): Promise<string[]> {
  const rows = await harness.query({ kind: 'alert', limit: 1000 });
  return rows.flatMap((r) => (r.kind === 'alert' ? [r.item.alert.alertId] : []));
}

/** Every stored delivery, per channel, as "alertId/subscriber". */
async function storedDeliveries(harness: Harness) {
  const rows = await harness.query({ kind: 'alert', limit: 1000 });
  return rows.flatMap((r) => (r.kind === 'alert' ? r.item.deliveries : []));
}

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('concurrent workers', () => {
  it('four workers on the same feeds at once send each alert exactly once', async () => {
    h = await startHarness();
    const harness = h;
    const results = await Promise.all(
      [1, 2, 3, 4].map(() => runCycle(harness.deps(), { force: true, concurrency: 3 })),
    );
    const alerts = await storedAlertIds(h);
    expect(alerts.length).toBeGreaterThanOrEqual(3);
    // Each alert was created by exactly one worker...
    expect(results.reduce((n, r) => n + r.alerts, 0)).toBe(alerts.length);
    // ...and reached Slack exactly once.
    const slack = slackAlertIds(h.slack);
    expect(duplicates(slack)).toEqual([]);
    expect(new Set(slack)).toEqual(new Set(alerts));
    expect(duplicates(emailAlertIds(h))).toEqual([]);
    for (const d of await storedDeliveries(h)) expect(d.status).toBe('sent');
  });
});

describe('a crash after each step, then a re-run', () => {
  for (const step of CRASH_STEPS) {
    it(`crash at "${step}": the re-run delivers every alert${step === 'sent' ? ' (one repeat: the documented window)' : ', none twice'}`, async () => {
      h = await startHarness();
      let fired = false;
      const crashing = withFaultAt(h.deps(), step, () => {
        if (!fired) {
          fired = true;
          throw new Error(`injected crash at ${step}`);
        }
      });
      await runCycle(crashing, { force: true }).catch((err: Error) => {
        expect(err.message).toContain('injected crash');
      });
      expect(fired).toBe(true);

      // The next run comes after the crashed worker's leases have expired.
      const later = manualClock(new Date(Date.now() + 10 * 60_000));
      const rerun = h.deps({ clock: later });
      await runCycle(rerun, { force: true });

      const alerts = await storedAlertIds(h);
      expect(alerts.length).toBeGreaterThanOrEqual(3);
      const slack = slackAlertIds(h.slack);
      expect(new Set(slack)).toEqual(new Set(alerts));
      const email = emailAlertIds(h);
      const repeats = [...duplicates(slack), ...duplicates(email)];
      expect(repeats.length).toBe(step === 'sent' ? 1 : 0);
      for (const d of await storedDeliveries(h)) expect(d.status).toBe('sent');
      // A third run changes nothing.
      const before = h.slack.received.length + h.smtp.received.length;
      const third = await runCycle(h.deps({ clock: later }), { force: true });
      expect(third.alerts).toBe(0);
      expect(h.slack.received.length + h.smtp.received.length).toBe(before);
    });
  }
});

describe('failing channels', () => {
  it('Slack 429 with Retry-After and 500 are retried; each alert arrives once', async () => {
    h = await startHarness();
    h.slack.setResponder((n) =>
      n === 1
        ? { status: 429, headers: { 'retry-after': '1' }, body: 'rate_limited' }
        : n === 2
          ? { status: 500, body: 'internal_error' }
          : { status: 200, body: 'ok' },
    );
    const r = await runCycle(h.deps(), { force: true });
    expect(r.deliveries.retried).toBeGreaterThanOrEqual(2);
    const alerts = await storedAlertIds(h);
    expect(new Set(slackAlertIds(h.slack))).toEqual(new Set(alerts));
    expect(duplicates(slackAlertIds(h.slack))).toEqual([]);
  });

  it('SMTP 4xx is retried until accepted', async () => {
    h = await startHarness();
    h.smtp.setResponder((n) => (n <= 2 ? { code: 451, message: 'Temporary local problem' } : null));
    const r = await runCycle(h.deps(), { force: true });
    expect(r.deliveries.retried).toBeGreaterThanOrEqual(2);
    expect(r.deliveries.failed).toBe(0);
    expect(h.smtp.received.length).toBeGreaterThan(0);
    expect(duplicates(emailAlertIds(h))).toEqual([]);
  });

  it('SMTP 5xx fails permanently: recorded, queryable, and Slack deliveries are unaffected', async () => {
    h = await startHarness();
    h.smtp.setResponder(() => ({ code: 550, message: 'Mailbox unavailable' }));
    const deps = h.deps();
    const r = await runCycle(deps, { force: true });
    expect(r.deliveries.failed).toBeGreaterThan(0);
    expect(h.smtp.received).toEqual([]);
    const deliveries = await storedDeliveries(h);
    const email = deliveries.filter((d) => d.channel === 'email');
    expect(email.length).toBe(r.deliveries.failed);
    for (const d of email) {
      expect(d.status).toBe('failed');
      expect(d.lastError).toMatch(/550/);
    }
    for (const d of deliveries.filter((x) => x.channel === 'slack')) expect(d.status).toBe('sent');
    const errors = await h.query({ kind: 'error' });
    expect(errors.filter((e) => e.kind === 'error' && e.item.scope === 'delivery').length).toBe(
      email.length,
    );
  });
});
