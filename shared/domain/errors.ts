// Named errors. Domain code throws these; only the edge (CLI, handlers, the error recorder)
// turns them into exit codes, HTTP statuses or stored error records.

export abstract class StrikewatchError extends Error {
  /** A short machine-readable reason, stored with error records and shown by `query --kind error`. */
  abstract readonly code: string;
  /** Whether trying again later may succeed (timeouts, 5xx, throttling). */
  readonly retryable: boolean = false;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

export class ConfigError extends StrikewatchError {
  readonly code = 'config_invalid';
}

export type FetchErrorCode =
  | 'bad_url'
  | 'blocked_address'
  | 'dns_failed'
  | 'timeout'
  | 'too_large'
  | 'too_many_redirects'
  | 'http_status'
  | 'network'
  | 'bad_encoding';

export class FetchError extends StrikewatchError {
  readonly code: FetchErrorCode;
  override readonly retryable: boolean;
  readonly status: number | undefined;
  readonly url: string;

  constructor(
    code: FetchErrorCode,
    url: string,
    message: string,
    opts: { retryable?: boolean; status?: number; cause?: unknown } = {},
  ) {
    super(message, { cause: opts.cause });
    this.code = code;
    this.url = url;
    this.retryable = opts.retryable ?? false;
    this.status = opts.status;
  }
}

export class FeedParseError extends StrikewatchError {
  readonly code = 'feed_invalid';
}

export class ExtractError extends StrikewatchError {
  readonly code: 'extract_failed' | 'extract_timeout' | 'extract_too_big' = 'extract_failed';

  constructor(
    message: string,
    options?: { cause?: unknown; code?: 'extract_timeout' | 'extract_too_big' },
  ) {
    super(message, options);
    if (options?.code) this.code = options.code;
  }
}

/** A store request failed after the SDK's own retries (throttling, 5xx, a dropped connection). */
export class StoreUnavailableError extends StrikewatchError {
  readonly code = 'store_unavailable';
  override readonly retryable: boolean;

  constructor(message: string, opts: { retryable: boolean; cause?: unknown }) {
    super(message, { cause: opts.cause });
    this.retryable = opts.retryable;
  }
}

/** A batch read or write kept coming back with unprocessed items: the table is over capacity. */
export class UnprocessedItemsError extends StrikewatchError {
  readonly code = 'store_unprocessed_items';
  override readonly retryable = true;
}

/** The table did not become ACTIVE in time after it was created (local runs and tests). */
export class TableNotReadyError extends StrikewatchError {
  readonly code = 'store_not_ready';
  override readonly retryable = true;
}

/** A claim kept changing under concurrent writers; the article is retried as a whole. */
export class ClaimContentionError extends StrikewatchError {
  readonly code = 'claim_contention';
  override readonly retryable = true;
}

export class DeliveryError extends StrikewatchError {
  readonly code: 'delivery_failed' | 'delivery_rejected';
  override readonly retryable: boolean;
  /** Server-requested wait (Slack's Retry-After), in milliseconds. */
  readonly retryAfterMs: number | undefined;

  constructor(
    message: string,
    opts: { retryable: boolean; retryAfterMs?: number | undefined; cause?: unknown },
  ) {
    super(message, { cause: opts.cause });
    this.retryable = opts.retryable;
    this.code = opts.retryable ? 'delivery_failed' : 'delivery_rejected';
    this.retryAfterMs = opts.retryAfterMs;
  }
}

/** A one-line, user-facing description of any thrown value. */
export function describeError(err: unknown): { code: string; message: string; retryable: boolean } {
  if (err instanceof StrikewatchError) {
    return { code: err.code, message: err.message, retryable: err.retryable };
  }
  if (err instanceof Error) return { code: 'internal', message: err.message, retryable: false };
  return { code: 'internal', message: String(err), retryable: false };
}
