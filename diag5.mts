import { loadFaKes } from './shared/corpus/fa-kes.ts';
import { pollFeeds } from './shared/use-cases/poll-feeds.ts';
import { processArticle } from './shared/use-cases/process-article.ts';
import { faKesPageRenderer, faKesPages } from './test/helpers/fa-kes-site.ts';
import { startHarness } from './test/helpers/pipeline-harness.ts';
import { startDemoSite } from './shared/local/demo-site.ts';
const rows = loadFaKes().slice(0, 120);
const site = await startDemoSite(faKesPages(rows), { render: faKesPageRenderer(rows) });
const h = await startHarness({ site, config: (b) => ({ ...b, network: { ...(b.network as object), maxItemsPerFeed: 1000 } }) });
const deps = h.deps();
const jobs = (await pollFeeds(deps, { force: true })).flatMap((p) => (p.status === 'ok' ? p.jobs : []));
for (const j of jobs) { const o = await processArticle(deps, j); if (o.status === 'processed') console.log(j.articleId.slice(0, 8), o.storyId?.slice(0, 8), o.duplicateOf, JSON.stringify(o.claims), o.alerts.map(a => a.headline ?? a.alertId.slice(0,6)).join(' | ')); }
await h.close();
