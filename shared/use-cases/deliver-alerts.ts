import { emailMessage } from '../alerts/email-message.ts';
import { slackPayload } from '../alerts/slack-message.ts';
import type { SubscriberConfig } from '../config/schema.ts';
import { ConfigError, DeliveryError, describeError } from '../domain/errors.ts';
import type { AlertRecord, DeliveryRecord } from '../domain/records.ts';
import { addMs, isoNow, newId, type PipelineDeps } from './pipeline-deps.ts';

// The outbox worker. Each (alert, subscriber) delivery is claimed with a conditional write before
// it is sent and marked after, so concurrent workers and retries never send it twice, and a
// crash at any point leaves it to the next run:
//   pending --claim--> sending --send--> (sent | pending with backoff | failed)
// A crash after claim and before send: the lease expires and the next run sends it.
// A crash after the send and before the mark (the window no webhook or SMTP server lets anyone
// close) is the one case that may repeat a message: the mark is the very next write after the
// send returns, with nothing in between.

/** Longer than one send can take (timeout x 1 attempt), so a live worker never loses its lease. */
const LEASE_MARGIN_MS = 30_000;

export interface DeliveryReport {
  sent: number;
  retried: number;
  failed: number;
  /** Deliveries another worker held. */
  skipped: number;
}

async function resolveWebhook(deps: PipelineDeps, sub: SubscriberConfig): Promise<string> {
  const s = sub.slack;
  if (!s) throw new ConfigError(`subscriber ${sub.id} has no Slack target`);
  if (s.webhookUrl) return s.webhookUrl;
  if (s.webhookUrlEnv) {
    const v = process.env[s.webhookUrlEnv];
    if (!v)
      throw new ConfigError(
        `environment variable ${s.webhookUrlEnv} (Slack webhook of ${sub.id}) is not set`,
      );
    return v;
  }
  const url = await deps.secrets.read(s.webhookUrlSecret ?? '');
  if (!/^https:\/\/\S+$/.test(url)) {
    // A new stack's secret holds a generated placeholder until the operator puts the URL in.
    throw new ConfigError(
      `secret ${s.webhookUrlSecret} does not hold a Slack webhook URL: set it with ` +
        `aws secretsmanager put-secret-value --secret-id ${s.webhookUrlSecret} --secret-string https://hooks.slack.com/...`,
    );
  }
  return url;
}

async function send(deps: PipelineDeps, alert: AlertRecord, sub: SubscriberConfig): Promise<void> {
  if (sub.slack) {
    await deps.slack.post(await resolveWebhook(deps, sub), slackPayload(alert));
    return;
  }
  const email = deps.config.delivery.email;
  if (!sub.email || !deps.mailer || !email) {
    throw new DeliveryError(
      `subscriber ${sub.id}: email delivery is not configured (delivery.email)`,
      {
        retryable: false,
      },
    );
  }
  await deps.mailer.send({ ...emailMessage(alert, sub.email), from: email.from });
}

function backoffMs(deps: PipelineDeps, attempts: number, retryAfterMs: number | undefined): number {
  const base = deps.config.delivery.backoffMs * 2 ** Math.max(0, attempts - 1);
  const jittered = base * (0.5 + Math.random() / 2);
  return Math.max(jittered, retryAfterMs ?? 0);
}

