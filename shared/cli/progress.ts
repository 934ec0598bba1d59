import { plural } from '../alerts/message-words.ts';
import type { CycleProgress } from '../use-cases/run-cycle.ts';

// What a long cycle is doing, on stderr (stdout stays the command's output). In a terminal one
// line that updates in place once the cycle has run a few seconds; in a log a line when the stage
// changes, every 50 articles and every 30 s, so a slow poll never looks like a hang.

const SHOW_AFTER_MS = 3_000;
const LOG_EVERY_MS = 30_000;

export interface CycleProgressReporter {
  /** The callback for runCycle's onProgress. */
  onProgress: CycleProgress;
  /** Removes the progress line before other output is written. */
  clear(): void;
  /** Ends the reporting of this cycle. */
  done(): void;
}

export interface ProgressStream {
  isTTY?: boolean | undefined;
  write(text: string): unknown;
}

export function startCycleProgress(
  feeds: number,
  stream: ProgressStream = process.stderr,
  now: () => number = Date.now,
): CycleProgressReporter {
  const started = now();
  let stage = `polling ${plural(feeds, 'feed')}`;
  let count = '';
  let shown = false;
  let lastLog = 0;
  const line = () => `${stage}${count} (${Math.round((now() - started) / 1000)} s)`;
  const show = (force: boolean) => {
    const t = now();
    if (t - started < SHOW_AFTER_MS) return;
    if (stream.isTTY) {
      stream.write(`\r\u001b[2K  ${line()}`);
      shown = true;
    } else if (force || t - lastLog >= LOG_EVERY_MS) {
      stream.write(`  ${line()}\n`);
      lastLog = t;
    }
  };
  const timer = setInterval(() => show(false), stream.isTTY ? 1_000 : 5_000);
  timer.unref();
  /** A new stage is logged at once; a new count only in a terminal, or every 50. */
  const update = (nextStage: string, nextCount: string, log: boolean) => {
    const changed = nextStage !== stage;
    stage = nextStage;
    count = nextCount;
    if (changed || log || stream.isTTY) show(changed || log);
  };
  // Articles start while other feeds are still being polled; counts come with each article done.
  let polled = false;
  let articles = { done: 0, total: 0 };
  const current = (): [string, string] => {
    const count = articles.total ? ` ${articles.done}/${articles.total}` : '';
    if (!polled)
      return [`polling ${plural(feeds, 'feed')}${count ? ', processing articles' : ''}`, count];
    if (!articles.total) return ['processing and delivering', ''];
    return articles.done < articles.total
      ? ['processing articles', count]
      : ['delivering alerts', ''];
  };
  return {
    onProgress(e) {
      if (e.stage === 'poll') polled = true;
      else if (e.stage === 'process') articles = { done: e.done, total: e.total };
      else return;
      const [nextStage, nextCount] = current();
      update(nextStage, nextCount, e.stage === 'process' && e.done % 50 === 0);
    },
    clear() {
      if (shown) stream.write('\r\u001b[2K');
      shown = false;
    },
    done() {
      clearInterval(timer);
      this.clear();
    },
  };
}
