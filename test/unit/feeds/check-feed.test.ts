import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createHttpClient } from '../../../shared/adapters/http/http-client.ts';
import { checkFeed } from '../../../shared/feeds/check-feed.ts';
import {
  type LoopbackServer,
  startServer,
  testSettings,
} from '../adapters/http/loopback-server.ts';

const FEED = `<?xml version="1.0"?><rss version="2.0"><channel><title>Checked</title>
<item><guid>1</guid><title>One</title><link>/one</link></item>
<item><guid>2</guid><title>Two</title></item>
<item><guid>3</guid><title>Three</title></item></channel></rss>`;

const settings = testSettings({ retries: 0, maxItemsPerFeed: 2 });
/** A client that may reach the given loopback test server (on its port) and nothing else private. */
const httpFor = (s?: LoopbackServer) =>
  createHttpClient(s ? { ...settings, allowPrivateHosts: [s.allowEntry] } : settings, {
    sleep: async () => {},
  });
const servers: LoopbackServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

async function serve(): Promise<LoopbackServer> {
  const s = await startServer((req, res) => {
    if (req.url === '/feed') {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(FEED);
    } else if (req.url === '/page') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<!doctype html><html><head><title>x</title></head></html>');
    } else if (req.url === '/moved') {
      res.writeHead(301, { location: '/feed' });
      res.end();
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  servers.push(s);
  return s;
}

describe('checkFeed', () => {
  it('fetches and parses a feed as a poll would, capped at maxItemsPerFeed', async () => {
    const s = await serve();
    const r = await checkFeed(httpFor(s), s.url('/moved'), settings);
    expect(r).toEqual({
      target: s.url('/moved'),
      ok: true,
      title: 'Checked',
      link: null,
      items: [
        { guid: '1', link: s.url('/one'), title: 'One', publishedAt: null, content: null },
        { guid: '2', link: null, title: 'Two', publishedAt: null, content: null },
      ],
      truncated: 1,
    });
    expect(s.hits.at(-1)?.headers.accept).toContain('application/rss+xml');
  });

  it('reports HTTP, parse and guard failures without throwing', async () => {
    const s = await serve();
    const missing = await checkFeed(httpFor(s), s.url('/missing'), settings);
    expect(missing).toMatchObject({ ok: false, error: { code: 'http_status' } });
    const page = await checkFeed(httpFor(s), s.url('/page'), settings);
    expect(page).toMatchObject({ ok: false, error: { code: 'feed_invalid' } });
    if (!page.ok) expect(page.error.message).toContain('HTML page');
    const blocked = await checkFeed(httpFor(s), 'http://169.254.169.254/latest/', settings);
    expect(blocked).toMatchObject({ ok: false, error: { code: 'blocked_address' } });
    const bad = await checkFeed(httpFor(s), 'gopher://x.example/', settings);
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad_url' } });
  });

  it('reads local files by path or file: URL', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'strikewatch-check-'));
    const path = join(dir, 'feed.xml');
    writeFileSync(path, FEED);
    const byPath = await checkFeed(httpFor(), path, settings);
    expect(byPath).toMatchObject({ ok: true, title: 'Checked', truncated: 1 });
    const byUrl = await checkFeed(httpFor(), pathToFileURL(path).href, settings);
    expect(byUrl).toMatchObject({ ok: true, title: 'Checked' });
    const missing = await checkFeed(httpFor(), join(dir, 'nope.xml'), settings);
    expect(missing).toMatchObject({ ok: false, error: { code: 'file_unreadable' } });
    const big = join(dir, 'big.xml');
    writeFileSync(big, 'x'.repeat(settings.maxFeedBytes + 1));
    const tooBig = await checkFeed(httpFor(), big, settings);
    expect(tooBig).toMatchObject({ ok: false, error: { code: 'file_unreadable' } });
    const dirResult = await checkFeed(httpFor(), dir, settings);
    expect(dirResult).toMatchObject({ ok: false, error: { code: 'file_unreadable' } });
  });
});
