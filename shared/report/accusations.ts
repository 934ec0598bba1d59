import { cell, group, text } from '@observablehq/plot';
import { dayOf, incidentLine } from './figure-text.ts';
import { html, link, type SafeHtml } from './html.ts';
import { type PlotCanvas, shortLabel } from './plot-document.ts';
import type { ReportAccusation, ReportData, ReportIncident } from './report-data.ts';

// Accusations: who accuses whom, as an accuser x accused matrix of counts (one cell per pair,
// linking to that pair's list), then the most recent allegations of each pair with links.

/** Allegations listed per pair, most recent first. */
export const RECENT_PER_PAIR = 3;

export interface AccusationPair {
  accuser: string;
  accused: string;
  items: ReportAccusation[];
}

// By display name, as the matrix shows them.
const pairKey = (a: ReportAccusation) => `${a.accuser.name}\u0000${a.accused.name}`;

/** Pairs by number of accusations (then names); each pair's items most recent first. */
export function accusationPairs(accusations: ReportAccusation[]): AccusationPair[] {
  const pairs = new Map<string, AccusationPair>();
  for (const a of accusations) {
    const key = pairKey(a);
    const pair = pairs.get(key) ?? { accuser: a.accuser.name, accused: a.accused.name, items: [] };
    pair.items.push(a);
    pairs.set(key, pair);
  }
  for (const p of pairs.values()) p.items.sort((x, y) => y.date.localeCompare(x.date));
  return [...pairs.values()].sort(
    (x, y) =>
      y.items.length - x.items.length ||
      x.accuser.localeCompare(y.accuser) ||
      x.accused.localeCompare(y.accused),
  );
}

export const pairAnchor = (position: number): string => `pair-${position}`;

/** Names by how often they occur, most first. */
function byFrequency(names: string[]): string[] {
  const counts = new Map<string, number>();
  for (const n of names) counts.set(n, (counts.get(n) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map((e) => e[0]);
}

/** Colour steps for pair counts up to `most`: 2, 3, 5, 10, 20, 50, ... (at most six). */
export function countSteps(most: number): number[] {
  const steps = [2, 3, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000].filter((s) => s <= most);
  return steps.length === 0 ? [2] : steps.slice(Math.max(0, steps.length - 6));
}

function matrixChart(canvas: PlotCanvas, data: ReportData, pairs: AccusationPair[]): SafeHtml {
  const anchor = new Map(pairs.map((p, k) => [`${p.accuser}\u0000${p.accused}`, pairAnchor(k)]));
  const accused = byFrequency(data.accusations.map((a) => a.accused.name));
  const accusers = byFrequency(data.accusations.map((a) => a.accuser.name));
  const channels = {
    x: (a: ReportAccusation) => a.accused.name,
    y: (a: ReportAccusation) => a.accuser.name,
  };
  return canvas.svg('accusations', {
    width: Math.max(420, 200 + 44 * accused.length),
    height: 130 + 30 * accusers.length,
    marginLeft: 200,
    marginBottom: 110,
    x: {
      domain: accused,
      label: 'Accused',
      tickRotate: -35,
      axis: 'bottom',
      tickFormat: (s: string) => shortLabel(s, 22),
    },
    y: { domain: accusers, label: 'Accuser', tickFormat: (s: string) => shortLabel(s, 30) },
    // Discrete steps: Plot draws a continuous legend on a canvas, which jsdom lacks.
    color: {
      type: 'threshold',
      domain: countSteps(pairs[0]?.items.length ?? 1),
      scheme: 'blues',
      legend: true,
      label: 'Accusations per pair',
    },
    marks: [
      cell(
        data.accusations,
        group(
          {
            fill: 'count',
            title: (v: string[]) => `${v[0] ?? ''}: ${v.length}`,
            href: 'first',
          },
          {
            ...channels,
            inset: 0.5,
            title: (a: ReportAccusation) => `${a.accuser.name} accuses ${a.accused.name}`,
            href: (a: ReportAccusation) => `#${anchor.get(pairKey(a)) ?? ''}`,
          },
        ),
      ),
      text(
        data.accusations,
        group({ text: 'count' }, { ...channels, stroke: 'white', strokeWidth: 3, fill: 'black' }),
      ),
    ],
  });
}

export type IncidentHref = (
  incidentId: string,
) => { href: string | null; incident: ReportIncident } | null;

function allegationItem(a: ReportAccusation, incidentOf: IncidentHref): SafeHtml {
  const found = a.incidentId === null ? null : incidentOf(a.incidentId);
  const about = found
    ? html` · incident: ${
        found.href
          ? html`<a href="${found.href}">${incidentLine(found.incident)}</a>`
          : incidentLine(found.incident)
      }`
    : '';
  return html`<li><time>${dayOf(a.date)}</time> ${link(a.url, a.allegation || '(no allegation text)')}
    <span class="outlet">${a.outlet}</span>${about}</li>`;
}

function pairList(pairs: AccusationPair[], incidentOf: IncidentHref): SafeHtml {
  return html`<div class="pairs">${pairs.map(
    (p, k) => html`<div class="pair" id="${pairAnchor(k)}">
      <h4>${p.accuser} → ${p.accused} <span class="count">(${p.items.length})</span></h4>
      <ul>${p.items.slice(0, RECENT_PER_PAIR).map((a) => allegationItem(a, incidentOf))}</ul></div>`,
  )}</div>`;
}

export function accusationSection(
  canvas: PlotCanvas,
  data: ReportData,
  incidentOf: IncidentHref,
): SafeHtml {
  if (data.accusations.length === 0) {
    return html`<section id="accusations"><h2>Accusations</h2>
      <p class="empty">No accusations in this period.</p></section>`;
  }
  const pairs = accusationPairs(data.accusations);
  return html`<section id="accusations"><h2>Accusations</h2>
    <p class="note">${data.accusations.length} accusations between ${pairs.length} pairs. A cell
      counts the accusations of one accuser (row) against one accused (column); it links to that
      pair's most recent allegations below.</p>
    <div class="chart">${matrixChart(canvas, data, pairs)}</div>
    <h3>Most recent allegations per pair</h3>${pairList(pairs, incidentOf)}</section>`;
}
