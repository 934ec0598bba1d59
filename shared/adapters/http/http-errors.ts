import { FetchError } from '../../domain/errors.ts';

// Every way a fetch can fail, as the FetchError an operator reads: what happened, whether the
// next attempt may succeed (retryable), and which setting to change where one applies. Webhook
// URLs are secrets, so a request marked `redact` shows only its origin.

/** What an operator can do about the statuses feeds most often return. */
const STATUS_HINTS: Record<number, string> = {
  401: ' (the site wants credentials; this feed cannot be polled as is)',
  403: ' (the site refuses the poller; some sites block unknown user agents: see network.userAgent)',
  404: ' (the URL does not exist (any more); check the feed URL)',
  410: ' (the feed was removed; find its new URL or drop it)',
  429: ' (rate limited; poll this feed less often: intervalMinutes)',
};

/** How a URL appears in errors and logs: webhook URLs are secrets, so POSTs show only the origin. */
export function shown(url: URL, redact: boolean): string {
  return redact ? `${url.origin}/…` : url.href;
}

/** The URL's host without IPv6 brackets. */
export function bareHost(url: URL): string {
  const h = url.hostname;
  return h.startsWith('[') && h.endsWith(']') ? h.slice(1, -1) : h;
}

/** Parse a URL that is about to be fetched: only http(s). */
export function parseHttpUrl(raw: string, redact: boolean): URL {
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

function errnoCode(err: unknown): string {
  if (typeof err === 'object' && err !== null && 'code' in err) {
    const c = (err as { code: unknown }).code;
    if (typeof c === 'string') return c;
  }
  return '';
}

/** TLS, certificate and HTTP parse failures: the same request would fail the same way. */
function isPermanentSocketError(code: string): boolean {
  return (
    code.startsWith('ERR_TLS') ||
    code.startsWith('CERT_') ||
    code.startsWith('HPE_') ||
    code.includes('SELF_SIGNED') ||
    code.startsWith('UNABLE_TO_') ||
    code === 'ERR_SSL_WRONG_VERSION_NUMBER' ||
    code === 'EPROTO'
  );
}

/** Map a socket/TLS/DNS error to a FetchError; transient ones are retryable. */
export function networkError(err: unknown, url: URL, redact: boolean): FetchError {
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
  return new FetchError('network', where, `request failed: ${msg}${code ? ` (${code})` : ''}`, {
    retryable: !isPermanentSocketError(code),
    cause: err,
  });
}

/** A response status that is not a success: 408, 429 and 5xx may pass on a later attempt. */
export function statusError(status: number, url: string): FetchError {
  const retryable = status === 408 || status === 429 || status >= 500;
  return new FetchError('http_status', url, `HTTP ${status}${STATUS_HINTS[status] ?? ''}`, {
    status,
    retryable,
  });
}

export function timeoutError(timeoutMs: number, where: string): FetchError {
  return new FetchError(
    'timeout',
    where,
    `no complete response within ${timeoutMs} ms (network.timeoutMs)`,
    { retryable: true },
  );
}

export function connectTimeoutError(host: string, connectTimeoutMs: number, where: string) {
  return new FetchError(
    'timeout',
    where,
    `could not connect to ${host} within ${connectTimeoutMs} ms (network.connectTimeoutMs)`,
    { retryable: true },
  );
}

export function truncatedBodyError(where: string): FetchError {
  return new FetchError('network', where, 'connection closed before the body was complete', {
    retryable: true,
  });
}
