import { METRICS } from '../../shared/contracts/metrics.ts';
import { pollAndQueue } from '../../shared/use-cases/poll-feeds.ts';
import { startFunction } from '../commons/bootstrap.ts';
import { countMetric, logger, metrics } from '../commons/powertools.ts';
import { sqsQueue } from '../commons/sqs-queues.ts';

// Scheduled: polls every due feed and fans its new items out to the article queue, feed by feed
// (the use-case saves a feed's state only once its jobs are queued).

const { deps, env } = startFunction('poll-feeds');
const articleQueue = sqsQueue(env, env.ARTICLE_QUEUE_URL);

export const handler = async (_event: unknown) => {
  try {
    const run = await pollAndQueue({ ...deps, articleQueue });
    countMetric(METRICS.feedsPolled, run.polled);
    countMetric(METRICS.feedFailures, run.failed);
    countMetric(METRICS.articlesQueued, run.queued);
    const summary = {
      feeds: run.results.length,
      failed: run.failed,
      sendFailed: run.sendFailed,
      queued: run.queued,
    };
    logger.info('poll finished', summary);
    return summary;
  } finally {
    metrics.publishStoredMetrics();
  }
};
