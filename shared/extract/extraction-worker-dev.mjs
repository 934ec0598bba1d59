// Starts the extraction worker from the TypeScript sources (local runs, tests, bench): a worker
// thread does not inherit the tsx loader, so it registers its own. Bundles use the built
// extraction-worker.mjs instead.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
