import { resolve } from 'node:path';
import { terminalTextFor } from '../alerts/render-alert.ts';
import { formatProblems } from '../config/config-problems.ts';
import { loadConfigFile, parseConfigText } from '../config/load-config.ts';
import { exampleAddressWarnings } from '../config/local-target.ts';
import type { Config } from '../config/schema.ts';
import { ConfigError, StrikewatchError } from '../domain/errors.ts';
import type { AlertRecord } from '../domain/records.ts';
import { consoleLogger } from '../local/console-logger.ts';
import { outboxWriter } from '../local/outbox.ts';
import { terminalText } from '../output/sanitise.ts';
import { type CycleSummary, runCycle } from '../use-cases/run-cycle.ts';
import { nextPoll, nextPollLine, problemLines, readFeedHealth } from './feed-health.ts';
import { checkLocalStart, type LocalRun, openLocalRun } from './local-run.ts';
import { type CycleProgressReporter, startCycleProgress } from './progress.ts';
import { type RunRecord, writeRunRecord } from './run-record.ts';
import { listenForStop, type StopSignals } from './stop-signals.ts';
import { utcClock } from './time-words.ts';

// `strikewatch run`: the local runner for a user's own config, and the engine of `demo`.

/** What one cycle did, in one line. */
export function cycleText(s: CycleSummary): string {
  const feeds = `${s.feeds.ok + s.feeds.notModified + s.feeds.failed} feeds polled (${s.feeds.ok} new content, ${s.feeds.notModified} not modified, ${s.feeds.failed} failed${s.feeds.notDue ? `, ${s.feeds.notDue} not due` : ''})`;
  const articles = `${s.articles.processed} new articles (${s.articles.relevant} on topic, ${s.articles.duplicates} joined a known story${s.articles.failed ? `, ${s.articles.failed} failed` : ''})`;
  const deliveries = `${s.deliveries.sent} deliveries sent${s.deliveries.failed ? `, ${s.deliveries.failed} failed` : ''}${s.deliveries.retried ? `, ${s.deliveries.retried} retried` : ''}`;
  return `${feeds} · ${articles} · ${s.alerts} new alerts · ${deliveries}`;
}

/** The closing line of a run: CI and users read its "N new alerts". */
export function summaryLine(s: CycleSummary): string {
  return `strikewatch: ${cycleText(s)}`;
}

/** A message on the terminal (renderTerminalUpdate: every outside string through terminalText). */
export function printAlert(alert: AlertRecord): void {
  process.stdout.write(`\n${terminalTextFor(alert)}\n`);
}

export interface CycleOptions {
  config: Config;
  /** Where the config came from, for messages and `strikewatch status`. */
  origin: string;
  dataDir: string;
  /** The command line, for the store record ("run --watch", "demo"). */
  command: string;
  quiet?: boolean | undefined;
  force?: boolean | undefined;
  watch?: boolean | undefined;
}

const say = (line: string) => process.stderr.write(`${line}\n`);

/** The shortest wait between two watch cycles, whatever the feeds' states say. */
const MIN_WATCH_WAIT_MS = 60_000;

interface RunContext {
  o: CycleOptions;
  run: LocalRun;
  signals: StopSignals;
  record: RunRecord;
  dataDir: string;
  progress: CycleProgressReporter | null;
}

async function oneCycle(ctx: RunContext, force: boolean): Promise<CycleSummary> {
  const feeds = ctx.o.config.feeds.length;
  ctx.progress = ctx.o.quiet ? null : startCycleProgress(feeds);
  ctx.signals.busy(true);
  try {
    return await runCycle(ctx.run.deps, {
      force,
      ...(ctx.progress ? { onProgress: ctx.progress.onProgress } : {}),
    });
  } finally {
    ctx.signals.busy(false);
    ctx.progress?.done();
    ctx.progress = null;
  }
}

/** After a cycle: what is wrong with which feed, and when the next poll is. */
async function reportCycle(ctx: RunContext, summary: CycleSummary, watch: boolean): Promise<void> {
  const now = new Date();
  const health = await readFeedHealth(ctx.run.deps.feedState, ctx.o.config.feeds);
  const next = nextPoll(health, now);
  if (next.at.getTime() < now.getTime() + MIN_WATCH_WAIT_MS) {
    next.at = new Date(now.getTime() + MIN_WATCH_WAIT_MS);
  }
  const text = watch ? `${utcClock(now, now)}  ${cycleText(summary)}` : `\n${summaryLine(summary)}`;
  const problems = problemLines(health, now);
  const lines = [text, ...problems, ...(watch ? [`  ${nextPollLine(next, now)}`] : [])];
  process.stdout.write(`${lines.join('\n')}\n`);
  ctx.record.lastCycle = {
    at: now.toISOString(),
    summary: cycleText(summary),
    failedFeeds: problems.length,
  };
  ctx.record.nextPollAt = watch ? next.at.toISOString() : null;
  writeRunRecord(ctx.dataDir, ctx.record);
}

