// What analysts can query, from the CLI (`query --kind`) and the HTTP API (`GET /<route>`). The
// use-case validates the kind, the API maps its routes here, and the stack creates one route per
// entry: adding a kind here is the one change that reaches all of them.

export const QUERY_KINDS = [
  'incident',
  'article',
  'story',
  'casualty',
  'accusation',
  'alert',
  'error',
] as const;
export type QueryKind = (typeof QUERY_KINDS)[number];

/** The HTTP API route of each kind (a GET on the query function). */
export const QUERY_ROUTES: Readonly<Record<QueryKind, `/${string}`>> = {
  incident: '/incidents',
  article: '/articles',
  story: '/stories',
  casualty: '/casualties',
  accusation: '/accusations',
  alert: '/alerts',
  error: '/errors',
};

/** The kind a request path asks for (its last segment, e.g. `/casualties`), or undefined. */
export function queryKindForPath(path: string): QueryKind | undefined {
  const segment = path.split('/').filter(Boolean).pop() ?? '';
  return QUERY_KINDS.find((kind) => QUERY_ROUTES[kind] === `/${segment}`);
}

/** The analyst report (`GET /report`, text/html): same filters as the incident kinds. */
export const REPORT_ROUTE = '/report';

/** Every GET route of the query API: one per kind, and the report. */
export const API_ROUTES: readonly `/${string}`[] = [...Object.values(QUERY_ROUTES), REPORT_ROUTE];
