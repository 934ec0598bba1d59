import { z } from 'zod';
import { safeHttpUrl } from '../output/sanitise.ts';

// The headers that make an email a well-behaved list message: Message-ID derived from the
// record and version (so a retry is the same message), In-Reply-To/References threading the
// updates of one incident, and List-Unsubscribe (RFC 2369) with one-click POST (RFC 8058) when
// an unsubscribe URL is configured.

/** Config fragment for the wiring step to add under delivery.email (validated once at start). */
export const emailListSchema = z.strictObject({
  /** Domain of Message-IDs ("alerts.example.org"); defaults to the From address's domain. */
  messageIdDomain: z
    .string()
    .regex(/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/i)
    .optional(),
  unsubscribe: z
    .strictObject({
      /** Address that takes "unsubscribe <subscriber id>" mails. */
      mailto: z.string().email().optional(),
      /** One-click URL; `{subscriber}` is replaced by the subscriber id (URL-encoded). */
      url: z
        .string()
        .url()
        .refine((u) => safeHttpUrl(u.replace(/\{subscriber\}/g, 'x')) !== null, 'must be http(s)')
        .optional(),
    })
    .optional(),
});
export type EmailListOptions = z.infer<typeof emailListSchema>;

export interface EmailHeaderOptions extends EmailListOptions {
  /** Used for the Message-ID domain when messageIdDomain is not set. */
  from?: string;
}

const DOMAIN = /^[a-z0-9.-]{1,253}$/i;
const ADDRESS = /^[^\s<>()[\]\\,;:"@]{1,64}@[a-z0-9.-]{1,253}$/i;
const MAX_REFERENCES = 10;

export function messageIdDomain(o: EmailHeaderOptions): string {
  const fromDomain = o.from?.split('@')[1];
  const d = o.messageIdDomain ?? fromDomain ?? '';
  return DOMAIN.test(d) ? d.toLowerCase() : 'strikewatch.invalid';
}

/** `<id@domain>`; ids are strikewatch's own hashes, and anything else is refused to a fixed form. */
export const messageIdHeader = (id: string, domain: string): string =>
  `<${/^[a-z0-9_.-]{1,128}$/i.test(id) ? id : 'invalid'}@${domain}>`;

export function unsubscribeHeaders(
  o: EmailHeaderOptions,
  subscriberId: string,
): Record<string, string> {
  const parts: string[] = [];
  const mailto = o.unsubscribe?.mailto;
  if (mailto && ADDRESS.test(mailto)) {
    parts.push(`<mailto:${mailto}?subject=${encodeURIComponent(`unsubscribe ${subscriberId}`)}>`);
  }
  const url = o.unsubscribe?.url
    ? safeHttpUrl(o.unsubscribe.url.replace(/\{subscriber\}/g, encodeURIComponent(subscriberId)))
    : null;
  if (url) parts.push(`<${url}>`);
  if (!parts.length) return {};
  return {
    'List-Unsubscribe': parts.join(', '),
    ...(url ? { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } : {}),
  };
}

/**
 * Message-ID; References naming the record's thread root (a fixed id no message has) and the
 * earlier messages; In-Reply-To the latest of them. SES replaces every Message-ID with its own,
 * so in AWS the earlier ids name nothing: the root, the same in every message about the record
 * from the first on, still threads them in clients that follow References.
 */
export function threadHeaders(
  messageId: string,
  previous: readonly string[],
  domain: string,
  threadRoot?: string,
) {
  const headers: Record<string, string> = { 'Message-ID': messageIdHeader(messageId, domain) };
  const last = previous[previous.length - 1];
  // The root and the latest few: enough for every client to thread, bounded in size.
  const earlier =
    previous.length > MAX_REFERENCES
      ? [previous[0] as string, ...previous.slice(previous.length - (MAX_REFERENCES - 1))]
      : [...previous];
  const refs = threadRoot ? [threadRoot, ...earlier] : earlier;
  if (last) headers['In-Reply-To'] = messageIdHeader(last, domain);
  if (refs.length) headers.References = refs.map((r) => messageIdHeader(r, domain)).join(' ');
  return headers;
}

/** The thread root of a record's messages. */
export const threadRootOf = (recordId: string): string => `thread-${recordId}`;

/** The unsubscribe lines of a text or HTML footer. */
export function unsubscribeTargets(o: EmailHeaderOptions, subscriberId: string): string[] {
  const h = unsubscribeHeaders(o, subscriberId)['List-Unsubscribe'];
  return h ? [...h.matchAll(/<([^>]+)>/g)].map((m) => m[1] ?? '').filter(Boolean) : [];
}
