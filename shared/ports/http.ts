// The one way domain code reaches the network. Implemented by shared/adapters/http (guarded node:http
// client); tests pass the same client pointed at loopback servers.

export interface HttpRequest {
  url: string;
  /** Extra request headers (If-None-Match, If-Modified-Since, Accept). */
  headers?: Record<string, string> | undefined;
  /** Cap on the decoded (decompressed) body; exceeding it throws FetchError('too_large'). */
  maxBytes?: number | undefined;
  /** Total time budget for the request including redirects. */
  timeoutMs?: number | undefined;
}

export interface HttpResponse {
  status: number;
  /** The URL after redirects. */
  url: string;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  /** Decompressed body bytes (empty for 304). */
  body: Buffer;
}

export interface HttpClient {
  /**
   * GET with the network guard, timeouts, size caps, bounded redirects and retries applied.
   * Resolves for 2xx and 304; throws FetchError for anything else.
   */
  get(req: HttpRequest): Promise<HttpResponse>;
  /** POST a body (Slack webhooks); resolves with status and body for any HTTP status. */
  post(req: HttpRequest & { body: string; contentType: string }): Promise<HttpResponse>;
}
