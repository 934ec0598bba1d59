// Message size limits shared by the queues the stack creates, the SQS adapter that fills them and
// the poll use-case that builds the jobs.
//
// SQS documents 256 KiB (262,144 bytes) for one message and for one SendMessageBatch (the sum of
// its bodies). AWS raised both to 1 MiB in 2025 (the SDK's own docs now say so); strikewatch stays
// at 256 KiB on purpose: it is the limit every region and partition honours, and ten 1 MiB
// messages would not fit in the 6 MB payload of one Lambda invocation. The queues are created
// with exactly this maximum, so what the adapter accepts is what the queue accepts.

/** Largest message body the queues take (their MaximumMessageSize), in UTF-8 bytes. */
export const SQS_MESSAGE_MAX_BYTES = 262_144;
/** Largest sum of the bodies of one SendMessageBatch, in UTF-8 bytes. */
export const SQS_BATCH_MAX_BYTES = 262_144;
/** Entries of one SendMessageBatch. */
export const SQS_BATCH_MAX_ENTRIES = 10;

/**
 * Largest article job (its JSON body, in UTF-8 bytes). The poll use-case truncates the feed item's
 * content until the job fits: process-article fetches the page anyway, and the feed's content is
 * only the fallback text. Far below the queue's limit, so several jobs share one batch.
 */
export const ARTICLE_JOB_MAX_BYTES = 64 * 1024;

/** The size SQS counts for a message body: the UTF-8 bytes of its JSON. */
export function messageBytes(body: unknown): number {
  return Buffer.byteLength(JSON.stringify(body), 'utf8');
}
