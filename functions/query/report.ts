import type { ReportDeps } from '../../shared/use-cases/make-report.ts';
import { reportHtml } from '../../shared/use-cases/make-report.ts';

// The `GET /report` route of the query function, built as its own file (report.mjs beside
// index.mjs) and imported by the handler on that route only: jsdom and Observable Plot load when
// an analyst asks for a report, never on the cold start of the JSON routes.

export function renderReportHtml(deps: ReportDeps, params: unknown): Promise<string> {
  return reportHtml(deps, params);
}
