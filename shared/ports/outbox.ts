import type { PeriodWindow } from '../alerts/digest.ts';
import type { AlertRecord, DeliveryRecord } from '../domain/records.ts';

/** One subscriber's digest (or "N more updates" overflow) of one period. */
export interface DigestRef {
  digestId: string;
  kind: 'digest' | 'overflow';
  subscriberId: string;
  window: PeriodWindow;
}

export interface OpenDigest extends DigestRef {
  messageIds: string[];
}

// The outbox: messages (alerts) and one delivery per (message, subscriber). A delivery is claimed with a
// conditional write under a fresh token and a lease before it is sent, and finished only by the
// holder of that token:
//   pending --claimDelivery--> sending --finishDelivery--> sent | pending (retry) | failed

export type DeliveryOutcome =
  | { status: 'sent'; at: string }
  | {
      status: 'retry';
      at: string;
      nextAttemptAt: string;
      error: string;
      /** The attempt does not count (a secret not set yet: the operator's turn, not the channel's). */
      refund?: boolean;
    }
  | { status: 'failed'; at: string; error: string };

export interface Outbox {
  /** Idempotent: putting the same alert twice leaves the first. */
  putAlert(alert: AlertRecord): Promise<void>;
  getAlert(alertId: string): Promise<AlertRecord | null>;
  /**
   * Conditional create; false when it exists already. A delivery is created with its alert and
   * carries the alert's `createdAt`.
   */
  createDelivery(delivery: DeliveryRecord): Promise<boolean>;
  /** Deliveries pending and due by `now`, or sending under a lease that ends by `now`. */
  listDueDeliveries(now: string, limit: number): Promise<DeliveryRecord[]>;
  /** Every delivery of one alert, whatever its status. */
  listDeliveries(alertId: string): Promise<DeliveryRecord[]>;
  /**
   * Conditionally moves a delivery to 'sending' under `token` until `leaseUntil` (it must be
   * pending and due, or sending under an expired lease) and counts the attempt. Returns the
   * claimed record, or null when another worker has it or it is finished.
   */
  claimDelivery(
    alertId: string,
    subscriberId: string,
    token: string,
    now: string,
    leaseUntil: string,
  ): Promise<DeliveryRecord | null>;
  /** Records the outcome, conditional on still holding `token`; false when it is not held. */
  finishDelivery(
    alertId: string,
    subscriberId: string,
    token: string,
    outcome: DeliveryOutcome,
  ): Promise<boolean>;

  /**
   * Adds a message to a subscriber's digest or overflow of a period (ADD to a set: idempotent),
   * creating it due at the period's end. False when it was built already (too late to join).
   */
  addToDigest(digest: DigestRef, messageId: string): Promise<boolean>;
  /** Digests and overflows whose period ended by `now` and that are not built yet. */
  listDueDigests(now: string, limit: number): Promise<OpenDigest[]>;
  /** Marks a digest built: it leaves the due list and takes no more messages. */
  closeDigest(digestId: string): Promise<void>;
  /**
   * Takes `count` slots of a cap counter at once (ADD n :count on the condition n + count <= cap);
   * false, taking none, when they do not all fit. Concurrent workers never pass the cap together.
   */
  takeSlots(counterId: string, cap: number, count: number): Promise<boolean>;
  /**
   * The same for several counters of one group (each subscriber's of one hour), in one
   * conditional write: `count` slots of every counter, or none of any when one does not fit.
   * Counters taken this way are their group's (takeSlots counts apart).
   */
  takeGroupSlots(groupId: string, counters: readonly SlotRequest[]): Promise<boolean>;
}

/** Slots wanted of one counter of a group. */
export interface SlotRequest {
  counterId: string;
  cap: number;
  count: number;
}
