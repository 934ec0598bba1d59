import { accusationSection, type IncidentHref } from './accusations.ts';
import { coverageSection } from './coverage.ts';
import {
  disagreementSection,
  disagreements,
  incidentAnchor,
  MAX_DISAGREEMENTS,
} from './disagreements.ts';
import { utcMinute } from './figure-text.ts';
import { html, type SafeHtml, trustedMarkup } from './html.ts';
import { createPlotCanvas } from './plot-document.ts';
import type { ReportData } from './report-data.ts';
import { REPORT_STYLE } from './report-style.ts';
import { timelineSection } from './timeline.ts';

// The analyst report: one self-contained HTML page. The charts are static SVG drawn on the
// server by Observable Plot; the page has no script and loads nothing (its Content Security
// Policy forbids every fetch and script, so even a slip in escaping could not phone out).

const CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

function periodText(p: ReportData['period']): string {
  if (p.since && p.until) return `${p.since} to ${p.until}`;
  if (p.since) return `from ${p.since}`;
  if (p.until) return `until ${p.until}`;
  return 'all dates';
}

function filterText(f: ReportData['filters']): string {
  const set = Object.entries(f).filter(([, v]) => typeof v === 'string' && v !== '');
  return set.length === 0 ? 'none' : set.map(([k, v]) => `${k} = ${v}`).join('; ');
}

function header(data: ReportData): SafeHtml {
  const accounts = data.incidents.reduce((n, i) => n + i.accounts.length, 0);
  return html`<header>
    <h1>strikewatch analyst report</h1>
    <dl class="facts">
      <dt>Incident dates</dt><dd id="period">${periodText(data.period)}</dd>
      <dt>Filters</dt><dd id="filters">${filterText(data.filters)}</dd>
      <dt>Made</dt><dd id="generated"><time datetime="${data.generatedAt}">${utcMinute(data.generatedAt)}</time></dd>
      <dt>Contents</dt><dd>${data.incidents.length} incidents (${accounts} accounts),
        ${data.accusations.length} accusations, ${data.stories.length} stories</dd>
    </dl>
    <nav><a href="#timeline">Timeline</a> · <a href="#disagreements">Sources disagree</a> ·
      <a href="#accusations">Accusations</a> · <a href="#coverage">Coverage</a></nav>
  </header>`;
}

/** Finds an incident by id and, when the page shows it in full, its anchor. */
function incidentLookup(data: ReportData): IncidentHref {
  const position = new Map(data.incidents.map((i, k) => [i.incidentId, k]));
  const shown = new Set(disagreements(data.incidents).slice(0, MAX_DISAGREEMENTS));
  return (id) => {
    const k = position.get(id);
    const incident = k === undefined ? undefined : data.incidents[k];
    if (k === undefined || !incident) return null;
    return { incident, href: shown.has(incident) ? `#${incidentAnchor(k)}` : null };
  };
}

/** Renders the report as one self-contained HTML document (static SVG charts, no script). */
export function renderReport(data: ReportData): string {
  const canvas = createPlotCanvas();
  const page = html`<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>strikewatch report: ${periodText(data.period)}</title>
<style>${trustedMarkup(REPORT_STYLE)}</style></head>
<body>${header(data)}<main>
${timelineSection(canvas, data)}
${disagreementSection(canvas, data)}
${accusationSection(canvas, data, incidentLookup(data))}
${coverageSection(canvas, data)}
</main><footer>Made by strikewatch. Figures are as the cited articles state them; every figure
links to its source article.</footer></body></html>
`;
  return page.html;
}
