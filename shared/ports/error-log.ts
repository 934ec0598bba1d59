import type { ErrorRecord } from '../domain/records.ts';

/** Where failures an operator should see go: feeds, articles and deliveries that failed, and why. */
export interface ErrorLog {
  recordError(error: ErrorRecord): Promise<void>;
}
