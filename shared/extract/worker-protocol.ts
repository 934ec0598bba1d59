import type { ExtractedArticle } from '../domain/article.ts';
import type { ExtractTimings } from '../ports/extractor.ts';

// Messages between WorkerExtractor (main thread) and extraction-worker (the worker thread).

export type ExtractJob =
  | { kind: 'page'; html: string; url: string }
  | { kind: 'fragment'; html: string };

export type ExtractRequest = ExtractJob & { id: number };

export type ExtractResponse =
  | {
      id: number;
      ok: true;
      article: ExtractedArticle | null;
      text: string;
      timings: ExtractTimings;
      heapUsedBytes: number;
    }
  | { id: number; ok: false; message: string; heapUsedBytes: number };

/** Everything the worker posts: once `ready` when loaded, then one response per request. */
export type WorkerMessage = { ready: true } | ExtractResponse;
