import { recordParties, subscriberWantsUpdate } from '../alerts/match-update.ts';
import { updateMessage } from '../alerts/update-message.ts';
import type { Config, SubscriberConfig } from '../config/schema.ts';
import type { AlertRecord, DeliveryRecord, UpdateAlert } from '../domain/records.ts';
import type { Outbox } from '../ports/outbox.ts';
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

/** Queues the message of each update and its deliveries; idempotent. */
export async function raiseUpdateAlerts(
  deps: AlertDeps,
  announced: readonly Announced[],
  now: string,
): Promise<AlertRecord[]> {
  const alerts: AlertRecord[] = [];
  for (const a of announced) {
    const subscribers = interestedSubscribers(deps.config, a);
    // An update nobody asked for (a record not of the topic, no `actors` filter naming its
    // parties) stays on its record, queryable; it makes no message.
    if (subscribers.length === 0) continue;
    const alert = updateAlert(a);
    await deps.outbox.putAlert(alert);
    for (const sub of subscribers) {
      await deps.outbox.createDelivery(newDelivery(alert, sub, now));
    }
    await deps.onAlertCreated?.(alert);
    alerts.push(alert);
  }
  return alerts;
}
