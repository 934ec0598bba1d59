import { describeError } from '../domain/errors.ts';
import { type DeliverDeps, type DeliveryReport, deliverDue } from './deliver-alerts.ts';
import {
  commitFeedState,
  type FeedPollResult,
  mapLimit,
  type PollDeps,
  pollFeeds,
} from './poll-feeds.ts';
import { type ProcessDeps, type ProcessOutcome, processArticle } from './process-article.ts';

// One full cycle, as the local runner does it in one process (in AWS the same steps run in
// three functions joined by SQS): poll every feed, process every new item, deliver alerts.

/** Everything the three steps take: the local runner builds it all, in one process. */
export type CycleDeps = PollDeps & ProcessDeps & DeliverDeps;

export interface CycleSummary {
  feeds: { ok: number; notModified: number; notDue: number; failed: number };
  articles: {
    processed: number;
    relevant: number;
    irrelevant: number;
    duplicates: number;
    failed: number;
  };
  alerts: number;
  deliveries: DeliveryReport;
  polls: FeedPollResult[];
  outcomes: ProcessOutcome[];
}

export type CycleProgress = (event: {
  stage: 'poll' | 'process' | 'deliver';
  done: number;
  total: number;
}) => void;

export async function runCycle(
  deps: CycleDeps,
  opts: {
    force?: boolean;
    concurrency?: number;
    deliveryWaitMs?: number;
    onProgress?: CycleProgress;
  } = {},
): Promise<CycleSummary> {
  const polls = await pollFeeds(deps, { force: opts.force ?? false });
  opts.onProgress?.({ stage: 'poll', done: polls.length, total: polls.length });
  const jobs = polls.flatMap((p) => (p.status === 'ok' ? p.jobs : []));
  let done = 0;
  // Articles whose processing threw (a store outage, a crash) did not finish.
  const unfinished = new Set<string>();
  const outcomes = await mapLimit(jobs, opts.concurrency ?? 4, async (job) => {
    const outcome = await processArticle(deps, job).catch((err: unknown): ProcessOutcome => {
      const e = describeError(err);
      deps.logger.error('article failed', { url: job.url, code: e.code, error: e.message });
      unfinished.add(job.articleId);
      return { articleId: job.articleId, status: 'error', code: e.code, message: e.message };
    });
    if (outcome.status === 'busy') unfinished.add(job.articleId);
    opts.onProgress?.({ stage: 'process', done: ++done, total: jobs.length });
    return outcome;
  });
  // A feed's new ETag is kept only when all its items were handled; otherwise the next poll
  // fetches the feed again and the unfinished items come back.
  for (const p of polls) {
    if (p.status === 'ok' && !p.jobs.some((j) => unfinished.has(j.articleId)))
      await commitFeedState(deps, p);
  }
  const deliveries = await deliverDue(deps, { maxWaitMs: opts.deliveryWaitMs ?? 30_000 });
  opts.onProgress?.({ stage: 'deliver', done: 1, total: 1 });
  return {
    feeds: {
      ok: polls.filter((p) => p.status === 'ok').length,
      notModified: polls.filter((p) => p.status === 'not_modified').length,
      notDue: polls.filter((p) => p.status === 'not_due').length,
      failed: polls.filter((p) => p.status === 'error').length,
    },
    articles: {
      processed: outcomes.filter((o) => o.status === 'processed' || o.status === 'irrelevant')
        .length,
      relevant: outcomes.filter((o) => o.status === 'processed').length,
      irrelevant: outcomes.filter((o) => o.status === 'irrelevant').length,
      duplicates: outcomes.filter((o) => o.status === 'processed' && o.duplicateOf !== null).length,
      failed: outcomes.filter((o) => o.status === 'error').length,
    },
    alerts: outcomes.reduce((n, o) => n + ('alerts' in o ? o.alerts.length : 0), 0),
    deliveries,
    polls,
    outcomes,
  };
}
