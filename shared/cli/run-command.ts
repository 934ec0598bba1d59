import { resolve } from 'node:path';
import { alertText } from '../alerts/format-alert.ts';
import { loadConfigFile, parseConfigText } from '../config/load-config.ts';
import type { Config } from '../config/schema.ts';
import { ConfigError } from '../domain/errors.ts';
import type { AlertRecord } from '../domain/records.ts';
import { consoleLogger } from '../local/console-logger.ts';
import { createLocalRuntime } from '../local/local-deps.ts';
import { outboxWriter } from '../local/outbox.ts';
import { type CycleSummary, runCycle } from '../use-cases/run-cycle.ts';

// `strikewatch run`: the local runner for a user's own config, and the engine of `demo`.

export function summaryLine(s: CycleSummary): string {
  const feeds = `${s.feeds.ok + s.feeds.notModified + s.feeds.failed} feeds polled (${s.feeds.ok} new content, ${s.feeds.notModified} not modified, ${s.feeds.failed} failed${s.feeds.notDue ? `, ${s.feeds.notDue} not due` : ''})`;
  const articles = `${s.articles.processed} new articles (${s.articles.relevant} on topic, ${s.articles.duplicates} joined a known story${s.articles.failed ? `, ${s.articles.failed} failed` : ''})`;
  const deliveries = `${s.deliveries.sent} deliveries sent${s.deliveries.failed ? `, ${s.deliveries.failed} failed` : ''}${s.deliveries.retried ? `, ${s.deliveries.retried} retried` : ''}`;
  return `strikewatch: ${feeds} · ${articles} · ${s.alerts} new alerts · ${deliveries}`;
}

export function printAlert(alert: AlertRecord): void {
  process.stdout.write(`\n${alert.kind === 'casualty' ? '▲' : '◆'} ${alertText(alert)}\n`);
}

export interface CycleOptions {
  config: Config;
  dataDir: string;
  quiet?: boolean | undefined;
  force?: boolean | undefined;
  watch?: boolean | undefined;
}

export async function runCycles(o: CycleOptions): Promise<CycleSummary> {
  const dataDir = resolve(o.dataDir);
  const logger = consoleLogger(process.env.LOG_LEVEL === 'debug' ? 'debug' : 'warn');
  const runtime = await createLocalRuntime(o.config, { dataDir, logger, env: process.env });
  const writeOutbox = outboxWriter(dataDir);
  runtime.deps.onAlertCreated = (alert) => {
    writeOutbox(alert);
    if (!o.quiet) printAlert(alert);
  };
  // Long runs show progress on stderr: a line that updates in a terminal, a line every 50
  // articles in a log.
  const progress = (e: { stage: string; done: number; total: number }) => {
    if (e.stage !== 'process' || e.total < 20) return;
    if (process.stderr.isTTY) {
      if (e.done % 10 !== 0 && e.done !== e.total) return;
      process.stderr.write(`\r  processing articles: ${e.done}/${e.total}`);
      if (e.done === e.total) process.stderr.write('\n');
    } else if (e.done % 50 === 0 || e.done === e.total) {
      process.stderr.write(`  processing articles: ${e.done}/${e.total}\n`);
    }
  };
  try {
    let summary = await runCycle(runtime.deps, { force: o.force ?? false, onProgress: progress });
    process.stdout.write(`\n${summaryLine(summary)}\n`);
    // --watch: wake every minute and poll the feeds that are due (each keeps its interval).
    // Ctrl-C ends the wait at once, or lets a running cycle finish before the store closes.
    let stop = false;
    let wake = () => {};
    const onSignal = () => {
      stop = true;
      wake();
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    while (o.watch && !stop) {
      await new Promise<void>((r) => {
        const t = setTimeout(r, 60_000);
        wake = () => {
          clearTimeout(t);
          r();
        };
      });
      if (stop) break;
      summary = await runCycle(runtime.deps, { onProgress: progress });
      if (summary.feeds.ok + summary.feeds.failed + summary.feeds.notModified > 0) {
        process.stdout.write(`${new Date().toISOString()} ${summaryLine(summary)}\n`);
      }
    }
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    return summary;
  } finally {
    await runtime.close();
  }
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
  await runCycles({ config, dataDir: o.dataDir, force: o.force, watch: o.watch });
}

export async function runValidate(file: string): Promise<void> {
  const c = await loadConfigFile(file);
  process.stdout.write(
    `${file} is valid: ${c.feeds.length} feeds, ${c.topics.length} topics, ${c.subscribers.length} subscribers` +
      `${c.network.allowPrivateHosts.length ? `; private hosts allowed: ${c.network.allowPrivateHosts.join(', ')}` : ''}\n`,
  );
}

/** Fills `${NAME}` placeholders of a config template. */
export function fillTemplate(text: string, values: Record<string, string>, origin: string): Config {
  const filled = text.replace(/\$\{([A-Z_]+)\}/g, (m, name: string) => values[name] ?? m);
  return parseConfigText(filled, origin);
}
