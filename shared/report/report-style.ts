// The report's stylesheet, inline in the page: system fonts only, nothing fetched.
export const REPORT_STYLE = `
:root { color-scheme: light; --ink: #1d2230; --muted: #5b6270; --rule: #dde1e6; --accent: #4269d0; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1080px; padding: 24px 20px 48px; color: var(--ink);
  font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; background: #fff; }
h1 { font-size: 26px; margin: 0 0 8px; }
h2 { font-size: 21px; margin: 40px 0 8px; padding-top: 8px; border-top: 2px solid var(--ink); }
h3 { font-size: 16px; margin: 20px 0 6px; }
h4 { font-size: 14px; margin: 12px 0 4px; }
a { color: var(--accent); }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 0 0 12px; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; }
nav { font-size: 14px; }
.note, .empty, .meta { color: var(--muted); font-size: 14px; margin: 4px 0 10px; }
.chart { margin: 8px 0 16px; overflow-x: auto; }
.chart svg { max-width: 100%; height: auto; }
.pair-charts { display: flex; flex-wrap: wrap; gap: 24px; }
.incident { border-top: 1px solid var(--rule); padding: 8px 0 4px; }
.incident h3 { margin: 6px 0 2px; }
.incident-body { display: flex; flex-wrap: wrap; gap: 16px; align-items: flex-start; }
.incident-body .chart { margin: 0; }
table { border-collapse: collapse; font-size: 13px; }
th, td { text-align: left; padding: 3px 8px; border-bottom: 1px solid var(--rule); vertical-align: top; }
th { color: var(--muted); font-weight: 600; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.title { min-width: 200px; max-width: 340px; }
table.accounts { flex: 1 1 520px; }
.pairs { columns: 2 420px; column-gap: 32px; }
.pair { break-inside: avoid; }
.pair ul { margin: 0 0 8px; padding-left: 18px; font-size: 13px; }
.pair time, .outlet, .count { color: var(--muted); }
footer { margin-top: 40px; color: var(--muted); font-size: 13px; }
@media print { .chart { overflow: visible; } h2 { break-before: auto; } }
`;
