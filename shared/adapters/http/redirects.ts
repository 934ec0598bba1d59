import { FetchError } from '../../domain/errors.ts';
import type { Logger } from '../../ports/logger.ts';
import { parseHttpUrl } from './http-errors.ts';
import { type Connector, type RawResponse, requestOnce } from './request-once.ts';

// One attempt of a GET: the request and the redirects it is sent on, each hop a fresh request
// through the address guard (a public feed may redirect to an internal address), all within one
// time budget and at most `maxRedirects` hops.

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

export interface RedirectingGet {
  url: string;
  headers: Record<string, string>;
  maxBytes: number;
  timeoutMs: number;
  maxRedirects: number;
}

/** The URL a redirect response points to, checked like the first one. */
function redirectTarget(res: RawResponse, from: URL, hop: number, maxRedirects: number): URL {
  const location = res.headers.location ?? '';
  if (hop >= maxRedirects) {
    throw new FetchError(
      'too_many_redirects',
      from.href,
      `more than ${maxRedirects} redirects (network.maxRedirects)`,
    );
  }
  let next: URL;
  try {
    next = new URL(location, from);
  } catch {
    throw new FetchError('bad_url', from.href, `redirect to an invalid URL: ${location}`);
  }
  return parseHttpUrl(next.href, false);
}

function isRedirect(res: RawResponse): boolean {
  return REDIRECT_STATUSES.has(res.status) && Boolean(res.headers.location);
}

/** The final response of one attempt (any status) and the URL it came from. */
export async function getFollowingRedirects(
  req: RedirectingGet,
  connector: Connector,
  logger: Logger,
): Promise<RawResponse & { url: string }> {
  const ac = new AbortController();
  const timer = setTimeout(() => ac.abort(), req.timeoutMs);
  try {
    let url = parseHttpUrl(req.url, false);
    for (let hop = 0; ; hop++) {
      const res = await requestOnce(
        {
          url,
          method: 'GET',
          headers: req.headers,
          body: null,
          maxBytes: req.maxBytes,
          signal: ac.signal,
          timeoutMs: req.timeoutMs,
          redact: false,
          // Redirects and errors are decided on status alone; their bodies are never read.
          wantBody: (status, h) =>
            status >= 200 && status < 300 && !(REDIRECT_STATUSES.has(status) && h.location),
        },
        connector,
      );
      if (!isRedirect(res)) return { ...res, url: url.href };
      const next = redirectTarget(res, url, hop, req.maxRedirects);
      logger.debug('http redirect', { from: url.href, to: next.href, status: res.status });
      url = next;
    }
  } finally {
    clearTimeout(timer);
  }
}
