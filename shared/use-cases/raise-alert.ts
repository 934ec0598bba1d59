import { type DeliveryMode, digestIdFor, overflowIdFor, periodWindow } from '../alerts/digest.ts';
import { recordParties, subscriberWantsUpdate } from '../alerts/match-update.ts';
import {
  feedPollKey,
  type PendingMessage,
  planSends,
  subscriberHourKey,
} from '../alerts/send-caps.ts';
import { updateMessage } from '../alerts/update-message.ts';
import type { Config, SubscriberConfig } from '../config/schema.ts';
import type { AlertRecord, DeliveryRecord, UpdateAlert } from '../domain/records.ts';
import type { DigestRef, Outbox } from '../ports/outbox.ts';
import type { Announced } from './settle-incidents.ts';

// An announced incident update becomes one message in the outbox and one delivery per
// interested subscriber. The message id is the update's (hash of record id and version) and its
// time the update's, so a re-run after a crash, or a replayed update, writes the very same
// message and deliveries again: both are put if absent, and nothing is sent twice.

export interface AlertDeps {
  config: Config;
  outbox: Outbox;
  /** Called once per message this process queued (local printing, outbox files). */
  onAlertCreated?: ((alert: AlertRecord) => void | Promise<void>) | undefined;
}

const MAX_LINKS = 10;

/** The outbox message of one update: the rendered-independent message and what threads it. */
export function updateAlert({ record, update }: Announced): UpdateAlert {
  const message = updateMessage(record, update);
  return {
    alertId: update.messageId,
    kind: record.kind,
    recordId: record.id,
    recordKind: record.kind,
    version: update.version,
    createdAt: update.at,
    headline: message.headline,
    previousMessageIds: update.previousMessageIds,
    message,
    links: message.sources
      .slice(-MAX_LINKS)
      .map((s) => ({ title: s.title, url: s.url, outlet: s.outlet })),
    place: record.place,
    parties: recordParties(record),
  };
}

export const channelOf = (sub: SubscriberConfig): DeliveryRecord['channel'] =>
  sub.slack ? 'slack' : 'email';

/** A fresh delivery of one message to one subscriber, due now. */
export function newDelivery(
  alert: AlertRecord,
  sub: SubscriberConfig,
  now: string,
): DeliveryRecord {
  return {
    alertId: alert.alertId,
    subscriberId: sub.id,
    channel: channelOf(sub),
    status: 'pending',
    attempts: 0,
    createdAt: alert.createdAt,
    nextAttemptAt: now,
    leaseUntil: null,
    claimToken: null,
    sentAt: null,
    lastError: null,
  };
}

/** The subscribers whose filters want the update. */
export function interestedSubscribers(config: Config, a: Announced): SubscriberConfig[] {
  return config.subscribers.filter((s) => subscriberWantsUpdate(s.filters, a.record, a.update));
}

/** Where an update was found: the caps count per article and per feed poll. */
export interface UpdateOrigin {
  articleId: string;
  feedId: string;
  /** The poll that found the article; without one, the hour stands in for it. */
  pollId: string | null;
  now: string;
}

export function deliveryModes(config: Config): Record<string, DeliveryMode> {
  return Object.fromEntries(
    config.subscribers.map((s): [string, DeliveryMode] => [
      s.id,
      s.delivery === 'immediate'
        ? { mode: 'immediate' }
        : { mode: 'digest', period: s.delivery.digest },
    ]),
  );
}

interface Queued {
  alert: UpdateAlert;
  subscribers: SubscriberConfig[];
  /** Subscribers that have a delivery of it already (a replayed update keeps its routes). */
  routed: Set<string>;
}

