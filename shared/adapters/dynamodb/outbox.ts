import type { AlertRecord, DeliveryRecord } from '../../domain/records.ts';
import type {
  DeliveryOutcome,
  DigestRef,
  OpenDigest,
  Outbox,
  SlotRequest,
} from '../../ports/outbox.ts';
import {
  alertPartition,
  DELIVERY_SORT_PREFIX,
  digestPartition,
  indexEntry,
  itemKey,
  outboxPartition,
  outboxSort,
} from './keys.ts';
import type { Update } from './table.ts';
import { asItem, type DynamoTable, strip } from './table.ts';

// Alerts and their deliveries, in one partition per alert. A delivery is in the outbox partition
// (gsi1) while it is pending or sending, keyed by when it is due; a final status takes it out.

const STATUS = { '#status': 'status' };
/** A final delivery leaves the outbox and its lease. */
const LEAVE_OUTBOX = 'REMOVE gsi1pk, gsi1sk, leaseUntil, claimToken';

function outcomeUpdate(
  alertId: string,
  subscriberId: string,
  outcome: DeliveryOutcome,
): Pick<Update, 'expression' | 'values'> {
  switch (outcome.status) {
    case 'sent':
      return {
        expression: `SET #status = :s, sentAt = :at ${LEAVE_OUTBOX}`,
        values: { ':s': 'sent', ':at': outcome.at },
      };
    case 'retry':
      return {
        expression: `SET #status = :s, nextAttemptAt = :next, lastError = :e, gsi1sk = :due${outcome.refund ? ', attempts = attempts - :one' : ''} REMOVE leaseUntil, claimToken`,
        values: {
          ':s': 'pending',
          ':next': outcome.nextAttemptAt,
          ':e': outcome.error,
          ':due': outboxSort(outcome.nextAttemptAt, alertId, subscriberId),
          ...(outcome.refund ? { ':one': 1 } : {}),
        },
      };
    case 'failed':
      return {
        expression: `SET #status = :s, lastError = :e, failedAt = :at ${LEAVE_OUTBOX}`,
        values: { ':s': 'failed', ':e': outcome.error, ':at': outcome.at },
      };
  }
}

export class DynamoOutbox implements Outbox {
  constructor(private readonly table: DynamoTable) {}

  async putAlert(alert: AlertRecord): Promise<void> {
    const key = itemKey.alert(alert.alertId);
    await this.table.putIfAbsent(asItem('alert', key, alert, indexEntry.alert(alert)));
  }

  async getAlert(alertId: string): Promise<AlertRecord | null> {
    const item = await this.table.get(itemKey.alert(alertId));
    return item ? strip<AlertRecord>(item) : null;
  }

  createDelivery(d: DeliveryRecord): Promise<boolean> {
    const key = itemKey.delivery(d.alertId, d.subscriberId);
    return this.table.putIfAbsent(asItem('delivery', key, d, indexEntry.delivery(d)));
  }

  async listDueDeliveries(now: string, limit: number): Promise<DeliveryRecord[]> {
    const at = outboxPartition;
    const items = await this.table.queryAll(
      {
        IndexName: at.index,
        KeyConditionExpression: `${at.partitionKey} = :o AND ${at.sortKey} <= :now`,
        ExpressionAttributeValues: { ':o': at.partition, ':now': `${now}\uffff` },
      },
      limit,
    );
    return items.map((i) => strip<DeliveryRecord>(i));
  }

