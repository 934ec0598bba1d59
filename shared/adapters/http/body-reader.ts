import type { IncomingMessage } from 'node:http';
import type { Transform } from 'node:stream';
import zlib from 'node:zlib';
import { FetchError } from '../../domain/errors.ts';
import { truncatedBodyError } from './http-errors.ts';

// Reading a response body under a size cap. The cap applies to the decoded bytes and is checked
// per chunk while streaming, so a gzip bomb stops at the cap however small its compressed form;
// the compressed bytes get their own cap (the decoded cap plus framing slack), and the socket is
// read no faster than the decompressor drains, so little more of a bomb is even received.

/** Compressed bytes beyond the decoded cap allowed for gzip/brotli framing overhead. */
export const COMPRESSED_SLACK_BYTES = 64 * 1024;

const SUPPORTED_ENCODINGS = new Set(['', 'identity', 'gzip', 'x-gzip', 'deflate', 'br']);

export interface BodyLimits {
  /** Cap on the decoded body. */
  maxBytes: number;
  /** The URL as it may appear in errors. */
  where: string;
}

/** Called exactly once: with the whole decoded body, or with why there is none. */
export type BodyDone = (err: FetchError | null, body?: Buffer) => void;

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
    default:
      // "deflate" should be zlib-wrapped, but some servers send raw deflate; the zlib header's
      // first byte has compression method 8 in its low nibble.
      return firstByte !== undefined && (firstByte & 0x0f) === 8 && firstByte >> 4 <= 7
        ? zlib.createInflate()
        : zlib.createInflateRaw();
  }
}

/** The two caps of one response and the errors that say which was passed. */
class BodyCaps {
  readonly identity: boolean;
  readonly maxBytes: number;
  readonly wireCap: number;

  constructor(
    readonly encoding: string,
    private readonly limits: BodyLimits,
  ) {
    this.identity = encoding === '' || encoding === 'identity';
    this.maxBytes = limits.maxBytes;
    this.wireCap = this.identity ? limits.maxBytes : limits.maxBytes + COMPRESSED_SLACK_BYTES;
  }

  decodedTooLarge(): FetchError {
    const after = this.identity ? '' : ` after ${this.encoding} decompression`;
    return new FetchError(
      'too_large',
      this.limits.where,
      `response body exceeds ${this.limits.maxBytes} bytes${after}`,
    );
  }

  wireTooLarge(): FetchError {
    if (this.identity) return this.decodedTooLarge();
    return new FetchError(
      'too_large',
      this.limits.where,
      `compressed response body exceeds ${this.wireCap} bytes (cap ${this.limits.maxBytes} plus framing allowance)`,
    );
  }
}

/** Refusals decided from the headers alone, before any of the body is read. */
function refuseFromHeaders(headers: Record<string, string>, caps: BodyCaps, where: string) {
  const declared = Number(headers['content-length']);
  if (headers['content-length'] !== undefined && Number.isFinite(declared)) {
    if (declared > caps.wireCap) return caps.wireTooLarge();
  }
  if (!SUPPORTED_ENCODINGS.has(caps.encoding)) {
    return new FetchError('bad_encoding', where, `unsupported content-encoding "${caps.encoding}"`);
  }
  return null;
}

/** One body being read: wire bytes in, decoded chunks collected until the end or a cap. */
class CappedBody {
  private readonly chunks: Buffer[] = [];
  private decodedBytes = 0;
  private wireBytes = 0;
  private decoder: Transform | null = null;
  private decoderReady: boolean;
  private finished = false;

  constructor(
    private readonly res: IncomingMessage,
    private readonly caps: BodyCaps,
    private readonly where: string,
    private readonly done: BodyDone,
  ) {
    this.decoderReady = caps.identity;
  }

  start(): void {
    const res = this.res;
    res.on('data', (chunk: Buffer) => this.onWireData(chunk));
    res.on('end', () => this.onWireEnd());
    // Closed before 'end': the server hung up mid-body (or the request was given up).
    res.on('close', () => {
      if (!res.complete) this.stop(truncatedBodyError(this.where));
    });
  }

  private stop(err: FetchError): void {
    if (this.finished) return;
    this.finished = true;
    this.decoder?.destroy();
    this.res.destroy();
    this.done(err);
  }

  private complete(): void {
    if (this.finished) return;
    this.finished = true;
    this.done(null, Buffer.concat(this.chunks));
  }

  private pushDecoded(chunk: Buffer): void {
    if (this.finished) return;
    this.decodedBytes += chunk.length;
    // Checked per chunk while streaming: the decompressor is destroyed the moment the decoded
    // size passes the cap, however small the compressed input was.
    if (this.decodedBytes > this.caps.maxBytes) this.stop(this.caps.decodedTooLarge());
    else this.chunks.push(chunk);
  }

  private startDecoder(firstByte: number | undefined): void {
    this.decoderReady = true;
    const decoder = createDecoder(this.caps.encoding, firstByte);
    this.decoder = decoder;
    if (!decoder) return;
    decoder.on('data', (chunk: Buffer) => this.pushDecoded(chunk));
    decoder.on('end', () => this.complete());
    decoder.on('error', (err: Error) =>
      this.stop(
        new FetchError(
          'bad_encoding',
          this.where,
          `could not decompress ${this.caps.encoding} body: ${err.message}`,
          { cause: err },
        ),
      ),
    );
  }

  private onWireData(chunk: Buffer): void {
    if (this.finished) return;
    this.wireBytes += chunk.length;
    if (this.wireBytes > this.caps.wireCap) {
      this.stop(this.caps.wireTooLarge());
      return;
    }
    if (!this.decoderReady) this.startDecoder(chunk[0]);
    const decoder = this.decoder;
    if (!decoder) this.pushDecoded(chunk);
    else if (!decoder.write(chunk)) {
      // Read no faster than we inflate, so the decoded-size check runs before more of a bomb
      // is even received.
      this.res.pause();
      decoder.once('drain', () => this.res.resume());
    }
  }

  private onWireEnd(): void {
    if (this.finished) return;
    // An empty body is empty whatever Content-Encoding claims (204s, sloppy servers); a
    // decompressor fed nothing would report "unexpected end of file".
    if (this.wireBytes === 0) {
      this.complete();
      return;
    }
    if (!this.decoderReady) this.startDecoder(undefined);
    if (this.decoder) this.decoder.end();
    else this.complete();
  }
}

/**
 * Read `res`'s body, decoding its Content-Encoding, within `limits`. Calls `done` exactly once;
 * on a refusal the response is destroyed, so the rest of the body is never read.
 */
export function readBody(
  res: IncomingMessage,
  headers: Record<string, string>,
  limits: BodyLimits,
  done: BodyDone,
): void {
  const encoding = (headers['content-encoding'] ?? '').trim().toLowerCase();
  const caps = new BodyCaps(encoding, limits);
  const refusal = refuseFromHeaders(headers, caps, limits.where);
  if (refusal) {
    res.destroy();
    done(refusal);
    return;
  }
  new CappedBody(res, caps, limits.where, done).start();
}
