import { z } from 'zod';
import { ARTICLE_JOB_MAX_BYTES } from '../contracts/queues.ts';
import { LINK_MAX_CHARS, OUTLET_MAX_CHARS, singleLine } from '../domain/bounds.ts';
import { StrikewatchError } from '../domain/errors.ts';
import { type ArticleJob, boundedItem } from './article-jobs.ts';

// Messages between the functions, checked on arrival: an SQS body is outside input. A job is
// bounded again as it arrives (a message queued by an older version, or by anyone who can send
// to the queue, is no more trusted than a feed), with the same bounds the poll applies.

const feedItemSchema = z
  .object({
    guid: z.string().nullable(),
    link: z.string().nullable(),
    title: z.string().nullable(),
    publishedAt: z.string().nullable(),
    content: z.string().nullable(),
  })
  .transform(boundedItem);

export const articleJobSchema = z.object({
  feedId: z.string().min(1).max(64),
  outlet: z
    .string()
    .transform((s) => singleLine(s, OUTLET_MAX_CHARS))
    .pipe(z.string().min(1)),
  articleId: z.string().regex(/^[a-f0-9]{32}$/),
  url: z.string().max(LINK_MAX_CHARS).url().nullable(),
  canonicalUrl: z.string().max(LINK_MAX_CHARS).url().nullable(),
  item: feedItemSchema,
  pollId: z.string().max(40).optional(),
});

export const alertNudgeSchema = z.object({ alertIds: z.array(z.string().min(1)).min(1).max(100) });

/** send-alerts invoked by hand to test the channels: `{"notifyTest": true, "subscriberId"?: "..."}`. */
export const notifyTestEventSchema = z.strictObject({
  notifyTest: z.literal(true),
  subscriberId: z.string().min(1).max(64).optional(),
});

/** The event asks for a notify test (it names `notifyTest`); the rest is validated strictly. */
export const isNotifyTestEvent = (e: unknown): boolean =>
  typeof e === 'object' && e !== null && 'notifyTest' in e;

export function parseNotifyTestEvent(e: unknown): z.infer<typeof notifyTestEventSchema> {
  const r = notifyTestEventSchema.safeParse(e);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new InvalidMessageError(
      `not a notify test event (${issue?.path.join('.') || 'event'}: ${issue?.message ?? 'invalid'}); send {"notifyTest": true} or {"notifyTest": true, "subscriberId": "<id>"}`,
    );
  }
  return r.data;
}

export class InvalidMessageError extends StrikewatchError {
  readonly code = 'message_invalid';
}

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    throw new InvalidMessageError('message body is not JSON');
  }
}

export function parseArticleJob(body: string): ArticleJob {
  // Four times the largest job the poll makes: JSON.parse must not be handed megabytes.
  if (body.length > 4 * ARTICLE_JOB_MAX_BYTES)
    throw new InvalidMessageError(`an article job of ${body.length} characters is too large`);
  const r = articleJobSchema.safeParse(parseJson(body));
  if (!r.success)
    throw new InvalidMessageError(`not an article job: ${r.error.issues[0]?.message ?? 'invalid'}`);
  return r.data;
}

export function parseAlertNudge(body: string): { alertIds: string[] } {
  const r = alertNudgeSchema.safeParse(parseJson(body));
  if (!r.success)
    throw new InvalidMessageError(`not an alert nudge: ${r.error.issues[0]?.message ?? 'invalid'}`);
  return r.data;
}
