import {
  emailHeader,
  escapeHtml,
  htmlText,
  mailText,
  safeHttpUrl,
  slackLink,
  slackMrkdwn,
  slackPlain,
  terminalText,
} from '../output/sanitise.ts';
import type { DigestEntry, DigestMessage } from './digest.ts';
import {
  type EmailHeaderOptions,
  messageIdDomain,
  threadHeaders,
  unsubscribeHeaders,
} from './email-headers.ts';
import { formatDate } from './message-words.ts';
import { footerLines, type RenderedEmail, SUBJECT_PREFIX } from './update-email.ts';
import { mrkdwnSection, ownId, type SlackPayload } from './update-slack.ts';

// Digest and overflow messages for Slack, email and terminals. Same sanitising as single
// updates: every outside string through the channel's function.

const MAX_SLACK_ENTRIES = 40;

function where(e: DigestEntry): string {
  return [e.place, e.incidentDate ? formatDate(e.incidentDate) : null].filter(Boolean).join(', ');
}

function slackEntry(e: DigestEntry): string {
  const head = `*${slackMrkdwn(e.headline, { max: 150 })}*`;
  const meta = [
    where(e) ? slackMrkdwn(where(e), { max: 120 }) : null,
    e.link ? slackLink(e.link.url, e.link.outlet, 80) : null,
  ]
    .filter(Boolean)
    .join(' · ');
  const lines = e.lines.map((l) => `• ${slackMrkdwn(l, { max: 300 })}`);
  return [head, ...(meta ? [meta] : []), ...lines].join('\n');
}

export function renderSlackDigest(d: DigestMessage): SlackPayload {
  const entries = d.entries.slice(0, MAX_SLACK_ENTRIES);
  const more = d.more + d.entries.length - entries.length;
  return {
    text: slackMrkdwn(d.title, { max: 300 }),
    blocks: [
      {
        type: 'header',
        text: { type: 'plain_text', text: slackPlain(d.title, { max: 150 }), emoji: false },
      },
      ...entries.map((e) => mrkdwnSection(slackEntry(e))),
      ...(more > 0
        ? [{ type: 'context', elements: [{ type: 'mrkdwn', text: `and ${more} more` }] }]
        : []),
      {
        type: 'context',
        elements: [{ type: 'mrkdwn', text: `strikewatch ${d.kind} ${ownId(d.id)}` }],
      },
    ],
    unfurl_links: false,
    unfurl_media: false,
  };
}

function textEntry(e: DigestEntry): string[] {
  const url = e.link ? safeHttpUrl(e.link.url) : null;
  return [
    `* ${mailText(e.headline, { max: 150 })}`,
    ...(where(e) ? [`  ${mailText(where(e), { max: 120 })}`] : []),
    ...e.lines.map((l) => `  - ${mailText(l, { max: 300 })}`),
    ...(url && e.link ? [`  ${mailText(e.link.outlet, { max: 80 })}: ${url}`] : []),
  ];
}

function htmlEntry(e: DigestEntry): string {
  const url = e.link ? safeHttpUrl(e.link.url) : null;
  const link =
    url && e.link
      ? ` · <a href="${escapeHtml(url)}">${htmlText(e.link.outlet, { max: 80 })}</a>`
      : '';
  const lines = e.lines.map((l) => `<li>${htmlText(l, { max: 300 })}</li>`).join('');
  return `<li><strong>${htmlText(e.headline, { max: 150 })}</strong><br><span style="color:#555">${htmlText(where(e), { max: 120 })}</span>${link}<ul>${lines}</ul></li>`;
}

export function renderEmailDigest(d: DigestMessage, o: EmailHeaderOptions = {}): RenderedEmail {
  const footer = footerLines(d.id, null, o, d.subscriberId);
  const more = d.more > 0 ? [`and ${d.more} more`] : [];
  const text = [
    mailText(d.title, { max: 200 }),
    '',
    ...d.entries.flatMap((e) => [...textEntry(e), '']),
    ...more,
    '-- ',
    ...footer,
  ].join('\n');
  const html = [
    '<!doctype html><html><body style="font-family:sans-serif;font-size:14px">',
    `<h2 style="font-size:18px">${htmlText(d.title, { max: 200 })}</h2>`,
    `<ul>${d.entries.map(htmlEntry).join('')}</ul>`,
    ...more.map((m) => `<p>${m}</p>`),
    `<p style="color:#777;font-size:12px">${footer.map((l) => htmlText(l)).join('<br>')}</p>`,
    '</body></html>',
  ].join('\n');
  return {
    subject: emailHeader(`${SUBJECT_PREFIX} ${d.title}`, 200),
    text,
    html,
    headers: {
      ...threadHeaders(d.id, [], messageIdDomain(o)),
      ...unsubscribeHeaders(o, d.subscriberId),
    },
  };
}

export function renderTerminalDigest(d: DigestMessage): string {
  const t = (s: string, max = 300) => terminalText(s, { max });
  const lines = [`== ${t(d.title, 200)}`];
  for (const e of d.entries) {
    lines.push(`   * ${t(e.headline, 150)}${where(e) ? ` (${t(where(e), 120)})` : ''}`);
    for (const l of e.lines) lines.push(`       - ${t(l)}`);
  }
  if (d.more > 0) lines.push(`   and ${d.more} more`);
  return lines.join('\n');
}