async function cycles(ctx: RunContext): Promise<CycleSummary> {
  let summary = await oneCycle(ctx, ctx.o.force ?? false);
  await reportCycle(ctx, summary, Boolean(ctx.o.watch));
  while (ctx.o.watch && !ctx.signals.stopped) {
    const at = new Date(ctx.record.nextPollAt ?? Date.now() + MIN_WATCH_WAIT_MS);
    if (await ctx.signals.sleepUntil(at)) break;
    try {
      summary = await oneCycle(ctx, false);
      await reportCycle(ctx, summary, true);
    } catch (err) {
      // A watch outlives a passing outage (the store, the disk): the next cycle tries again.
      if (!(err instanceof StrikewatchError && err.retryable)) throw err;
      const next = new Date(Date.now() + MIN_WATCH_WAIT_MS);
      ctx.record.nextPollAt = next.toISOString();
      process.stdout.write(
        `${utcClock(new Date())}  cycle failed: ${terminalText(err.message, { max: 500 })}; trying again at ${utcClock(next)}\n`,
      );
    }
  }
  return summary;
}

export async function runCycles(o: CycleOptions): Promise<CycleSummary> {
  const dataDir = resolve(o.dataDir);
  const logger = consoleLogger(process.env.LOG_LEVEL === 'debug' ? 'debug' : 'warn');
  const run = await openLocalRun(o.config, {
    origin: o.origin,
    dataDir,
    command: o.command,
    logger,
    env: process.env,
    notice: (m) => say(`strikewatch: ${m}`),
  });
  const signals = listenForStop(say);
  const ctx: RunContext = {
    o,
    run,
    signals,
    dataDir,
    progress: null,
    record: {
      pid: process.pid,
      command: o.command,
      config: o.origin,
      startedAt: new Date().toISOString(),
      feeds: o.config.feeds.map((f) => ({
        id: f.id,
        url: f.url,
        intervalMinutes: f.intervalMinutes,
      })),
      lastCycle: null,
      nextPollAt: null,
    },
  };
  try {
    writeRunRecord(dataDir, ctx.record);
    const writeOutbox = openOutbox(dataDir);
    run.deps.onAlertCreated = (alert) => {
      writeOutbox(alert);
      if (o.quiet) return;
      ctx.progress?.clear();
      printAlert(alert);
    };
    if (o.watch && !o.quiet) describeWatch(ctx);
    return await cycles(ctx);
  } finally {
    signals.dispose();
    await run.close();
  }
}

/** DIR/outbox/, where every alert is also kept as a file; a folder that cannot be made says so. */
function openOutbox(dataDir: string): ReturnType<typeof outboxWriter> {
  try {
    return outboxWriter(dataDir);
  } catch (err) {
    throw new ConfigError(
      `cannot keep alerts in ${dataDir}/outbox/ (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}): ` +
        'make it a writable folder, or choose another --data-dir',
      { cause: err },
    );
  }
}

function describeWatch(ctx: RunContext): void {
  const server = ctx.run.store.server();
  const where = server.self
    ? `serving its store to other strikewatch commands on 127.0.0.1:${server.port}`
    : `using the store served by strikewatch ${server.command} (pid ${server.pid})`;
  say(
    `strikewatch: watching ${ctx.o.config.feeds.length} feeds from ${ctx.o.origin}; data in ${ctx.dataDir}, ${where}. ` +
      'Ctrl-C stops.',
  );
}

/** Warnings a local start prints but does not stop for (example addresses left in a copy). */
export function printWarnings(config: Config): void {
  const warnings = exampleAddressWarnings(config);
  if (warnings.length) say(`strikewatch: warning:\n${formatProblems(warnings)}`);
}

export async function runRun(o: {
  config: string;
  dataDir: string;
  once?: boolean;
  watch?: boolean;
  force?: boolean;
}): Promise<void> {
  if (o.once && o.watch) throw new ConfigError('choose one of --once and --watch');
  const config = await loadConfigFile(o.config);
  checkLocalStart(config, o.config, process.env);
  printWarnings(config);
  await runCycles({
    config,
    origin: o.config,
    dataDir: o.dataDir,
    command: `run${o.watch ? ' --watch' : ''}`,
    force: o.force,
    watch: o.watch,
  });
}

/** Fills `${NAME}` placeholders of a config template. */
export function fillTemplate(text: string, values: Record<string, string>, origin: string): Config {
  const filled = text.replace(/\$\{([A-Z_]+)\}/g, (m, name: string) => values[name] ?? m);
  return parseConfigText(filled, origin);
}
