import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net, { type LookupFunction } from 'node:net';
import type { Transform } from 'node:stream';
import tls from 'node:tls';
import zlib from 'node:zlib';
import type { NetworkSettings } from '../../config/schema.ts';
import { FetchError } from '../../domain/errors.ts';
import type { HttpClient, HttpRequest, HttpResponse } from '../../ports/http.ts';
import { type Logger, silentLogger } from '../../ports/logger.ts';
import { classifyAddress, isAllowed } from './address-policy.ts';

// The guarded HTTP client every feed and article fetch goes through. Feed URLs and the redirects
// they send are chosen by outsiders, so every hop is checked: only http(s), only public addresses
// unless the operator allowed the exact host, and the address checked is the address connected to
// (the check runs inside the socket's DNS lookup, so a second resolution cannot swap in an internal
// address). Bodies are capped after decompression while streaming, so a gzip bomb stops at the cap.

export interface ResolvedAddress {
  address: string;
  family: number;
}

export interface HttpClientOptions {
  logger?: Logger | undefined;
  /** Waits between retries; tests pass one that records and returns at once. */
  sleep?: ((ms: number) => Promise<void>) | undefined;
  /** [0, 1) source for backoff jitter; tests pin it. */
  random?: (() => number) | undefined;
  /**
   * Name resolution (default: the system resolver via dns.lookup). Tests map made-up names to
   * loopback addresses with it; whatever it returns is still checked against the policy.
   */
  resolve?: ((hostname: string) => Promise<ResolvedAddress[]>) | undefined;
  /**
   * Extra CA certificates (PEM) to trust besides Node's bundle, e.g. a private CA on a
   * corporate network; tests use it for a loopback HTTPS server.
   */
  ca?: string | Buffer | undefined;
}

/** First retry waits about this long; each further retry doubles it. */
const BACKOFF_BASE_MS = 500;
const BACKOFF_MAX_MS = 8_000;
/** A Retry-After longer than this is not waited for here: the next scheduled poll retries. */
export const RETRY_AFTER_CAP_MS = 10_000;
/** Compressed bytes beyond the decoded cap allowed for gzip/brotli framing overhead. */
const COMPRESSED_SLACK_BYTES = 64 * 1024;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
/** What an operator can do about the statuses feeds most often return. */
const STATUS_HINTS: Record<number, string> = {
  401: ' (the site wants credentials; this feed cannot be polled as is)',
  403: ' (the site refuses the poller; some sites block unknown user agents: see network.userAgent)',
  404: ' (the URL does not exist (any more); check the feed URL)',
  410: ' (the feed was removed; find its new URL or drop it)',
  429: ' (rate limited; poll this feed less often: intervalMinutes)',
};

const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

async function systemResolve(hostname: string): Promise<ResolvedAddress[]> {
  return dns.promises.lookup(hostname, { all: true, verbatim: true });
}

/** How a URL appears in errors and logs: webhook URLs are secrets, so POSTs show only the origin. */
function shown(url: URL, redact: boolean): string {
  return redact ? `${url.origin}/…` : url.href;
}

function parseHttpUrl(raw: string, redact: boolean): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new FetchError('bad_url', redact ? '(redacted)' : raw, 'not a valid URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new FetchError(
      'bad_url',
      shown(url, redact),
      `only http:// and https:// URLs are fetched, not ${url.protocol}`,
    );
  }
  return url;
}

function bareHost(url: URL): string {
  const h = url.hostname;
  return h.startsWith('[') && h.endsWith(']') ? h.slice(1, -1) : h;
}

function blockedError(url: URL, ip: string, redact: boolean): FetchError {
  const host = bareHost(url);
  return new FetchError(
    'blocked_address',
    shown(url, redact),
    `refused to connect to ${host} (${ip} is a ${classifyAddress(ip)} address). Private, loopback, ` +
      `link-local and reserved addresses are blocked; if this host is yours, add "${host}" to ` +
      'network.allowPrivateHosts in the config.',
  );
}

