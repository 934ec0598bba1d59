import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SQSClient } from '@aws-sdk/client-sqs';
import { describe, expect, it } from 'vitest';
import { withoutSdkLogCopies } from '../../../shared/adapters/aws/lean-client.ts';
import { createDynamoClient } from '../../../shared/local/embedded-dynamodb.ts';

const names = (c: { middlewareStack: { identify(): string[] } }) =>
  c.middlewareStack.identify().map((m) => m.split(' ')[0]);

describe('SDK clients without the logger middleware', () => {
  it('drops the log copies and keeps every other middleware', () => {
    const config = { region: 'local', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } };
    const plain = new DynamoDBClient(config);
    const before = names(plain);
    expect(before).toContain('loggerMiddleware');
    const lean = withoutSdkLogCopies(new DynamoDBClient(config));
    expect(names(lean)).toEqual(before.filter((n) => n !== 'loggerMiddleware'));
    expect(names(withoutSdkLogCopies(new SQSClient(config)))).not.toContain('loggerMiddleware');
  });

  it('is how the local store client is built', () => {
    const client = createDynamoClient('http://127.0.0.1:1');
    expect(names(client)).not.toContain('loggerMiddleware');
    expect(names(client)).toContain('retryMiddleware');
    client.destroy();
  });
});
