import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { commitFeedState, pollFeeds } from '../../shared/use-cases/poll-feeds.ts';
import { getRuntime } from '../commons/bootstrap.ts';
import { logger, metrics } from '../commons/powertools.ts';
import { articleQueue as articleQueueFactory } from '../commons/sqs-queues.ts';

// Scheduled: polls every due feed and fans its new items out to the article queue.
export const handler = async (_event: unknown) => {
  const { deps, articleQueue } = getRuntime({ articleQueue: articleQueueFactory });
  if (!articleQueue) throw new Error('ARTICLE_QUEUE_URL is not set');
  const results = await pollFeeds(deps);
  const jobs = results.flatMap((r) => (r.status === 'ok' ? r.jobs : []));
  await articleQueue.send(jobs);
  // Only now are the items safe (SQS redelivers until processed): keep the new ETags.
  await Promise.all(results.map((r) => commitFeedState(deps, r)));
  const failed = results.filter((r) => r.status === 'error').length;
  metrics.addMetric(
    'FeedsPolled',
    MetricUnit.Count,
    results.filter((r) => r.status !== 'not_due').length,
  );
  metrics.addMetric('FeedFailures', MetricUnit.Count, failed);
  metrics.addMetric('ArticlesQueued', MetricUnit.Count, jobs.length);
  metrics.publishStoredMetrics();
  logger.info('poll finished', { feeds: results.length, failed, queued: jobs.length });
  return { feeds: results.length, failed, queued: jobs.length };
};
