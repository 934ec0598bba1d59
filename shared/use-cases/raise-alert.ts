import { createHash } from 'node:crypto';
import { alertHeadline } from '../alerts/format-alert.ts';
import { subscriberWants } from '../alerts/match-subscribers.ts';
import type { Config } from '../config/schema.ts';
import type { AlertRecord, ClaimRecord } from '../domain/records.ts';
import type { Outbox } from '../ports/outbox.ts';

// A claim version that is news becomes one alert and one delivery per interested subscriber in
// the outbox. Both are keyed by the claim version, so a re-run after a crash writes them again
// to the same result.

export interface AlertDeps {
  config: Config;
  outbox: Outbox;
  /** Called once per alert this process created (local printing, outbox files). */
  onAlertCreated?: ((alert: AlertRecord) => void | Promise<void>) | undefined;
}

const MAX_LINKS = 5;

function alertIdFor(claimKey: string, version: number): string {
  return createHash('sha256').update(`${claimKey}#v${version}`).digest('hex').slice(0, 24);
}

/** Creates the alert and one delivery per interested subscriber; idempotent. */
export async function raiseAlert(
  deps: AlertDeps,
  claim: ClaimRecord,
  link: AlertRecord['links'][number],
  now: string,
): Promise<AlertRecord> {
  const alert: AlertRecord = {
    alertId: alertIdFor(claim.claimKey, claim.version),
    claimKey: claim.claimKey,
    claimVersion: claim.version,
    kind: claim.kind,
    // The claim version's time, not this run's: a re-run writes the very same alert.
    createdAt: claim.updatedAt,
    headline: alertHeadline(claim),
    claim,
    links: [
      link,
      ...claim.sources
        .filter((s) => s.url && s.url !== link.url)
        .map((s) => ({ title: null, url: s.url, outlet: s.outlet })),
    ].slice(0, MAX_LINKS),
  };
  await deps.outbox.putAlert(alert);
  for (const sub of deps.config.subscribers) {
    if (!subscriberWants(sub, claim)) continue;
    await deps.outbox.createDelivery({
      alertId: alert.alertId,
      subscriberId: sub.id,
      channel: sub.slack ? 'slack' : 'email',
      status: 'pending',
      attempts: 0,
      createdAt: alert.createdAt,
      nextAttemptAt: now,
      leaseUntil: null,
      claimToken: null,
      sentAt: null,
      lastError: null,
    });
  }
  await deps.onAlertCreated?.(alert);
  return alert;
}
