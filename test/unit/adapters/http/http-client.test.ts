import { readFileSync } from 'node:fs';
import type http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createHttpClient,
  type HttpClientOptions,
} from '../../../../shared/adapters/http/http-client.ts';
import { parseRetryAfter } from '../../../../shared/adapters/http/retries.ts';
import type { NetworkSettings } from '../../../../shared/config/schema.ts';
import { ConfigError, FetchError } from '../../../../shared/domain/errors.ts';
import {
  fakeResolver,
  type Handler,
  type LoopbackServer,
  startServer,
  testSettings,
} from './loopback-server.ts';

// Every test talks to a real node:http server on 127.0.0.1. Internal targets are other loopback
// addresses (127.0.0.2 ...) or made-up names the fake resolver maps to them: the client must
// refuse them before connecting, so nothing but 127.0.0.1 is ever contacted.

const servers: LoopbackServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function serve(handler: Handler): Promise<LoopbackServer> {
  const s = await startServer(handler);
  servers.push(s);
  return s;
}

/** Settings that allow the loopback servers this test started (their ports) and nothing else. */
function settingsFor(overrides: Partial<NetworkSettings> = {}): NetworkSettings {
  return testSettings({ allowPrivateHosts: servers.map((s) => s.allowEntry), ...overrides });
}

function client(settings = settingsFor(), opts: HttpClientOptions = {}) {
  const sleeps: number[] = [];
  const c = createHttpClient(settings, {
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
    ...opts,
  });
  return { c, sleeps };
}

async function fetchError(p: Promise<unknown>): Promise<FetchError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(FetchError);
  return err as FetchError;
}

/** Deterministic incompressible bytes (xorshift32). */
function noise(n: number): Buffer {
  const b = Buffer.alloc(n);
  let x = 2463534242;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    b[i] = x & 0xff;
  }
  return b;
}

const text = (res: http.ServerResponse, status: number, body: string, headers = {}) => {
  res.writeHead(status, { 'content-type': 'text/plain', ...headers });
  res.end(body);
};

