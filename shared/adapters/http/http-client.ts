import tls from 'node:tls';
import type { NetworkSettings } from '../../config/schema.ts';
import { ConfigError, FetchError } from '../../domain/errors.ts';
import type { HttpClient, HttpRequest, HttpResponse } from '../../ports/http.ts';
import { type Logger, silentLogger } from '../../ports/logger.ts';
import { parseAllowedHost } from './address-policy.ts';
import { type Resolve, systemResolve } from './guarded-lookup.ts';
import { networkError, parseHttpUrl, statusError } from './http-errors.ts';
import { getFollowingRedirects } from './redirects.ts';
import { type Connector, requestOnce } from './request-once.ts';
import { type AttemptOutcome, parseRetryAfter, withRetries } from './retries.ts';

// The guarded HTTP client every feed and article fetch goes through. Feed URLs and the redirects
// they send are chosen by outsiders, so every hop is checked: only http(s), only public addresses
// unless the operator allowed the exact host, and the address checked is the address connected to
// (guarded-lookup.ts). Bodies are capped after decompression while streaming (body-reader.ts).
// Here the pieces are put together: a GET is attempts (redirects.ts) under a retry policy
// (retries.ts); a POST is one request, never redirected or retried.

export type { ResolvedAddress } from './guarded-lookup.ts';

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
  resolve?: Resolve | undefined;
  /**
   * Extra CA certificates (PEM) to trust besides Node's bundle, e.g. a private CA on a
   * corporate network; tests use it for a loopback HTTPS server.
   */
  ca?: string | Buffer | undefined;
}

const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function baseHeaders(
  settings: NetworkSettings,
  extra: Record<string, string> | undefined,
): Record<string, string> {
  const h: Record<string, string> = {
    'user-agent': settings.userAgent,
    'accept-encoding': 'gzip, deflate, br',
    accept: '*/*',
  };
  for (const [k, v] of Object.entries(extra ?? {})) h[k.toLowerCase()] = v;
  return h;
}

function connectorFor(settings: NetworkSettings, opts: HttpClientOptions): Connector {
  // The config schema checks these too; settings built in code (the CLI's --allow-private,
  // tests) must not fail open on an entry that names nothing.
  for (const entry of settings.allowPrivateHosts) {
    const parsed = parseAllowedHost(entry);
    if (!parsed.ok) throw new ConfigError(`network.allowPrivateHosts: ${parsed.reason}`);
  }
  return {
    resolve: opts.resolve ?? systemResolve,
    allowPrivateHosts: settings.allowPrivateHosts,
    connectTimeoutMs: settings.connectTimeoutMs,
    // `ca` replaces Node's trusted roots rather than adding to them, so pass both.
    ca: opts.ca ? [...tls.rootCertificates, opts.ca.toString()] : null,
  };
}

export function createHttpClient(
  settings: NetworkSettings,
  opts: HttpClientOptions = {},
): HttpClient {
  const logger = opts.logger ?? silentLogger;
  const connector = connectorFor(settings, opts);
  const retryPolicy = {
    retries: settings.retries,
    sleep: opts.sleep ?? defaultSleep,
    random: opts.random ?? Math.random,
    logger,
  };

  /** One attempt: redirects followed; a status other than 2xx/304 becomes its error. */
  async function attemptGet(req: HttpRequest): Promise<AttemptOutcome<HttpResponse>> {
    try {
      const res = await getFollowingRedirects(
        {
          url: req.url,
          headers: baseHeaders(settings, req.headers),
          maxBytes: req.maxBytes ?? settings.maxPageBytes,
          timeoutMs: req.timeoutMs ?? settings.timeoutMs,
          maxRedirects: settings.maxRedirects,
        },
        connector,
        logger,
      );
      if ((res.status >= 200 && res.status < 300) || res.status === 304) {
        const value = { status: res.status, url: res.url, headers: res.headers, body: res.body };
        return { ok: true, value };
      }
      const retryAfterMs = parseRetryAfter(res.headers['retry-after']);
      return { ok: false, error: statusError(res.status, res.url), retryAfterMs };
    } catch (err) {
      if (!(err instanceof FetchError)) throw err;
      return { ok: false, error: err, retryAfterMs: null };
    }
  }

  function get(req: HttpRequest): Promise<HttpResponse> {
    return withRetries(() => attemptGet(req), retryPolicy);
  }

  async function post(req: HttpRequest & { body: string; contentType: string }) {
    const timeoutMs = req.timeoutMs ?? settings.timeoutMs;
    const url = parseHttpUrl(req.url, true);
    const body = Buffer.from(req.body, 'utf8');
    const headers = baseHeaders(settings, req.headers);
    headers['content-type'] = req.contentType;
    headers['content-length'] = String(body.length);
    const ac = new AbortController();
    const timer = setTimeout(() => ac.abort(), timeoutMs);
    try {
      // No redirects (the body must not be re-sent to wherever a 3xx points) and no retries (the
      // delivery queue retries, and knows whether a message may already have been posted).
      const res = await requestOnce(
        {
          url,
          method: 'POST',
          headers,
          body,
          maxBytes: req.maxBytes ?? settings.maxPageBytes,
          signal: ac.signal,
          timeoutMs,
          redact: true,
          wantBody: () => true,
        },
        connector,
      );
      return { status: res.status, url: req.url, headers: res.headers, body: res.body };
    } catch (err) {
      throw err instanceof FetchError ? err : networkError(err, url, true);
    } finally {
      clearTimeout(timer);
    }
  }

  return { get, post };
}
