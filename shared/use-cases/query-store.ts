import { z } from 'zod';
import { describeFigure } from '../alerts/format-alert.ts';
import { formatIssues } from '../config/parse-config.ts';
import { QUERY_KINDS } from '../contracts/query-kinds.ts';
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
  kind: z.enum(QUERY_KINDS),
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

/** One row as flat columns, for tables, CSV and the API's `format=flat`. */
export type Flat = Record<string, string | number | boolean | null>;

export function flattenRow(row: QueryRow): Flat {
  switch (row.kind) {
    case 'article': {
      const a = row.item;
      return {
        date: a.publishedAt ?? a.fetchedAt,
        outlet: a.outlet,
        title: a.title,
        story: a.storyId,
        text: a.textSource,
        figures: a.casualtyCount,
        accusations: a.accusationCount,
        url: a.url,
      };
    }
    case 'story': {
      const s = row.item;
      return {
        date: s.storyDate,
        story: s.storyId,
        title: s.title,
        articles: s.articleIds.length,
        outlets: s.outlets.join('; '),
        places: s.places.join('; '),
      };
    }
    case 'casualty':
    case 'accusation': {
      const c = row.item;
      const base = {
        updated: c.updatedAt,
        version: c.version,
        sources: c.sources.length,
        outlets: [...new Set(c.sources.map((s) => s.outlet))].join('; '),
      };
      if (c.kind === 'casualty') {
        return {
          ...base,
          figure: describeFigure(c.figure),
          previous: c.previous?.count ?? null,
          place: c.figure.place,
          date: c.figure.date,
          statedBy: c.figure.source,
          background: c.figure.background,
          quote: c.figure.quote,
        };
      }
      return {
        ...base,
        accuser: c.accusation.accuser,
        accused: c.accusation.accused,
        allegation: c.accusation.allegation,
        place: c.accusation.place,
        quote: c.accusation.quote,
      };
    }
    case 'alert': {
      const { alert, deliveries } = row.item;
      const status = deliveries
        .map(
          (d) =>
            `${d.subscriberId}:${d.status}${d.lastError && d.status !== 'sent' ? ` (${d.lastError})` : ''}`,
        )
        .join('; ');
      return {
        created: alert.createdAt,
        kind: alert.kind,
        headline: alert.headline,
        deliveries: status,
        alert: alert.alertId,
      };
    }
    case 'error': {
      const e = row.item;
      return {
        at: e.at,
        scope: e.scope,
        feed: e.feedId,
        code: e.code,
        subject: e.subject,
        message: e.message,
      };
    }
  }
}
