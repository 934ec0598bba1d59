import type { DeliverySettings } from '../config/schema.ts';
import { type AlertRecord, isDigestAlert } from '../domain/records.ts';
import type { EmailMessage } from '../ports/alert-channels.ts';
import { renderEmailDigest, renderSlackDigest, renderTerminalDigest } from './digest-render.ts';
import type { EmailHeaderOptions } from './email-headers.ts';
import { renderEmailUpdate } from './update-email.ts';
import { renderSlackUpdate, type SlackPayload } from './update-slack.ts';
import { renderTerminalUpdate } from './update-terminal.ts';

// An outbox message rendered for its channel, again on every attempt (the stored message is
// channel-independent): an incident update, or a digest / overflow of updates.

/** The list options of the email settings (Message-ID domain, unsubscribe targets, From). */
export function emailOptions(email: NonNullable<DeliverySettings['email']>): EmailHeaderOptions {
  return {
    from: email.from,
    ...(email.messageIdDomain ? { messageIdDomain: email.messageIdDomain } : {}),
    ...(email.unsubscribe ? { unsubscribe: email.unsubscribe } : {}),
  };
}

export function slackPayloadFor(alert: AlertRecord): SlackPayload {
  return isDigestAlert(alert) ? renderSlackDigest(alert.digest) : renderSlackUpdate(alert.message);
}

export function emailFor(
  alert: AlertRecord,
  to: string,
  subscriberId: string,
  o: EmailHeaderOptions,
): EmailMessage {
  const r = isDigestAlert(alert)
    ? renderEmailDigest(alert.digest, o)
    : renderEmailUpdate(alert.message, subscriberId, o);
  return { to, subject: r.subject, text: r.text, html: r.html, headers: r.headers };
}

export function terminalTextFor(alert: AlertRecord): string {
  return isDigestAlert(alert)
    ? renderTerminalDigest(alert.digest)
    : renderTerminalUpdate(alert.message);
}
