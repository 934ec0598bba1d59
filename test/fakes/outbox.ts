import type { AlertRecord, DeliveryRecord } from '../../shared/domain/records.ts';
import type {
  DeliveryOutcome,
  DigestRef,
  OpenDigest,
  Outbox,
  SlotRequest,
} from '../../shared/ports/outbox.ts';

// The outbox with DynamoDB's semantics: alerts and deliveries created once; a delivery is claimed
// only when pending and due or under an expired lease, and finished only under its token. A
// delivery is "in the outbox" (listed as due) while pending or sending, by the time it is due:
// its next attempt, or the end of its lease.

interface Entry {
  record: DeliveryRecord & { failedAt?: string };
  /** When it is due in the outbox, or null once final (sent or failed). */
  dueAt: string | null;
}

export class InMemoryOutbox implements Outbox {
  readonly alerts = new Map<string, AlertRecord>();
  readonly deliveries = new Map<string, Entry>();
  readonly digests = new Map<string, OpenDigest & { closed: boolean }>();
  readonly counters = new Map<string, number>();

  private key = (alertId: string, subscriberId: string) => `${alertId}\u0000${subscriberId}`;

  async putAlert(alert: AlertRecord): Promise<void> {
    if (!this.alerts.has(alert.alertId)) this.alerts.set(alert.alertId, structuredClone(alert));
  }

  async getAlert(alertId: string): Promise<AlertRecord | null> {
    const a = this.alerts.get(alertId);
    return a ? structuredClone(a) : null;
  }

  async createDelivery(d: DeliveryRecord): Promise<boolean> {
    const key = this.key(d.alertId, d.subscriberId);
    if (this.deliveries.has(key)) return false;
    this.deliveries.set(key, { record: structuredClone(d), dueAt: d.nextAttemptAt });
    return true;
  }

  async listDueDeliveries(now: string, limit: number): Promise<DeliveryRecord[]> {
    const sortKey = (e: Entry) => `${e.dueAt}#${e.record.alertId}#${e.record.subscriberId}`;
    return [...this.deliveries.values()]
      .filter((e) => e.dueAt !== null && sortKey(e) <= `${now}\uffff`)
      .sort((a, b) => sortKey(a).localeCompare(sortKey(b)))
      .slice(0, limit)
      .map((e) => structuredClone(e.record));
  }

  async listDeliveries(alertId: string): Promise<DeliveryRecord[]> {
    return [...this.deliveries.values()]
      .filter((e) => e.record.alertId === alertId)
      .sort((a, b) => a.record.subscriberId.localeCompare(b.record.subscriberId))
      .map((e) => structuredClone(e.record));
  }

  async claimDelivery(
    alertId: string,
    subscriberId: string,
    token: string,
    now: string,
    leaseUntil: string,
  ): Promise<DeliveryRecord | null> {
    const e = this.deliveries.get(this.key(alertId, subscriberId));
    if (!e) return null;
    const d = e.record;
    const due = d.status === 'pending' && d.nextAttemptAt <= now;
    const abandoned = d.status === 'sending' && (d.leaseUntil ?? '') < now;
    if (!due && !abandoned) return null;
    Object.assign(d, {
      status: 'sending',
      claimToken: token,
      leaseUntil,
      attempts: d.attempts + 1,
    });
    e.dueAt = leaseUntil;
    return structuredClone(d);
  }

  async finishDelivery(
    alertId: string,
    subscriberId: string,
    token: string,
    outcome: DeliveryOutcome,
  ): Promise<boolean> {
    const e = this.deliveries.get(this.key(alertId, subscriberId));
    if (e?.record.status !== 'sending' || e.record.claimToken !== token) return false;
    const d = e.record;
    Object.assign(d, { leaseUntil: null, claimToken: null });
    if (outcome.status === 'sent') Object.assign(d, { status: 'sent', sentAt: outcome.at });
    if (outcome.status === 'failed')
      Object.assign(d, { status: 'failed', lastError: outcome.error, failedAt: outcome.at });
    if (outcome.status === 'retry')
      Object.assign(d, {
        status: 'pending',
        nextAttemptAt: outcome.nextAttemptAt,
        lastError: outcome.error,
        attempts: outcome.refund ? Math.max(0, d.attempts - 1) : d.attempts,
      });
    e.dueAt = outcome.status === 'retry' ? outcome.nextAttemptAt : null;
    return true;
  }

  async addToDigest(digest: DigestRef, messageId: string): Promise<boolean> {
    const known = this.digests.get(digest.digestId);
    if (known?.closed) return false;
    const entry = known ?? { ...structuredClone(digest), messageIds: [], closed: false };
    if (!entry.messageIds.includes(messageId)) entry.messageIds.push(messageId);
    this.digests.set(digest.digestId, entry);
    return true;
  }

  async listDueDigests(now: string, limit: number): Promise<OpenDigest[]> {
    return [...this.digests.values()]
      .filter((d) => !d.closed && d.window.end <= now)
      .sort((a, b) => a.window.end.localeCompare(b.window.end))
      .slice(0, limit)
      .map(({ closed: _, ...d }) => structuredClone(d));
  }

  async closeDigest(digestId: string): Promise<void> {
    const d = this.digests.get(digestId);
    if (d) d.closed = true;
  }

  async takeSlots(counterId: string, cap: number, count: number): Promise<boolean> {
    const n = this.counters.get(counterId) ?? 0;
    if (n + count > cap) return false;
    this.counters.set(counterId, n + count);
    return true;
  }

  async takeGroupSlots(groupId: string, counters: readonly SlotRequest[]): Promise<boolean> {
    const key = (c: SlotRequest) => `${groupId}\u0000${c.counterId}`;
    if (counters.some((c) => (this.counters.get(key(c)) ?? 0) + c.count > c.cap)) return false;
    for (const c of counters) this.counters.set(key(c), (this.counters.get(key(c)) ?? 0) + c.count);
    return true;
  }
}
