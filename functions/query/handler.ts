import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import {
  QUERY_ROUTES,
  queryKindForPath,
  REPORT_ROUTE,
} from '../../shared/contracts/query-kinds.ts';
import { QueryInvalidError } from '../../shared/domain/errors.ts';
import { flatItem, jsonItem, queryAnalystRows } from '../../shared/use-cases/query-store.ts';
import { startFunction } from '../commons/bootstrap.ts';
import { logger } from '../commons/powertools.ts';

// Analysts' HTTP API: GET /{route} with since, until, reportedSince, reportedUntil, source, place,
// actor, limit, cursor, format; GET /report with since, until, place, actor (text/html). Invalid
// parameters are a 400 with the reason; anything else a generic 500. The report's renderer
// (jsdom, Plot) is imported on that route only, so the other routes' cold start does not load it.

const { deps } = startFunction('query');

const json = (statusCode: number, body: unknown): APIGatewayProxyResultV2 => ({
  statusCode,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

type ReportModule = typeof import('./report.ts');
let reportModule: Promise<ReportModule> | undefined;

// In a bundle the route is the report.mjs beside this file (infra EXTRA_ENTRIES); from the
// sources it is report.ts. A computed specifier, so that esbuild leaves it a separate file.
function loadReport(): Promise<ReportModule> {
  const file = import.meta.url.endsWith('.ts') ? './report.ts' : './report.mjs';
  reportModule ??= import(new URL(file, import.meta.url).href) as Promise<ReportModule>;
  return reportModule;
}

async function report(
  params: Record<string, string | undefined>,
): Promise<APIGatewayProxyResultV2> {
  const html = await (await loadReport()).renderReportHtml(deps, params);
  return {
    statusCode: 200,
    headers: { 'content-type': 'text/html; charset=utf-8' },
    body: html,
  };
}

export const handler = async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyResultV2> => {
  const path = event.rawPath ?? '';
  const kind = queryKindForPath(path);
  const isReport = path.replace(/\/+$/, '').endsWith(REPORT_ROUTE);
  if (!kind && !isReport) {
    const routes = [...Object.values(QUERY_ROUTES), REPORT_ROUTE];
    return json(404, { error: `unknown collection "${path}"; use one of ${routes.join(', ')}` });
  }
  const { format, ...params } = event.queryStringParameters ?? {};
  try {
    if (!kind) return await report(params);
    const page = await queryAnalystRows(deps, { ...params, kind });
    return json(200, {
      kind,
      count: page.items.length,
      items: format === 'flat' ? page.items.map(flatItem) : page.items.map(jsonItem),
      cursor: page.cursor,
    });
  } catch (err) {
    if (err instanceof QueryInvalidError) return json(400, { error: err.message });
    logger.error('query failed', { error: (err as Error).message });
    return json(500, { error: 'internal error' });
  }
};
