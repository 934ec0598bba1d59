import { kindRank } from '../incidents/tracked.ts';
import type { UpdateKind } from '../incidents/types.ts';
import { type DeliveryMode, type PeriodWindow, periodWindow } from './digest.ts';

// Caps with a visible overflow (issue 16): at most `perArticle` updates from one article, at most
// `perFeedPerPoll` from one feed in one poll, and at most `perSubscriberPerHour` messages to one
// subscriber in an hour. Beyond them nothing is dropped: the update goes into the subscriber's
// hourly "N more updates" overflow message (sent once the hour is over). Digest subscribers get
// everything in their digest; it is one message whatever its size, so no cap applies to them.
// The weightiest updates go first (first reports, then revisions, disagreements, ...).
//
// Pure: the counters already used (per feed and poll, per subscriber and hour) come in and the
// new counts go out. In AWS the wiring keeps them as counter items and takes a slot with a
// conditional increment (ADD n :one, condition n < cap), then routes by the outcome, so
// concurrent workers never exceed a cap together.

export interface SendCaps {
  perArticle: number;
  perFeedPerPoll: number;
  perSubscriberPerHour: number;
}

export const DEFAULT_SEND_CAPS: SendCaps = {
  perArticle: 3,
  perFeedPerPoll: 20,
  perSubscriberPerHour: 30,
};

export interface PendingMessage {
  messageId: string;
  articleId: string;
  feedId: string;
  pollId: string;
  kind: UpdateKind;
  at: string;
  /** Subscribers whose filters want it. */
  subscriberIds: string[];
}

export interface CapUsage {
  /** Messages let through per `${feedId}#${pollId}`. */
  feedPoll: Record<string, number>;
  /** Messages sent per `${subscriberId}#${hour key}`. */
  subscriberHour: Record<string, number>;
}

export type OverflowReason = 'article' | 'feed' | 'subscriber';

export type SendDecision =
  | { messageId: string; subscriberId: string; route: 'send' }
  | { messageId: string; subscriberId: string; route: 'digest'; window: PeriodWindow }
  | {
      messageId: string;
      subscriberId: string;
      route: 'overflow';
      window: PeriodWindow;
      reason: OverflowReason;
    };

export const feedPollKey = (feedId: string, pollId: string) => `${feedId}#${pollId}`;
export const subscriberHourKey = (subscriberId: string, now: string) =>
  `${subscriberId}#${periodWindow(now, 'hourly').key}`;

const order = (a: PendingMessage, b: PendingMessage) =>
  kindRank(a.kind) - kindRank(b.kind) ||
  a.at.localeCompare(b.at) ||
  a.messageId.localeCompare(b.messageId);

/** Which messages pass the article and feed caps; the reason for those that do not. */
function messageCaps(pending: readonly PendingMessage[], usage: CapUsage, caps: SendCaps) {
  const perArticle = new Map<string, number>();
  const feedPoll = { ...usage.feedPoll };
  const held = new Map<string, OverflowReason>();
  for (const m of [...pending].sort(order)) {
    const n = (perArticle.get(m.articleId) ?? 0) + 1;
    perArticle.set(m.articleId, n);
    const fk = feedPollKey(m.feedId, m.pollId);
    if (n > caps.perArticle) held.set(m.messageId, 'article');
    else if ((feedPoll[fk] ?? 0) >= caps.perFeedPerPoll) held.set(m.messageId, 'feed');
    else feedPoll[fk] = (feedPoll[fk] ?? 0) + 1;
  }
  return { held, feedPoll };
}

/** Routes every (message, subscriber): send now, into a digest, or into the overflow message. */
export function planSends(
  pending: readonly PendingMessage[],
  modes: Readonly<Record<string, DeliveryMode>>,
  usage: CapUsage,
  now: string,
  caps: SendCaps = DEFAULT_SEND_CAPS,
): { decisions: SendDecision[]; usage: CapUsage } {
  const { held, feedPoll } = messageCaps(pending, usage, caps);
  const subscriberHour = { ...usage.subscriberHour };
  const hour = periodWindow(now, 'hourly');
  const decisions: SendDecision[] = [];
  for (const m of [...pending].sort(order)) {
    for (const subscriberId of m.subscriberIds) {
      const mode = modes[subscriberId] ?? { mode: 'immediate' };
      const base = { messageId: m.messageId, subscriberId };
      if (mode.mode === 'digest') {
        decisions.push({ ...base, route: 'digest', window: periodWindow(now, mode.period) });
        continue;
      }
      const reason = held.get(m.messageId);
      const sk = subscriberHourKey(subscriberId, now);
      if (reason || (subscriberHour[sk] ?? 0) >= caps.perSubscriberPerHour) {
        decisions.push({
          ...base,
          route: 'overflow',
          window: hour,
          reason: reason ?? 'subscriber',
        });
        continue;
      }
      subscriberHour[sk] = (subscriberHour[sk] ?? 0) + 1;
      decisions.push({ ...base, route: 'send' });
    }
  }
  return { decisions, usage: { feedPoll, subscriberHour } };
}
