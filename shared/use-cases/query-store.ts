import { z } from 'zod';
import { describeFigure } from '../alerts/format-alert.ts';
import { formatIssues } from '../config/parse-config.ts';
import { ConfigError } from '../domain/errors.ts';
import {
  type ArticleRecord,
  type ClaimRecord,
  claimActors,
  claimPlace,
  type ErrorRecord,
  type StoryRecord,
} from '../domain/records.ts';
import {
  type AlertWithDeliveries,
  type AnalystQuery,
  QUERY_KINDS,
  type QueryRow,
  type RowSelection,
} from '../ports/analyst-query.ts';

// Analysts' queries, from the CLI and the HTTP API alike: parameters arrive as unknown strings
// and are checked here once. The store reads an index partition a page at a time; what the
// filters mean (which fields `source`, `place` and `actor` look at) is decided here.

/** Pages read at most for one query, however few rows pass the filters. */
const MAX_PAGES = 50;
const DEFAULT_LIMIT = 100;

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

export type QueryParams = z.infer<typeof queryParamsSchema>;

export class QueryParamsError extends ConfigError {}

export function parseQueryParams(raw: unknown): QueryParams {
  const r = queryParamsSchema.safeParse(raw);
  if (!r.success) throw new QueryParamsError(`invalid query:\n${formatIssues(r.error)}`);
  return r.data;
}

/** What the index can narrow to: an article's outlet, a casualty figure's place (exact). */
function selection(p: QueryParams): RowSelection {
  const range = { since: p.since, until: p.until };
  if (p.kind === 'article') return { ...range, kind: p.kind, outlet: p.source };
  if (p.kind === 'casualty') return { ...range, kind: p.kind, place: p.place };
  return { ...range, kind: p.kind };
}

const norm = (s: string) => s.trim().toLowerCase();

/** The analysts' filters: `source`, `place` and `actor` as they apply to each kind of row. */
function rowFilter(p: QueryParams): (row: QueryRow) => boolean {
  const has = (hay: (string | null | undefined)[], needle: string | undefined) =>
    !needle || hay.some((h) => h && norm(h).includes(norm(needle)));
  const names = (actors: string[]) => !p.actor || actors.includes(norm(p.actor));
  return (row) => {
    switch (row.kind) {
      case 'article':
        return (
          has([row.item.outlet, row.item.url], p.source) &&
          has([row.item.text, row.item.title], p.place)
        );
      case 'story':
        return (
          has(row.item.outlets, p.source) && has([...row.item.places, row.item.title], p.place)
        );
      case 'casualty':
      case 'accusation': {
        const c = row.item;
        const sources = c.sources.flatMap((s) => [s.outlet, s.statedBy]);
        return has(sources, p.source) && has([claimPlace(c)], p.place) && names(claimActors(c));
      }
      case 'alert': {
        const { alert } = row.item;
        const outlets = alert.links.map((l) => l.outlet);
        return has(outlets, p.source) && has([alert.place], p.place) && names(alert.parties);
      }
      case 'error':
        return has([row.item.feedId, row.item.subject], p.source);
    }
  };
}

/** The newest rows that pass the filters, up to `limit` (default 100, at most 1,000). */
export async function queryStore(
  deps: { analystQuery: AnalystQuery },
  raw: unknown,
): Promise<QueryRow[]> {
  const p = parseQueryParams(raw);
  const limit = p.limit ?? DEFAULT_LIMIT;
  const matches = rowFilter(p);
  const rows: QueryRow[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < MAX_PAGES && rows.length < limit; page++) {
    const r = await deps.analystQuery.queryPage(selection(p), cursor);
    rows.push(...r.rows.filter(matches).slice(0, limit - rows.length));
    cursor = r.cursor;
    if (!cursor) break;
  }
  return rows;
}

/** One row as flat columns, for tables, CSV and the API's `format=flat`. */
export type Flat = Record<string, string | number | boolean | null>;

function flatArticle(a: ArticleRecord): Flat {
  const { outlet, title, storyId: story, textSource: text, url } = a;
  const figures = { figures: a.casualtyCount, accusations: a.accusationCount };
  return { date: a.publishedAt ?? a.fetchedAt, outlet, title, story, text, ...figures, url };
}

function flatStory(s: StoryRecord): Flat {
  return {
    date: s.storyDate,
    story: s.storyId,
    title: s.title,
    articles: s.articleIds.length,
    outlets: s.outlets.join('; '),
    places: s.places.join('; '),
  };
}

function flatClaim(c: ClaimRecord): Flat {
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

function flatAlert({ alert, deliveries }: AlertWithDeliveries): Flat {
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

function flatError(e: ErrorRecord): Flat {
  const { at, scope, feedId: feed, code, subject, message } = e;
  return { at, scope, feed, code, subject, message };
}

export function flattenRow(row: QueryRow): Flat {
  switch (row.kind) {
    case 'article':
      return flatArticle(row.item);
    case 'story':
      return flatStory(row.item);
    case 'casualty':
    case 'accusation':
      return flatClaim(row.item);
    case 'alert':
      return flatAlert(row.item);
    case 'error':
      return flatError(row.item);
  }
}