/** Attempts one delivery once. Returns what happened to it. */
export async function deliverOne(
  deps: PipelineDeps,
  d: Pick<DeliveryRecord, 'alertId' | 'subscriberId'>,
  alerts: Map<string, AlertRecord | null> = new Map(),
): Promise<'sent' | 'retry' | 'failed' | 'skipped'> {
  const cfg = deps.config.delivery;
  const now = isoNow(deps);
  const token = newId(deps);
  const lease = addMs(now, cfg.timeoutMs + LEASE_MARGIN_MS);
  const claimed = await deps.store.claimDelivery(d.alertId, d.subscriberId, token, now, lease);
  if (!claimed) return 'skipped';
  await deps.faultPoint?.('claimed');
  if (!alerts.has(d.alertId)) alerts.set(d.alertId, await deps.store.getAlert(d.alertId));
  const alert = alerts.get(d.alertId);
  const sub = deps.config.subscribers.find((s) => s.id === d.subscriberId);
  let error: { message: string; retryable: boolean; retryAfterMs?: number | undefined };
  if (!alert || !sub) {
    error = {
      message: !alert
        ? 'alert record is missing'
        : `subscriber ${d.subscriberId} is no longer configured`,
      retryable: false,
    };
  } else {
    try {
      await send(deps, alert, sub);
      // Nothing between the send and this mark: this is the documented duplicate window.
      await deps.faultPoint?.('sent');
      await deps.store.finishDelivery(d.alertId, d.subscriberId, token, {
        status: 'sent',
        at: isoNow(deps),
      });
      await deps.faultPoint?.('marked');
      return 'sent';
    } catch (err) {
      if (!(err instanceof DeliveryError) && !(err instanceof ConfigError)) throw err;
      const e = describeError(err);
      error = {
        message: e.message,
        retryable: e.retryable,
        retryAfterMs: err instanceof DeliveryError ? err.retryAfterMs : undefined,
      };
    }
  }
  const at = isoNow(deps);
  if (error.retryable && claimed.attempts < cfg.maxAttempts) {
    const next = addMs(at, backoffMs(deps, claimed.attempts, error.retryAfterMs));
    await deps.store.finishDelivery(d.alertId, d.subscriberId, token, {
      status: 'retry',
      at,
      nextAttemptAt: next,
      error: error.message,
    });
    deps.logger.warn('delivery will be retried', {
      alertId: d.alertId,
      subscriberId: d.subscriberId,
      attempt: claimed.attempts,
      error: error.message,
    });
    return 'retry';
  }
  await deps.store.finishDelivery(d.alertId, d.subscriberId, token, {
    status: 'failed',
    at,
    error: error.message,
  });
  await deps.store.recordError({
    errorId: newId(deps),
    at,
    scope: 'delivery',
    subject: `${d.alertId}/${d.subscriberId}`,
    feedId: null,
    code: 'delivery_failed',
    message: `${error.message} (after ${claimed.attempts} attempt${claimed.attempts === 1 ? '' : 's'})`,
  });
  deps.logger.error('delivery failed permanently', {
    alertId: d.alertId,
    subscriberId: d.subscriberId,
    error: error.message,
  });
  return 'failed';
}

/**
 * Delivers what is due, and keeps going while retries come due within `maxWaitMs`, so that one
 * local run ends with every delivery either sent or recorded as failed when the channels allow.
 */
export async function deliverDue(
  deps: PipelineDeps,
  opts: { maxWaitMs?: number; batch?: number; alertIds?: string[] } = {},
): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, retried: 0, failed: 0, skipped: 0 };
  const alerts = new Map<string, AlertRecord | null>();
  const deadline = deps.clock.now().getTime() + (opts.maxWaitMs ?? 0);
  const isDue = (d: DeliveryRecord, now: string) =>
    (d.status === 'pending' && d.nextAttemptAt <= now) ||
    (d.status === 'sending' && (d.leaseUntil ?? '') < now);
  for (let round = 0; round < 1000; round++) {
    const now = isoNow(deps);
    // Look an hour ahead so that retries coming due soon are seen too.
    const horizon = addMs(now, 3_600_000);
    const listed = opts.alertIds
      ? (await Promise.all(opts.alertIds.map((id) => deps.store.listDeliveries(id)))).flat()
      : await deps.store.listDueDeliveries(horizon, opts.batch ?? 100);
    const due = listed.filter((d) => isDue(d, now));
    let progressed = false;
    for (const d of due) {
      const r = await deliverOne(deps, d, alerts);
      report[r === 'retry' ? 'retried' : r]++;
      if (r !== 'skipped') progressed = true;
    }
    if (progressed) continue;
    // Nothing sendable now: wait for the earliest retry if it comes before the deadline.
    const nextDue = listed
      .filter((d) => d.status === 'pending' && d.nextAttemptAt > now)
      .map((d) => Date.parse(d.nextAttemptAt))
      .sort((a, b) => a - b)[0];
    if (nextDue === undefined || nextDue > deadline) break;
    await deps.clock.sleep(Math.max(0, nextDue - deps.clock.now().getTime()) + 5);
  }
  return report;
}
