import { z } from 'zod';
import { resolveActor } from '../analyst/analyst-filters.ts';
import { formatIssues } from '../config/parse-config.ts';
import type { Actor } from '../domain/claims.ts';
import { QueryInvalidError } from '../domain/errors.ts';
import { QUERY_KINDS } from '../ports/analyst-query.ts';

// Analysts' query parameters, from the CLI and the HTTP API alike: they arrive as unknown strings
// and are checked here once. A date that is no calendar day (2017-13-45), a range whose end comes
// before its start and an actor nobody knows are errors with the reason, never an empty result.

/** Rows a page holds at most (the CLI's `--all` reads every page). */
export const MAX_LIMIT = 1000;

const isoShape = /^(\d{4})-(\d{2})-(\d{2})(T[\d:.]+Z?)?$/;

/** Whether yyyy-mm-dd is a day of the calendar (no 2017-02-30). */
function isCalendarDay(v: string): boolean {
  const m = isoShape.exec(v);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

const isoDate = z
  .string()
  .regex(isoShape, 'use an ISO date such as 2017-06-03 or 2017-06-03T12:00:00Z')
  .refine(isCalendarDay, 'not a day of the calendar (month 01-12, a day the month has)');

/** `--all` from the CLI (a flag) or `all=true` from a query string. */
const flag = z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]);

export const queryParamsSchema = z
  .strictObject({
    kind: z.enum(QUERY_KINDS),
    since: isoDate.optional(),
    until: isoDate.optional(),
    reportedSince: isoDate.optional(),
    reportedUntil: isoDate.optional(),
    source: z.string().min(1).max(200).optional(),
    place: z.string().min(1).max(200).optional(),
    actor: z.string().min(1).max(100).optional(),
    limit: z.coerce.number().int().min(1).max(MAX_LIMIT).optional(),
    cursor: z.string().min(1).max(4000).optional(),
    all: flag.optional(),
  })
  .refine((p) => !p.since || !p.until || p.since.slice(0, 10) <= p.until.slice(0, 10), {
    message: 'since is after until: the range is reversed',
    path: ['since'],
  })
  .refine(
    (p) =>
      !p.reportedSince ||
      !p.reportedUntil ||
      p.reportedSince.slice(0, 10) <= p.reportedUntil.slice(0, 10),
    {
      message: 'reportedSince is after reportedUntil: the range is reversed',
      path: ['reportedSince'],
    },
  );

export type QueryParams = z.infer<typeof queryParamsSchema>;
/** Checked parameters, the actor resolved to its id. */
export type CheckedQuery = Omit<QueryParams, 'actor'> & { actor?: Actor | undefined };

/** Invalid query parameters: the CLI exits 2, the API answers 400 with the message. */
export class QueryParamsError extends QueryInvalidError {}

export function parseQueryParams(raw: unknown): CheckedQuery {
  const r = queryParamsSchema.safeParse(raw, { reportInput: true });
  if (!r.success) throw new QueryParamsError(`invalid query:\n${formatIssues(r.error)}`);
  const { actor, ...rest } = r.data;
  if (actor === undefined) return rest;
  try {
    return { ...rest, actor: resolveActor(actor) };
  } catch (err) {
    throw new QueryParamsError(`invalid query:\n  actor: ${(err as Error).message}`);
  }
}
