import { dot, ruleX, ruleY } from '@observablehq/plot';
import { measureWords } from '../alerts/message-words.ts';
import {
  accountFigure,
  accountHigh,
  incidentLine,
  qualifierWord,
  utcMinute,
} from './figure-text.ts';
import { html, link, type SafeHtml, safeHref } from './html.ts';
import { type PlotCanvas, shortLabel } from './plot-document.ts';
import type { ReportAccount, ReportData, ReportIncident } from './report-data.ts';

// Incidents whose accounts give different figures, widest spread first: every account side by
// side (who states it, in which outlet, the figure with its qualifier, linked to its article)
// and a small range chart of the accounts on one axis.

/** How many incidents the section shows in full; the rest are counted, not drawn. */
export const MAX_DISAGREEMENTS = 150;

const accountKey = (a: ReportAccount) => `${a.count}/${accountHigh(a)}`;

/** Incidents with at least two accounts that do not give the same figure. */
export function disagreements(incidents: ReportIncident[]): ReportIncident[] {
  return incidents
    .filter((i) => i.accounts.length > 1 && new Set(i.accounts.map(accountKey)).size > 1)
    .sort(
      (a, b) =>
        b.max - b.min - (a.max - a.min) ||
        b.max / Math.max(1, b.min) - a.max / Math.max(1, a.min) ||
        b.date.localeCompare(a.date) ||
        a.incidentId.localeCompare(b.incidentId),
    );
}

/** The page anchor of an incident: by its position in the data, so hostile ids stay out of it. */
export const incidentAnchor = (position: number): string => `incident-${position}`;

function accountRows(accounts: ReportAccount[]): SafeHtml {
  return html`${accounts.map(
    (a) => html`<tr>
      <td>${a.source}</td><td>${a.outlet}</td>
      <td class="num">${link(a.url, accountFigure(a), { title: a.articleTitle })}</td>
      <td>${qualifierWord(a.qualifier)}</td><td>${utcMinute(a.reportedAt)}</td>
      <td class="title">${link(a.url, a.articleTitle || a.url)}</td></tr>`,
  )}`;
}

function rangeChart(canvas: PlotCanvas, i: ReportIncident, accounts: ReportAccount[]): SafeHtml {
  const label = accounts.map((a) => shortLabel(`${a.source} (${a.outlet})`, 30));
  const rows = accounts.map((a, k) => ({ k, low: a.count, high: accountHigh(a), a }));
  return canvas.svg('range', {
    width: 420,
    height: 36 + 22 * accounts.length,
    marginLeft: 170,
    marginRight: 16,
    x: { zero: true, nice: true, ticks: 4, label: `${measureWords(i)} ${i.outcome}` },
    y: {
      type: 'band',
      label: null,
      domain: rows.map((r) => r.k),
      tickFormat: (k: number) => label[k] ?? '',
    },
    marks: [
      ruleX([i.min, i.max], { stroke: '#c8ccd2', strokeDasharray: '3,3' }),
      ruleY(rows, {
        className: 'account-range',
        y: 'k',
        x1: 'low',
        x2: 'high',
        strokeWidth: 6,
        stroke: '#4269d0',
      }),
      dot(rows, {
        className: 'figure',
        x: 'low',
        y: 'k',
        r: 4,
        fill: '#4269d0',
        title: (r: (typeof rows)[number]) =>
          `${accountFigure(r.a)}, per ${r.a.source} (${r.a.outlet})`,
        href: (r: (typeof rows)[number]) => safeHref(r.a.url),
      }),
    ],
  });
}

function incidentBlock(canvas: PlotCanvas, i: ReportIncident, position: number): SafeHtml {
  const accounts = [...i.accounts].sort(
    (a, b) => a.count - b.count || accountHigh(a) - accountHigh(b),
  );
  const who = i.perpetrator ? i.perpetrator.name : 'not stated';
  return html`<article class="incident" id="${incidentAnchor(position)}"
      data-incident-id="${i.incidentId}" data-min="${i.min}" data-max="${i.max}">
    <h3>${incidentLine(i)}</h3>
    <p class="meta">Perpetrator: ${who} · ${accounts.length} accounts · spread ${i.max - i.min}</p>
    <div class="incident-body">
      <table class="accounts"><thead><tr><th>Source</th><th>Outlet</th><th>Figure</th>
        <th>Qualifier</th><th>Reported</th><th>Article</th></tr></thead>
        <tbody>${accountRows(accounts)}</tbody></table>
      <div class="chart small">${rangeChart(canvas, i, accounts)}</div>
    </div></article>`;
}

export function disagreementSection(canvas: PlotCanvas, data: ReportData): SafeHtml {
  const all = disagreements(data.incidents);
  const shown = all.slice(0, MAX_DISAGREEMENTS);
  const position = new Map(data.incidents.map((i, k) => [i, k]));
  const rest = all.length - shown.length;
  const body =
    all.length === 0
      ? html`<p class="empty">No incident in this period has accounts that disagree.</p>`
      : html`<p class="note">${all.length} of ${data.incidents.length} incidents have accounts
          that disagree, widest spread (highest minus lowest figure) first.</p>
        ${shown.map((i) => incidentBlock(canvas, i, position.get(i) ?? 0))}
        ${rest > 0 && html`<p class="note">${rest} more incidents with smaller spreads are not shown.</p>`}`;
  return html`<section id="disagreements"><h2>Incidents where sources disagree</h2>${body}</section>`;
}
