import {
  leadParties,
  routeArticleUpdates,
  withRidingAccusations,
} from '../alerts/article-updates.ts';
import { type DeliveryMode, digestIdFor, overflowIdFor, periodWindow } from '../alerts/digest.ts';
import { feedPollKey, type PendingMessage, planSends } from '../alerts/send-caps.ts';
import { updateMessage } from '../alerts/update-message.ts';
import type { Config, SubscriberConfig } from '../config/schema.ts';
import type { AlertRecord, DeliveryRecord, UpdateAlert } from '../domain/records.ts';
import type { AccusationRecord } from '../incidents/types.ts';
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

/**
 * The outbox message of one update: the rendered-independent message and what threads it, with
 * the article's accusations that ride in it (see shared/alerts/article-updates.ts).
 */
export function updateAlert(
  { record, update }: Announced,
  riders: readonly AccusationRecord[] = [],
): UpdateAlert {
  const message = withRidingAccusations(updateMessage(record, update), riders);
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
    parties: leadParties(record, riders),
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
  const routing = routeArticleUpdates(deps.config.subscribers, announced);
  for (const a of announced) {
    const subscribers = routing.subscribers.get(a.update.messageId) ?? [];
    // An update nobody asked for (a record not of the topic, no `actors` filter naming its
    // parties), or whose every reader gets it in the article's lead message, stays on its
    // record, queryable; it makes no message of its own.
    if (subscribers.length === 0) continue;
    const riders = a === routing.lead ? routing.riders.map((r) => r.record) : [];
    const alert = updateAlert(a, riders);
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
 * How many of `wanted` slots a counter grants this article: all at once, else one by one.
 * `asked`: the whole request was refused already. A counter that refuses one slot is full, so
 * it is never asked for the same one again.
 */
async function grantedSlots(
  take: (count: number) => Promise<boolean>,
  wanted: number,
  asked = false,
): Promise<number> {
  if (wanted === 0) return 0;
  if (!asked && (await take(wanted))) return wanted;
  if (wanted === 1) return 0;
  let granted = 0;
  while (granted < wanted && (await take(1))) granted++;
  return granted;
}

type Decision = ReturnType<typeof planSends>['decisions'][number];

/**
 * The decisions planSends left to send now, past the per-feed-poll cap (once per message) and
 * each subscriber's hourly cap, on counters: those beyond a cap go to the overflow instead.
 */
async function applyCounterCaps(
  deps: AlertDeps,
  decisions: Decision[],
  origin: UpdateOrigin & { pollId: string },
): Promise<Decision[]> {
  const caps = deps.config.delivery.caps;
  const hour = periodWindow(origin.now, 'hourly');
  const sends = decisions.filter((d) => d.route === 'send');
  const messages = [...new Set(sends.map((d) => d.messageId))];
  const feedKey = feedPollKey(origin.feedId, origin.pollId);
  const passed = new Set(
    messages.slice(
      0,
      await grantedSlots(
        (n) => deps.outbox.takeSlots(feedKey, caps.perFeedPerPoll, n),
        messages.length,
      ),
    ),
  );
  const out: Decision[] = decisions.filter((d) => d.route !== 'send');
  const bySubscriber = new Map<string, Decision[]>();
  for (const d of sends.filter((x) => passed.has(x.messageId)))
    bySubscriber.set(d.subscriberId, [...(bySubscriber.get(d.subscriberId) ?? []), d]);
  for (const d of sends.filter((x) => !passed.has(x.messageId)))
    out.push({ ...d, route: 'overflow', window: hour, reason: 'feed' });
  // Every subscriber's counter of the hour in one conditional write when all fit (the usual
  // case), else each apart.
  const group = `subscriber-hour#${hour.key}`;
  const cap = caps.perSubscriberPerHour;
  const wanted = [...bySubscriber].map(([counterId, mine]) => ({
    counterId,
    cap,
    count: mine.length,
  }));
  const allFit = await deps.outbox.takeGroupSlots(group, wanted);
  for (const [subscriberId, mine] of bySubscriber) {
    const granted = allFit
      ? mine.length
      : await grantedSlots(
          (count) => deps.outbox.takeGroupSlots(group, [{ counterId: subscriberId, cap, count }]),
          mine.length,
          // The group's only counter: the request just refused was this one's whole.
          wanted.length === 1,
        );
    out.push(...mine.slice(0, granted));
    for (const d of mine.slice(granted))
      out.push({ ...d, route: 'overflow', window: hour, reason: 'subscriber' });
  }
  return out;
}

/** Carries out one decision: a delivery now, or the message into a digest or overflow. */
async function route(deps: AlertDeps, q: Queued, d: Decision, now: string): Promise<void> {
  const sub = q.subscribers.find((s) => s.id === d.subscriberId);
  if (!sub) return;
  if (d.route === 'send') {
    await deps.outbox.createDelivery(newDelivery(q.alert, sub, now));
    return;
  }
  const kind = d.route === 'digest' ? 'digest' : 'overflow';
  const digestId = (kind === 'digest' ? digestIdFor : overflowIdFor)(sub.id, d.window);
  await intoDigest(deps, q, sub, { digestId, kind, subscriberId: sub.id, window: d.window }, now);
}

/**
 * Queues the message of each update and routes it to each interested subscriber (planSends):
 * sent now, into the subscriber's digest, or beyond a cap into the hourly "N more updates"
 * overflow. The per-article cap is decided here; the per-feed-poll and per-subscriber-hour caps
 * on counters (a conditional ADD each, all of an article's slots at once when they fit), so
 * concurrent workers never pass them together. Idempotent: messages and deliveries are put if
 * absent, digests are sets.
 */
export async function raiseUpdateAlerts(
  deps: AlertDeps,
  announced: readonly Announced[],
  origin: UpdateOrigin,
): Promise<AlertRecord[]> {
  const queued = await putMessages(deps, announced);
  const pollId = origin.pollId ?? periodWindow(origin.now, 'hourly').key;
  const pending: PendingMessage[] = [...queued.values()].map((q) => ({
    messageId: q.alert.alertId,
    articleId: origin.articleId,
    feedId: origin.feedId,
    pollId,
    kind: q.alert.message.kind,
    at: q.alert.createdAt,
    subscriberIds: q.subscribers.filter((s) => !q.routed.has(s.id)).map((s) => s.id),
  }));
  // Only the per-article cap here: the other two are counters shared by every worker.
  const caps = {
    ...deps.config.delivery.caps,
    perFeedPerPoll: Number.POSITIVE_INFINITY,
    perSubscriberPerHour: Number.POSITIVE_INFINITY,
  };
  const usage = { feedPoll: {}, subscriberHour: {} };
  const planned = planSends(pending, deliveryModes(deps.config), usage, origin.now, caps);
  const decisions = await applyCounterCaps(deps, planned.decisions, { ...origin, pollId });
  for (const d of decisions) {
    const q = queued.get(d.messageId);
    if (q) await route(deps, q, d, origin.now);
  }
  const alerts = [...queued.values()].map((q) => q.alert);
  for (const alert of alerts) await deps.onAlertCreated?.(alert);
  return alerts;
}
