import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSqsQueue } from '../../shared/adapters/sqs/sqs-queue.ts';
import {
  SQS_BATCH_MAX_BYTES,
  SQS_BATCH_MAX_ENTRIES,
  SQS_MESSAGE_MAX_BYTES,
} from '../../shared/contracts/queues.ts';
import { MessageTooLargeError, QueueSendError } from '../../shared/domain/errors.ts';
import { type SqsServer, startSqsServer } from '../helpers/aws-json-server.ts';

// The SQS adapter with the real SDK against a loopback server speaking the SQS JSON protocol with
// SQS's limits (10 entries and 256 KiB per batch, 256 KiB per message, MD5 of every body).

let sqs: SqsServer;
let client: SQSClient;
const noWait = async () => {};

beforeAll(async () => {
  sqs = await startSqsServer();
  client = new SQSClient({
    region: 'us-east-1',
    endpoint: sqs.endpoint,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
});
afterAll(async () => {
  client.destroy();
  await sqs.close();
});
beforeEach(() => {
  sqs.calls.length = 0;
  sqs.failEntry(() => false);
});

/** A job whose JSON body is exactly `bytes` long. */
function jobOfBytes(bytes: number, n = 0): { n: number; content: string } {
  const empty = JSON.stringify({ n, content: '' }).length;
  return { n, content: 'x'.repeat(bytes - empty) };
}

const batchCalls = () => sqs.calls.filter((c) => c.operation === 'SendMessageBatch');
const entriesOf = (c: { input: Record<string, unknown> }) =>
  c.input.Entries as { MessageBody: string }[];

describe('SQS adapter', () => {
  it("the server keeps SQS's limit: ten 28 KB jobs in one batch are refused", async () => {
    const entries = Array.from({ length: 10 }, (_, i) => ({
      Id: String(i),
      MessageBody: JSON.stringify(jobOfBytes(28_000, i)),
    }));
    await expect(
      client.send(
        new SendMessageBatchCommand({ QueueUrl: sqs.queueUrl('probe'), Entries: entries }),
      ),
    ).rejects.toMatchObject({ name: 'BatchRequestTooLong' });
  });

  it('splits the same ten jobs by bytes, keeps their order and queues each once', async () => {
    const queue = createSqsQueue(client, sqs.queueUrl('full-text'), { sleep: noWait });
    const jobs = Array.from({ length: 10 }, (_, i) => jobOfBytes(28_000, i));
    await queue.send(jobs);
    const calls = batchCalls();
    expect(calls.length).toBeGreaterThan(1);
    for (const call of calls) {
      const bodies = entriesOf(call).map((e) => e.MessageBody);
      expect(bodies.length).toBeLessThanOrEqual(SQS_BATCH_MAX_ENTRIES);
      expect(bodies.reduce((sum, b) => sum + Buffer.byteLength(b), 0)).toBeLessThanOrEqual(
        SQS_BATCH_MAX_BYTES,
      );
    }
    expect(sqs.messages('full-text').map((b) => (JSON.parse(b) as { n: number }).n)).toEqual(
      jobs.map((j) => j.n),
    );
  });

  it('packs small messages ten to a call', async () => {
    const queue = createSqsQueue(client, sqs.queueUrl('small'), { sleep: noWait });
    await queue.send(Array.from({ length: 25 }, (_, n) => ({ n })));
    expect(batchCalls().map((c) => entriesOf(c).length)).toEqual([10, 10, 5]);
    expect(sqs.messages('small')).toHaveLength(25);
  });

  it('takes a message of exactly the limit, in a batch of its own', async () => {
    const queue = createSqsQueue(client, sqs.queueUrl('at-limit'), { sleep: noWait });
    await queue.send([{ n: 1 }, jobOfBytes(SQS_MESSAGE_MAX_BYTES, 2), { n: 3 }]);
    expect(batchCalls().map((c) => entriesOf(c).length)).toEqual([1, 1, 1]);
    expect(Buffer.byteLength(sqs.messages('at-limit')[1] ?? '')).toBe(SQS_MESSAGE_MAX_BYTES);
  });

  it('refuses a message one byte over the limit with a named error, and queues nothing', async () => {
    const queue = createSqsQueue(client, sqs.queueUrl('over'), { sleep: noWait });
    const send = queue.send([{ n: 1 }, jobOfBytes(SQS_MESSAGE_MAX_BYTES + 1, 2)]);
    await expect(send).rejects.toBeInstanceOf(MessageTooLargeError);
    await expect(send).rejects.toMatchObject({
      bytes: SQS_MESSAGE_MAX_BYTES + 1,
      maxBytes: SQS_MESSAGE_MAX_BYTES,
      code: 'message_too_large',
    });
    expect(sqs.calls).toEqual([]);
  });

  it('counts bytes, not characters: multi-byte text is split by its UTF-8 size', async () => {
    const queue = createSqsQueue(client, sqs.queueUrl('utf8'), { sleep: noWait });
    // 30,000 characters of 3 bytes each: 90 KB per message, so at most two per batch.
    await queue.send(Array.from({ length: 5 }, (_, n) => ({ n, content: '€'.repeat(30_000) })));
    expect(batchCalls().map((c) => entriesOf(c).length)).toEqual([2, 2, 1]);
  });

  it('retries the entries SQS failed on its side, sending each body once', async () => {
    sqs.failEntry((body, attempt) => body.includes('"n":3') && attempt < 3);
    const queue = createSqsQueue(client, sqs.queueUrl('flaky'), { sleep: noWait });
    await queue.send(Array.from({ length: 5 }, (_, n) => ({ n })));
    expect(batchCalls().map((c) => entriesOf(c).length)).toEqual([5, 1, 1]);
    expect(
      sqs
        .messages('flaky')
        .map((b) => (JSON.parse(b) as { n: number }).n)
        .sort(),
    ).toEqual([0, 1, 2, 3, 4]);
  });

  it('gives up after its attempts with a retryable QueueSendError', async () => {
    sqs.failEntry((body) => body.includes('"n":1'));
    const queue = createSqsQueue(client, sqs.queueUrl('down'), { sleep: noWait, maxAttempts: 3 });
    const send = queue.send([{ n: 0 }, { n: 1 }]);
    await expect(send).rejects.toBeInstanceOf(QueueSendError);
    await expect(send).rejects.toMatchObject({ retryable: true });
    expect(batchCalls()).toHaveLength(3);
  });

  it('reports a call SQS rejects (here a byte limit lower than ours) as a non-retryable error', async () => {
    // The queue's limit is the contract's; an adapter told to allow more meets SQS's refusal.
    const queue = createSqsQueue(client, sqs.queueUrl('mismatch'), {
      sleep: noWait,
      maxBatchBytes: 10 * SQS_BATCH_MAX_BYTES,
    });
    const send = queue.send(Array.from({ length: 10 }, (_, i) => jobOfBytes(28_000, i)));
    await expect(send).rejects.toMatchObject({ name: 'QueueSendError', retryable: false });
    await expect(send).rejects.toThrow(/BatchRequestTooLong/);
  });
});
