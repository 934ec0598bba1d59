import type { FunctionName } from './functions.ts';

// The DynamoDB operations the store adapter issues, which are exactly what the stack grants:
// no Scan, no DeleteItem, no stream reads, no DescribeTable (the table exists before the code
// runs). The handlers' integration test records every operation each function makes and checks
// it against this list, so an adapter change that needs a new action fails there, not in AWS.

export const TABLE_ACTIONS = {
  read: ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'],
  readWrite: [
    'dynamodb:GetItem',
    'dynamodb:BatchGetItem',
    'dynamodb:Query',
    'dynamodb:PutItem',
    'dynamodb:UpdateItem',
    'dynamodb:BatchWriteItem',
  ],
} as const;
export type TableAccess = keyof typeof TABLE_ACTIONS;

/** What each function may do to the data table. */
export const FUNCTION_TABLE_ACCESS: Readonly<Record<FunctionName, TableAccess>> = {
  'poll-feeds': 'readWrite',
  'process-article': 'readWrite',
  'send-alerts': 'readWrite',
  query: 'read',
};
