// The Lambda functions strikewatch deploys. Infra builds one per name (functions/<name>/handler.ts);
// the metrics, env schemas and table access below are keyed by these names.

export const FUNCTION_NAMES = ['poll-feeds', 'process-article', 'send-alerts', 'query'] as const;
export type FunctionName = (typeof FUNCTION_NAMES)[number];
