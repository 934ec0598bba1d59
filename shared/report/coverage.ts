import { barX, barY, groupX, groupY, ruleX, ruleY } from '@observablehq/plot';
import { utcMinute } from './figure-text.ts';
import { html, link, type SafeHtml } from './html.ts';
import type { PlotCanvas } from './plot-document.ts';
import type { ReportData, ReportStory } from './report-data.ts';

// Coverage: how many outlets carried each story (a histogram of stories by outlet count), which
// outlets were first with a story, and the stories carried most widely, linked to the first
// article.

/** Stories listed in the "most widely carried" table. */
export const WIDEST_STORIES = 10;

const outletCount = (s: ReportStory) => new Set(s.outlets).size;

function outletsHistogram(canvas: PlotCanvas, stories: ReportStory[]): SafeHtml {
  const most = Math.max(...stories.map(outletCount));
  return canvas.svg('outlets-per-story', {
    width: 480,
    height: 260,
    x: {
      type: 'band',
      domain: Array.from({ length: most }, (_, k) => k + 1),
      label: 'Outlets carrying the story',
    },
    y: { label: 'Stories', grid: true, nice: true },
    marks: [
      barY(
        stories,
        groupX(
          { y: 'count', title: (v: number[]) => `${v.length} stories carried by ${v[0]} outlets` },
          { x: outletCount, title: outletCount, fill: '#4269d0' },
        ),
      ),
      ruleY([0]),
    ],
  });
}

function firstOutletsChart(canvas: PlotCanvas, stories: ReportStory[]): SafeHtml {
  const outlets = new Set(stories.map((s) => s.firstOutlet)).size;
  return canvas.svg('first-outlets', {
    width: 480,
    height: 60 + 22 * outlets,
    marginLeft: 140,
    x: { label: 'Stories reported first', grid: true, nice: true },
    y: { label: null },
    marks: [
      barX(
        stories,
        groupY(
          {
            x: 'count',
            title: (v: string[]) => `${v[0] ?? ''} reported ${v.length} stories first`,
          },
          {
            y: 'firstOutlet',
            title: 'firstOutlet',
            fill: '#3ca951',
            sort: { y: 'x', reverse: true },
          },
        ),
      ),
      ruleX([0]),
    ],
  });
}

function widestStories(stories: ReportStory[]): SafeHtml {
  const widest = [...stories]
    .sort((a, b) => outletCount(b) - outletCount(a) || a.firstSeenAt.localeCompare(b.firstSeenAt))
    .slice(0, WIDEST_STORIES);
  const rows = widest.map((s) => {
    const first = [...s.articles].sort((a, b) => a.reportedAt.localeCompare(b.reportedAt))[0];
    const title = first ? link(first.url, s.title || first.url) : s.title;
    return html`<tr><td class="title">${title}</td><td class="num">${outletCount(s)}</td>
      <td>${s.firstOutlet}</td><td>${utcMinute(s.firstSeenAt)}</td>
      <td>${[...new Set(s.outlets)].join(', ')}</td></tr>`;
  });
  return html`<table class="stories"><thead><tr><th>Story</th><th>Outlets</th><th>First</th>
    <th>First seen</th><th>Carried by</th></tr></thead><tbody>${rows}</tbody></table>`;
}

export function coverageSection(canvas: PlotCanvas, data: ReportData): SafeHtml {
  if (data.stories.length === 0) {
    return html`<section id="coverage"><h2>Coverage</h2>
      <p class="empty">No stories in this period.</p></section>`;
  }
  return html`<section id="coverage"><h2>Coverage</h2>
    <p class="note">${data.stories.length} stories from
      ${new Set(data.stories.flatMap((s) => s.outlets)).size} outlets.</p>
    <div class="pair-charts">
      <div class="chart"><h3>Stories by number of outlets</h3>${outletsHistogram(canvas, data.stories)}</div>
      <div class="chart"><h3>Outlets that report first</h3>${firstOutletsChart(canvas, data.stories)}</div>
    </div>
    <h3>Most widely carried stories</h3>${widestStories(data.stories)}</section>`;
}