describe('http client: bodies and decompression', () => {
  it('sends User-Agent and Accept-Encoding and lower-cases response headers', async () => {
    const s = await serve((_req, res) => text(res, 200, 'hello', { 'X-Custom-Thing': 'Yes' }));
    const res = await client().c.get({ url: s.url('/a'), headers: { 'If-None-Match': '"e1"' } });
    expect(res.status).toBe(200);
    expect(res.body.toString()).toBe('hello');
    expect(res.url).toBe(s.url('/a'));
    expect(res.headers['x-custom-thing']).toBe('Yes');
    expect(res.headers['content-type']).toBe('text/plain');
    const h = s.hits[0]?.headers;
    expect(h?.['user-agent']).toBe('strikewatch-test/1.0');
    expect(h?.['accept-encoding']).toBe('gzip, deflate, br');
    expect(h?.['if-none-match']).toBe('"e1"');
  });

  it.each([
    ['gzip', (b: Buffer) => zlib.gzipSync(b)],
    ['x-gzip', (b: Buffer) => zlib.gzipSync(b)],
    ['deflate', (b: Buffer) => zlib.deflateSync(b)],
    ['deflate', (b: Buffer) => zlib.deflateRawSync(b)],
    ['br', (b: Buffer) => zlib.brotliCompressSync(b)],
  ])('decodes Content-Encoding %s', async (encoding, compress) => {
    const payload = Buffer.from('<rss>غارة جوية</rss>'.repeat(500));
    const s = await serve((_req, res) => {
      res.writeHead(200, { 'content-encoding': encoding });
      res.end(compress(payload));
    });
    const res = await client().c.get({ url: s.url('/z') });
    expect(res.body.equals(payload)).toBe(true);
  });

  it.each([
    ['incompressible', () => noise(900 * 1024)],
    ['compressible', () => Buffer.from('strike '.repeat(130_000))],
  ])('streams a large %s gzip body just under the cap', async (_kind, make) => {
    const payload = make();
    const s = await serve((_req, res) => {
      res.writeHead(200, { 'content-encoding': 'gzip' });
      const gz = zlib.gzipSync(payload);
      // small writes, so reading and inflating interleave (and pause/resume)
      for (let i = 0; i < gz.length; i += 4096) res.write(gz.subarray(i, i + 4096));
      res.end();
    });
    const res = await client().c.get({ url: s.url('/large') });
    expect(res.body.equals(payload)).toBe(true);
  });

  it('refuses a declared Content-Length over the cap without reading the body', async () => {
    const s = await serve((_req, res) => {
      res.writeHead(200, { 'content-length': String(10 * 1024 * 1024) });
      res.write('x'.repeat(100));
      // never finishes: only the header can have caused the refusal
    });
    const err = await fetchError(client().c.get({ url: s.url('/big'), maxBytes: 4096 }));
    expect(err.code).toBe('too_large');
    // (a timeout would mean the client waited for the body)
    expect(err.retryable).toBe(false);
  });

  it('refuses a chunked body that grows past the cap', async () => {
    const s = await serve((_req, res) => {
      res.writeHead(200);
      const chunk = 'y'.repeat(16 * 1024);
      for (let i = 0; i < 200; i++) res.write(chunk);
      res.end();
    });
    const err = await fetchError(client().c.get({ url: s.url('/huge') }));
    expect(err.code).toBe('too_large');
    expect(err.message).toContain('1048576');
  });

  it('stops a gzip bomb at the cap on decompressed bytes, without reading the rest', async () => {
    // 4096 concatenated gzip members of 16 MiB of zeros: 64 GiB decoded from ~64 MiB sent
    // chunked (no Content-Length, so only the streaming check can stop it).
    const member = zlib.gzipSync(Buffer.alloc(16 * 1024 * 1024));
    const bomb = Buffer.concat(Array.from({ length: 4096 }, () => member));
    let sent = 0;
    const s = await serve((_req, res) => {
      res.writeHead(200, { 'content-encoding': 'gzip' });
      // Writes only as fast as the client reads, so `sent` shows how much it consumed.
      const pump = () => {
        while (sent < bomb.length) {
          const ok = res.write(bomb.subarray(sent, sent + 64 * 1024));
          sent += 64 * 1024;
          if (!ok) {
            res.once('drain', pump);
            return;
          }
        }
        res.end();
      };
      pump();
    });
    const err = await fetchError(
      client().c.get({ url: s.url('/bomb'), maxBytes: 2 * 1024 * 1024 }),
    );
    expect(err.code).toBe('too_large');
    expect(err.message).toBe('response body exceeds 2097152 bytes after gzip decompression');
    // The first member alone passes the cap; socket buffers hold a few MiB more at most.
    expect(sent).toBeLessThan(bomb.length / 2);
  });

  it('reports a corrupt or unknown encoding as bad_encoding', async () => {
    const s = await serve((req, res) => {
      res.writeHead(200, { 'content-encoding': req.url === '/corrupt' ? 'gzip' : 'compress' });
      res.end(Buffer.from('definitely not gzip'));
    });
    const c = client().c;
    expect((await fetchError(c.get({ url: s.url('/corrupt') }))).code).toBe('bad_encoding');
    expect((await fetchError(c.get({ url: s.url('/unknown') }))).code).toBe('bad_encoding');
  });

  it('resolves 304 with an empty body', async () => {
    const s = await serve((_req, res) => {
      res.writeHead(304, { etag: '"v2"' });
      res.end();
    });
    const res = await client().c.get({ url: s.url('/feed'), headers: { 'if-none-match': '"v2"' } });
    expect(res.status).toBe(304);
    expect(res.body.length).toBe(0);
    expect(res.headers.etag).toBe('"v2"');
  });

  it('applies per-request maxBytes over the settings default', async () => {
    const s = await serve((_req, res) => text(res, 200, 'z'.repeat(5000)));
    const c = client().c;
    expect((await c.get({ url: s.url('/p') })).body.length).toBe(5000);
    expect((await fetchError(c.get({ url: s.url('/p'), maxBytes: 4999 }))).code).toBe('too_large');
  });
});

