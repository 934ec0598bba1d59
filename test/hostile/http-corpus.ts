import type http from 'node:http';
import net from 'node:net';
import zlib from 'node:zlib';
import type { FetchErrorCode } from '../../shared/domain/errors.ts';

// Hostile server behaviours for the HTTP client. Raw cases speak broken HTTP over a plain TCP
// socket; handler cases use node:http. Everything listens on 127.0.0.1 only; redirect targets
// that must be refused point at other loopback, private or metadata addresses that are never
// connected to (the guard refuses them first).

export type Expected = 'ok' | FetchErrorCode | Array<'ok' | FetchErrorCode>;

export interface RawCase {
  kind: 'raw';
  name: string;
  expected: Expected;
  /** Called once the request head has arrived. */
  respond: (socket: net.Socket) => void;
}

export interface HandlerCase {
  kind: 'handler';
  name: string;
  expected: Expected;
  handler: (req: http.IncomingMessage, res: http.ServerResponse) => void;
}

export type HttpCase = RawCase | HandlerCase;

const raw = (name: string, expected: Expected, respond: (s: net.Socket) => void): RawCase => ({
  kind: 'raw',
  name,
  expected,
  respond,
});

const handler = (name: string, expected: Expected, h: HandlerCase['handler']): HandlerCase => ({
  kind: 'handler',
  name,
  expected,
  handler: h,
});

/** Write every `ms` until the socket closes. */
function drip(socket: net.Socket | http.ServerResponse, chunk: string | Buffer, ms: number) {
  const t = setInterval(() => {
    if ((socket as net.Socket).destroyed || (socket as http.ServerResponse).writableEnded) {
      clearInterval(t);
      return;
    }
    socket.write(chunk);
  }, ms);
  socket.on('close', () => clearInterval(t));
}

const zeros = Buffer.alloc(8 * 1024 * 1024);
const BR_BOMB = zlib.brotliCompressSync(zeros);
const DEFLATE_BOMB = zlib.deflateSync(zeros);
const RAW_DEFLATE_BOMB = zlib.deflateRawSync(zeros);

export const httpCorpus: HttpCase[] = [
  raw('server that never answers', 'timeout', () => {}),
  raw('closes without answering', 'network', (s) => s.destroy()),
  raw('slowloris headers', ['timeout', 'network'], (s) => {
    s.write('HTTP/1.1 200 OK\r\n');
    drip(s, 'X-Drip: a\r\n', 10);
  }),
  raw('garbage instead of HTTP', 'network', (s) => s.end('hello there\r\n\r\n')),
  raw('status code 99999', 'network', (s) => s.end('HTTP/1.1 99999 Huh\r\n\r\n')),
  raw('negative Content-Length', 'network', (s) =>
    s.end('HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\nx'),
  ),
  raw('conflicting Content-Length headers', 'network', (s) =>
    s.end('HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 5\r\n\r\nhello'),
  ),
  raw('Content-Length with Transfer-Encoding (smuggling)', 'network', (s) =>
    s.end('HTTP/1.1 200 OK\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n'),
  ),
  raw('invalid chunk size', 'network', (s) =>
    s.end('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n'),
  ),
  raw('body shorter than Content-Length', 'network', (s) => {
    s.write('HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nhello');
    setTimeout(() => s.destroy(), 5);
  }),
  raw('20 000 response headers', 'network', (s) =>
    s.end(`HTTP/1.1 200 OK\r\n${'X-A: b\r\n'.repeat(20_000)}\r\n`),
  ),
  raw('100 KB Location header', 'network', (s) =>
    s.end(`HTTP/1.1 302 Found\r\nLocation: /${'a'.repeat(100_000)}\r\nContent-Length: 0\r\n\r\n`),
  ),
  raw('NUL in a header value', 'network', (s) =>
    s.end('HTTP/1.1 200 OK\r\nX-Bad: a\u0000b\r\nContent-Length: 2\r\n\r\nok'),
  ),
  raw('HTTP/1.0 close-delimited body', 'ok', (s) =>
    s.end('HTTP/1.0 200 OK\r\n\r\nbody until close'),
  ),
  raw('103 Early Hints before 200', 'ok', (s) =>
    s.end(
      'HTTP/1.1 103 Early Hints\r\nLink: </x.css>; rel=preload\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok',
    ),
  ),
  raw('garbage after a complete response', ['ok', 'network'], (s) =>
    s.end('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nokGARBAGE GARBAGE'),
  ),
  raw('chunked body that never ends', 'timeout', (s) => {
    s.write('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n');
    drip(s, '1\r\nx\r\n', 10);
  }),
  raw('Content-Encoding on a 204', 'ok', (s) =>
    s.end('HTTP/1.1 204 No Content\r\nContent-Encoding: gzip\r\n\r\n'),
  ),

  handler('brotli bomb', 'too_large', (_req, res) => {
    res.writeHead(200, { 'content-encoding': 'br' });
    res.end(BR_BOMB);
  }),
  handler('deflate bomb', 'too_large', (_req, res) => {
    res.writeHead(200, { 'content-encoding': 'deflate' });
    res.end(DEFLATE_BOMB);
  }),
  handler('raw deflate bomb', 'too_large', (_req, res) => {
    res.writeHead(200, { 'content-encoding': 'deflate' });
    res.end(RAW_DEFLATE_BOMB);
  }),
  handler('gzip bomb dripped slowly', ['too_large', 'timeout'], (_req, res) => {
    res.writeHead(200, { 'content-encoding': 'gzip' });
    const bomb = zlib.gzipSync(zeros);
    let i = 0;
    const t = setInterval(() => {
      if (i >= bomb.length || res.destroyed) {
        clearInterval(t);
        res.end();
        return;
      }
      res.write(bomb.subarray(i, i + 1024));
      i += 1024;
    }, 5);
    res.on('close', () => clearInterval(t));
  }),
  handler('stacked encodings "gzip, gzip"', 'bad_encoding', (_req, res) => {
    res.writeHead(200, { 'content-encoding': 'gzip, gzip' });
    res.end(zlib.gzipSync(zlib.gzipSync('x')));
  }),
  handler('gzip with trailing garbage', ['ok', 'bad_encoding'], (_req, res) => {
    res.writeHead(200, { 'content-encoding': 'gzip' });
    res.end(Buffer.concat([zlib.gzipSync('ok'), Buffer.from('trailing garbage')]));
  }),
  handler('truncated gzip', 'bad_encoding', (_req, res) => {
    res.writeHead(200, { 'content-encoding': 'gzip' });
    res.end(zlib.gzipSync('x'.repeat(10_000)).subarray(0, 30));
  }),
  handler('claims gzip, sends plain text', 'bad_encoding', (_req, res) => {
    res.writeHead(200, { 'content-encoding': 'gzip' });
    res.end('<rss/>');
  }),
  ...['-5', '1e9', 'Fri, 31 Dec 9999 23:59:59 GMT', 'soon', '99999999999999999999', ''].map((v) =>
    handler(`503 with Retry-After ${JSON.stringify(v)}`, 'http_status', (_req, res) => {
      res.writeHead(503, { 'retry-after': v });
      res.end();
    }),
  ),
  handler('Content-Length larger than the cap on a 404', 'http_status', (_req, res) => {
    res.writeHead(404, { 'content-length': String(1024 * 1024 * 1024) });
    res.write('x');
  }),
  handler('redirect to https on a plain-HTTP port', 'network', (req, res) => {
    res.writeHead(302, { location: `https://127.0.0.1:${req.socket.localPort}/tls` });
    res.end();
  }),
  handler(
    'redirect ping-pong between two names for one server',
    'too_many_redirects',
    (req, res) => {
      const port = req.socket.localPort;
      const next = req.headers.host?.startsWith('a.allowed.test') ? 'b' : 'a';
      res.writeHead(302, { location: `http://${next}.allowed.test:${port}/` });
      res.end();
    },
  ),
];

