import type { AlertRecord } from '../domain/records.ts';
import { escapeHtml } from '../util/escape-html.ts';
import { alertDetails, alertText } from './format-alert.ts';

export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** Subjects come from article text: no line breaks (header injection), bounded length. */
export function safeSubject(s: string): string {
  const one = s
    .replace(/[\r\n\t\u2028\u2029]+/g, ' ')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point.
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .trim();
  return one.length > 180 ? `${one.slice(0, 179)}…` : one;
}

export function emailMessage(alert: AlertRecord, to: string): EmailMessage {
  const rows = alertDetails(alert)
    .map(
      (r) =>
        `<tr><th align="left" style="padding-right:12px">${escapeHtml(r.label)}</th><td>${escapeHtml(r.value)}</td></tr>`,
    )
    .join('');
  const links = alert.links
    .filter((l) => /^https?:\/\//i.test(l.url))
    .map(
      (l) =>
        `<li><a href="${escapeHtml(l.url)}">${escapeHtml(l.outlet)}${l.title ? `: ${escapeHtml(l.title)}` : ''}</a></li>`,
    )
    .join('');
  const html = `<!doctype html><html><body style="font-family:sans-serif">
<h2 style="font-size:18px">${escapeHtml(alert.headline)}</h2>
<table>${rows}</table>
${links ? `<p>Sources:</p><ul>${links}</ul>` : ''}
<p style="color:#777;font-size:12px">strikewatch alert ${escapeHtml(alert.alertId)}</p>
</body></html>`;
  return {
    to,
    subject: safeSubject(`[strikewatch] ${alert.headline}`),
    text: alertText(alert),
    html,
  };
}
