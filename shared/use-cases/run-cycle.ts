import { describeError } from '../domain/errors.ts';
import { type DeliverDeps, type DeliveryReport, deliverDue } from './deliver-alerts.ts';
import { type HostLimiter, hostKey, hostLimiter } from './host-limiter.ts';
import {
  type ArticleJob,
  commitFeedState,
  type FeedPollResult,
  mapLimit,
  type PollDeps,
  pollFeed,
} from './poll-feeds.ts';
import { type ProcessDeps, type ProcessOutcome, processArticle } from './process-article.ts';

// One full cycle, as the local runner does it in one process (in AWS the same steps run in
// three functions joined by SQS): poll every feed, process every new item, deliver alerts.
//
// Nothing waits for what it does not need: a feed's articles start as soon as its own poll is
// done (their pages read side by side, their claims settled in the order the outlet published
// them), pages are read with bounded concurrency per host and in total (a slow host holds only
// its own slots), each article's alerts are delivered as soon as it is done, and a feed's state
// is saved once its own articles are. One slow feed delays only its own articles.

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

export interface CycleOptions {
  force?: boolean;
  /** Articles (page reads) in flight at once, over all hosts. */
  concurrency?: number;
  /** Articles in flight at once whose pages are on one host (host and port). */
  perHost?: number;
  /** How long the final delivery round waits for retries coming due. */
  deliveryWaitMs?: number;
  onProgress?: CycleProgress;
}

const DEFAULTS = { concurrency: 8, perHost: 4, feedPolls: 4, deliveryWaitMs: 30_000 };

const emptyReport = (): DeliveryReport => ({ sent: 0, retried: 0, failed: 0, skipped: 0 });

function addReport(into: DeliveryReport, r: DeliveryReport): void {
  into.sent += r.sent;
  into.retried += r.retried;
  into.failed += r.failed;
  into.skipped += r.skipped;
}

/**
 * Delivers the alerts it is told about, one round at a time, while the cycle goes on. A round
 * that throws (a crash, a bug) stops the pump; `drain` rethrows it once the cycle is done.
 */
function deliveryPump(deps: DeliverDeps) {
  const pending = new Set<string>();
  const report = emptyReport();
  let running: Promise<void> | null = null;
  let failure: { err: unknown } | null = null;
  const pump = async () => {
    try {
      while (pending.size > 0 && !failure) {
        const alertIds = [...pending];
        pending.clear();
        addReport(report, await deliverDue(deps, { alertIds, maxWaitMs: 0 }));
      }
    } catch (err) {
      failure = { err };
    } finally {
      // Synchronous after the last check of `pending`: no nudge falls between the two.
      running = null;
    }
  };
  return {
    nudge(alertIds: string[]) {
      for (const id of alertIds) pending.add(id);
      if (!running && !failure && pending.size > 0) running = Promise.resolve().then(pump);
    },
    async drain(): Promise<DeliveryReport> {
      while (running) await running;
      if (failure) throw failure.err;
      return report;
    },
  };
}

type Pump = ReturnType<typeof deliveryPump>;

interface CycleContext {
  limiter: HostLimiter;
  delivery: Pump;
  progress: { done: number; total: number; report?: CycleProgress | undefined };
}

/** One article, in its host's slot; a throw is an outcome here (the attempt is on record). */
async function runJob(
  deps: CycleDeps,
  job: ArticleJob,
  ctx: CycleContext,
  unfinished: Set<string>,
  turn: () => Promise<void>,
): Promise<ProcessOutcome> {
  const outcome = await processArticle(deps, job, { turn }).catch(
    (err: unknown): ProcessOutcome => {
      const e = describeError(err);
      deps.logger.error('article failed', { url: job.url, code: e.code, reason: e.message });
      unfinished.add(job.articleId);
      return { articleId: job.articleId, status: 'error', code: e.code, message: e.message };
    },
  );
  if (outcome.status === 'busy') unfinished.add(job.articleId);
  if ('alerts' in outcome && outcome.alerts.length > 0)
    ctx.delivery.nudge(outcome.alerts.map((a) => a.alertId));
  const p = ctx.progress;
  p.report?.({ stage: 'process', done: ++p.done, total: p.total });
  return outcome;
}

