import { buildDigest } from '../alerts/digest.ts';
import type { Config } from '../config/schema.ts';
import type { DigestAlert } from '../domain/records.ts';
import type { Clock } from '../ports/clock.ts';
import type { OpenDigest, Outbox } from '../ports/outbox.ts';
import { isoNow } from './deps.ts';
import { newDelivery } from './raise-alert.ts';

// Digests and overflows whose period has ended become messages like any other: the send-alerts
// run that finds one due builds it (buildDigest) from the messages in its set, puts it in the
// outbox under its own id (hash of subscriber and period) with one delivery, each put if
// absent, and only then closes it. A crash anywhere leaves it due, and the next run builds the
// same message again: nothing is sent twice.

export interface DigestDeps {
  config: Config;
  outbox: Outbox;
  clock: Clock;
}

/** The outbox message of a digest or overflow (its time is the end of its period). */
export async function digestAlert(outbox: Outbox, d: OpenDigest): Promise<DigestAlert> {
  const messages = [];
  for (const id of d.messageIds) {
    const a = await outbox.getAlert(id);
    if (a && (a.kind === 'incident' || a.kind === 'accusation')) messages.push(a.message);
  }
  const digest = buildDigest(d.kind, d.subscriberId, d.window, messages);
  return {
    alertId: digest.id,
    kind: d.kind,
    subscriberId: d.subscriberId,
    digest,
    createdAt: d.window.end,
    headline: digest.title,
    links: digest.entries.flatMap((e) => (e.link ? [{ title: e.headline, ...e.link }] : [])),
    place: null,
    parties: [],
  };
}

/** Builds every digest that is due; returns the ids of the messages it queued. */
export async function buildDueDigests(deps: DigestDeps, limit = 100): Promise<string[]> {
  const now = isoNow(deps);
  const queued: string[] = [];
  for (const d of await deps.outbox.listDueDigests(now, limit)) {
    const sub = deps.config.subscribers.find((s) => s.id === d.subscriberId);
    if (sub && d.messageIds.length > 0) {
      const alert = await digestAlert(deps.outbox, d);
      await deps.outbox.putAlert(alert);
      await deps.outbox.createDelivery(newDelivery(alert, sub, now));
      queued.push(alert.alertId);
    }
    // A subscriber no longer configured gets nothing; its digest is closed all the same.
    await deps.outbox.closeDigest(d.digestId);
  }
  return queued;
}
