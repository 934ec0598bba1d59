import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { SQSEvent, SQSRecord } from 'aws-lambda';
import type { Config } from '../../shared/config/schema.ts';
import type { WorkerExtractor } from '../../shared/extract/worker-extractor.ts';
import { parseArticleJob } from '../../shared/use-cases/messages.ts';
import { processArticle } from '../../shared/use-cases/process-article.ts';
import { getRuntime } from '../commons/bootstrap.ts';
import { logger, metrics } from '../commons/powertools.ts';
import { alertQueue as alertQueueFactory } from '../commons/sqs-queues.ts';

// The body of process-article, loaded by handler.ts once the extraction worker is on its way.
// SQS batch: one article per record. A failing record is reported alone (partial batch
// response), retried by SQS and dead-lettered after its retries; the rest of the batch is done.

const processor = new BatchProcessor(EventType.SQS);

async function processRecord(record: SQSRecord, extractor: WorkerExtractor): Promise<void> {
  const { deps, alertQueue } = getRuntime({
    alertQueue: alertQueueFactory,
    // Pages are parsed in the worker thread (deadline, capped heap) that handler.ts started.
    extractor: (config: Config) => extractor.configure(config.extraction),
  });
  const job = parseArticleJob(record.body);
  const outcome = await processArticle(deps, job);
  if (outcome.status === 'error') metrics.addMetric('ArticleFailures', MetricUnit.Count, 1);
  if (outcome.status === 'busy')
    throw new Error(`article ${job.articleId} is being processed by another worker`);
  if ('alerts' in outcome && outcome.alerts.length) {
    metrics.addMetric('AlertsCreated', MetricUnit.Count, outcome.alerts.length);
    await alertQueue?.send([{ alertIds: outcome.alerts.map((a) => a.alertId) }]);
  }
  logger.info('article processed', { articleId: job.articleId, status: outcome.status });
}

export function createHandler(extractor: WorkerExtractor) {
  return async (event: SQSEvent) => {
    const response = await processPartialResponse(
      event,
      (record: SQSRecord) => processRecord(record, extractor),
      processor,
    );
    metrics.publishStoredMetrics();
    return response;
  };
}
