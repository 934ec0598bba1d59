import { METRICS } from '../../shared/contracts/metrics.ts';
import { commitFeedState, pollFeeds } from '../../shared/use-cases/poll-feeds.ts';
import { startFunction } from '../commons/bootstrap.ts';
import { countMetric, logger, metrics } from '../commons/powertools.ts';
import { sqsQueue } from '../commons/sqs-queues.ts';

// Scheduled: polls every due feed and fans its new items out to the article queue.

const { deps, env } = startFunction('poll-feeds');
const articleQueue = sqsQueue(env, env.ARTICLE_QUEUE_URL);

export const handler = async (_event: unknown) => {
  try {
    const results = await pollFeeds(deps);
    const jobs = results.flatMap((r) => (r.status === 'ok' ? r.jobs : []));
    const failed = results.filter((r) => r.status === 'error').length;
    // Counted before the send: a failed send still reports what the poll saw.
    countMetric(METRICS.feedsPolled, results.filter((r) => r.status !== 'not_due').length);
    countMetric(METRICS.feedFailures, failed);
    await articleQueue.send(jobs);
    countMetric(METRICS.articlesQueued, jobs.length);
    // Only now are the items safe (SQS redelivers until processed): keep the new ETags.
    await Promise.all(results.map((r) => commitFeedState(deps, r)));
    logger.info('poll finished', { feeds: results.length, failed, queued: jobs.length });
    return { feeds: results.length, failed, queued: jobs.length };
  } finally {
    metrics.publishStoredMetrics();
  }
};
