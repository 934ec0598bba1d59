import { recordParties } from '../analyst/analyst-filters.ts';
import { QueryInvalidError } from '../domain/errors.ts';
import type { ArticleRecord, StoryRecord } from '../domain/records.ts';
import { sameParty } from '../incidents/parties.ts';
import { placeKey } from '../incidents/place-key.ts';
import type { AccusationRecord, Incident, TrackedRecord } from '../incidents/types.ts';
import type { AnalystQuery, RowSelection } from '../ports/analyst-query.ts';
import type { Clock } from '../ports/clock.ts';
import type { IncidentReader } from '../ports/incident-store.ts';
import { renderReport } from '../report/render-report.ts';
import type { ReportData } from '../report/report-data.ts';
import { reportDataFrom } from '../report/report-from-records.ts';
import { type CheckedQuery, parseQueryParams } from './query-params.ts';

// The analyst report from stored records (issue 15), for `strikewatch report` and `GET /report`:
// the incidents and accusations of the period (by incident date, place by place key, actor by
// party), and the stories and articles of the period for the coverage section. The same filters
// and the same checks as `query` (an invalid date or an unknown actor is an error).

export interface ReportDeps {
  incidentReader: IncidentReader;
  analystQuery: AnalystQuery;
  clock: Pick<Clock, 'now'>;
}

/** Records read at most per kind: far above a FA-KES replay (a few hundred incidents). */
const MAX_RECORDS = 20_000;
const PAGE = 500;
/** Articles about an incident appear up to weeks after it: the coverage window reaches past `until`. */
const COVERAGE_DAYS_AFTER = 31;

const REPORT_PARAMS = new Set(['since', 'until', 'place', 'actor']);

/** The report's parameters: those of `query` that select incidents; anything else is refused. */
export function parseReportParams(raw: unknown): CheckedQuery {
  const given = raw && typeof raw === 'object' ? Object.entries(raw) : [];
  const params = Object.fromEntries(given.filter(([, v]) => v !== undefined));
  const unknown = Object.keys(params).filter((k) => !REPORT_PARAMS.has(k));
  if (unknown.length) {
    throw new QueryInvalidError(
      `invalid report parameters: ${unknown.join(', ')} (the report takes since, until, place, actor)`,
    );
  }
  return parseQueryParams({ ...params, kind: 'incident' });
}

async function readRecords<T extends TrackedRecord>(
  reader: IncidentReader,
  q: CheckedQuery,
  kind: T['kind'],
): Promise<T[]> {
  const out: T[] = [];
  const key = q.place ? (placeKey(q.place) ?? undefined) : undefined;
  let cursor: string | null = null;
  do {
    const page = await reader.listRecords(
      { kind, since: q.since?.slice(0, 10), until: q.until?.slice(0, 10), placeKey: key },
      cursor,
      PAGE,
    );
    for (const r of page.records) {
      if (r.kind !== kind) continue;
      if (q.actor && !recordParties(r).some((p) => sameParty(p, q.actor ?? null))) continue;
      out.push(r as T);
    }
    cursor = page.cursor;
  } while (cursor && out.length < MAX_RECORDS);
  return out;
}

async function readRows<T>(
  query: AnalystQuery,
  sel: RowSelection,
  pick: (row: unknown) => T | null,
): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | null = null;
  do {
    const page = await query.queryPage(sel, cursor);
    for (const row of page.rows) {
      const item = pick(row);
      if (item) out.push(item);
    }
    cursor = page.cursor;
  } while (cursor && out.length < MAX_RECORDS);
  return out;
}

const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date.slice(0, 10)}T00:00:00Z`) + days * 86_400_000)
    .toISOString()
    .slice(0, 10);

/** Stories of the period and their articles; with a place or actor, only the selected records' stories. */
async function coverage(query: AnalystQuery, q: CheckedQuery, records: TrackedRecord[]) {
  const range = { since: q.since, until: q.until && addDays(q.until, COVERAGE_DAYS_AFTER) };
  let stories = await readRows<StoryRecord>(query, { kind: 'story', ...range }, (r) =>
    (r as { kind: string }).kind === 'story' ? (r as { item: StoryRecord }).item : null,
  );
  if (q.place || q.actor) {
    const wanted = new Set(records.flatMap((r) => r.storyIds));
    stories = stories.filter((s) => wanted.has(s.storyId));
  }
  const ids = new Set(stories.flatMap((s) => s.articleIds));
  const articles = await readRows<ArticleRecord>(query, { kind: 'article', ...range }, (r) => {
    const row = r as { kind: string; item: ArticleRecord };
    return row.kind === 'article' && ids.has(row.item.articleId) ? row.item : null;
  });
  return { stories, articles };
}

/** The report's data for the parameters (since, until, place, actor), read from the store. */
export async function reportDataFor(deps: ReportDeps, raw: unknown): Promise<ReportData> {
  const q = parseReportParams(raw);
  const incidents = await readRecords<Incident>(deps.incidentReader, q, 'incident');
  const accusations = await readRecords<AccusationRecord>(deps.incidentReader, q, 'accusation');
  const stories = await coverage(deps.analystQuery, q, [...incidents, ...accusations]);
  const filters = {
    since: q.since?.slice(0, 10),
    until: q.until?.slice(0, 10),
    place: q.place,
    actor: q.actor,
  };
  return reportDataFrom(incidents, accusations, stories, filters, deps.clock.now().toISOString());
}

/** The report as one self-contained HTML page. */
export async function reportHtml(deps: ReportDeps, raw: unknown): Promise<string> {
  return renderReport(await reportDataFor(deps, raw));
}
