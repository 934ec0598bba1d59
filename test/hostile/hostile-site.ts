import { createHash } from 'node:crypto';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { escapeHtml } from '../../shared/util/escape-html.ts';

// A site an attacker controls (or a real outlet, or a slow one), on 127.0.0.1: routes set and
// changed while a test runs, feeds with ETags (a feed that did not change answers 304), pages
// that drip a byte at a time until the client gives up, and a log of when each request started
// and when its response ended, for tests that assert on order.

export type Route =
  | { body: string | Buffer; type?: string; status?: number }
  | { drip: { intervalMs: number } };

export interface RequestLog {
  path: string;
  startedAt: number;
  /** When the response ended or the client closed the connection. */
  endedAt: number | null;
}

export interface HostileSite {
  origin: string;
  /** host:port, for allowPrivateHosts. */
  host: string;
  url(path: string): string;
  set(path: string, route: Route): void;
  remove(path: string): void;
  requests: RequestLog[];
  close(): Promise<void>;
}

function drip(res: ServerResponse, intervalMs: number): void {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.write('<!doctype html><html><body><article><p>');
  const timer = setInterval(() => res.write('.'), intervalMs);
  res.on('close', () => clearInterval(timer));
}

export async function startHostileSite(): Promise<HostileSite> {
  const routes = new Map<string, Route>();
  const requests: RequestLog[] = [];
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const log: RequestLog = { path, startedAt: Date.now(), endedAt: null };
    requests.push(log);
    res.on('close', () => {
      log.endedAt = Date.now();
    });
    const route = routes.get(path);
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    if ('drip' in route) {
      drip(res, route.drip.intervalMs);
      return;
    }
    const body = typeof route.body === 'string' ? Buffer.from(route.body, 'utf8') : route.body;
    const etag = `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`;
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { etag }).end();
      return;
    }
    res
      .writeHead(route.status ?? 200, {
        'content-type': route.type ?? 'text/html; charset=utf-8',
        etag,
      })
      .end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    host: new URL(origin).host,
    url: (path) => `${origin}${path}`,
    set: (path, route) => routes.set(path, route),
    remove: (path) => routes.delete(path),
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface FeedEntry {
  title: string;
  link: string;
  description?: string;
  /** Full text (content:encoded), as full-text feeds carry it. */
  content?: string;
  pubDate?: string;
}

/** An RSS 2.0 feed; every string escaped, so titles and text arrive as given. */
export function rssFeed(title: string, items: FeedEntry[]): string {
  const x = escapeHtml;
  const entries = items.map(
    (i) =>
      `<item><title>${x(i.title)}</title><link>${x(i.link)}</link><guid>${x(i.link)}</guid>` +
      `${i.pubDate ? `<pubDate>${new Date(i.pubDate).toUTCString()}</pubDate>` : ''}` +
      `${i.description ? `<description>${x(i.description)}</description>` : ''}` +
      `${i.content ? `<content:encoded>${x(i.content)}</content:encoded>` : ''}</item>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>${x(title)}</title><link>http://127.0.0.1/</link><description>${x(title)}</description>
${entries.join('\n')}
</channel></rss>`;
}

export const RSS_TYPE = 'application/rss+xml; charset=utf-8';

/** An article page Readability reads: a title and paragraphs inside <article>. */
export function articlePage(title: string, paragraphs: string[], charset = 'utf-8'): string {
  const x = escapeHtml;
  return `<!doctype html><html><head><meta charset="${charset}"><title>${x(title)}</title></head>
<body><header><nav><a href="/">Home</a></nav></header><main><article><h1>${x(title)}</h1>
${paragraphs.map((p) => `<p>${x(p)}</p>`).join('\n')}
</article></main><footer><p>All rights reserved.</p></footer></body></html>`;
}

/** Paragraphs of an on-topic report (a coalition strike with a figure), for `place`. */
export function strikeReport(place: string, killed: string): string[] {
  return [
    `A US-led coalition air strike killed ${killed} civilians in the village of al-Kasra near ${place} on Monday, the Syrian Observatory for Human Rights said.`,
    'The coalition said it was investigating the report. Residents said the warplanes struck a house where displaced families were sheltering after fleeing fighting further north.',
    'The Observatory said the toll could rise as several people were badly wounded. Activists said the strike hit at dawn, and that rescue workers were still searching the rubble in the afternoon.',
  ];
}
