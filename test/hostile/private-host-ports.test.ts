import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderRss } from '../../shared/local/demo-site.ts';
import { startEmbeddedDynamo } from '../../shared/local/embedded-dynamodb.ts';
import { runCycle } from '../../shared/use-cases/run-cycle.ts';
import { type Harness, startHarness } from '../../testkit/pipeline-harness.ts';

// Issue 16 item 7: with 127.0.0.1 allowed, a feed and the links in it reached every port on
// loopback, the embedded dynalite's included. Now the outlet's site is allowed on its own port
// only: a feed URL pointing at dynalite and an item linking to another local service are both
// refused before any connection, recorded with the entry that would allow them, and the article
// falls back to the feed's own text. The outlet's own feed and pages are fetched as usual.

const STORY =
  'US-led coalition air strikes killed at least 12 civilians in the town of Hajin in Deir ez-Zor ' +
  'province, the Syrian Observatory for Human Rights said. The coalition said it was reviewing ' +
  'the reports of civilian casualties from its strikes near the town.';

function listen(handler: Parameters<typeof createServer>[1]): Promise<Server> {
  const server = createServer(handler);
  return new Promise((r) => server.listen(0, '127.0.0.1', () => r(server)));
}
const portOf = (s: Server) => (s.address() as AddressInfo).port;

describe('allowPrivateHosts names ports: other loopback services stay out of reach', () => {
  let h: Harness;
  let outlet: Server;
  let sideService: Server;
  const sideServiceHits: string[] = [];
  let summary: Awaited<ReturnType<typeof runCycle>>;

  beforeAll(async () => {
    sideService = await listen((req, res) => {
      sideServiceHits.push(req.url ?? '');
      res.writeHead(200, { 'content-type': 'text/html' }).end(`<p>${STORY}</p>`);
    });
    const side = `http://127.0.0.1:${portOf(sideService)}`;
    outlet = await listen((req, res) => {
      const base = `http://127.0.0.1:${portOf(outlet)}`;
      if (req.url !== '/rss.xml') {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(
        renderRss({ title: 'Outlet', link: base }, [
          {
            title: 'Coalition strikes kill 12 civilians in Hajin',
            link: `${side}/admin/hajin`,
            guid: 'hajin-1',
            pubDate: '2017-06-04T10:00:00Z',
            description: STORY,
          },
        ]),
      );
    });
    const dynamo = await startEmbeddedDynamo();
    h = await startHarness({
      dynamo,
      pages: [],
      config: (cfg: Record<string, unknown>) => {
        const network = cfg.network as { allowPrivateHosts: string[] };
        return {
          ...cfg,
          network: {
            ...network,
            // The outlet's port joins the harness's own (site and Slack receiver); the side
            // service's port and dynalite's are not listed.
            allowPrivateHosts: [...network.allowPrivateHosts, `127.0.0.1:${portOf(outlet)}`],
          },
          feeds: [
            { id: 'outlet', url: `http://127.0.0.1:${portOf(outlet)}/rss.xml`, outlet: 'Outlet' },
            { id: 'dynalite', url: `${dynamo.endpoint}/` },
          ],
        };
      },
    });
    summary = await runCycle(h.deps(), { force: true });
  });
  afterAll(async () => {
    await h?.close();
    await Promise.all([outlet, sideService].map((s) => new Promise((r) => s?.close(r))));
  });

  it('refuses a feed at dynalite’s port, naming the entry that would allow it', async () => {
    expect(summary.polls.find((p) => p.feedId === 'outlet')?.status).toBe('ok');
    const db = summary.polls.find((p) => p.feedId === 'dynalite');
    expect(db).toMatchObject({ status: 'error', code: 'blocked_address' });
    const port = new URL(h.dynamo.endpoint).port;
    if (db?.status === 'error') expect(db.message).toContain(`"127.0.0.1:${port}"`);
  });

  it('refuses a link to another local port and uses the feed’s own text instead', async () => {
    expect(sideServiceHits).toEqual([]);
    expect(summary.outcomes).toHaveLength(1);
    expect(summary.outcomes[0]).toMatchObject({ status: 'processed', textSource: 'feed' });
    const rows = await h.query({ kind: 'error' });
    const errors = rows.flatMap((r) => (r.kind === 'error' ? [r.item] : []));
    const linkError = errors.find((e) => e.feedId === 'outlet');
    expect(linkError).toMatchObject({ scope: 'article', code: 'blocked_address' });
    expect(linkError?.message).toContain(`add "127.0.0.1:${portOf(sideService)}"`);
  });
});