describe('http client: address guard', () => {
  it.each([
    'http://127.0.0.2:9/',
    'http://127.1.2.3/',
    'http://0x7f.2/',
    'http://[::1]:9/',
    'http://[::ffff:127.0.0.1]:9/',
    'http://169.254.169.254/latest/meta-data/',
    'http://10.0.0.1/',
    'http://0.0.0.0:9/',
  ])('refuses literal address %s before connecting', async (url) => {
    const err = await fetchError(client().c.get({ url }));
    expect(err.code).toBe('blocked_address');
    expect(err.retryable).toBe(false);
    expect(err.message).toContain('network.allowPrivateHosts');
  });

  it('refuses a name that resolves to a non-public address, naming the host to allow', async () => {
    const { resolve, calls } = fakeResolver({ 'intranet.test': ['127.0.0.1'] });
    const err = await fetchError(
      client(settingsFor(), { resolve }).c.get({ url: 'http://intranet.test:9/' }),
    );
    expect(err.code).toBe('blocked_address');
    expect(err.message).toContain('"intranet.test"');
    expect(err.message).toContain('network.allowPrivateHosts');
    expect(calls).toEqual(['intranet.test']);
  });

  it('connects to a listed host, matched case-insensitively, via the address it checked', async () => {
    const s = await serve((_req, res) => text(res, 200, 'inside'));
    const { resolve, calls } = fakeResolver({ 'feeds.intranet.test': ['127.0.0.1'] });
    const settings = settingsFor({ allowPrivateHosts: [`Feeds.Intranet.TEST:${s.port}`] });
    const res = await client(settings, { resolve }).c.get({
      url: `http://feeds.intranet.test:${s.port}/x`,
    });
    expect(res.body.toString()).toBe('inside');
    // Resolved once, inside the socket's lookup: no separate check that a rebinding DNS could
    // answer differently from the connection.
    expect(calls).toEqual(['feeds.intranet.test']);
    expect(s.hits[0]?.headers.host).toBe(`feeds.intranet.test:${s.port}`);
  });

  it('does not treat allowing 127.0.0.1 as allowing localhost', async () => {
    const s = await serve((_req, res) => text(res, 200, 'ok'));
    const { resolve } = fakeResolver({ localhost: ['127.0.0.1'] });
    const err = await fetchError(
      client(settingsFor(), { resolve }).c.get({ url: `http://localhost:${s.port}/` }),
    );
    expect(err.code).toBe('blocked_address');
    expect(s.hits).toHaveLength(0);
  });

  it('refuses a name whose addresses are all internal', async () => {
    const { resolve } = fakeResolver({ 'mixed.test': ['127.0.0.2', '10.0.0.7'] });
    const err = await fetchError(
      client(settingsFor(), { resolve }).c.get({ url: 'http://mixed.test:9/' }),
    );
    expect(err.code).toBe('blocked_address');
  });

  it('reports unknown hosts as dns_failed', async () => {
    const { resolve } = fakeResolver({});
    const err = await fetchError(
      client(settingsFor(), { resolve }).c.get({ url: 'http://nowhere.test/' }),
    );
    expect(err.code).toBe('dns_failed');
    expect(err.retryable).toBe(false);
  });

  it.each(['ftp://example.com/feed', 'file:///etc/passwd', 'javascript:alert(1)', 'not a url', ''])(
    'refuses non-http URL %j as bad_url',
    async (url) => {
      expect((await fetchError(client().c.get({ url }))).code).toBe('bad_url');
    },
  );
});

