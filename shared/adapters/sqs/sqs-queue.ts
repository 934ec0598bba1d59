import { SendMessageBatchCommand, type SQSClient } from '@aws-sdk/client-sqs';
import {
  SQS_BATCH_MAX_BYTES,
  SQS_BATCH_MAX_ENTRIES,
  SQS_MESSAGE_MAX_BYTES,
} from '../../contracts/queues.ts';
import { MessageTooLargeError, QueueSendError } from '../../domain/errors.ts';
import type { JobQueue } from '../../ports/job-queue.ts';

// Fan-out through SQS. Messages are packed into SendMessageBatch calls of at most 10 entries and
// at most the batch byte limit together, in order; a message over the per-message limit refuses
// the whole send before anything is queued. Entries SQS reports as failed on its side are retried
// a bounded number of times; entries it refuses (sender faults) fail the send at once.

export interface SqsQueueOptions {
  /** Per-message limit (the queue's MaximumMessageSize); default SQS_MESSAGE_MAX_BYTES. */
  maxMessageBytes?: number;
  /** Limit of the bodies of one batch together; default SQS_BATCH_MAX_BYTES. */
  maxBatchBytes?: number;
  /** Calls per batch while SQS keeps failing some entries on its side. */
  maxAttempts?: number;
  sleep?: (ms: number) => Promise<void>;
}

interface Entry {
  Id: string;
  MessageBody: string;
  bytes: number;
}

/** Splits entries, in order, into batches within both the entry and the byte limits. */
export function packBatches<T extends { bytes: number }>(
  entries: readonly T[],
  limits: { maxEntries: number; maxBytes: number },
): T[][] {
  const batches: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const entry of entries) {
    if (
      current.length > 0 &&
      (current.length >= limits.maxEntries || bytes + entry.bytes > limits.maxBytes)
    ) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(entry);
    bytes += entry.bytes;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createSqsQueue(
  client: SQSClient,
  queueUrl: string,
  opts: SqsQueueOptions = {},
): JobQueue {
  const maxMessageBytes = opts.maxMessageBytes ?? SQS_MESSAGE_MAX_BYTES;
  const limits = {
    maxEntries: SQS_BATCH_MAX_ENTRIES,
    maxBytes: opts.maxBatchBytes ?? SQS_BATCH_MAX_BYTES,
  };
  const send = (batch: Entry[]) =>
    sendBatch(client, queueUrl, batch, opts.maxAttempts ?? 4, opts.sleep ?? defaultSleep);
  return {
    async send(bodies) {
      const entries = bodies.map((body, i): Entry => {
        const MessageBody = JSON.stringify(body);
        return { Id: String(i), MessageBody, bytes: Buffer.byteLength(MessageBody, 'utf8') };
      });
      const tooLarge = entries.find((e) => e.bytes > maxMessageBytes);
      if (tooLarge) throw new MessageTooLargeError(tooLarge.bytes, maxMessageBytes);
      for (const batch of packBatches(entries, limits)) await send(batch);
    },
  };
}

async function sendBatch(
  client: SQSClient,
  queueUrl: string,
  batch: Entry[],
  maxAttempts: number,
  sleep: (ms: number) => Promise<void>,
): Promise<void> {
  let pending = batch;
  for (let attempt = 1; ; attempt++) {
    const entries = pending.map(({ Id, MessageBody }) => ({ Id, MessageBody }));
    let failed: { Id?: string; SenderFault?: boolean; Code?: string; Message?: string }[];
    try {
      const r = await client.send(
        new SendMessageBatchCommand({ QueueUrl: queueUrl, Entries: entries }),
      );
      failed = r.Failed ?? [];
    } catch (err) {
      throw sdkError(err);
    }
    const refused = failed.find((f) => f.SenderFault);
    if (refused) {
      throw new QueueSendError(
        `SQS refused a message: ${refused.Code ?? 'error'}: ${(refused.Message ?? '').slice(0, 200)}`,
        { retryable: false },
      );
    }
    const failedIds = new Set(failed.map((f) => f.Id));
    pending = pending.filter((e) => failedIds.has(e.Id));
    if (pending.length === 0) return;
    if (attempt >= maxAttempts) {
      throw new QueueSendError(
        `SQS did not take ${pending.length} message(s) after ${attempt} attempts (${failed[0]?.Code ?? 'error'})`,
        { retryable: true },
      );
    }
    await sleep(100 * 2 ** attempt);
  }
}

/** The SDK has already retried what it retries; what is left is reported by its kind. */
function sdkError(err: unknown): QueueSendError {
  const e = err as { name?: string; message?: string; $metadata?: { httpStatusCode?: number } };
  const status = e.$metadata?.httpStatusCode;
  // No status: the request never got an answer (network, timeout); 5xx and throttling pass too.
  const retryable =
    status === undefined || status >= 500 || /Throttl|RequestThrottled/.test(e.name ?? '');
  return new QueueSendError(
    `SQS SendMessageBatch failed: ${e.name ?? 'error'}: ${(e.message ?? '').slice(0, 200)}`,
    { retryable, cause: err },
  );
}
