import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { QUERY_ROUTES, queryKindForPath } from '../../shared/contracts/query-kinds.ts';
import { flattenRow, QueryParamsError, queryStore } from '../../shared/use-cases/query-store.ts';
import { startFunction } from '../commons/bootstrap.ts';
import { logger } from '../commons/powertools.ts';

// Analysts' HTTP API: GET /{route} with since, until, source, place, actor, limit, format.
// Invalid parameters are a 400 with the reason; anything else a generic 500.

const { deps } = startFunction('query');

const json = (statusCode: number, body: unknown): APIGatewayProxyResultV2 => ({
  statusCode,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

export const handler = async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyResultV2> => {
  const path = event.rawPath ?? '';
  const kind = queryKindForPath(path);
  if (!kind) {
    return json(404, {
      error: `unknown collection "${path}"; use one of ${Object.values(QUERY_ROUTES).join(', ')}`,
    });
  }
  const { format, ...params } = event.queryStringParameters ?? {};
  try {
    const rows = await queryStore(deps, { ...params, kind });
    return json(200, {
      kind,
      count: rows.length,
      items: format === 'flat' ? rows.map(flattenRow) : rows.map((r) => r.item),
    });
  } catch (err) {
    if (err instanceof QueryParamsError) return json(400, { error: err.message });
    logger.error('query failed', { error: (err as Error).message });
    return json(500, { error: 'internal error' });
  }
};
