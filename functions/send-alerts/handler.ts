import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { deliverDue } from '../../shared/use-cases/deliver-alerts.ts';
import { parseAlertNudge } from '../../shared/use-cases/messages.ts';
import { getRuntime } from '../commons/bootstrap.ts';
import { logger, metrics } from '../commons/powertools.ts';
import { secretsManager, sesMailer } from './delivery-adapters.ts';

// Two triggers: SQS nudges naming new alerts (delivered at once), and a schedule that sweeps the
// outbox for anything due (retries, deliveries left by a crashed worker).

const isSqs = (e: unknown): e is SQSEvent =>
  typeof e === 'object' && e !== null && Array.isArray((e as { Records?: unknown }).Records);

export const handler = async (
  event: unknown,
): Promise<SQSBatchResponse | { sent: number; failed: number }> => {
  const { deps } = getRuntime({ mailer: sesMailer, secrets: secretsManager });
  if (!isSqs(event)) {
    const report = await deliverDue(deps, { maxWaitMs: 0, batch: 200 });
    record(report);
    metrics.publishStoredMetrics();
    return { sent: report.sent, failed: report.failed };
  }
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
  metrics.publishStoredMetrics();
  return { batchItemFailures: failures };
};

function record(report: { sent: number; failed: number; retried: number }): void {
  metrics.addMetric('DeliveriesSent', MetricUnit.Count, report.sent);
  metrics.addMetric('DeliveryFailures', MetricUnit.Count, report.failed);
  metrics.addMetric('DeliveryRetries', MetricUnit.Count, report.retried);
}
