import type { AlertRecord } from '../domain/records.ts';
import { alertDetails } from './format-alert.ts';

// Slack Block Kit payload. Slack's mrkdwn treats &, < and > as control characters: escaping
// them is what keeps article text from forming links or mentions such as <!channel>.

export function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * plain_text is not parsed by Slack, but article text never gets to spell a mention there
 * either: angle brackets become look-alikes.
 */
function plainText(text: string): string {
  return text.replace(/</g, '‹').replace(/>/g, '›');
}

/** A link is only emitted for http(s) URLs; `|` and `>` would end Slack's link syntax early. */
function slackLink(url: string, label: string): string {
  if (!/^https?:\/\//i.test(url)) return escapeSlack(label);
  const safeUrl = url.replace(/[|<>\s]/g, encodeURIComponent);
  return `<${safeUrl}|${escapeSlack(label).replace(/\|/g, '¦')}>`;
}

const truncate = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export function slackPayload(alert: AlertRecord): Record<string, unknown> {
  const details = alertDetails(alert)
    .map((r) => `*${r.label}:* ${escapeSlack(truncate(r.value, 500))}`)
    .join('\n');
  const links = alert.links
    .slice(0, 5)
    .map((l) => slackLink(l.url, `${l.outlet}${l.title ? `: ${truncate(l.title, 120)}` : ''}`))
    .join(' · ');
  return {
    // Shown in notifications; Slack does not parse mrkdwn here, but escape anyway.
    text: escapeSlack(truncate(alert.headline, 300)),
    blocks: [
      {
        type: 'header',
        text: { type: 'plain_text', text: plainText(truncate(alert.headline, 150)), emoji: false },
      },
      { type: 'section', text: { type: 'mrkdwn', text: truncate(details, 2900) } },
      {
        type: 'context',
        elements: [
          ...(links ? [{ type: 'mrkdwn', text: truncate(links, 2900) }] : []),
          // The id lets a reader (and the exactly-once tests) tell repeats from new alerts.
          { type: 'mrkdwn', text: `strikewatch alert ${escapeSlack(alert.alertId)}` },
        ],
      },
    ],
    unfurl_links: false,
    unfurl_media: false,
  };
}
