import type { SQSEvent } from 'aws-lambda';
import { extractor } from './start-extraction-worker.ts';

// The Lambda entry of process-article, kept small on purpose. A cold start must load jsdom (in
// the extraction worker) and the AWS SDK, Powertools and the pipeline (app.ts, 1.2 MB bundled).
// Importing the worker's starter first and the app afterwards, as a separate file, lets the
// worker load jsdom on one core while the app is read, compiled and run on the other: the app
// does not even start parsing before the worker is on its way.

type App = typeof import('./app.ts');

// In a bundle the app is the app.mjs beside this file (built by infra/tools/build-extra-entries.ts);
// from the sources it is app.ts. A computed specifier, so that esbuild leaves it a separate file.
const appFile = import.meta.url.endsWith('.ts') ? './app.ts' : './app.mjs';
const app: Promise<App> = import(new URL(appFile, import.meta.url).href);
const handle = app.then((m) => m.createHandler(extractor));
// A failed load is reported by the first invocation, not as an unhandled rejection.
handle.catch(() => {});

export const handler = async (event: SQSEvent) => (await handle)(event);

/** Resolves when the app is loaded and the extraction worker is ready: the cold start's end. */
export const ready = async (): Promise<void> => {
  await Promise.all([handle, extractor.whenReady()]);
};
