import { plural } from '../alerts/message-words.ts';
import { emailFor, emailOptions, slackPayloadFor } from '../alerts/render-alert.ts';
import type { Config, SubscriberConfig } from '../config/schema.ts';
import { DeliveryError, SecretNotReadyError, StrikewatchError } from '../domain/errors.ts';
import type { AlertRecord, DeliveryRecord } from '../domain/records.ts';
import type { Mailer, SlackSender, SlackWebhooks } from '../ports/alert-channels.ts';
import type { Clock } from '../ports/clock.ts';
import type { ErrorLog } from '../ports/error-log.ts';
import type { Logger } from '../ports/logger.ts';
import type { Outbox } from '../ports/outbox.ts';
import { buildDueDigests } from './build-digests.ts';
import { addMs, type Ids, isoNow, newId } from './deps.ts';

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

export interface DeliverDeps extends Ids {
  config: Config;
  outbox: Outbox;
  errorLog: ErrorLog;
  slack: SlackSender;
  /** Null when no email delivery is configured. */
  mailer: Mailer | null;
  webhooks: SlackWebhooks;
  clock: Clock;
  logger: Logger;
}

interface SendFailure {
  message: string;
  retryable: boolean;
  /** Server-requested wait (Slack's Retry-After). */
  retryAfterMs?: number | undefined;
  /** Not the channel's failure (a secret not set yet): rescheduled without using an attempt. */
  refund?: boolean;
}

/** What sending one message takes: the channels and their settings. */
export type ChannelDeps = Pick<DeliverDeps, 'config' | 'slack' | 'mailer' | 'webhooks'>;

/** Sends one message to one subscriber on its channel; throws what the channel throws. */
export async function sendTo(
  deps: ChannelDeps,
  alert: AlertRecord,
  sub: SubscriberConfig,
): Promise<void> {
  if (sub.slack) {
    const payload = slackPayloadFor(alert) as unknown as Record<string, unknown>;
    await deps.slack.post(await deps.webhooks.urlFor(sub.id, sub.slack), payload);
    return;
  }
  const email = deps.config.delivery.email;
  if (!sub.email || !deps.mailer || !email) {
    throw new DeliveryError(
      `subscriber ${sub.id}: email delivery is not configured (delivery.email)`,
      { retryable: false },
    );
  }
  await deps.mailer.send({
    ...emailFor(alert, sub.email, sub.id, emailOptions(email)),
    from: email.from,
  });
}

/** Sends it once; null when the channel accepted it, else what went wrong. */
async function attempt(
  deps: DeliverDeps,
  d: Pick<DeliveryRecord, 'subscriberId'>,
  alert: AlertRecord | null,
): Promise<SendFailure | null> {
  const sub = deps.config.subscribers.find((s) => s.id === d.subscriberId);
  if (!alert) return { message: 'alert record is missing', retryable: false };
  if (!sub)
    return { message: `subscriber ${d.subscriberId} is no longer configured`, retryable: false };
  try {
    await sendTo(deps, alert, sub);
    return null;
  } catch (err) {
    // A named error says whether a retry may help (its `retryable` flag). Anything else is a bug
    // or a crash: thrown, and the delivery goes to the next run when its lease ends.
    if (!(err instanceof StrikewatchError)) throw err;
    const retryAfterMs = (err as { retryAfterMs?: unknown }).retryAfterMs;
    if (err instanceof SecretNotReadyError) {
      const which = err.message.includes(err.secretId) ? '' : ` (set secret ${err.secretId})`;
      return {
        message: `${err.message}${which}`,
        retryable: true,
        retryAfterMs: err.retryAfterMs,
        refund: true,
      };
    }
    return {
      message: err.message,
      retryable: err.retryable,
      retryAfterMs: typeof retryAfterMs === 'number' ? retryAfterMs : undefined,
    };
  }
}

function backoffMs(deps: DeliverDeps, attempts: number, retryAfterMs: number | undefined): number {
  const base = deps.config.delivery.backoffMs * 2 ** Math.max(0, attempts - 1);
  const jittered = base * (0.5 + Math.random() / 2);
  return Math.max(jittered, retryAfterMs ?? 0);
}

