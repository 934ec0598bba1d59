import { SQSClient } from '@aws-sdk/client-sqs';
import { createSqsQueue } from '../../shared/adapters/sqs/sqs-queue.ts';
import type { JobQueue } from '../../shared/ports/job-queue.ts';
import { awsClientConfig, captured } from './bootstrap.ts';

// SQS for the functions that fan work out (poll-feeds) or nudge delivery (process-article). The
// queue URL comes from the function's own env schema, where it is required.

let client: SQSClient | undefined;

export function sqsQueue(env: { AWS_REGION: string }, queueUrl: string): JobQueue {
  client ??= captured(new SQSClient(awsClientConfig(env)));
  return createSqsQueue(client, queueUrl);
}
