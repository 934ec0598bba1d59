import nodemailer from 'nodemailer';
import { DeliveryError } from '../../domain/errors.ts';
import type { Mailer } from '../../ports/alert-channels.ts';

// Local email delivery over SMTP (in AWS the SES adapter is used). 4xx replies are transient,
// 5xx permanent (RFC 5321); connection failures are transient.

export interface SmtpOptions {
  host: string;
  port: number;
  secure: boolean;
  user?: string | undefined;
  password?: string | undefined;
  allowSelfSigned: boolean;
  timeoutMs: number;
}

export function createSmtpMailer(o: SmtpOptions): Mailer & { close(): void } {
  const transport = nodemailer.createTransport({
    host: o.host,
    port: o.port,
    secure: o.secure,
    auth: o.user ? { user: o.user, pass: o.password ?? '' } : undefined,
    connectionTimeout: o.timeoutMs,
    greetingTimeout: o.timeoutMs,
    socketTimeout: o.timeoutMs,
    tls: { rejectUnauthorized: !o.allowSelfSigned },
    // Never let nodemailer fetch remote content into a message.
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  return {
    async send(m) {
      try {
        await transport.sendMail({
          from: m.from,
          to: m.to,
          subject: m.subject,
          text: m.text,
          html: m.html,
          // Message-ID is set from our own header, so a retry is the same message.
          ...(m.headers?.['Message-ID'] ? { messageId: m.headers['Message-ID'] } : {}),
          headers: Object.fromEntries(
            Object.entries(m.headers ?? {}).filter(([k]) => k !== 'Message-ID'),
          ),
        });
      } catch (err) {
        const code = (err as { responseCode?: number }).responseCode;
        const retryable = code === undefined || (code >= 400 && code < 500);
        throw new DeliveryError(
          `SMTP ${code ? `answered ${code}` : 'failed'}: ${(err as Error).message.slice(0, 200)}`,
          { retryable, cause: err },
        );
      }
    },
    close: () => transport.close(),
  };
}