  async listDeliveries(alertId: string): Promise<DeliveryRecord[]> {
    const items = await this.table.queryAll(
      {
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :d)',
        ExpressionAttributeValues: { ':pk': alertPartition(alertId), ':d': DELIVERY_SORT_PREFIX },
        ConsistentRead: true,
      },
      1000,
    );
    return items.map((i) => strip<DeliveryRecord>(i));
  }

  async claimDelivery(
    alertId: string,
    subscriberId: string,
    token: string,
    now: string,
    leaseUntil: string,
  ): Promise<DeliveryRecord | null> {
    const claimed = await this.table.update(itemKey.delivery(alertId, subscriberId), {
      expression:
        'SET #status = :sending, claimToken = :token, leaseUntil = :lease, attempts = attempts + :one, gsi1sk = :due',
      condition:
        '(#status = :pending AND nextAttemptAt <= :now) OR (#status = :sending AND leaseUntil < :now)',
      names: STATUS,
      values: {
        ':sending': 'sending',
        ':pending': 'pending',
        ':token': token,
        ':lease': leaseUntil,
        ':now': now,
        ':one': 1,
        ':due': outboxSort(leaseUntil, alertId, subscriberId),
      },
      returnNew: true,
    });
    return claimed ? strip<DeliveryRecord>(claimed) : null;
  }

  async finishDelivery(
    alertId: string,
    subscriberId: string,
    token: string,
    outcome: DeliveryOutcome,
  ): Promise<boolean> {
    const update = outcomeUpdate(alertId, subscriberId, outcome);
    const done = await this.table.update(itemKey.delivery(alertId, subscriberId), {
      ...update,
      condition: '#status = :sending AND claimToken = :token',
      names: STATUS,
      values: { ...update.values, ':token': token, ':sending': 'sending' },
    });
    return done !== null;
  }

  async addToDigest(d: DigestRef, messageId: string): Promise<boolean> {
    const added = await this.table.update(itemKey.digest(d.digestId), {
      expression:
        'ADD messageIds :m SET #t = :t, digestId = :id, #k = :k, subscriberId = :sub, #w = :w, ' +
        'gsi1pk = if_not_exists(gsi1pk, :p), gsi1sk = if_not_exists(gsi1sk, :due)',
      condition: 'attribute_not_exists(closedAt)',
      names: { '#t': 'type', '#k': 'kind', '#w': 'window' },
      values: {
        ':m': new Set([messageId]),
        ':t': 'digest',
        ':id': d.digestId,
        ':k': d.kind,
        ':sub': d.subscriberId,
        ':w': d.window,
        ':p': digestPartition.partition,
        ':due': `${d.window.end}#${d.digestId}`,
      },
    });
    return added !== null;
  }

  async listDueDigests(now: string, limit: number): Promise<OpenDigest[]> {
    const at = digestPartition;
    const items = await this.table.queryAll(
      {
        IndexName: at.index,
        KeyConditionExpression: `${at.partitionKey} = :p AND ${at.sortKey} <= :now`,
        ExpressionAttributeValues: { ':p': at.partition, ':now': `${now}\uffff` },
      },
      limit,
    );
    return items.map((i) => ({
      digestId: String(i.digestId),
      kind: i.kind === 'overflow' ? 'overflow' : 'digest',
      subscriberId: String(i.subscriberId),
      window: i.window as OpenDigest['window'],
      messageIds: i.messageIds instanceof Set ? [...i.messageIds].map(String).sort() : [],
    }));
  }

  async closeDigest(digestId: string): Promise<void> {
    await this.table.update(itemKey.digest(digestId), {
      expression: 'SET closedAt = if_not_exists(closedAt, :now) REMOVE gsi1pk, gsi1sk',
      condition: 'attribute_exists(pk)',
      values: { ':now': new Date().toISOString() },
    });
  }

  async takeGroupSlots(groupId: string, counters: readonly SlotRequest[]): Promise<boolean> {
    if (counters.length === 0) return true;
    if (counters.some((c) => c.count > c.cap)) return false;
    // One item per group, one number attribute per counter: one conditional ADD takes them all.
    const names: Record<string, string> = { '#t': 'type' };
    const values: Record<string, unknown> = { ':t': 'counterGroup' };
    const adds: string[] = [];
    const room: string[] = [];
    counters.forEach((c, i) => {
      names[`#c${i}`] = `n#${c.counterId}`;
      values[`:n${i}`] = c.count;
      values[`:r${i}`] = c.cap - c.count;
      adds.push(`#c${i} :n${i}`);
      room.push(`(attribute_not_exists(#c${i}) OR #c${i} <= :r${i})`);
    });
    const taken = await this.table.update(itemKey.counter(`group#${groupId}`), {
      expression: `ADD ${adds.join(', ')} SET #t = :t`,
      condition: room.join(' AND '),
      names,
      values,
    });
    return taken !== null;
  }

  async takeSlots(counterId: string, cap: number, count: number): Promise<boolean> {
    if (count > cap) return false;
    const taken = await this.table.update(itemKey.counter(counterId), {
      expression: 'ADD n :count SET #t = :t',
      condition: 'attribute_not_exists(n) OR n <= :room',
      names: { '#t': 'type' },
      values: { ':count': count, ':room': cap - count, ':t': 'counter' },
    });
    return taken !== null;
  }
}
