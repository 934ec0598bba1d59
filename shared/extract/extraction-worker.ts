import { getHeapStatistics } from 'node:v8';
import { parentPort } from 'node:worker_threads';
import { feedItemText } from '../feeds/feed-item-text.ts';
import { extractArticle } from './extract-article.ts';
import type { ExtractRequest, ExtractResponse, WorkerMessage } from './worker-protocol.ts';

// The worker thread behind WorkerExtractor: Readability on jsdom, one page (or feed item's HTML)
// at a time. Its heap
// holds jsdom's garbage, apart from the pipeline's; the main thread ends it when a page runs past
// its deadline or the heap grows past its cap.

if (!parentPort) throw new Error('extraction-worker.ts runs only as a worker thread');
const port = parentPort;

port.on('message', (req: ExtractRequest) => {
  let res: ExtractResponse;
  try {
    const timings = { parseMs: 0, readabilityMs: 0 };
    const article =
      req.kind === 'page' ? extractArticle(req.html, { url: req.url, timings }) : null;
    const text = req.kind === 'fragment' ? feedItemText(req.html) : '';
    res = {
      id: req.id,
      ok: true,
      article,
      text,
      timings,
      heapUsedBytes: getHeapStatistics().used_heap_size,
    };
  } catch (err) {
    res = {
      id: req.id,
      ok: false,
      message: err instanceof Error ? err.message : String(err),
      heapUsedBytes: getHeapStatistics().used_heap_size,
    };
  }
  port.postMessage(res);
});
port.postMessage({ ready: true } satisfies WorkerMessage);
