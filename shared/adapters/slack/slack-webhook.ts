import { DeliveryError, FetchError } from '../../domain/errors.ts';
import type { SlackSender } from '../../ports/alert-channels.ts';
import type { HttpClient } from '../../ports/http.ts';

// Slack incoming webhooks answer 200 "ok"; 429 with Retry-After when rate limited; 5xx when
// Slack is down; 400/403/404/410 when the payload or the webhook is bad (retrying won't help).

export function createSlackSender(http: HttpClient, opts: { timeoutMs: number }): SlackSender {
  return {
    async post(webhookUrl, payload) {
      let res: Awaited<ReturnType<HttpClient['post']>>;
      try {
        res = await http.post({
          url: webhookUrl,
          body: JSON.stringify(payload),
          contentType: 'application/json; charset=utf-8',
          timeoutMs: opts.timeoutMs,
          maxBytes: 64 * 1024,
        });
      } catch (err) {
        const retryable =
          err instanceof FetchError
            ? err.retryable || err.code === 'network' || err.code === 'timeout'
            : true;
        // The webhook URL is a secret: describe the failure without it.
        throw new DeliveryError(
          `Slack webhook unreachable: ${err instanceof FetchError ? err.code : 'network error'}`,
          {
            retryable,
            cause: err,
          },
        );
      }
      if (res.status >= 200 && res.status < 300) return;
      const body = res.body.toString('utf8').slice(0, 200);
      if (res.status === 429 || res.status >= 500) {
        const retryAfter = Number(res.headers['retry-after']);
        throw new DeliveryError(`Slack answered ${res.status}${body ? `: ${body}` : ''}`, {
          retryable: true,
          retryAfterMs:
            Number.isFinite(retryAfter) && retryAfter >= 0
              ? Math.min(retryAfter, 900) * 1000
              : undefined,
        });
      }
      throw new DeliveryError(
        `Slack rejected the message (${res.status}${body ? `: ${body}` : ''}); check the webhook URL`,
        { retryable: false },
      );
    },
  };
}
