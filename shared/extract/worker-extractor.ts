import { Worker } from 'node:worker_threads';
import type { ExtractedArticle } from '../domain/article.ts';
import { ExtractError } from '../domain/errors.ts';
import {
  type ArticleExtractor,
  EXTRACTION_DEFAULTS,
  type ExtractTimings,
} from '../ports/extractor.ts';
import type {
  ExtractJob,
  ExtractRequest,
  ExtractResponse,
  WorkerMessage,
} from './worker-protocol.ts';

// Extraction in a worker thread, for three reasons measured in the bench:
// - a deadline: a page that keeps jsdom busy (pathological nesting, huge tables) is cut off by
//   ending the worker, which no timer in the same thread can do to synchronous code;
// - a bounded heap: jsdom's garbage lives in the worker's heap, capped with resourceLimits, and
//   the worker is replaced after a number of pages or when its heap stays large;
// - a quiet main heap: the garbage of 100 KB DOMs no longer forces full collections in the
//   pipeline's heap, so V8 keeps the claim extractor's compiled regular expressions (it discards
//   those of idle regexps at full collections, and recompiling them cost 30-100 ms an article).

export interface WorkerExtractorOptions {
  /** Time one page may take, from handing it over to getting the article back. */
  timeoutMs: number;
  /** Old-generation cap of the worker's heap; a page that needs more fails alone. */
  maxHeapMb?: number;
  /** Pages before the worker is replaced by a fresh one. */
  recycleAfter?: number;
  /** Heap size after a page above which the worker is replaced. */
  recycleHeapMb?: number;
  /** Time the worker may take to start (loading jsdom). */
  startTimeoutMs?: number;
  /** The worker script; defaults to the sources (tsx) or, in a bundle, the file beside it. */
  script?: { url: URL; workerData?: unknown };
}

const RUNNING_FROM_SOURCE = import.meta.url.endsWith('.ts');

/** The worker entry for this build: the TypeScript sources through tsx, or the bundled file. */
export function defaultWorkerScript(): { url: URL; workerData?: unknown } {
  if (RUNNING_FROM_SOURCE) {
    return {
      url: new URL('./extraction-worker-dev.mjs', import.meta.url),
      workerData: { entry: new URL('./extraction-worker.ts', import.meta.url).href },
    };
  }
  // Bundled: the function's asset holds extraction-worker.mjs next to index.mjs.
  return { url: new URL('./extraction-worker.mjs', import.meta.url) };
}

interface Running {
  worker: Worker;
  ready: Promise<void>;
  pages: number;
  /** Settles the request in flight, if any, when the worker dies. */
  onDeath: ((err: ExtractError) => void) | null;
}

export class WorkerExtractor implements ArticleExtractor {
  private readonly opts: Required<Omit<WorkerExtractorOptions, 'script'>> & {
    script: { url: URL; workerData?: unknown };
  };
  private running: Running | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  /** The worker being ended; the next one starts after it is gone, so two never overlap. */
  private retiring: Promise<void> = Promise.resolve();
  private nextId = 1;
  /** Workers started so far (the bench and tests read it). */
  started = 0;

  constructor(opts: WorkerExtractorOptions) {
    this.opts = {
      maxHeapMb: EXTRACTION_DEFAULTS.maxHeapMb,
      recycleAfter: 500,
      recycleHeapMb: 96,
      startTimeoutMs: 30_000,
      script: defaultWorkerScript(),
      ...opts,
    };
  }

  /** Limits from the validated config; a worker already running keeps its heap cap. */
  configure(limits: { timeoutMs: number; maxHeapMb: number }): this {
    this.opts.timeoutMs = limits.timeoutMs;
    this.opts.maxHeapMb = limits.maxHeapMb;
    return this;
  }

  /** Starts the worker now (a cold start overlaps it with the rest of the module loading). */
  warm(): void {
    this.whenReady().catch(() => {
      // Reported on the first extract instead.
    });
  }

  /** Resolves once a worker has loaded jsdom and takes pages. */
  whenReady(): Promise<void> {
    return this.ensureWorker().ready;
  }

  async extract(
    html: string,
    url: string,
    timings?: ExtractTimings,
  ): Promise<ExtractedArticle | null> {
    const res = await this.call({ kind: 'page', html, url }, url);
    if (timings) Object.assign(timings, res.timings);
    return res.article;
  }

  async feedItemText(content: string): Promise<string> {
    // Plain text needs no DOM, nor a trip to the worker.
    if (!/[<&]/.test(content)) return content.trim();
    return (await this.call({ kind: 'fragment', html: content }, "a feed item's content")).text;
  }

  async close(): Promise<void> {
    const r = this.running;
    this.running = null;
    if (r) await r.worker.terminate();
  }

  private call(req: ExtractJob, what: string) {
    // One request at a time: the worker is single-threaded anyway, and a deadline must time one.
    const result = this.queue.then(() => this.callNow(req, what));
    this.queue = result.catch(() => {});
    return result;
  }

