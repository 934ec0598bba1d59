import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { METRICS } from '../../shared/contracts/metrics.ts';
import { type DeliveryReport, deliverDue } from '../../shared/use-cases/deliver-alerts.ts';
import {
  isNotifyTestEvent,
  parseAlertNudge,
  parseNotifyTestEvent,
} from '../../shared/use-cases/messages.ts';
import { type NotifyResult, notifyTest } from '../../shared/use-cases/notify-test.ts';
import { startFunction } from '../commons/bootstrap.ts';
import { countMetric, logger, metrics } from '../commons/powertools.ts';
import { secretsManager, sesMailer } from './delivery-adapters.ts';

// Two triggers: SQS nudges naming new messages (delivered at once), and a schedule that sweeps
// the outbox for anything due (retries, deliveries left by a crashed worker, digests whose period
// is over). Invoked by hand with {"notifyTest": true} it sends the sample message to every
// subscriber (or `subscriberId`) and returns what each channel answered. A nudge that fails is
// reported alone (partial batch response), never as a failed invocation.

const { deps } = startFunction('send-alerts', { mailer: sesMailer, secrets: secretsManager });

const isSqs = (e: unknown): e is SQSEvent =>
  typeof e === 'object' && e !== null && Array.isArray((e as { Records?: unknown }).Records);

function record(report: DeliveryReport): void {
  countMetric(METRICS.deliveriesSent, report.sent);
  countMetric(METRICS.deliveryFailures, report.failed);
  countMetric(METRICS.deliveryRetries, report.retried);
}

async function deliverNudges(event: SQSEvent): Promise<SQSBatchResponse> {
  const failures: { itemIdentifier: string }[] = [];
  for (const r of event.Records) {
    try {
      const { alertIds } = parseAlertNudge(r.body);
      record(await deliverDue(deps, { alertIds, maxWaitMs: 0 }));
    } catch (err) {
      logger.error('alert nudge failed', { messageId: r.messageId, error: (err as Error).message });
      failures.push({ itemIdentifier: r.messageId });
    }
  }
  return { batchItemFailures: failures };
}

export const handler = async (
  event: unknown,
): Promise<SQSBatchResponse | { sent: number; failed: number } | { notified: NotifyResult[] }> => {
  try {
    if (isSqs(event)) return await deliverNudges(event);
    if (isNotifyTestEvent(event)) {
      const { subscriberId } = parseNotifyTestEvent(event);
      return { notified: await notifyTest(deps, { subscriberId }) };
    }
    const report = await deliverDue(deps, { maxWaitMs: 0, batch: 200 });
    record(report);
    return { sent: report.sent, failed: report.failed };
  } finally {
    metrics.publishStoredMetrics();
  }
};
