// The analyst report (issue 15): ReportData in, one self-contained HTML page out.
export { renderReport } from './render-report.ts';
export {
  type ActorRef,
  parseReportData,
  type ReportAccount,
  type ReportAccusation,
  type ReportData,
  type ReportIncident,
  type ReportStory,
  reportDataSchema,
} from './report-data.ts';
