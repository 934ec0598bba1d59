import { pathToFileURL } from 'node:url';
import { loadFaKes } from '../../shared/corpus/fa-kes.ts';
import { renderReport } from '../../shared/report/index.ts';
import type { ReportData } from '../../shared/report/report-data.ts';
import { type ReportDeps, reportDataFor } from '../../shared/use-cases/make-report.ts';
import { inMemoryStore } from '../../test/fakes/in-memory-store.ts';
import { replayFaKesThroughModel, storeReplay } from '../../test/helpers/fa-kes-incidents.ts';
import { faKesReportData } from '../../test/helpers/fa-kes-report-data.ts';

// The analyst report's size and render time over FA-KES-scale data (issue 15: under 5 s and
// 10 MB). `npm run bench` measures the report of the records its FA-KES replay made through the
// whole pipeline (measureStoredReport on the replay's store). Run alone, this file measures the
// records of all 804 rows through the topic model, the extractor and the incident model (no
// pipeline run), stored through the ports and read back by reportDataFor as `strikewatch report`
// reads them; `--synthetic` measures the generated FA-KES-scale data of the browser test (804
// articles, 300 incidents, 1000 accusations), a heavier page than the replay's.
//   npx tsx scripts/bench/report-figures.ts [--runs N] [--synthetic]

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

export interface ReplayReportFigures extends ReportFigures {
  /** Where the report's data came from. */
  readonly data: string;
  /** Reading the records back through the report use-case (in-memory store). */
  readonly readMs: number;
}

/** The report of what a store holds, read as `strikewatch report` reads it, then rendered. */
export async function measureStoredReport(
  store: Omit<ReportDeps, 'clock'>,
  data: string,
  runs = 3,
): Promise<ReplayReportFigures> {
  const t0 = performance.now();
  const read = await reportDataFor({ ...store, clock: { now: () => new Date() } }, {});
  const readMs = Math.round(performance.now() - t0);
  return { data, readMs, ...measureReport(read, runs) };
}

/** The report over the FA-KES records of the incident model alone (no pipeline run: fast). */
export async function measureModelReplayReport(runs = 3): Promise<ReplayReportFigures> {
  const replay = replayFaKesThroughModel();
  const store = inMemoryStore();
  await storeReplay(store, replay);
  const rows = loadFaKes().length;
  const data = `FA-KES records of the incident model: ${rows} rows, ${replay.articles.length} on topic, through the topic model, the extractor and the incident model (test/helpers/fa-kes-incidents.ts), not the whole pipeline`;
  return measureStoredReport(store, data, runs);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const runsArg = process.argv.indexOf('--runs');
  const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 3;
  const figures = process.argv.includes('--synthetic')
    ? {
        data: 'generated FA-KES-scale data (test/helpers/fa-kes-report-data.ts)',
        ...measureReport(faKesReportData(), runs),
      }
    : await measureModelReplayReport(runs);
  console.log(JSON.stringify(figures, null, 2));
}