/** Redirect targets that must never be connected to. */
export const internalRedirectTargets: Array<[string, Expected]> = [
  ['http://127.0.0.2/', 'blocked_address'],
  ['http://2130706434/', 'blocked_address'],
  ['http://0177.0.0.2/', 'blocked_address'],
  ['http://0x7f.0.0.2/', 'blocked_address'],
  ['http://127.2/', 'blocked_address'],
  ['HTTP://127.0.0.2:80/', 'blocked_address'],
  ['//127.0.0.2/protocol-relative', 'blocked_address'],
  // As a redirect this is a same-scheme relative path (back to the test server, in a loop).
  ['http:/127.0.0.2/one-slash', ['blocked_address', 'too_many_redirects']],
  ['\\\\127.0.0.2\\backslashes', 'blocked_address'],
  ['http://127.0.0.1@127.0.0.2/userinfo', 'blocked_address'],
  ['http://user:pass@169.254.169.254/latest/meta-data/', 'blocked_address'],
  ['http://169.254.169.254./trailing-dot', 'blocked_address'],
  ['http://[::ffff:a9fe:a9fe]/', 'blocked_address'],
  ['http://[::ffff:127.0.0.2]/', 'blocked_address'],
  ['http://[0:0:0:0:0:ffff:7f00:2]/', 'blocked_address'],
  ['http://[::1]/', 'blocked_address'],
  ['http://[::]/', 'blocked_address'],
  ['http://0/', 'blocked_address'],
  ['http://0.0.0.0/', 'blocked_address'],
  ['http://10.0.0.1/', 'blocked_address'],
  ['http://100.100.100.200/', 'blocked_address'],
  ['http://[fd00:ec2::254]/', 'blocked_address'],
  ['http://[fe80::1]/', 'blocked_address'],
  ['http://224.0.0.1/', 'blocked_address'],
  ['http://255.255.255.255/', 'blocked_address'],
  ['http://internal.test/', 'blocked_address'],
  ['http://metadata.google.internal/computeMetadata/v1/', 'blocked_address'],
  ['http://mapped.test/', 'blocked_address'],
  ['http://nat64.test/', 'blocked_address'],
  ['http://[fe80::1%25eth0]/', 'bad_url'],
  ['file:///etc/passwd', 'bad_url'],
  ['gopher://127.0.0.1:70/_payload', 'bad_url'],
  ['data:text/plain,hello', 'bad_url'],
  ['javascript:alert(1)', 'bad_url'],
  ['ftp://127.0.0.1/', 'bad_url'],
  ['http://[::1', 'bad_url'],
];

/** Names the hostile tests resolve without DNS; none of them may be connected to. */
export const hostileNames: Record<string, string[]> = {
  'internal.test': ['10.0.0.1'],
  'metadata.google.internal': ['169.254.169.254'],
  'mapped.test': ['::ffff:127.0.0.2'],
  'nat64.test': ['64:ff9b::a9fe:a9fe'],
  // allowed by name in the hostile settings, both on the test server
  'a.allowed.test': ['127.0.0.1'],
  'b.allowed.test': ['127.0.0.1'],
};

export async function startRawServer(
  respond: (socket: net.Socket) => void,
): Promise<{ port: number; close: () => Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    let head = '';
    const onData = (chunk: Buffer) => {
      head += chunk.toString('latin1');
      if (head.includes('\r\n\r\n')) {
        socket.off('data', onData);
        respond(socket);
      }
    };
    socket.on('data', onData);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