describe('http client: ports of allowed private hosts', () => {
  it('refuses another port on an allowed loopback host, directly and by redirect', async () => {
    // The site is allowed on its port; the "database" beside it (an embedded dynalite, say)
    // listens on 127.0.0.1 too, on another port, and must stay unreachable.
    const db = await serve((_req, res) => text(res, 200, '{"TableNames":["strikewatch"]}'));
    const site = await serve((_req, res) => text(res, 302, '', { location: db.url('/') }));
    const { c } = client(settingsFor({ allowPrivateHosts: [site.allowEntry] }));
    const direct = await fetchError(c.get({ url: db.url('/') }));
    expect(direct.code).toBe('blocked_address');
    expect(direct.message).toContain(`allows 127.0.0.1 only on port ${site.port}`);
    expect(direct.message).toContain(`"127.0.0.1:${db.port}"`);
    const redirected = await fetchError(c.get({ url: site.url('/feed') }));
    expect(redirected.code).toBe('blocked_address');
    expect(redirected.url).toBe(db.url('/'));
    expect(db.hits).toHaveLength(0);
    expect(site.hits).toHaveLength(1);
  });

  it('a host allowed without a port is reachable on 80 and 443 only', async () => {
    const s = await serve((_req, res) => text(res, 200, 'ok'));
    const { c } = client(settingsFor({ allowPrivateHosts: ['127.0.0.1'] }));
    const err = await fetchError(c.get({ url: s.url('/') }));
    expect(err.code).toBe('blocked_address');
    expect(err.message).toContain('only on ports 80 and 443');
    expect(s.hits).toHaveLength(0);
    // Ports 80 and 443 pass the guard (whatever then answers there, or nothing does).
    for (const url of ['http://127.0.0.1/', 'https://127.0.0.1/', 'http://127.0.0.1:443/']) {
      const r = await c.get({ url, timeoutMs: 500 }).then(
        () => 'ok',
        (e: unknown) => (e instanceof FetchError ? e.code : 'other'),
      );
      expect(r).not.toBe('blocked_address');
    }
  });

  it('checks the port of a name allowed with one, and posts to the allowed port only', async () => {
    const s = await serve((_req, res) => text(res, 200, 'hook ok'));
    const other = await serve((_req, res) => text(res, 200, 'other'));
    const { resolve } = fakeResolver({ 'hooks.intranet.test': ['127.0.0.1'] });
    const settings = settingsFor({ allowPrivateHosts: [`hooks.intranet.test:${s.port}`] });
    const { c } = client(settings, { resolve });
    const post = { body: '{}', contentType: 'application/json' };
    const ok = await c.post({ url: `http://hooks.intranet.test:${s.port}/h`, ...post });
    expect(ok.body.toString()).toBe('hook ok');
    const err = await fetchError(
      c.post({ url: `http://hooks.intranet.test:${other.port}/h`, ...post }),
    );
    expect(err.code).toBe('blocked_address');
    expect(other.hits).toHaveLength(0);
  });

  it('refuses to start with an allowPrivateHosts entry it cannot read', () => {
    for (const entry of ['http://127.0.0.1:8080', '127.0.0.1:99999', '*.intranet.test']) {
      expect(() => createHttpClient(testSettings({ allowPrivateHosts: [entry] }))).toThrow(
        ConfigError,
      );
    }
  });
});

