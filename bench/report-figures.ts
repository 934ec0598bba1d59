import { pathToFileURL } from 'node:url';
import { renderReport } from '../shared/report/index.ts';
import type { ReportData } from '../shared/report/report-data.ts';
import { faKesReportData } from '../test/helpers/fa-kes-report-data.ts';

// The analyst report's size and render time over FA-KES-scale data (issue 15: under 5 s and
// 10 MB). `measureReport` is what `npm run bench` calls with the replay's report data; run
// alone, this file measures the generated FA-KES-scale data (804 articles, 300 incidents,
// 1000 accusations):  npx tsx bench/report-figures.ts [--runs N]

export interface ReportFigures {
  /** Wall time of renderReport, first (cold: jsdom and Plot warm up) and median of the runs. */
  readonly firstRenderMs: number;
  readonly medianRenderMs: number;
  /** Median CPU time of renderReport (user + system): steadier than wall time on a busy machine. */
  readonly medianCpuMs: number;
  readonly runs: number;
  readonly htmlBytes: number;
  /** SVG shapes in the page (circle, line, rect, path, text): marks are aggregated. */
  readonly svgShapes: number;
  readonly incidents: number;
  readonly accounts: number;
  readonly accusations: number;
  readonly articles: number;
}

/** Renders `data` `runs` times and measures the page. */
export function measureReport(data: ReportData, runs = 3): ReportFigures {
  const times: number[] = [];
  const cpu: number[] = [];
  let page = '';
  for (let k = 0; k < Math.max(1, runs); k++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    page = renderReport(data);
    const c = process.cpuUsage(c0);
    times.push(performance.now() - t0);
    cpu.push((c.user + c.system) / 1000);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
  return {
    firstRenderMs: Math.round(times[0] ?? 0),
    medianRenderMs: Math.round(median(times)),
    medianCpuMs: Math.round(median(cpu)),
    runs: times.length,
    htmlBytes: Buffer.byteLength(page, 'utf8'),
    svgShapes: (page.match(/<(circle|line|rect|path|text)\b/g) ?? []).length,
    incidents: data.incidents.length,
    accounts: data.incidents.reduce((n, i) => n + i.accounts.length, 0),
    accusations: data.accusations.length,
    articles: new Set(data.stories.flatMap((s) => s.articles.map((a) => a.url))).size,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const runsArg = process.argv.indexOf('--runs');
  const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 3;
  console.log(JSON.stringify(measureReport(faKesReportData(), runs), null, 2));
}
