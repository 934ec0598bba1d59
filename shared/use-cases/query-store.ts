import { z } from 'zod';
import { formatIssues } from '../config/load-config.ts';
import { ConfigError } from '../domain/errors.ts';
import type { QueryParams, QueryRow, Store } from '../store/store.ts';

// Analysts' queries, from the CLI and the HTTP API alike: parameters arrive as unknown strings
// and are checked here once.

const isoDate = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$/,
    'use an ISO date such as 2017-06-03 or 2017-06-03T12:00:00Z',
  );

export const queryParamsSchema = z.strictObject({
  kind: z.enum(['article', 'story', 'casualty', 'accusation', 'alert', 'error']),
  since: isoDate.optional(),
  until: isoDate.optional(),
  source: z.string().min(1).max(200).optional(),
  place: z.string().min(1).max(200).optional(),
  actor: z.string().min(1).max(50).optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
});

export class QueryParamsError extends ConfigError {}

export function parseQueryParams(raw: unknown): QueryParams {
  const r = queryParamsSchema.safeParse(raw);
  if (!r.success) throw new QueryParamsError(`invalid query:\n${formatIssues(r.error)}`);
  return r.data;
}

export async function queryStore(store: Store, raw: unknown): Promise<QueryRow[]> {
  return store.query(parseQueryParams(raw));
}