/** Oldest first; items without a date keep their feed order after the dated ones. */
function byPublication(jobs: readonly ArticleJob[]): ArticleJob[] {
  const at = (j: ArticleJob) => (j.item.publishedAt ? Date.parse(j.item.publishedAt) : Infinity);
  return [...jobs].sort((a, b) => at(a) - at(b));
}

/**
 * A polled feed's articles. Their pages are read side by side (bounded per host and in total),
 * but each settles its claims only after the one the outlet published before it is done, so an
 * outlet's revised toll is read as a revision ("from 10 to 20"), never before the first toll.
 * The feed's new ETag is kept only when all of them were handled, otherwise the next poll
 * fetches the feed again and the unfinished items come back.
 */
async function runFeed(
  deps: CycleDeps,
  poll: FeedPollResult,
  ctx: CycleContext,
): Promise<ProcessOutcome[]> {
  if (poll.status !== 'ok') return [];
  ctx.progress.total += poll.jobs.length;
  const unfinished = new Set<string>();
  let previous: Promise<unknown> = Promise.resolve();
  const outcomes = await Promise.all(
    byPublication(poll.jobs).map((job) => {
      const before = previous;
      const run = ctx.limiter.run(hostKey(job.url, `feed:${job.feedId}`), (slot) =>
        runJob(deps, job, ctx, unfinished, async () => {
          await slot.pause(before);
        }),
      );
      // The next article's turn comes when this one is done, whatever its outcome.
      previous = run.catch(() => {});
      return run;
    }),
  );
  if (!poll.jobs.some((j) => unfinished.has(j.articleId))) await commitFeedState(deps, poll);
  return outcomes;
}

/** Polls the feeds, each feed's articles starting as soon as its poll is done. */
async function pollAndProcess(deps: CycleDeps, opts: CycleOptions, ctx: CycleContext) {
  const feedRuns: Promise<ProcessOutcome[]>[] = [];
  const polls = await mapLimit(deps.config.feeds, DEFAULTS.feedPolls, async (feed, i) => {
    const poll = await pollFeed(deps, feed, { force: opts.force ?? false });
    const run = runFeed(deps, poll, ctx);
    // Awaited below with the others; a rejection before then must not count as unhandled.
    run.catch(() => {});
    feedRuns[i] = run;
    return poll;
  });
  opts.onProgress?.({ stage: 'poll', done: polls.length, total: polls.length });
  const outcomes = (await Promise.all(feedRuns)).flat();
  return { polls, outcomes };
}

function summarise(
  polls: FeedPollResult[],
  outcomes: ProcessOutcome[],
  deliveries: DeliveryReport,
): CycleSummary {
  const count = (s: ProcessOutcome['status']) => outcomes.filter((o) => o.status === s).length;
  const feeds = (s: FeedPollResult['status']) => polls.filter((p) => p.status === s).length;
  return {
    feeds: {
      ok: feeds('ok'),
      notModified: feeds('not_modified'),
      notDue: feeds('not_due'),
      failed: feeds('error'),
    },
    articles: {
      processed: count('processed') + count('irrelevant'),
      relevant: count('processed'),
      irrelevant: count('irrelevant'),
      duplicates: outcomes.filter((o) => o.status === 'processed' && o.duplicateOf !== null).length,
      failed: count('error'),
    },
    alerts: outcomes.reduce((n, o) => n + ('alerts' in o ? o.alerts.length : 0), 0),
    deliveries,
    polls,
    outcomes,
  };
}

export async function runCycle(deps: CycleDeps, opts: CycleOptions = {}): Promise<CycleSummary> {
  const ctx: CycleContext = {
    limiter: hostLimiter({
      total: opts.concurrency ?? DEFAULTS.concurrency,
      perHost: opts.perHost ?? DEFAULTS.perHost,
    }),
    delivery: deliveryPump(deps),
    progress: { done: 0, total: 0, report: opts.onProgress },
  };
  const { polls, outcomes } = await pollAndProcess(deps, opts, ctx);
  const deliveries = await ctx.delivery.drain();
  // Then everything due: retries of the rounds above, and what earlier runs left.
  const rest = await deliverDue(deps, {
    maxWaitMs: opts.deliveryWaitMs ?? DEFAULTS.deliveryWaitMs,
  });
  addReport(deliveries, rest);
  opts.onProgress?.({ stage: 'deliver', done: 1, total: 1 });
  return summarise(polls, outcomes, deliveries);
}
