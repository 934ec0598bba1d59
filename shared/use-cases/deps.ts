import { randomUUID } from 'node:crypto';
import type { Clock } from '../ports/clock.ts';

// What several use-cases take besides their ports: the time, and fresh ids.

export interface Ids {
  /** Random tokens for delivery claims and error ids (tests make them predictable). */
  newId?: (() => string) | undefined;
}

export const newId = (deps: Ids): string => (deps.newId ?? randomUUID)();

export const isoNow = (deps: { clock: Clock }): string => deps.clock.now().toISOString();

export const addMs = (iso: string, ms: number): string =>
  new Date(Date.parse(iso) + ms).toISOString();
