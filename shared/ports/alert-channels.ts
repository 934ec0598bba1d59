import type { EmailMessage } from '../alerts/email-message.ts';

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
