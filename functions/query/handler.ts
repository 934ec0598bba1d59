import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { flattenRow, QueryParamsError, queryStore } from '../../shared/use-cases/query-store.ts';
import { getRuntime } from '../commons/bootstrap.ts';
import { logger } from '../commons/powertools.ts';

// Analysts' HTTP API: GET /{kind} with since, until, source, place, actor, limit, format.
// Invalid parameters are a 400 with the reason; anything else a generic 500.

const KINDS: Record<string, string> = {
  articles: 'article',
  stories: 'story',
  casualties: 'casualty',
  accusations: 'accusation',
  alerts: 'alert',
  errors: 'error',
};

const json = (statusCode: number, body: unknown): APIGatewayProxyResultV2 => ({
  statusCode,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

export const handler = async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyResultV2> => {
  const segment = (event.rawPath ?? '').split('/').filter(Boolean).pop() ?? '';
  const kind = KINDS[segment];
  if (!kind)
    return json(404, {
      error: `unknown collection "${segment}"; use one of ${Object.keys(KINDS).join(', ')}`,
    });
  const { format, ...params } = event.queryStringParameters ?? {};
  try {
    const rows = await queryStore(getRuntime().deps, { ...params, kind });
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
