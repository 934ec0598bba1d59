import { emailHeader, escapeHtml, htmlText, mailText, safeHttpUrl } from '../output/sanitise.ts';
import {
  type EmailHeaderOptions,
  messageIdDomain,
  threadHeaders,
  threadRootOf,
  unsubscribeHeaders,
  unsubscribeTargets,
} from './email-headers.ts';
import type { AccountLine, AccusationLine, UpdateMessage } from './update-message.ts';

// Email for one update message: subject (the headline, one line), text and HTML bodies with the
// same content as Slack, and the list headers (Message-ID, threading, List-Unsubscribe). Every
// outside string goes through the sanitiser: emailHeader for the subject, htmlText for HTML,
// mailText for the text part.

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
  /** Message-ID, In-Reply-To, References, List-Unsubscribe(-Post): pass as-is to the transport. */
  headers: Record<string, string>;
}

export const SUBJECT_PREFIX = '[strikewatch]';

const textQuote = (q: string) => `    “${mailText(q, { max: 400 })}”`;

function textAccount(a: AccountLine): string[] {
  const note = a.note ? ` (${a.note})` : '';
  return [
    `  - ${mailText(a.source, { max: 120 })}: ${mailText(a.figures, { max: 400 })}${note}, in ${mailText(a.outlet, { max: 80 })}`,
    ...a.quotes.slice(0, 2).map(textQuote),
  ];
}

function textAccusation(a: AccusationLine): string[] {
  const what = a.allegation ? `: ${mailText(a.allegation, { max: 200 })}` : '';
  const head = `  - ${a.isNew ? 'New: ' : ''}${mailText(a.accuser, { max: 100 })} accuses ${mailText(a.accused, { max: 100 })}${what} (${mailText(a.outlet, { max: 80 })})`;
  return a.quote ? [head, textQuote(a.quote)] : [head];
}

function textSources(m: UpdateMessage): string[] {
  return m.sources.map((s) => {
    const url = safeHttpUrl(s.url);
    const label = mailText(s.title ? `${s.outlet}: ${s.title}` : s.outlet, { max: 160 });
    return `  - ${label}${url ? `\n    ${url}` : ''}`;
  });
}

export function textBody(m: UpdateMessage, footer: string[]): string {
  const width = Math.max(...m.facts.map((f) => f.label.length)) + 2;
  const section = (title: string, lines: string[]) => (lines.length ? ['', title, ...lines] : []);
  return [
    mailText(m.headline, { max: 200 }),
    ...section(
      'What changed',
      m.changes.map((c) => `  - ${mailText(c, { max: 400 })}`),
    ),
    '',
    ...m.facts.map(
      (f) =>
        `${`${mailText(f.label, { max: 40 })}:`.padEnd(width)}${mailText(f.value, { max: 400 })}`,
    ),
    ...section('Accounts', m.accounts.flatMap(textAccount)),
    ...section('Accusations', m.accusations.flatMap(textAccusation)),
    ...section('Sources', textSources(m)),
    '',
    '-- ',
    ...footer,
  ].join('\n');
}

const htmlLink = (url: string, label: string) => {
  const safe = safeHttpUrl(url);
  return safe ? `<a href="${escapeHtml(safe)}">${label}</a>` : label;
};

const htmlQuote = (q: string) =>
  `<blockquote style="margin:4px 0 4px 12px;color:#444">“${htmlText(q, { max: 400 })}”</blockquote>`;

function htmlAccount(a: AccountLine): string {
  const note = a.note ? ` <em>(${htmlText(a.note)})</em>` : '';
  return `<li><strong>${htmlText(a.source, { max: 120 })}</strong>: ${htmlText(a.figures, { max: 400 })}${note}, in ${htmlLink(a.url, htmlText(a.outlet, { max: 80 }))}${a.quotes.slice(0, 2).map(htmlQuote).join('')}</li>`;
}

function htmlAccusation(a: AccusationLine): string {
  const what = a.allegation ? `: ${htmlText(a.allegation, { max: 200 })}` : '';
  const quote = a.quote ? htmlQuote(a.quote) : '';
  return `<li>${a.isNew ? '<strong>New:</strong> ' : ''}<strong>${htmlText(a.accuser, { max: 100 })}</strong> accuses <strong>${htmlText(a.accused, { max: 100 })}</strong>${what} (${htmlLink(a.url, htmlText(a.outlet, { max: 80 }))})${quote}</li>`;
}

const htmlList = (title: string, items: string[]) =>
  items.length
    ? `<h3 style="font-size:15px;margin:16px 0 4px">${title}</h3><ul>${items.join('')}</ul>`
    : '';

export function htmlBody(m: UpdateMessage, footer: string[]): string {
  const facts = m.facts
    .map(
      (f) =>
        `<tr><th align="left" style="padding-right:12px;vertical-align:top">${htmlText(f.label, { max: 40 })}</th><td>${htmlText(f.value, { max: 400 })}</td></tr>`,
    )
    .join('');
  const sources = m.sources.map(
    (s) =>
      `<li>${htmlLink(s.url, htmlText(s.title ? `${s.outlet}: ${s.title}` : s.outlet, { max: 160 }))}</li>`,
  );
  return [
    '<!doctype html><html><body style="font-family:sans-serif;font-size:14px">',
    `<h2 style="font-size:18px">${htmlText(m.headline, { max: 200 })}</h2>`,
    htmlList(
      'What changed',
      m.changes.map((c) => `<li>${htmlText(c, { max: 400 })}</li>`),
    ),
    `<table>${facts}</table>`,
    htmlList('Accounts', m.accounts.map(htmlAccount)),
    htmlList('Accusations', m.accusations.map(htmlAccusation)),
    htmlList('Sources', sources),
    `<p style="color:#777;font-size:12px">${footer.map((l) => htmlFooterLine(l)).join('<br>')}</p>`,
    '</body></html>',
  ].join('\n');
}

function htmlFooterLine(line: string): string {
  const url = /^(?:Unsubscribe: )(\S+)$/.exec(line)?.[1];
  if (!url) return htmlText(line);
  const href = url.startsWith('mailto:') ? url : safeHttpUrl(url);
  return href
    ? `Unsubscribe: <a href="${escapeHtml(href)}">${htmlText(url.startsWith('mailto:') ? 'by email' : 'one click')}</a>`
    : '';
}

export function footerLines(
  id: string,
  version: number | null,
  o: EmailHeaderOptions,
  subscriberId: string,
) {
  const v = version === null ? '' : ` (version ${version})`;
  return [
    `strikewatch message ${id}${v}`,
    ...unsubscribeTargets(o, subscriberId).map((t) => `Unsubscribe: ${t}`),
  ];
}

export function renderEmailUpdate(
  m: UpdateMessage,
  subscriberId: string,
  o: EmailHeaderOptions = {},
): RenderedEmail {
  const footer = footerLines(m.messageId, m.version, o, subscriberId);
  return {
    subject: emailHeader(`${SUBJECT_PREFIX} ${m.headline}`, 200),
    text: textBody(m, footer),
    html: htmlBody(m, footer),
    headers: {
      ...threadHeaders(m.messageId, m.references, messageIdDomain(o), threadRootOf(m.recordId)),
      ...unsubscribeHeaders(o, subscriberId),
    },
  };
}