describe('http client: redirects', () => {
  it('follows redirects and reports the final URL', async () => {
    const s = await serve((req, res) => {
      if (req.url === '/a') text(res, 301, '', { location: '/b' });
      else if (req.url === '/b') text(res, 302, '', { location: `http://127.0.0.1:${s.port}/c` });
      else if (req.url === '/c') text(res, 307, '', { location: '/d?q=1' });
      else text(res, 200, `final ${req.url}`);
    });
    const res = await client().c.get({ url: s.url('/a') });
    expect(res.body.toString()).toBe('final /d?q=1');
    expect(res.url).toBe(s.url('/d?q=1'));
    expect(s.hits.map((h) => h.url)).toEqual(['/a', '/b', '/c', '/d?q=1']);
  });

  it('refuses a redirect to an internal literal address', async () => {
    const s = await serve((_req, res) =>
      text(res, 302, '', { location: 'http://127.0.0.2:8080/admin' }),
    );
    const err = await fetchError(client().c.get({ url: s.url('/r') }));
    expect(err.code).toBe('blocked_address');
    expect(err.url).toBe('http://127.0.0.2:8080/admin');
  });

  it('refuses a redirect to a name resolving to the metadata address', async () => {
    const s = await serve((_req, res) =>
      text(res, 302, '', { location: 'http://metadata.test/latest/' }),
    );
    const { resolve } = fakeResolver({ 'metadata.test': ['169.254.169.254'] });
    const err = await fetchError(client(settingsFor(), { resolve }).c.get({ url: s.url('/r') }));
    expect(err.code).toBe('blocked_address');
    expect(err.message).toContain('link-local');
  });

  it('refuses a redirect to a non-http scheme', async () => {
    const s = await serve((_req, res) => text(res, 302, '', { location: 'file:///etc/passwd' }));
    expect((await fetchError(client().c.get({ url: s.url('/r') }))).code).toBe('bad_url');
  });

  it('stops a redirect loop at maxRedirects', async () => {
    const s = await serve((_req, res) => text(res, 302, '', { location: '/loop' }));
    const err = await fetchError(
      client(settingsFor({ maxRedirects: 3 })).c.get({ url: s.url('/loop') }),
    );
    expect(err.code).toBe('too_many_redirects');
    expect(err.retryable).toBe(false);
    expect(s.hits).toHaveLength(4);
  });

  it('follows no redirects with maxRedirects 0', async () => {
    const s = await serve((req, res) =>
      req.url === '/a' ? text(res, 301, '', { location: '/b' }) : text(res, 200, 'b'),
    );
    const err = await fetchError(
      client(settingsFor({ maxRedirects: 0 })).c.get({ url: s.url('/a') }),
    );
    expect(err.code).toBe('too_many_redirects');
  });

  it('treats a 3xx without Location as an HTTP error', async () => {
    const s = await serve((_req, res) => text(res, 302, 'nowhere'));
    const err = await fetchError(client().c.get({ url: s.url('/a') }));
    expect(err.code).toBe('http_status');
    expect(err.status).toBe(302);
  });
});

describe('http client: timeouts', () => {
  it('times out a server that never answers', async () => {
    const s = await serve(() => {
      /* never responds */
    });
    const t0 = Date.now();
    const { c, sleeps } = client(settingsFor({ timeoutMs: 300, retries: 0 }));
    const err = await fetchError(c.get({ url: s.url('/slow') }));
    expect(err.code).toBe('timeout');
    expect(err.retryable).toBe(true);
    expect(err.message).toContain('network.timeoutMs');
    expect(Date.now() - t0).toBeGreaterThanOrEqual(250);
    expect(Date.now() - t0).toBeLessThan(3000);
    expect(sleeps).toEqual([]);
  });

  it('times out a body that trickles in, using the per-request budget', async () => {
    const s = await serve((_req, res) => {
      res.writeHead(200);
      const t = setInterval(() => res.write('.'), 50);
      res.on('close', () => clearInterval(t));
    });
    const err = await fetchError(
      client(settingsFor({ retries: 0 })).c.get({ url: s.url('/trickle'), timeoutMs: 300 }),
    );
    expect(err.code).toBe('timeout');
  });

  it('counts redirects against one time budget', async () => {
    const s = await serve((req, res) => {
      const n = Number(req.url?.slice(1) ?? 0);
      setTimeout(() => text(res, 302, '', { location: `/${n + 1}` }), 120);
    });
    const err = await fetchError(
      client(settingsFor({ timeoutMs: 300, retries: 0, maxRedirects: 10 })).c.get({
        url: s.url('/0'),
      }),
    );
    expect(err.code).toBe('timeout');
    expect(s.hits.length).toBeLessThanOrEqual(3);
  });

  it('applies the connect timeout while a name is still resolving', async () => {
    const resolve = () => new Promise<never>(() => {});
    const { c } = client(settingsFor({ connectTimeoutMs: 150, timeoutMs: 5000, retries: 0 }), {
      resolve,
    });
    const t0 = Date.now();
    const err = await fetchError(c.get({ url: 'http://hanging-dns.test/' }));
    expect(err.code).toBe('timeout');
    expect(err.message).toContain('network.connectTimeoutMs');
    // well before the 5 s total budget: the connect timer fired
    expect(Date.now() - t0).toBeLessThan(3000);
  });
});

