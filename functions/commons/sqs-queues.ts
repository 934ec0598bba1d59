import { SQSClient } from '@aws-sdk/client-sqs';
import { createSqsQueue } from '../../shared/adapters/sqs/sqs-queue.ts';
import type { LambdaEnv } from '../../shared/config/lambda-env.ts';
import { awsClientConfig, captured } from './bootstrap.ts';

// SQS for the functions that fan work out (poll-feeds) or nudge delivery (process-article).

let client: SQSClient | undefined;
const sqs = (env: LambdaEnv) => {
  client ??= captured(new SQSClient(awsClientConfig(env)));
  return client;
};

export const articleQueue = (env: LambdaEnv) =>
  env.ARTICLE_QUEUE_URL ? createSqsQueue(sqs(env), env.ARTICLE_QUEUE_URL) : null;

export const alertQueue = (env: LambdaEnv) =>
  env.ALERT_QUEUE_URL ? createSqsQueue(sqs(env), env.ALERT_QUEUE_URL) : null;
