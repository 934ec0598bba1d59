import { binX, dot, type RectYOptions, rectY, ruleX, ruleY } from '@observablehq/plot';
import { measureWords, plural } from '../alerts/message-words.ts';
import { accountFigure, accountHigh, incidentLine, placeName, utcDay } from './figure-text.ts';
import { html, type SafeHtml, safeHref } from './html.ts';
import { CATEGORY_COLOURS, NOT_STATED_COLOUR, type PlotCanvas } from './plot-document.ts';
import type { ReportAccount, ReportData, ReportIncident } from './report-data.ts';

// Timeline: one rule per incident from its lowest to its highest figure, at the incident date,
// coloured by perpetrator, with a dot at each end that links to the article giving that
// figure; below it, incidents and reports counted per week (binned, one bar per week).

const NOT_STATED = 'not stated';

const perpetratorOf = (i: ReportIncident): string => i.perpetrator?.name ?? NOT_STATED;

/** Perpetrators by number of incidents, "not stated" last in grey. */
export function perpetratorColours(incidents: ReportIncident[]): {
  domain: string[];
  range: string[];
} {
  const counts = new Map<string, number>();
  for (const i of incidents) {
    if (i.perpetrator) counts.set(i.perpetrator.name, (counts.get(i.perpetrator.name) ?? 0) + 1);
  }
  const named = [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map((e) => e[0]);
  const range = named.map((_, k) => CATEGORY_COLOURS[k % CATEGORY_COLOURS.length] ?? '#000');
  return { domain: [...named, NOT_STATED], range: [...range, NOT_STATED_COLOUR] };
}

interface FigureEnd {
  date: Date;
  figure: number;
  outcome: string;
  perpetrator: string;
  title: string;
  /** The article giving the figure, when its URL is http(s). */
  url: string | null;
}

/** The accounts giving an incident's lowest and highest figures (earliest reported first). */
export function rangeEnds(i: ReportIncident): { low: ReportAccount; high: ReportAccount } | null {
  const byTime = [...i.accounts].sort((a, b) => a.reportedAt.localeCompare(b.reportedAt));
  const low = byTime.find((a) => a.count === i.min) ?? byTime[0];
  const high = byTime.find((a) => accountHigh(a) === i.max) ?? byTime[byTime.length - 1];
  return low && high ? { low, high } : null;
}

/** A dot at each end of an incident's range (one when the accounts agree on one figure). */
function figureEnds(incidents: ReportIncident[]): FigureEnd[] {
  return incidents.flatMap((i) => {
    const ends = rangeEnds(i);
    if (!ends) return [];
    const at = (figure: number, a: ReportAccount): FigureEnd => ({
      date: utcDay(i.date),
      figure,
      outcome: i.outcome,
      perpetrator: perpetratorOf(i),
      title: `${placeName(i)}, ${i.date}: ${accountFigure(a)} ${measureWords(i)} ${i.outcome}, per ${a.source} (${a.outlet})`,
      url: safeHref(a.url),
    });
    return i.min === i.max ? [at(i.max, ends.high)] : [at(i.min, ends.low), at(i.max, ends.high)];
  });
}

function ruleTitle(i: ReportIncident): string {
  const who = i.perpetrator ? `\nPerpetrator: ${i.perpetrator.name}` : '';
  const n = i.accounts.length;
  return `${incidentLine(i)}${who}\n${plural(n, 'account')}`;
}

/** One time axis for both panels: the period asked for, widened to every incident and report. */
export function timeDomain(data: ReportData): [Date, Date] {
  const times = [
    ...[data.period.since, data.period.until].flatMap((d) => (d ? [utcDay(d).getTime()] : [])),
    ...data.incidents.map((i) => utcDay(i.date).getTime()),
    ...data.stories.flatMap((s) => s.articles.map((a) => Date.parse(a.reportedAt))),
  ].filter(Number.isFinite);
  if (times.length === 0) return [new Date(0), new Date(0)];
  const week = 7 * 86_400_000;
  return [new Date(Math.min(...times) - week), new Date(Math.max(...times) + week)];
}

function figuresChart(
  canvas: PlotCanvas,
  incidents: ReportIncident[],
  domain: [Date, Date],
): SafeHtml {
  const outcomes = [...new Set(incidents.map((i) => i.outcome))];
  const hasZero = incidents.some((i) => i.min === 0);
  return canvas.svg('timeline', {
    width: 1000,
    height: 80 + 220 * outcomes.length,
    marginLeft: 56,
    marginRight: outcomes.length > 1 ? 70 : 20,
    x: { type: 'utc', label: 'Incident date', domain },
    // Tolls span 1 to hundreds: a log scale keeps the small ones apart (symlog when one is 0).
    y: { type: hasZero ? 'symlog' : 'log', label: 'People (range across accounts)', grid: true },
    fy: { label: null, domain: outcomes },
    color: { ...perpetratorColours(incidents), legend: true, label: 'Perpetrator' },
    marks: [
      ruleY([hasZero ? 0 : 1]),
      ruleX(incidents, {
        x: (i: ReportIncident) => utcDay(i.date),
        y1: 'min',
        y2: 'max',
        fy: 'outcome',
        className: 'incident-range',
        stroke: perpetratorOf,
        strokeWidth: 3,
        strokeOpacity: 0.8,
        title: ruleTitle,
      }),
      dot(figureEnds(incidents), {
        x: 'date',
        y: 'figure',
        fy: 'outcome',
        fill: 'perpetrator',
        className: 'figure',
        r: 3.5,
        stroke: 'white',
        strokeWidth: 0.75,
        title: 'title',
        href: 'url',
      }),
    ],
  });
}

/** Incidents by the week of their date and reports (articles) by the week they appeared. */
function weeklyChart(canvas: PlotCanvas, data: ReportData, domain: [Date, Date]): SafeHtml {
  const rows = [
    ...data.incidents.map((i) => ({ kind: 'incidents', date: utcDay(i.date) })),
    ...data.stories.flatMap((s) =>
      s.articles.map((a) => ({ kind: 'reports', date: new Date(a.reportedAt) })),
    ),
  ];
  return canvas.svg('weekly', {
    width: 1000,
    height: 260,
    marginLeft: 56,
    marginRight: 70,
    x: { type: 'utc', label: 'Week', domain },
    y: { label: 'Per week', grid: true },
    fy: { label: null, domain: ['incidents', 'reports'] },
    color: { domain: ['incidents', 'reports'], range: ['#4269d0', '#9498a0'] },
    marks: [
      rectY(
        rows,
        binX<RectYOptions>(
          {
            y: 'count',
            title: (v: string[], { x1 }: { x1: Date }) =>
              `${v.length} ${v[0] ?? ''} in the week of ${x1.toISOString().slice(0, 10)}`,
          },
          { x: 'date', fy: 'kind', fill: 'kind', title: 'kind', interval: 'week' },
        ),
      ),
      ruleY([0]),
    ],
  });
}

export function timelineSection(canvas: PlotCanvas, data: ReportData): SafeHtml {
  const domain = timeDomain(data);
  const figures =
    data.incidents.length === 0
      ? html`<p class="empty">No incidents in this period.</p>`
      : html`<p class="note">Each rule spans the lowest to the highest figure the accounts give
          for one incident; the dots at its ends link to the article that gives that figure.
          Hover a mark for the place and figures. Vertical scale: logarithmic.</p>
        <div class="chart">${figuresChart(canvas, data.incidents, domain)}</div>`;
  const reports = data.stories.reduce((n, s) => n + s.articles.length, 0);
  const weekly =
    data.incidents.length + reports === 0
      ? html`<p class="empty">No incidents or reports in this period.</p>`
      : html`<p class="note">Incidents by the week of the incident; reports (articles of the
          period's stories) by the week they were published.</p>
        <div class="chart">${weeklyChart(canvas, data, domain)}</div>`;
  return html`<section id="timeline"><h2>Timeline</h2>${figures}
    <h3>Incidents and reports per week</h3>${weekly}</section>`;
}