/** The updates someone wants, as messages put in the outbox (put if absent). */
async function putMessages(
  deps: AlertDeps,
  announced: readonly Announced[],
): Promise<Map<string, Queued>> {
  const queued = new Map<string, Queued>();
  for (const a of announced) {
    const subscribers = interestedSubscribers(deps.config, a);
    // An update nobody asked for (a record not of the topic, no `actors` filter naming its
    // parties) stays on its record, queryable; it makes no message.
    if (subscribers.length === 0) continue;
    const alert = updateAlert(a);
    await deps.outbox.putAlert(alert);
    const routed = a.update.replay
      ? new Set((await deps.outbox.listDeliveries(alert.alertId)).map((d) => d.subscriberId))
      : new Set<string>();
    queued.set(alert.alertId, { alert, subscribers, routed });
  }
  return queued;
}

/** Into a digest or overflow of the period; one that is built already sends it on its own. */
async function intoDigest(
  deps: AlertDeps,
  q: Queued,
  sub: SubscriberConfig,
  ref: DigestRef,
  now: string,
): Promise<void> {
  const added = await deps.outbox.addToDigest(ref, q.alert.alertId);
  if (!added) await deps.outbox.createDelivery(newDelivery(q.alert, sub, now));
}

/**
 * Queues the message of each update and routes it to each interested subscriber (planSends):
 * sent now, into the subscriber's digest, or beyond a cap into the hourly "N more updates"
 * overflow. The per-article cap is decided here; the per-feed-poll and per-subscriber-hour caps
 * on counters (a conditional ADD each), so concurrent workers never pass them together.
 * Idempotent: messages and deliveries are put if absent, digests are sets.
 */
export async function raiseUpdateAlerts(
  deps: AlertDeps,
  announced: readonly Announced[],
  origin: UpdateOrigin,
): Promise<AlertRecord[]> {
  const queued = await putMessages(deps, announced);
  const { now } = origin;
  const caps = deps.config.delivery.caps;
  const pollId = origin.pollId ?? periodWindow(now, 'hourly').key;
  const pending: PendingMessage[] = [...queued.values()].map((q) => ({
    messageId: q.alert.alertId,
    articleId: origin.articleId,
    feedId: origin.feedId,
    pollId,
    kind: q.alert.message.kind,
    at: q.alert.createdAt,
    subscriberIds: q.subscribers.filter((s) => !q.routed.has(s.id)).map((s) => s.id),
  }));
  const unbounded = {
    ...caps,
    perFeedPerPoll: Number.POSITIVE_INFINITY,
    perSubscriberPerHour: Number.POSITIVE_INFINITY,
  };
  const { decisions } = planSends(
    pending,
    deliveryModes(deps.config),
    { feedPoll: {}, subscriberHour: {} },
    now,
    unbounded,
  );
  const feedSlot = new Map<string, boolean>();
  const hour = periodWindow(now, 'hourly');
  for (const d of decisions) {
    const q = queued.get(d.messageId);
    const sub = q?.subscribers.find((s) => s.id === d.subscriberId);
    if (!q || !sub) continue;
    const overflow: DigestRef = {
      digestId: overflowIdFor(sub.id, hour),
      kind: 'overflow',
      subscriberId: sub.id,
      window: hour,
    };
    if (d.route === 'digest') {
      const ref: DigestRef = {
        digestId: digestIdFor(sub.id, d.window),
        kind: 'digest',
        subscriberId: sub.id,
        window: d.window,
      };
      await intoDigest(deps, q, sub, ref, now);
      continue;
    }
    if (d.route === 'overflow') {
      await intoDigest(deps, q, sub, overflow, now);
      continue;
    }
    if (!feedSlot.has(d.messageId)) {
      feedSlot.set(
        d.messageId,
        await deps.outbox.takeSlot(feedPollKey(origin.feedId, pollId), caps.perFeedPerPoll),
      );
    }
    const sendable =
      feedSlot.get(d.messageId) === true &&
      (await deps.outbox.takeSlot(subscriberHourKey(sub.id, now), caps.perSubscriberPerHour));
    if (sendable) await deps.outbox.createDelivery(newDelivery(q.alert, sub, now));
    else await intoDigest(deps, q, sub, overflow, now);
  }
  const alerts = [...queued.values()].map((q) => q.alert);
  for (const alert of alerts) await deps.onAlertCreated?.(alert);
  return alerts;
}
