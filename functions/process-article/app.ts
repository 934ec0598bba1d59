import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { SQSEvent, SQSRecord } from 'aws-lambda';
import { METRICS } from '../../shared/contracts/metrics.ts';
import type { WorkerExtractor } from '../../shared/extract/worker-extractor.ts';
import type { JobQueue } from '../../shared/ports/job-queue.ts';
import { parseArticleJob } from '../../shared/use-cases/messages.ts';
import { type ProcessDeps, processArticle } from '../../shared/use-cases/process-article.ts';
import { startFunction } from '../commons/bootstrap.ts';
import { countMetric, logger, metrics } from '../commons/powertools.ts';
import { sqsQueue } from '../commons/sqs-queues.ts';

// The body of process-article, loaded by handler.ts once the extraction worker is on its way.
// SQS batch: one article per record. A failing record is reported alone (partial batch
// response), retried by SQS and dead-lettered after its retries; the rest of the batch is done.
// A batch whose every record failed is still a partial response, not a failed invocation: the
// Errors alarm is for crashes and timeouts, and at low traffic most batches hold one record.

async function processRecord(
  deps: ProcessDeps,
  alertQueue: JobQueue,
  record: SQSRecord,
): Promise<void> {
  const job = parseArticleJob(record.body);
  const outcome = await processArticle(deps, job);
  if (outcome.status === 'error') countMetric(METRICS.articleFailures, 1);
  if (outcome.status === 'busy') {
    throw new Error(`article ${job.articleId} is being processed by another worker`);
  }
  if ('alerts' in outcome && outcome.alerts.length) {
    countMetric(METRICS.alertsCreated, outcome.alerts.length);
    try {
      await alertQueue.send([{ alertIds: outcome.alerts.map((a) => a.alertId) }]);
    } catch (err) {
      // The deliveries are in the outbox already: the send-alerts sweep finds them within its
      // period. Failing the record would not help: its retry finds the article done.
      logger.warn('alert nudge not sent; the sweep will deliver', {
        articleId: job.articleId,
        error: (err as Error).message,
      });
    }
  }
  logger.info('article processed', { articleId: job.articleId, status: outcome.status });
}

/** Builds the runtime (cold start) and returns the handler. */
export function createHandler(extractor: WorkerExtractor) {
  const { deps, env } = startFunction('process-article', {
    // Pages are parsed in the worker thread (deadline, capped heap) that handler.ts started.
    extractor: (config) => extractor.configure(config.extraction),
  });
  const alertQueue = sqsQueue(env, env.ALERT_QUEUE_URL);
  const processor = new BatchProcessor(EventType.SQS);
  return async (event: SQSEvent) => {
    try {
      return await processPartialResponse(
        event,
        (record: SQSRecord) => processRecord(deps, alertQueue, record),
        processor,
        { throwOnFullBatchFailure: false },
      );
    } finally {
      metrics.publishStoredMetrics();
    }
  };
}