async function retryLater(
  deps: DeliverDeps,
  d: DeliveryRecord,
  token: string,
  failure: SendFailure,
): Promise<'retry'> {
  const at = isoNow(deps);
  const next = addMs(at, backoffMs(deps, d.attempts, failure.retryAfterMs));
  await deps.outbox.finishDelivery(d.alertId, d.subscriberId, token, {
    status: 'retry',
    at,
    nextAttemptAt: next,
    error: failure.message,
    ...(failure.refund ? { refund: true } : {}),
  });
  deps.logger.warn('delivery will be retried', {
    alertId: d.alertId,
    subscriberId: d.subscriberId,
    attempt: d.attempts,
    error: failure.message,
  });
  return 'retry';
}

async function giveUp(
  deps: DeliverDeps,
  d: DeliveryRecord,
  token: string,
  failure: SendFailure,
): Promise<'failed'> {
  const at = isoNow(deps);
  await deps.outbox.finishDelivery(d.alertId, d.subscriberId, token, {
    status: 'failed',
    at,
    error: failure.message,
  });
  await deps.errorLog.recordError({
    errorId: newId(deps),
    at,
    scope: 'delivery',
    subject: `${d.alertId}/${d.subscriberId}`,
    feedId: null,
    code: 'delivery_failed',
    message: `${failure.message} (after ${plural(d.attempts, 'attempt')})`,
  });
  deps.logger.error('delivery failed permanently', {
    alertId: d.alertId,
    subscriberId: d.subscriberId,
    error: failure.message,
  });
  return 'failed';
}

/** Attempts one delivery once. Returns what happened to it. */
export async function deliverOne(
  deps: DeliverDeps,
  d: Pick<DeliveryRecord, 'alertId' | 'subscriberId'>,
  alerts: Map<string, AlertRecord | null> = new Map(),
): Promise<'sent' | 'retry' | 'failed' | 'skipped'> {
  const cfg = deps.config.delivery;
  const now = isoNow(deps);
  const token = newId(deps);
  const lease = addMs(now, cfg.timeoutMs + LEASE_MARGIN_MS);
  const claimed = await deps.outbox.claimDelivery(d.alertId, d.subscriberId, token, now, lease);
  if (!claimed) return 'skipped';
  if (!alerts.has(d.alertId)) alerts.set(d.alertId, await deps.outbox.getAlert(d.alertId));
  const failure = await attempt(deps, d, alerts.get(d.alertId) ?? null);
  if (!failure) {
    // Nothing between the send and this mark: this is the documented duplicate window.
    await deps.outbox.finishDelivery(d.alertId, d.subscriberId, token, {
      status: 'sent',
      at: isoNow(deps),
    });
    return 'sent';
  }
  if (failure.refund || (failure.retryable && claimed.attempts < cfg.maxAttempts))
    return retryLater(deps, claimed, token, failure);
  return giveUp(deps, claimed, token, failure);
}

/**
 * Delivers what is due, and keeps going while retries come due within `maxWaitMs`, so that one
 * local run ends with every delivery either sent or recorded as failed when the channels allow.
 */
export async function deliverDue(
  deps: DeliverDeps,
  opts: { maxWaitMs?: number; batch?: number; alertIds?: string[] } = {},
): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, retried: 0, failed: 0, skipped: 0 };
  const alerts = new Map<string, AlertRecord | null>();
  // A sweep (not a nudge about named messages) also builds the digests whose period is over.
  if (!opts.alertIds) await buildDueDigests(deps);
  const deadline = deps.clock.now().getTime() + (opts.maxWaitMs ?? 0);
  const isDue = (d: DeliveryRecord, now: string) =>
    (d.status === 'pending' && d.nextAttemptAt <= now) ||
    (d.status === 'sending' && (d.leaseUntil ?? '') < now);
  for (let round = 0; round < 1000; round++) {
    const now = isoNow(deps);
    // Look an hour ahead so that retries coming due soon are seen too.
    const horizon = addMs(now, 3_600_000);
    const listed = opts.alertIds
      ? (await Promise.all(opts.alertIds.map((id) => deps.outbox.listDeliveries(id)))).flat()
      : await deps.outbox.listDueDeliveries(horizon, opts.batch ?? 100);
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
