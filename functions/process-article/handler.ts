import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
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
const app: App = await import(new URL(appFile, import.meta.url).href);
// Awaited at the top level: the app builds its runtime as it loads, so a missing variable or an
// invalid config fails the cold start (the init phase) with its name, as the other functions do.
const handle = app.createHandler(extractor);

export const handler = (event: SQSEvent): Promise<SQSBatchResponse> => handle(event);

/** Resolves when the extraction worker is ready too: the cold start's end. */
export const ready = async (): Promise<void> => {
  await extractor.whenReady();
};