  private ensureWorker(): Running {
    if (this.running) return this.running;
    const { script, maxHeapMb, startTimeoutMs } = this.opts;
    const worker = new Worker(script.url, {
      workerData: script.workerData,
      resourceLimits: { maxOldGenerationSizeMb: maxHeapMb },
      // The parent's flags (--enable-source-maps, loaders), less those a worker refuses.
      execArgv: workerExecArgv(),
    });
    this.started++;
    const running: Running = { worker, ready: Promise.resolve(), pages: 0, onDeath: null };
    running.ready = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new ExtractError(`the extraction worker did not start within ${startTimeoutMs} ms`));
        void this.retire(running);
      }, startTimeoutMs);
      // Posted once jsdom is loaded, so that loading is not charged to the first page.
      worker.once('message', (msg: WorkerMessage) => {
        clearTimeout(timer);
        if ('ready' in msg) resolve();
        else reject(new ExtractError('the extraction worker spoke before it was ready'));
      });
      worker.once('error', (err) => {
        clearTimeout(timer);
        reject(workerFailure(err, maxHeapMb));
      });
    });
    worker.on('error', (err) => {
      running.onDeath?.(workerFailure(err, maxHeapMb));
      if (this.running === running) this.running = null;
    });
    worker.on('exit', (code) => {
      running.onDeath?.(new ExtractError(`the extraction worker exited (code ${code})`));
      if (this.running === running) this.running = null;
    });
    worker.unref();
    this.running = running;
    return running;
  }

  private retire(r: Running): Promise<void> {
    if (this.running === r) this.running = null;
    r.onDeath = null;
    const done = r.worker.terminate().then(() => {});
    this.retiring = this.retiring.then(() => done);
    return done;
  }

  private async callNow(
    request: ExtractJob,
    what: string,
  ): Promise<Extract<ExtractResponse, { ok: true }>> {
    if (!this.running) await this.retiring;
    const r = this.ensureWorker();
    await r.ready;
    const { timeoutMs, recycleAfter, recycleHeapMb } = this.opts;
    const id = this.nextId++;
    r.worker.ref();
    try {
      const res = await new Promise<ExtractResponse>((resolve, reject) => {
        const timer = setTimeout(() => {
          r.onDeath = null;
          reject(
            new ExtractError(
              `extracting ${what} took longer than ${timeoutMs} ms; it was given up`,
              { code: 'extract_timeout' },
            ),
          );
          // Synchronous jsdom work cannot be interrupted: the worker goes, a fresh one follows.
          void this.retire(r);
        }, timeoutMs);
        r.onDeath = (err) => {
          clearTimeout(timer);
          r.onDeath = null;
          reject(err);
        };
        const onMessage = (msg: WorkerMessage) => {
          if ('ready' in msg || msg.id !== id) return;
          clearTimeout(timer);
          r.onDeath = null;
          r.worker.off('message', onMessage);
          resolve(msg);
        };
        r.worker.on('message', onMessage);
        r.worker.postMessage({ ...request, id } as ExtractRequest);
      });
      r.pages++;
      if (r.pages >= recycleAfter || res.heapUsedBytes > recycleHeapMb * 2 ** 20) {
        // Replaced between pages, never during one: bounds whatever jsdom leaves behind.
        void this.retire(r);
      }
      if (!res.ok) throw new ExtractError(res.message);
      return res;
    } finally {
      if (this.running === r) r.worker.unref();
    }
  }
}

function workerFailure(err: unknown, maxHeapMb: number): ExtractError {
  const code = (err as { code?: string }).code;
  if (code === 'ERR_WORKER_OUT_OF_MEMORY') {
    return new ExtractError(`the page needed more than ${maxHeapMb} MB of heap to parse`, {
      code: 'extract_too_big',
      cause: err,
    });
  }
  return new ExtractError(
    `the extraction worker failed: ${err instanceof Error ? err.message : String(err)}`,
    { cause: err },
  );
}

/** Flags a worker thread takes over from its parent; `--import tsx` and the like take a value. */
const WORKER_FLAGS = new Set(['--enable-source-maps', '--no-warnings', '--no-deprecation']);
const WORKER_FLAGS_WITH_VALUE = new Set(['--import', '--require', '-r', '--conditions', '-C']);

/**
 * The parent's Node flags that matter to the worker (source maps, loaders), and only those: a
 * worker refuses process-wide flags (heap sizes, which resourceLimits sets instead; Lambda's
 * runtime starts Node with several), and `--input-type` only means something to `node -e`.
 */
export function workerExecArgv(parent: readonly string[] = process.execArgv): string[] {
  const kept: string[] = [];
  for (let i = 0; i < parent.length; i++) {
    const arg = parent[i] ?? '';
    const name = arg.split('=')[0] ?? '';
    if (WORKER_FLAGS.has(arg)) kept.push(arg);
    else if (WORKER_FLAGS_WITH_VALUE.has(name) && arg.includes('=')) kept.push(arg);
    else if (WORKER_FLAGS_WITH_VALUE.has(arg) && i + 1 < parent.length) {
      kept.push(arg, parent[i + 1] ?? '');
      i++;
    }
  }
  return kept;
}
