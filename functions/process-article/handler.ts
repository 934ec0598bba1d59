import './start-extraction-worker.ts';
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { SQSEvent, SQSRecord } from 'aws-lambda';
import type { Config } from '../../shared/config/schema.ts';
import { parseArticleJob } from '../../shared/use-cases/messages.ts';
import { processArticle } from '../../shared/use-cases/process-article.ts';
import { getRuntime } from '../commons/bootstrap.ts';
import { logger, metrics } from '../commons/powertools.ts';
import { alertQueue as alertQueueFactory } from '../commons/sqs-queues.ts';
import { extractor } from './start-extraction-worker.ts';

// SQS batch: one article per record. A failing record is reported alone (partial batch
// response), retried by SQS and dead-lettered after its retries; the rest of the batch is done.

const processor = new BatchProcessor(EventType.SQS);

// Pages are parsed in a worker thread (deadline, capped heap), started by the first import.
const extractorFor = (config: Config) => extractor.configure(config.extraction);

/** Resolves when the extraction worker is ready (the bench times the cold start up to here). */
export const extractionReady = (): Promise<void> => extractor.whenReady();

async function processRecord(record: SQSRecord): Promise<void> {
  const { deps, alertQueue } = getRuntime({
    alertQueue: alertQueueFactory,
    extractor: extractorFor,
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

export const handler = async (event: SQSEvent) => {
  const response = await processPartialResponse(event, processRecord, processor);
  metrics.publishStoredMetrics();
  return response;
};
