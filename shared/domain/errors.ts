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

/** A service call that failed after its retries; whether it may succeed later is the caller's call. */
abstract class ServiceCallError extends StrikewatchError {
  override readonly retryable: boolean;

  constructor(message: string, opts: { retryable: boolean; cause?: unknown }) {
    super(message, { cause: opts.cause });
    this.retryable = opts.retryable;
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
export class StoreUnavailableError extends ServiceCallError {
  readonly code = 'store_unavailable';
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

/** An incident record kept changing under concurrent writers; the article is retried as a whole. */
export class IncidentContentionError extends StrikewatchError {
  readonly code = 'incident_contention';
  override readonly retryable = true;
}

/** A claim kept changing under concurrent writers; the article is retried as a whole. */
export class ClaimContentionError extends StrikewatchError {
  readonly code = 'claim_contention';
  override readonly retryable = true;
}

export class DeliveryError extends StrikewatchError {
  readonly code: 'delivery_failed' | 'delivery_rejected' | 'secret_not_ready';
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

/**
 * A secret a delivery needs still holds the placeholder the stack wrote at creation, or does not
 * exist: the operator has not put the value yet. Retryable, with a long wait (`retryAfterMs`):
 * the delivery waits for the operator instead of failing. A DeliveryError, so a delivery loop that
 * retries retryable delivery errors waits for it already; it should not count as an attempt.
 */
export class SecretNotReadyError extends DeliveryError {
  override readonly code = 'secret_not_ready';
  readonly secretId: string;

  constructor(secretId: string, message: string, opts: { retryAfterMs: number; cause?: unknown }) {
    super(message, { retryable: true, retryAfterMs: opts.retryAfterMs, cause: opts.cause });
    this.secretId = secretId;
  }
}

/** A queue message larger than the queue takes; nothing of the send was queued. */
export class MessageTooLargeError extends StrikewatchError {
  readonly code = 'message_too_large';
  readonly bytes: number;
  readonly maxBytes: number;

  constructor(bytes: number, maxBytes: number) {
    super(`a queue message of ${bytes} bytes is over the ${maxBytes}-byte limit`);
    this.bytes = bytes;
    this.maxBytes = maxBytes;
  }
}

/** SQS did not take some messages after the adapter's retries (or refused them outright). */
export class QueueSendError extends ServiceCallError {
  readonly code = 'queue_send_failed';
}

/**
 * A record the store cannot keep: a number outside what DynamoDB and its document client take
 * (not finite, or an integer beyond 2^53 - 1, as a page stating "1e30 killed" would give), or an
 * item over DynamoDB's 400 KB. Refused before the request, naming the attribute; never retryable.
 */
export class RecordNotStorableError extends StrikewatchError {
  readonly code = 'record_not_storable';
  /** Where in the item: "claim.figure.count", or "(item)" for the size. */
  readonly attribute: string;

  constructor(attribute: string, message: string) {
    super(message);
    this.attribute = attribute;
  }
}

/** Input to the analyst report that does not match ReportData (shared/report/report-data.ts). */
export class ReportDataError extends StrikewatchError {
  readonly code = 'report_data_invalid';
}

/**
 * An analyst query the caller got wrong: an unknown kind or actor, an invalid date, a reversed
 * range, a bad cursor. The CLI exits 2 (a usage error), the API answers 400 with the message.
 */
export class QueryInvalidError extends StrikewatchError {
  readonly code = 'query_invalid';
  /** The CLI's exit status for a usage error. */
  readonly exitCode = 2;
}

/** A one-line, user-facing description of any thrown value. */
export function describeError(err: unknown): { code: string; message: string; retryable: boolean } {
  if (err instanceof StrikewatchError) {
    return { code: err.code, message: err.message, retryable: err.retryable };
  }
  if (err instanceof Error) return { code: 'internal', message: err.message, retryable: false };
  return { code: 'internal', message: String(err), retryable: false };
}
