import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { escapeHtml } from '../util/escape-html.ts';

// The embedded default's news site: FA-KES articles as article pages and RSS feeds (one per
// outlet) on 127.0.0.1, with ETag/Last-Modified and gzip like a real site, so the demo exercises the same
// conditional GETs, decoding and extraction as production.

export interface SitePage {
  slug: string;
  outlet: string;
  feedId: string;
  title: string | null;
  paragraphs: string[];
  publishedAt: string | null;
}

export interface DemoSite {
  baseUrl: string;
  feeds: { id: string; url: string; outlet: string }[];
  /** Requests served, by status code (the bench reads the 304 count). */
  stats: { requests: number; notModified: number; bodyBytes: number };
  close(): Promise<void>;
}

export function renderPage(p: SitePage, siteName: string): string {
  const title = p.title ?? `${p.paragraphs[0]?.slice(0, 80) ?? 'Article'}…`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)} | ${escapeHtml(siteName)}</title>
<meta property="og:title" content="${escapeHtml(title)}">
${p.publishedAt ? `<meta property="article:published_time" content="${p.publishedAt}">` : ''}
<style>body{font-family:Georgia,serif;max-width:760px;margin:auto}nav a{margin-right:1em}</style>
<script>window.analytics = { page: "${p.slug}" };</script>
</head><body>
<header><nav><a href="/">Home</a><a href="/world">World</a><a href="/middle-east">Middle East</a><a href="/opinion">Opinion</a></nav></header>
<main><article>
<h1>${escapeHtml(title)}</h1>
${p.paragraphs.map((para) => `<p>${escapeHtml(para)}</p>`).join('\n')}
</article>
<aside><h3>Most read</h3><ul><li><a href="/a">Markets close higher</a></li><li><a href="/b">Weather warning issued</a></li></ul></aside>
</main>
<footer><p>© ${escapeHtml(siteName)}. All rights reserved.</p></footer>
</body></html>`;
}

export function renderRss(
  feed: { title: string; link: string },
  items: {
    title: string;
    link: string;
    guid: string;
    pubDate: string | null;
    description: string;
  }[],
): string {
  const x = escapeHtml;
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel>
<title>${x(feed.title)}</title><link>${x(feed.link)}</link><description>${x(feed.title)}</description>
${items
  .map(
    (i) =>
      `<item><title>${x(i.title)}</title><link>${x(i.link)}</link><guid isPermaLink="true">${x(i.guid)}</guid>${
        i.pubDate ? `<pubDate>${new Date(i.pubDate).toUTCString()}</pubDate>` : ''
      }<description>${x(i.description)}</description></item>`,
  )
  .join('\n')}
</channel></rss>`;
}

/** Starts the site, on `preferredPort` when free so that article URLs stay stable across runs. */
export async function startDemoSite(
  pages: SitePage[],
  opts: {
    preferredPort?: number;
    /** Page renderer (the benchmark serves heavier, realistic pages). */
    render?: (page: SitePage, siteName: string, url: string) => string;
  } = {},
): Promise<DemoSite> {
  const stats = { requests: 0, notModified: 0, bodyBytes: 0 };
  const lastModified = new Date(Date.UTC(2017, 9, 1)).toUTCString();
  let baseUrl = '';
  const routes = new Map<string, { body: string; type: string }>();
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (path === '/__stats') {
      // For a benchmark that runs the site in another process.
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(stats));
      return;
    }
    stats.requests++;
    const route = routes.get(path);
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const etag = `"${createHash('sha1').update(route.body).digest('hex').slice(0, 16)}"`;
    if (
      req.headers['if-none-match'] === etag ||
      req.headers['if-modified-since'] === lastModified
    ) {
      stats.notModified++;
      res.writeHead(304, { etag, 'last-modified': lastModified }).end();
      return;
    }
    const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    const body = gzip ? gzipSync(route.body) : Buffer.from(route.body);
    stats.bodyBytes += body.length;
    res
      .writeHead(200, {
        'content-type': route.type,
        etag,
        'last-modified': lastModified,
        ...(gzip ? { 'content-encoding': 'gzip' } : {}),
      })
      .end(body);
  });
  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  try {
    await listen(opts.preferredPort ?? 0);
  } catch {
    await listen(0);
  }
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const feedIds = [...new Set(pages.map((p) => p.feedId))];
  const feeds = feedIds.map((id) => {
    const own = pages.filter((p) => p.feedId === id);
    const outlet = own[0]?.outlet ?? id;
    for (const p of own) {
      const path = `/${id}/articles/${p.slug}`;
      const body = opts.render
        ? opts.render(p, outlet, `${baseUrl}${path}`)
        : renderPage(p, outlet);
      routes.set(path, { body, type: 'text/html; charset=utf-8' });
    }
    routes.set(`/${id}/rss.xml`, {
      type: 'application/rss+xml; charset=utf-8',
      body: renderRss(
        { title: outlet, link: `${baseUrl}/${id}/` },
        own.map((p) => ({
          title: p.title ?? `${p.paragraphs[0]?.slice(0, 90) ?? p.slug}…`,
          link: `${baseUrl}/${id}/articles/${p.slug}`,
          guid: `${baseUrl}/${id}/articles/${p.slug}`,
          pubDate: p.publishedAt,
          description: p.paragraphs[0] ?? '',
        })),
      ),
    });
    return { id, url: `${baseUrl}/${id}/rss.xml`, outlet };
  });
  return {
    baseUrl,
    feeds,
    stats,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
