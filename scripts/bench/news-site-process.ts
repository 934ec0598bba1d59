import { loadFaKes } from '../../shared/corpus/fa-kes.ts';
import { startDemoSite } from '../../shared/local/demo-site.ts';
import { faKesPageRenderer, faKesPages } from '../../testkit/fa-kes-site.ts';

// The outlets' web sites for the benchmark, in their own process as they would be on the
// internet: the pipeline's memory and CPU figures are then the pipeline's alone. Prints
// `{"baseUrl", "feeds"}` on its first line and serves until killed. BENCH_ROWS: the corpus row
// indexes to serve, comma-separated (default: all); BENCH_DATA: the data folder (default data/).
// It listens on port 47841 when free: article ids hash the URL, and band slots follow the ids, so
// on another port a near-duplicate pair may share a slot it did not share before and the story
// count moves by one from run to run.

const rows = loadFaKes(process.env.BENCH_DATA || undefined);
const pick = process.env.BENCH_ROWS
  ? process.env.BENCH_ROWS.split(',').map(Number)
  : rows.map((_, i) => i);
const chosen = pick.map((i) => rows[i]).filter((r) => r !== undefined);
const pages = faKesPages(chosen);
const site = await startDemoSite(pages, {
  render: faKesPageRenderer(chosen),
  preferredPort: 47_841,
});
process.stdout.write(`${JSON.stringify({ baseUrl: site.baseUrl, feeds: site.feeds })}\n`);
process.on('SIGTERM', () => {
  void site.close().then(() => process.exit(0));
});
