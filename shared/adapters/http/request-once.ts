import http from 'node:http';
import https from 'node:https';
import type { FetchError } from '../../domain/errors.ts';
import { readBody } from './body-reader.ts';
import { checkLiteralAddress, guardedLookup, type Resolve } from './guarded-lookup.ts';
import { bareHost, connectTimeoutError, networkError, shown, timeoutError } from './http-errors.ts';

// One HTTP exchange with one host: no redirects, no retries. A fresh connection per request, so
// every hop goes through the guarded lookup; a connect timer, the caller's overall deadline
// (its AbortSignal) and the body caps bound it in time and size.

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

export interface OneRequest {
  url: URL;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body: Buffer | null;
  maxBytes: number;
  /** The caller's deadline (all hops of one attempt); aborting it ends the request. */
  signal: AbortSignal;
  /** The deadline's length, for the error message. */
  timeoutMs: number;
  /** Whether to read the body for this status (else the socket is dropped unread). */
  wantBody: (status: number, headers: Record<string, string>) => boolean;
  /** Webhook URLs are secrets: errors show only the origin. */
  redact: boolean;
}

/** What stays the same for every request of one client. */
export interface Connector {
  resolve: Resolve;
  allowPrivateHosts: readonly string[];
  connectTimeoutMs: number;
  /** Trusted CAs for https (Node's roots plus any extra), or null for Node's own. */
  ca: string[] | null;
}

function lowerCaseHeaders(h: http.IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) {
    if (v === undefined) continue;
    out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}

function onResponse(
  res: http.IncomingMessage,
  r: OneRequest,
  finish: (err: FetchError | null, value?: RawResponse) => void,
): void {
  const status = res.statusCode ?? 0;
  const headers = lowerCaseHeaders(res.headers);
  res.on('error', (err) => finish(networkError(err, r.url, r.redact)));
  if (!r.wantBody(status, headers)) {
    res.destroy();
    finish(null, { status, headers, body: Buffer.alloc(0) });
    return;
  }
  readBody(res, headers, { maxBytes: r.maxBytes, where: shown(r.url, r.redact) }, (err, body) =>
    finish(err, body ? { status, headers, body } : undefined),
  );
}

export function requestOnce(r: OneRequest, c: Connector): Promise<RawResponse> {
  return new Promise<RawResponse>((done, fail) => {
    const where = shown(r.url, r.redact);
    const refused = checkLiteralAddress(r, c.allowPrivateHosts);
    if (refused || r.signal.aborted) {
      fail(refused ?? timeoutError(r.timeoutMs, where));
      return;
    }
    const guard = guardedLookup(r, c.resolve, c.allowPrivateHosts);
    let settled = false;
    let connectTimer: NodeJS.Timeout | undefined;
    // The outcome is decided once; later events (a late socket error, the abort) are ignored.
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
    const onAbort = () => finish(timeoutError(r.timeoutMs, where));

    const isHttps = r.url.protocol === 'https:';
    const req = (isHttps ? https : http).request(r.url, {
      method: r.method,
      headers: r.headers,
      lookup: guard.lookup,
      // A fresh connection per request, so every hop goes through `lookup` and the check.
      agent: false,
      ...(isHttps && c.ca ? { ca: c.ca } : {}),
    });
    r.signal.addEventListener('abort', onAbort, { once: true });
    req.on('socket', (socket) => {
      const host = bareHost(r.url);
      connectTimer = setTimeout(
        () => finish(connectTimeoutError(host, c.connectTimeoutMs, where)),
        c.connectTimeoutMs,
      );
      socket.once('connect', () => clearTimeout(connectTimer));
    });
    req.on('error', (err) => finish(guard.blocked() ?? networkError(err, r.url, r.redact)));
    req.on('response', (res) => onResponse(res, r, finish));
    if (r.body) req.end(r.body);
    else req.end();
  });
}