function lowerCaseHeaders(h: http.IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) {
    if (v === undefined) continue;
    out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}

/** Retry-After as milliseconds (delta-seconds or HTTP-date); null when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | null {
  if (!value) return null;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const t = Date.parse(v);
  return Number.isFinite(t) ? Math.max(0, t - now) : null;
}

function errnoCode(err: unknown): string {
  if (typeof err === 'object' && err !== null && 'code' in err) {
    const c = (err as { code: unknown }).code;
    if (typeof c === 'string') return c;
  }
  return '';
}

/** Map a socket/TLS/DNS error to a FetchError; transient ones are retryable. */
function networkError(err: unknown, url: URL, redact: boolean): FetchError {
  if (err instanceof FetchError) return err;
  const code = errnoCode(err);
  const msg = err instanceof Error ? err.message : String(err);
  const where = shown(url, redact);
  if (code === 'ENOTFOUND' || code === 'ENODATA') {
    return new FetchError('dns_failed', where, `host ${bareHost(url)} not found`, { cause: err });
  }
  if (code === 'EAI_AGAIN') {
    return new FetchError('dns_failed', where, `DNS lookup for ${bareHost(url)} failed (${code})`, {
      retryable: true,
      cause: err,
    });
  }
  const permanent =
    code.startsWith('ERR_TLS') ||
    code.startsWith('CERT_') ||
    code.startsWith('HPE_') ||
    code.includes('SELF_SIGNED') ||
    code.startsWith('UNABLE_TO_') ||
    code === 'ERR_SSL_WRONG_VERSION_NUMBER' ||
    code === 'EPROTO';
  return new FetchError('network', where, `request failed: ${msg}${code ? ` (${code})` : ''}`, {
    retryable: !permanent,
    cause: err,
  });
}

interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

interface OneRequest {
  url: URL;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body: Buffer | null;
  maxBytes: number;
  signal: AbortSignal;
  /** Whether to read the body for this status (else the socket is dropped unread). */
  wantBody: (status: number, headers: Record<string, string>) => boolean;
  redact: boolean;
  timeoutMs: number;
}

function createDecoder(encoding: string, firstByte: number | undefined): Transform | null {
  switch (encoding) {
    case '':
    case 'identity':
      return null;
    case 'gzip':
    case 'x-gzip':
      return zlib.createGunzip();
    case 'br':
      return zlib.createBrotliDecompress();
    case 'deflate':
      // "deflate" should be zlib-wrapped, but some servers send raw deflate; the zlib header's
      // first byte has compression method 8 in its low nibble.
      return firstByte !== undefined && (firstByte & 0x0f) === 8 && firstByte >> 4 <= 7
        ? zlib.createInflate()
        : zlib.createInflateRaw();
    default:
      throw new Error(`unsupported content-encoding "${encoding}"`);
  }
}

