import { sampleUpdateMessage } from '../alerts/sample-message.ts';
import { ConfigError, describeError } from '../domain/errors.ts';
import type { UpdateAlert } from '../domain/records.ts';
import type { Clock } from '../ports/clock.ts';
import { type ChannelDeps, sendTo } from './deliver-alerts.ts';
import { isoNow } from './deps.ts';

// `strikewatch notify test` and send-alerts' {"notifyTest": true}: the sample update message
// (sample-message.ts: made by the real model and renderers, marked as a test) sent straight to
// each subscriber, or one, through the real channels, so an operator sees each channel work
// before the first incident. Not queued: a test is sent now, once per request.

export type NotifyDeps = ChannelDeps & { clock: Clock };

export interface NotifyResult {
  subscriberId: string;
  channel: 'slack' | 'email';
  ok: boolean;
  error: string | null;
}

/** The sample message as an outbox message (never stored). */
export function sampleAlert(now: string): UpdateAlert {
  const message = sampleUpdateMessage(now);
  return {
    alertId: message.messageId,
    kind: 'incident',
    recordId: message.recordId,
    recordKind: 'incident',
    version: message.version,
    createdAt: now,
    headline: message.headline,
    previousMessageIds: [],
    message,
    links: message.sources.map((s) => ({ title: s.title, url: s.url, outlet: s.outlet })),
    place: message.place,
    parties: [],
  };
}

export async function notifyTest(
  deps: NotifyDeps,
  opts: { subscriberId?: string | undefined } = {},
): Promise<NotifyResult[]> {
  const all = deps.config.subscribers;
  const chosen = opts.subscriberId ? all.filter((s) => s.id === opts.subscriberId) : all;
  if (opts.subscriberId && chosen.length === 0) {
    const known = all.map((s) => s.id).join(', ') || 'none';
    throw new ConfigError(`no subscriber ${opts.subscriberId} in the config (known: ${known})`);
  }
  if (chosen.length === 0) throw new ConfigError('the config has no subscribers to notify');
  const alert = sampleAlert(isoNow(deps));
  const results: NotifyResult[] = [];
  for (const sub of chosen) {
    const channel = sub.slack ? 'slack' : 'email';
    try {
      await sendTo(deps, alert, sub);
      results.push({ subscriberId: sub.id, channel, ok: true, error: null });
    } catch (err) {
      results.push({ subscriberId: sub.id, channel, ok: false, error: describeError(err).message });
    }
  }
  return results;
}