describe('http client: status codes and retries', () => {
  it('retries a 500 and succeeds, with jittered exponential backoff', async () => {
    let n = 0;
    const s = await serve((_req, res) =>
      n++ === 0 ? text(res, 500, 'oops') : text(res, 200, 'ok'),
    );
    const { c, sleeps } = client();
    const res = await c.get({ url: s.url('/flaky') });
    expect(res.body.toString()).toBe('ok');
    expect(s.hits).toHaveLength(2);
    // base 500 ms: half fixed + half times random (pinned to 0.5)
    expect(sleeps).toEqual([375]);
  });

  it('gives up after settings.retries and reports the last status as retryable', async () => {
    const s = await serve((_req, res) => text(res, 503, 'down'));
    const { c, sleeps } = client(settingsFor({ retries: 2 }));
    const err = await fetchError(c.get({ url: s.url('/down') }));
    expect(err.code).toBe('http_status');
    expect(err.status).toBe(503);
    expect(err.retryable).toBe(true);
    expect(s.hits).toHaveLength(3);
    expect(sleeps).toEqual([375, 750]);
  });

  it('does not retry a 404', async () => {
    const s = await serve((_req, res) => text(res, 404, 'nope'));
    const { c, sleeps } = client();
    const err = await fetchError(c.get({ url: s.url('/missing') }));
    expect(err.code).toBe('http_status');
    expect(err.status).toBe(404);
    expect(err.retryable).toBe(false);
    expect(s.hits).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('retries 408', async () => {
    let n = 0;
    const s = await serve((_req, res) => (n++ === 0 ? text(res, 408, '') : text(res, 200, 'ok')));
    const res = await client().c.get({ url: s.url('/t') });
    expect(res.status).toBe(200);
    expect(s.hits).toHaveLength(2);
  });

  it('honours Retry-After on 429', async () => {
    let n = 0;
    const s = await serve((_req, res) =>
      n++ === 0 ? text(res, 429, 'slow down', { 'retry-after': '3' }) : text(res, 200, 'ok'),
    );
    const { c, sleeps } = client();
    expect((await c.get({ url: s.url('/rl') })).status).toBe(200);
    expect(sleeps).toEqual([3000]);
  });

  it('leaves a Retry-After beyond the cap to the next poll instead of retrying early', async () => {
    const s = await serve((_req, res) => text(res, 429, 'later', { 'retry-after': '3600' }));
    const { c, sleeps } = client();
    const err = await fetchError(c.get({ url: s.url('/rl') }));
    expect(err.status).toBe(429);
    expect(err.retryable).toBe(true);
    expect(err.message).toContain('3600 s');
    expect(s.hits).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('retries a connection dropped mid-body', async () => {
    let n = 0;
    const s = await serve((_req, res) => {
      if (n++ === 0) {
        res.writeHead(200, { 'content-length': '100' });
        res.write('partial');
        setTimeout(() => res.destroy(), 10);
      } else text(res, 200, 'whole');
    });
    const res = await client().c.get({ url: s.url('/drop') });
    expect(res.body.toString()).toBe('whole');
    expect(s.hits).toHaveLength(2);
  });

  it('parses Retry-After dates and seconds', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Wed, 31 Dec 2025 00:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(undefined, now)).toBeNull();
  });
});

describe('http client: post', () => {
  it('posts the body with its content type and resolves with any status, without retrying', async () => {
    const s = await serve((_req, res, body) =>
      text(res, 500, `got ${body}`, { 'retry-after': '1' }),
    );
    const { c, sleeps } = client();
    const res = await c.post({
      url: s.url('/hook'),
      body: '{"text":"hi"}',
      contentType: 'application/json',
    });
    expect(res.status).toBe(500);
    expect(res.body.toString()).toBe('got {"text":"hi"}');
    expect(res.headers['retry-after']).toBe('1');
    expect(s.hits).toHaveLength(1);
    expect(s.hits[0]?.method).toBe('POST');
    expect(s.hits[0]?.headers['content-type']).toBe('application/json');
    expect(sleeps).toEqual([]);
  });

  it('does not follow redirects', async () => {
    const s = await serve((_req, res) => text(res, 302, '', { location: '/elsewhere' }));
    const res = await client().c.post({
      url: s.url('/hook'),
      body: 'x',
      contentType: 'text/plain',
    });
    expect(res.status).toBe(302);
    expect(s.hits).toHaveLength(1);
  });

  it('guards addresses and keeps the secret path of a webhook URL out of errors', async () => {
    const err = await fetchError(
      client().c.post({
        url: 'http://127.0.0.2/services/T000/B000/secret-token',
        body: '{}',
        contentType: 'application/json',
      }),
    );
    expect(err.code).toBe('blocked_address');
    expect(err.url).not.toContain('secret-token');
    expect(err.message).not.toContain('secret-token');
  });

  it('applies the size cap and timeout to posts', async () => {
    const s = await serve((req, res) => {
      if (req.url === '/big') text(res, 200, 'b'.repeat(10_000));
      // '/slow' never answers
    });
    const c = client(settingsFor({ timeoutMs: 200 })).c;
    const big = await fetchError(
      c.post({ url: s.url('/big'), body: '', contentType: 'text/plain', maxBytes: 1000 }),
    );
    expect(big.code).toBe('too_large');
    const slow = await fetchError(
      c.post({ url: s.url('/slow'), body: '', contentType: 'text/plain' }),
    );
    expect(slow.code).toBe('timeout');
  });
});

describe('http client: https', () => {
  // A self-signed certificate for feeds.tls.test (test/unit/adapters/http/fixtures, valid until 2126),
  // served on 127.0.0.1 and reached through the fake resolver, so the custom lookup, SNI and
  // certificate name checks are exercised together.
  const fixture = (f: string) => readFileSync(new URL(`./fixtures/${f}`, import.meta.url));
  const cert = fixture('tls-test.crt');

  async function tlsServer(): Promise<{ port: number; close: () => Promise<void> }> {
    const server = https.createServer({ key: fixture('tls-test.key'), cert }, (_req, res) => {
      res.writeHead(200, { 'content-encoding': 'gzip' });
      res.end(zlib.gzipSync('secure feed'));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return {
      port: (server.address() as AddressInfo).port,
      close: () =>
        new Promise<void>((resolve) => {
          server.closeAllConnections();
          server.close(() => resolve());
        }),
    };
  }

  it('fetches over TLS through the guarded lookup, following a redirect from http', async () => {
    const t = await tlsServer();
    try {
      const s = await serve((_req, res) =>
        text(res, 301, '', { location: `https://feeds.tls.test:${t.port}/feed` }),
      );
      const { resolve } = fakeResolver({ 'feeds.tls.test': ['127.0.0.1'] });
      const settings = settingsFor({
        allowPrivateHosts: [s.allowEntry, `feeds.tls.test:${t.port}`],
      });
      const res = await client(settings, { resolve, ca: cert }).c.get({ url: s.url('/old') });
      expect(res.body.toString()).toBe('secure feed');
      expect(res.url).toBe(`https://feeds.tls.test:${t.port}/feed`);
    } finally {
      await t.close();
    }
  });

  it('refuses an untrusted certificate without retrying', async () => {
    const t = await tlsServer();
    try {
      const { resolve } = fakeResolver({ 'feeds.tls.test': ['127.0.0.1'] });
      const settings = settingsFor({ allowPrivateHosts: [`feeds.tls.test:${t.port}`] });
      const { c, sleeps } = client(settings, { resolve });
      const err = await fetchError(c.get({ url: `https://feeds.tls.test:${t.port}/feed` }));
      expect(err.code).toBe('network');
      expect(err.retryable).toBe(false);
      expect(sleeps).toEqual([]);
    } finally {
      await t.close();
    }
  });

  it('checks the certificate against the host name, not the address', async () => {
    const t = await tlsServer();
    try {
      const { resolve } = fakeResolver({ 'other.tls.test': ['127.0.0.1'] });
      const settings = settingsFor({ allowPrivateHosts: [`other.tls.test:${t.port}`] });
      const err = await fetchError(
        client(settings, { resolve, ca: cert }).c.get({ url: `https://other.tls.test:${t.port}/` }),
      );
      expect(err.code).toBe('network');
      expect(err.message).toMatch(/altnames|ERR_TLS_CERT_ALTNAME_INVALID/);
    } finally {
      await t.close();
    }
  });
});
