import type { SubscriberConfig } from '../config/schema.ts';

/** One email as the renderers make it; `headers` are passed to the transport as they are. */
export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Message-ID, In-Reply-To, References, List-Unsubscribe(-Post). */
  headers?: Record<string, string> | undefined;
}

/** Sends one email. Throws DeliveryError (retryable or not) on failure. */
export interface Mailer {
  send(message: EmailMessage & { from: string }): Promise<void>;
}

/** Posts one Slack webhook payload. Throws DeliveryError on failure. */
export interface SlackSender {
  post(webhookUrl: string, payload: Record<string, unknown>): Promise<void>;
}

/** Reads a secret value (Slack webhook URL, SMTP password) by id. */
export interface SecretReader {
  read(secretId: string): Promise<string>;
}

/** Where a subscriber's Slack messages go, as the config names it (URL, variable or secret). */
export type SlackTarget = NonNullable<SubscriberConfig['slack']>;

/**
 * Resolves a subscriber's webhook URL. Throws a named error (ConfigError when the config points
 * at nothing usable) whose `retryable` says whether asking again later may succeed.
 */
export interface SlackWebhooks {
  urlFor(subscriberId: string, target: SlackTarget): Promise<string>;
}
