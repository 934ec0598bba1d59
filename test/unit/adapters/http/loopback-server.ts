import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { NetworkSettings } from '../../../../shared/config/schema.ts';

// Real HTTP servers for the network tests. They only ever listen on 127.0.0.1, on ports the tests
// allow one by one; other loopback addresses (127.0.0.2 ...) and other ports stand in for internal
// targets that must be refused before any connection is made.

export interface LoopbackServer {
  /** http://127.0.0.1:<port><path> */
  url(path: string): string;
  port: number;
  /** This server as a network.allowPrivateHosts entry: "127.0.0.1:<port>". */
  allowEntry: string;
  /** Requests received, in order. */
  hits: Array<{ method: string; url: string; headers: http.IncomingHttpHeaders; body: string }>;
  close(): Promise<void>;
}

export type Handler = (
  req: http.IncomingMessage,
  res: http.ServerResponse,
  body: string,
) => void | Promise<void>;

export async function startServer(handler: Handler): Promise<LoopbackServer> {
  const hits: LoopbackServer['hits'] = [];
  const server = http.createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (c: Buffer) => parts.push(c));
    req.on('end', () => {
      const body = Buffer.concat(parts).toString('utf8');
      hits.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      Promise.resolve(handler(req, res, body)).catch(() => res.destroy());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    allowEntry: `127.0.0.1:${port}`,
    hits,
    url: (path) => `http://127.0.0.1:${port}${path}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function testSettings(overrides: Partial<NetworkSettings> = {}): NetworkSettings {
  return {
    timeoutMs: 2_000,
    connectTimeoutMs: 1_000,
    maxFeedBytes: 1024 * 1024,
    maxPageBytes: 1024 * 1024,
    maxRedirects: 3,
    maxItemsPerFeed: 50,
    retries: 2,
    // Nothing private by default: each test names the loopback ports it started.
    allowPrivateHosts: [],
    userAgent: 'strikewatch-test/1.0',
    ...overrides,
  };
}

/** A resolver that never touches DNS: made-up names map to fixed addresses. */
export function fakeResolver(table: Record<string, string[]>) {
  const calls: string[] = [];
  const resolve = async (hostname: string) => {
    calls.push(hostname);
    const addrs = table[hostname.toLowerCase()];
    if (!addrs) {
      throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    }
    return addrs.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
  return { resolve, calls };
}