export function createHttpClient(
  settings: NetworkSettings,
  opts: HttpClientOptions = {},
): HttpClient {
  const logger = opts.logger ?? silentLogger;
  const sleep = opts.sleep ?? defaultSleep;
  const random = opts.random ?? Math.random;
  const resolve = opts.resolve ?? systemResolve;
  const allow = settings.allowPrivateHosts;
  // `ca` replaces Node's trusted roots rather than adding to them, so pass both.
  const extraCa = opts.ca ? [...tls.rootCertificates, opts.ca.toString()] : null;

  /** One HTTP exchange with one host: no redirects, no retries. */
  function requestOnce(r: OneRequest): Promise<RawResponse> {
    return new Promise<RawResponse>((done, fail) => {
      const where = shown(r.url, r.redact);
      const host = bareHost(r.url);
      // Literal IPs never reach `lookup` (node connects to them directly), so check them here.
      if (net.isIP(host) !== 0 && !isAllowed(host, host, allow)) {
        fail(blockedError(r.url, host, r.redact));
        return;
      }
      if (r.signal.aborted) {
        fail(timeoutError(r, where));
        return;
      }

      let blocked: FetchError | null = null;
      const lookup: LookupFunction = (hostname, options, callback) => {
        resolve(hostname).then(
          (addrs) => {
            const family = options.family === 4 || options.family === 6 ? options.family : 0;
            const usable = addrs.filter((a) => family === 0 || a.family === family);
            const allowed = usable.filter((a) => isAllowed(host, a.address, allow));
            const first = allowed[0];
            if (!first) {
              const refused = usable[0];
              blocked = refused
                ? blockedError(r.url, refused.address, r.redact)
                : new FetchError('dns_failed', where, `host ${host} has no usable addresses`);
              callback(blocked, '', 0);
              return;
            }
            // Only addresses that passed the check are handed to the socket.
            if (options.all) callback(null, allowed);
            else callback(null, first.address, first.family);
          },
          (err: unknown) => {
            callback(err as NodeJS.ErrnoException, '', 0);
          },
        );
      };

      let settled = false;
      let connectTimer: NodeJS.Timeout | undefined;
      const finish = (err: FetchError | null, value?: RawResponse) => {
        if (settled) return;
        settled = true;
        clearTimeout(connectTimer);
        r.signal.removeEventListener('abort', onAbort);
        if (err) {
          req.destroy();
          fail(err);
        } else if (value) done(value);
      };
      const onAbort = () => finish(timeoutError(r, where));

      const isHttps = r.url.protocol === 'https:';
      const req = (isHttps ? https : http).request(r.url, {
        method: r.method,
        headers: r.headers,
        lookup,
        // A fresh connection per request, so every hop goes through `lookup` and the check.
        agent: false,
        ...(isHttps && extraCa ? { ca: extraCa } : {}),
      });
      r.signal.addEventListener('abort', onAbort, { once: true });

      req.on('socket', (socket) => {
        connectTimer = setTimeout(() => {
          finish(
            new FetchError(
              'timeout',
              where,
              `could not connect to ${host} within ${settings.connectTimeoutMs} ms (network.connectTimeoutMs)`,
              { retryable: true },
            ),
          );
        }, settings.connectTimeoutMs);
        socket.once('connect', () => clearTimeout(connectTimer));
      });
      req.on('error', (err) => finish(blocked ?? networkError(err, r.url, r.redact)));

      req.on('response', (res) => {
        const status = res.statusCode ?? 0;
        const headers = lowerCaseHeaders(res.headers);
        res.on('error', (err) => finish(networkError(err, r.url, r.redact)));
        if (!r.wantBody(status, headers)) {
          res.destroy();
          finish(null, { status, headers, body: Buffer.alloc(0) });
          return;
        }

        const encoding = (headers['content-encoding'] ?? '').trim().toLowerCase();
        const identity = encoding === '' || encoding === 'identity';
        const wireCap = identity ? r.maxBytes : r.maxBytes + COMPRESSED_SLACK_BYTES;
        const tooLarge = () =>
          new FetchError(
            'too_large',
            where,
            `response body exceeds ${r.maxBytes} bytes${identity ? '' : ` after ${encoding} decompression`}`,
          );
        const tooLargeOnWire = () =>
          identity
            ? tooLarge()
            : new FetchError(
                'too_large',
                where,
                `compressed response body exceeds ${wireCap} bytes (cap ${r.maxBytes} plus framing allowance)`,
              );
        const declared = Number(headers['content-length']);
        if (headers['content-length'] !== undefined && Number.isFinite(declared)) {
          if (declared > wireCap) {
            res.destroy();
            finish(tooLargeOnWire());
            return;
          }
        }
        if (!['', 'identity', 'gzip', 'x-gzip', 'deflate', 'br'].includes(encoding)) {
          res.destroy();
          finish(
            new FetchError('bad_encoding', where, `unsupported content-encoding "${encoding}"`),
          );
          return;
        }

        const chunks: Buffer[] = [];
        let decodedBytes = 0;
        let wireBytes = 0;
        let decoder: Transform | null = null;
        let decoderReady = identity;
        const stop = (err: FetchError) => {
          decoder?.destroy();
          res.destroy();
          finish(err);
        };
        const push = (chunk: Buffer) => {
          if (settled) return;
          decodedBytes += chunk.length;
          // Checked per chunk while streaming: the decompressor is destroyed the moment the
          // decoded size passes the cap, however small the compressed input was.
          if (decodedBytes > r.maxBytes) stop(tooLarge());
          else chunks.push(chunk);
        };
        const complete = () => {
          finish(null, { status, headers, body: Buffer.concat(chunks) });
        };
        const startDecoder = (firstByte: number | undefined) => {
          decoderReady = true;
          decoder = createDecoder(encoding, firstByte);
          if (!decoder) return;
          decoder.on('data', push);
          decoder.on('end', complete);
          decoder.on('error', (err: Error) =>
            stop(
              new FetchError(
                'bad_encoding',
                where,
                `could not decompress ${encoding} body: ${err.message}`,
                {
                  cause: err,
                },
              ),
            ),
          );
        };

        res.on('data', (chunk: Buffer) => {
          if (settled) return;
          wireBytes += chunk.length;
          if (wireBytes > wireCap) {
            stop(tooLargeOnWire());
            return;
          }
          if (!decoderReady) startDecoder(chunk[0]);
          if (!decoder) push(chunk);
          else if (!decoder.write(chunk)) {
            // Read no faster than we inflate, so the decoded-size check runs before more of a
            // bomb is even received.
            res.pause();
            decoder.once('drain', () => res.resume());
          }
        });
        res.on('end', () => {
          if (settled) return;
          // An empty body is empty whatever Content-Encoding claims (204s, sloppy servers);
          // a decompressor fed nothing would report "unexpected end of file".
          if (wireBytes === 0) {
            complete();
            return;
          }
          if (!decoderReady) startDecoder(undefined);
          if (decoder) decoder.end();
          else complete();
        });
        res.on('close', () => {
          // Closed before 'end': the server hung up mid-body.
          if (!res.complete && !settled) {
            finish(
              new FetchError('network', where, 'connection closed before the body was complete', {
                retryable: true,
              }),
            );
          }
        });
      });

      if (r.body) req.end(r.body);
      else req.end();
    });
  }

  function timeoutError(r: OneRequest, where: string): FetchError {
    return new FetchError(
      'timeout',
      where,
      `no complete response within ${r.timeoutMs} ms (network.timeoutMs)`,
      { retryable: true },
    );
  }

  function baseHeaders(extra: Record<string, string> | undefined): Record<string, string> {
    const h: Record<string, string> = {
      'user-agent': settings.userAgent,
      'accept-encoding': 'gzip, deflate, br',
      accept: '*/*',
    };
    for (const [k, v] of Object.entries(extra ?? {})) h[k.toLowerCase()] = v;
    return h;
  }

  /** One attempt of a GET: follows redirects (re-checking each hop) within one time budget. */
  async function getOnce(req: HttpRequest): Promise<RawResponse & { url: string }> {
    const timeoutMs = req.timeoutMs ?? settings.timeoutMs;
    const maxBytes = req.maxBytes ?? settings.maxPageBytes;
    const headers = baseHeaders(req.headers);
    const ac = new AbortController();
    const timer = setTimeout(() => ac.abort(), timeoutMs);
    try {
      let url = parseHttpUrl(req.url, false);
      for (let hop = 0; ; hop++) {
        const res = await requestOnce({
          url,
          method: 'GET',
          headers,
          body: null,
          maxBytes,
          signal: ac.signal,
          timeoutMs,
          redact: false,
          // Redirects and errors are decided on status alone; their bodies are never read.
          wantBody: (status, h) =>
            status >= 200 && status < 300 && !(REDIRECT_STATUSES.has(status) && h.location),
        });
        const location = res.headers.location;
        if (!REDIRECT_STATUSES.has(res.status) || !location) return { ...res, url: url.href };
        if (hop >= settings.maxRedirects) {
          throw new FetchError(
            'too_many_redirects',
            url.href,
            `more than ${settings.maxRedirects} redirects (network.maxRedirects)`,
          );
        }
        let next: URL;
        try {
          next = new URL(location, url);
        } catch {
          throw new FetchError('bad_url', url.href, `redirect to an invalid URL: ${location}`);
        }
        next = parseHttpUrl(next.href, false);
        logger.debug('http redirect', { from: url.href, to: next.href, status: res.status });
        url = next;
      }
    } finally {
      clearTimeout(timer);
    }
  }

  function statusError(res: RawResponse & { url: string }): FetchError {
    const retryable = res.status === 408 || res.status === 429 || res.status >= 500;
    return new FetchError(
      'http_status',
      res.url,
      `HTTP ${res.status}${STATUS_HINTS[res.status] ?? ''}`,
      {
        status: res.status,
        retryable,
      },
    );
  }

  async function get(req: HttpRequest): Promise<HttpResponse> {
    for (let attempt = 0; ; attempt++) {
      let error: FetchError;
      let retryAfterMs: number | null = null;
      try {
        const res = await getOnce(req);
        if ((res.status >= 200 && res.status < 300) || res.status === 304) {
          return { status: res.status, url: res.url, headers: res.headers, body: res.body };
        }
        error = statusError(res);
        retryAfterMs = parseRetryAfter(res.headers['retry-after']);
      } catch (err) {
        if (!(err instanceof FetchError)) throw err;
        error = err;
      }
      if (!error.retryable || attempt >= settings.retries) throw error;
      let delay: number;
      if (retryAfterMs !== null) {
        if (retryAfterMs > RETRY_AFTER_CAP_MS) {
          // Retrying sooner than the server asked would not honour it; leave it to the next poll.
          throw new FetchError(
            error.code,
            error.url,
            `${error.message}; server asked to retry after ${Math.round(retryAfterMs / 1000)} s`,
            { status: error.status, retryable: true, cause: error },
          );
        }
        delay = retryAfterMs;
      } else {
        const exp = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** attempt);
        // Half fixed, half random: spreads retries from many pollers without losing the backoff.
        delay = Math.round(exp / 2 + (random() * exp) / 2);
      }
      logger.warn('http retry', {
        url: error.url,
        code: error.code,
        status: error.status,
        attempt: attempt + 1,
        delayMs: delay,
      });
      await sleep(delay);
    }
  }

  async function post(req: HttpRequest & { body: string; contentType: string }) {
    const timeoutMs = req.timeoutMs ?? settings.timeoutMs;
    const maxBytes = req.maxBytes ?? settings.maxPageBytes;
    const url = parseHttpUrl(req.url, true);
    const body = Buffer.from(req.body, 'utf8');
    const headers = baseHeaders(req.headers);
    headers['content-type'] = req.contentType;
    headers['content-length'] = String(body.length);
    const ac = new AbortController();
    const timer = setTimeout(() => ac.abort(), timeoutMs);
    try {
      // No redirects (the body must not be re-sent to wherever a 3xx points) and no retries (the
      // delivery queue retries, and knows whether a message may already have been posted).
      const res = await requestOnce({
        url,
        method: 'POST',
        headers,
        body,
        maxBytes,
        signal: ac.signal,
        timeoutMs,
        redact: true,
        wantBody: () => true,
      });
      return { status: res.status, url: req.url, headers: res.headers, body: res.body };
    } catch (err) {
      throw err instanceof FetchError ? err : networkError(err, url, true);
    } finally {
      clearTimeout(timer);
    }
  }

  return { get, post };
}
