import { SendMessageBatchCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { JobQueue } from '../../ports/job-queue.ts';

// Fan-out through SQS: 10 messages per SendMessageBatch call; entries SQS reports as failed
// are retried a bounded number of times, then the call fails (and the poll is retried).

const MAX_ATTEMPTS = 4;

export function createSqsQueue(client: SQSClient, queueUrl: string): JobQueue {
  return {
    async send(bodies) {
      for (let i = 0; i < bodies.length; i += 10) {
        let entries = bodies
          .slice(i, i + 10)
          .map((b, j) => ({ Id: String(i + j), MessageBody: JSON.stringify(b) }));
        for (let attempt = 1; entries.length > 0; attempt++) {
          const r = await client.send(
            new SendMessageBatchCommand({ QueueUrl: queueUrl, Entries: entries }),
          );
          const failed = new Set((r.Failed ?? []).map((f) => f.Id));
          entries = entries.filter((e) => failed.has(e.Id));
          if (entries.length && attempt >= MAX_ATTEMPTS) {
            throw new Error(`SQS refused ${entries.length} messages after ${attempt} attempts`);
          }
          if (entries.length) await new Promise((res) => setTimeout(res, 100 * 2 ** attempt));
        }
      }
    },
  };
}
