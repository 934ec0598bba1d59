import { z } from 'zod';
import { StrikewatchError } from '../domain/errors.ts';
import type { ArticleJob } from './poll-feeds.ts';

// Messages between the functions, checked on arrival: an SQS body is outside input.

const feedItemSchema = z.object({
  guid: z.string().nullable(),
  link: z.string().nullable(),
  title: z.string().nullable(),
  publishedAt: z.string().nullable(),
  content: z.string().nullable(),
});

export const articleJobSchema = z.object({
  feedId: z.string().min(1),
  outlet: z.string().min(1),
  articleId: z.string().regex(/^[a-f0-9]{32}$/),
  url: z.string().url().nullable(),
  canonicalUrl: z.string().url().nullable(),
  item: feedItemSchema,
});

export const alertNudgeSchema = z.object({ alertIds: z.array(z.string().min(1)).min(1).max(100) });

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
