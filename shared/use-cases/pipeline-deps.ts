import { randomUUID } from 'node:crypto';
import type { Config } from '../config/schema.ts';
import type { AlertRecord } from '../domain/records.ts';
import type { Mailer, SecretReader, SlackSender } from '../ports/alert-channels.ts';
import type { Clock } from '../ports/clock.ts';
import type { ArticleExtractor } from '../ports/extractor.ts';
import type { HttpClient } from '../ports/http.ts';
import type { Logger } from '../ports/logger.ts';
import type { Store } from '../store/store.ts';

// Everything a use-case needs from the outside world, passed in: the Lambda bootstrap, the
// local runner and the tests each build their own.

export interface PipelineDeps {
  config: Config;
  store: Store;
  http: HttpClient;
  /** Readability on jsdom, in a worker thread with a deadline in the runs. */
  extractor: ArticleExtractor;
  clock: Clock;
  logger: Logger;
  slack: SlackSender;
  mailer: Mailer | null;
  secrets: SecretReader;
  /** Random tokens for delivery claims and error ids. */
  newId?: () => string;
  /** Called once per alert this process created (local printing, outbox files). */
  onAlertCreated?: (alert: AlertRecord) => void | Promise<void>;
  /** Time spent per stage of an article (the benchmark's breakdown; metrics in Lambda). */
  onStage?: (stage: Stage, ms: number) => void;
  /** Test hook: called after each step of delivery, to inject crashes between steps. */
  faultPoint?: (step: string) => void | Promise<void>;
}

export const newId = (deps: Pick<PipelineDeps, 'newId'>): string => (deps.newId ?? randomUUID)();

export const isoNow = (deps: Pick<PipelineDeps, 'clock'>): string => deps.clock.now().toISOString();

export const addMs = (iso: string, ms: number): string =>
  new Date(Date.parse(iso) + ms).toISOString();

export type Stage =
  | 'fetch'
  /** Pre-cleaning and building the DOM (in the extraction worker). */
  | 'parse'
  /** Readability and the text it keeps (in the extraction worker). */
  | 'readability'
  /** Decoding the page, handing it to the extraction worker and the article back. */
  | 'handoff'
  | 'topic'
  | 'dedupe'
  | 'claims'
  | 'store'
  | 'alert';

/**
 * Charges the time since the previous lap to `stage`; `parts` (measured elsewhere, e.g. in the
 * extraction worker) go to their own stages and come off `stage`'s share.
 */
export type Lap = (stage: Stage, parts?: Partial<Record<Stage, number>>) => void;

/** A stopwatch: each lap charges the time since the previous one to a stage. */
export function stageTimer(deps: Pick<PipelineDeps, 'onStage'>): Lap {
  if (!deps.onStage) return () => {};
  const report = deps.onStage;
  let last = performance.now();
  return (stage, parts = {}) => {
    const now = performance.now();
    let rest = now - last;
    for (const [part, ms] of Object.entries(parts) as [Stage, number][]) {
      report(part, ms);
      rest -= ms;
    }
    report(stage, Math.max(0, rest));
    last = now;
  };
}
