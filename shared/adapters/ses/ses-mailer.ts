import { type SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { DeliveryError } from '../../domain/errors.ts';
import type { Mailer } from '../../ports/alert-channels.ts';

// Email in AWS: SES v2. Throttling and 5xx are transient; a rejected message (unverified
// address, sandbox) is permanent and recorded as a failed delivery.

const TRANSIENT = new Set([
  'TooManyRequestsException',
  'ThrottlingException',
  'LimitExceededException',
  'InternalFailure',
  'ServiceUnavailable',
]);

export function createSesMailer(
  client: SESv2Client,
  opts: { configurationSet?: string | undefined; fromIdentityArn?: string | undefined },
): Mailer {
  return {
    async send(m) {
      try {
        await client.send(
          new SendEmailCommand({
            FromEmailAddress: m.from,
            FromEmailAddressIdentityArn: opts.fromIdentityArn,
            Destination: { ToAddresses: [m.to] },
            ConfigurationSetName: opts.configurationSet,
            Content: {
              Simple: {
                Subject: { Data: m.subject, Charset: 'UTF-8' },
                Body: {
                  Text: { Data: m.text, Charset: 'UTF-8' },
                  Html: { Data: m.html, Charset: 'UTF-8' },
                },
                // SES sets its own Message-ID; threading and list headers travel as they are.
                Headers: Object.entries(m.headers ?? {})
                  .filter(([name]) => name !== 'Message-ID')
                  .map(([Name, Value]) => ({ Name, Value })),
              },
            },
          }),
        );
      } catch (err) {
        const e = err as {
          name?: string;
          $metadata?: { httpStatusCode?: number };
          message?: string;
        };
        const status = e.$metadata?.httpStatusCode ?? 0;
        const retryable = TRANSIENT.has(e.name ?? '') || status >= 500 || status === 429;
        throw new DeliveryError(`SES ${e.name ?? 'error'}: ${(e.message ?? '').slice(0, 200)}`, {
          retryable,
          cause: err,
        });
      }
    },
  };
}
