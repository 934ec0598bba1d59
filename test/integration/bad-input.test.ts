import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderRss } from '../../shared/local/demo-site.ts';
import { runCycle } from '../../shared/use-cases/run-cycle.ts';
import { type Harness, startHarness } from '../../testkit/pipeline-harness.ts';

// Bad input in a real run: a malformed feed, a feed at a private address, an article page that
// is gone, one that is a PDF, one that keeps the parser busy past its deadline. Each is recorded with a reason, the article falls back to the
// feed's own text, and the healthy feeds are processed and alerted as usual.

const STORY =
  'US-led coalition air strikes killed at least 17 civilians in the town of Mayadeen in Deir ez-Zor ' +
  'province on Monday, the Syrian Observatory for Human Rights said. Russia accused the US-led ' +
  'coalition of killing civilians in its air strikes on Mayadeen. The coalition said it was ' +
  'reviewing the reports of civilian casualties from its strikes near the town.';

/** Within the size cap, but tens of thousands of table cells: seconds of jsdom work. */
const SLOW_PAGE = `<html><body><article><p>${STORY}</p><table>${'<tr><td>cell</td><td><b>x</b></td></tr>'.repeat(120_000)}</table></article></body></html>`;

describe('bad input during a run', () => {
  let h: Harness;
  let server: Server;
  let base = '';
  let summary: Awaited<ReturnType<typeof runCycle>>;

  beforeAll(async () => {
    server = createServer((req, res) => {
      const items = [
        { slug: 'gone', title: 'Coalition strikes kill 17 civilians in Mayadeen' },
        { slug: 'pdf', title: 'Monitor: coalition raids kill civilians near Mayadeen' },
        { slug: 'slow', title: 'Russia accuses coalition over Mayadeen raids' },
      ].map((i) => ({
        title: i.title,
        link: `${base}/articles/${i.slug}`,
        guid: `${base}/articles/${i.slug}`,
        pubDate: '2017-05-29T10:00:00Z',
        description: STORY,
      }));
      if (req.url === '/good.xml') {
        res
          .writeHead(200, { 'content-type': 'application/rss+xml' })
          .end(renderRss({ title: 'Good outlet', link: base }, items));
      } else if (req.url === '/broken.xml') {
        res
          .writeHead(200, { 'content-type': 'application/rss+xml' })
          .end('<rss version="2.0"><channel><item><title>unclosed');
      } else if (req.url === '/articles/slow') {
        res.writeHead(200, { 'content-type': 'text/html' }).end(SLOW_PAGE);
      } else if (req.url === '/articles/pdf') {
        res.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.4 not an article');
      } else {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      }
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    h = await startHarness({
      config: (cfg) => ({
        ...cfg,
        network: {
          ...(cfg.network as object),
          // This test's own server joins the harness's site and Slack receiver, by its port.
          allowPrivateHosts: [
            ...(cfg.network as { allowPrivateHosts: string[] }).allowPrivateHosts,
            new URL(base).host,
          ],
          maxPageBytes: 8 * 1024 * 1024,
        },
        extraction: { timeoutMs: 1_000 },
        feeds: [
          { id: 'good', url: `${base}/good.xml`, outlet: 'Good outlet' },
          { id: 'broken', url: `${base}/broken.xml` },
          // 127.0.0.2 is loopback too, but only 127.0.0.1 is allowed: refused before connecting.
          {
            id: 'internal',
            url: `http://127.0.0.2:${(server.address() as AddressInfo).port}/good.xml`,
          },
        ],
      }),
    });
    summary = await runCycle(h.deps(), { force: true });
  });
  afterAll(async () => {
    await h.close();
    await new Promise((r) => server.close(r));
  });

  it('keeps going: the healthy feed is processed from the feed text and alerted', () => {
    expect(summary.feeds).toMatchObject({ ok: 1, failed: 2 });
    expect(summary.articles.processed).toBe(3);
    for (const o of summary.outcomes) expect('textSource' in o && o.textSource).toBe('feed');
    expect(summary.alerts).toBeGreaterThan(0);
    expect(h.slack.received.length).toBe(summary.alerts);
  });

  it('records each failure with a reason an operator can act on', async () => {
    const rows = await h.query({ kind: 'error' });
    const errors = rows.flatMap((r) => (r.kind === 'error' ? [r.item] : []));
    const byFeed = (id: string) => errors.filter((e) => e.feedId === id);
    expect(byFeed('broken')[0]).toMatchObject({ scope: 'feed', code: 'feed_invalid' });
    expect(byFeed('internal')[0]).toMatchObject({ scope: 'feed', code: 'blocked_address' });
    expect(byFeed('internal')[0]?.message).toMatch(/allowPrivateHosts/);
    const articleErrors = byFeed('good');
    expect(articleErrors.map((e) => e.code).sort()).toEqual([
      'extract_timeout',
      'http_status',
      'not_html',
    ]);
    for (const e of articleErrors) expect(e.message).toMatch(/used the feed item's own content/);
  });

  it('backs off a failing feed instead of hammering it', async () => {
    const state = await h.deps().feedState.getFeedState('broken');
    expect(state?.consecutiveFailures).toBe(1);
    expect(Date.parse(state?.nextPollAfter ?? '')).toBeGreaterThan(Date.now());
    const again = await runCycle(h.deps());
    expect(again.polls.find((p) => p.feedId === 'broken')?.status).toBe('not_due');
  });
});
