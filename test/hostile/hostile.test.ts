import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { createHttpClient } from '../../shared/adapters/http/http-client.ts';
import type { ParsedFeed } from '../../shared/domain/article.ts';
import { FeedParseError, FetchError } from '../../shared/domain/errors.ts';
import { decodeBody } from '../../shared/feeds/decode.ts';
import { parseFeed } from '../../shared/feeds/parse-feed.ts';
import { fakeResolver, startServer, testSettings } from '../unit/adapters/http/loopback-server.ts';
import { feedCorpus } from './feed-corpus.ts';
import {
  type Expected,
  hostileNames,
  httpCorpus,
  internalRedirectTargets,
  startRawServer,
} from './http-corpus.ts';

// Hostile inputs through parseFeed, decodeBody and the HTTP client. Every input must be parsed or
// refused with the project's own error (FeedParseError / FetchError) within a time limit; anything
// else (another exception, a hang, a malformed result) counts as a crash and fails its test. A
// fast-check fuzz run with a fixed seed follows. One summary line is printed at the end:
//   hostile: N inputs tried, R refused or recorded as errors, 0 crashes

const tally = { tried: 0, refused: 0, crashes: 0 };
afterAll(() => {
  console.log(
    `hostile: ${tally.tried} inputs tried, ${tally.refused} refused or recorded as errors, ${tally.crashes} crashes`,
  );
});

const NOW = new Date('2026-11-21T12:00:00Z');
const HANG = Symbol('hang');

/** Settle `p` within `ms`, classifying the outcome and counting it. */
async function settle<T>(
  p: Promise<T>,
  ms: number,
  expectedError: new (...args: never[]) => Error,
): Promise<{ value?: T; error?: Error }> {
  tally.tried++;
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<typeof HANG>((r) => {
    timer = setTimeout(() => r(HANG), ms);
  });
  try {
    const v = await Promise.race([p, hang]);
    if (v === HANG) {
      tally.crashes++;
      throw new Error(`no answer within ${ms} ms`);
    }
    return { value: v as T };
  } catch (err) {
    if (err instanceof expectedError) {
      tally.refused++;
      return { error: err };
    }
    if (!(err instanceof Error && err.message.startsWith('no answer'))) tally.crashes++;
    throw err;
  } finally {
    clearTimeout(timer);
  }
}

function checkShape(feed: ParsedFeed, maxItems: number): void {
  const okString = (v: unknown) => v === null || typeof v === 'string';
  expect(okString(feed.title) && okString(feed.link)).toBe(true);
  expect(Number.isInteger(feed.truncated) && feed.truncated >= 0).toBe(true);
  expect(feed.items.length).toBeLessThanOrEqual(maxItems);
  const guids = new Set<string>();
  for (const i of feed.items) {
    for (const k of ['guid', 'link', 'title', 'publishedAt', 'content'] as const) {
      expect(okString(i[k])).toBe(true);
    }
    if (i.link !== null) expect(i.link).toMatch(/^https?:\/\//);
    if (i.publishedAt !== null) {
      const t = Date.parse(i.publishedAt);
      expect(t).toBeGreaterThanOrEqual(Date.UTC(1990, 0, 1));
      expect(t).toBeLessThanOrEqual(NOW.getTime() + 2 * 86_400_000);
    }
    if (i.guid !== null) {
      expect(guids.has(i.guid)).toBe(false);
      guids.add(i.guid);
    }
  }
}

async function tryFeed(body: Buffer, contentType?: string, maxItems = 100) {
  const r = await settle(
    parseFeed(body, { contentType, maxItems, now: NOW }),
    5_000,
    FeedParseError,
  );
  if (r.value) checkShape(r.value, maxItems);
  return r;
}

describe('hostile feeds', () => {
  it.each(feedCorpus.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const r = await tryFeed(c.body, c.contentType);
    if (c.outcome === 'parse') expect(r.error).toBeUndefined();
    if (c.outcome === 'refuse') expect(r.error).toBeInstanceOf(FeedParseError);
    if (c.message) expect(r.error?.message).toContain(c.message);
    // Refusals are for operators: one line, no raw stack or parser dump.
    if (r.error) expect(r.error.message).not.toContain('\n');
  });

  it('prototype names do not pollute Object.prototype', () => {
    expect(Object.hasOwn(Object.prototype, 'polluted')).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('hostile pages through decodeBody', () => {
  const pages: Array<[string, Buffer, string | undefined]> = [
    ['meta charset utf-7', Buffer.from('<meta charset="utf-7">+ADw-script+AD4-'), undefined],
    ['meta charset utf-16 in ASCII', Buffer.from('<meta charset="utf-16"><p>hi</p>'), undefined],
    ['x-user-defined', Buffer.from('<meta charset="x-user-defined">\x80'), undefined],
    ['meta inside a comment', Buffer.from('<!-- <meta charset="koi8-r"> --><p>x</p>'), undefined],
    ['unterminated meta', Buffer.from(`<meta charset="${'a'.repeat(100_000)}`), undefined],
    ['5 MB without any meta', Buffer.alloc(5 * 1024 * 1024, 0x61), 'text/html'],
    ['only a BOM', Buffer.from([0xef, 0xbb, 0xbf]), undefined],
    ['UTF-16 BOM and one byte', Buffer.from([0xfe, 0xff, 0x41]), undefined],
    ['every byte value', Buffer.from(Array.from({ length: 256 }, (_, i) => i)), 'text/html'],
    ['header charset with injection', Buffer.from('x'), 'text/html; charset="utf-8\r\nX: y"'],
    ['1 KB charset name', Buffer.from('x'), `text/html; charset=${'z'.repeat(1024)}`],
  ];
  it.each(pages)('%s', async (_name, body, contentType) => {
    tally.tried++;
    const t0 = Date.now();
    const text = decodeBody(body, { kind: 'html', contentType });
    expect(typeof text).toBe('string');
    expect(Date.now() - t0).toBeLessThan(2_000);
  });
});

describe('hostile servers', () => {
  const { resolve } = fakeResolver(hostileNames);
  /**
   * A client for the test server on `port`, by address and by the two names allowed for it; with
   * no port, those hosts are allowed as bare entries (ports 80 and 443 only).
   */
  const clientFor = (port?: number) => {
    const settings = testSettings({
      timeoutMs: 400,
      connectTimeoutMs: 400,
      retries: 1,
      maxRedirects: 4,
      maxPageBytes: 512 * 1024,
      allowPrivateHosts: ['127.0.0.1', 'a.allowed.test', 'b.allowed.test'].map((h) =>
        port === undefined ? h : `${h}:${port}`,
      ),
    });
    return createHttpClient(settings, { resolve, sleep: async () => {}, random: () => 0 });
  };

  function check(expected: Expected, r: { value?: unknown; error?: Error }) {
    const allowed = Array.isArray(expected) ? expected : [expected];
    const got = r.error ? (r.error as FetchError).code : 'ok';
    expect(allowed).toContain(got);
  }

  it.each(httpCorpus.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const server =
      c.kind === 'raw'
        ? await startRawServer(c.respond)
        : await startServer((req, res) => c.handler(req, res));
    try {
      const r = await settle(
        clientFor(server.port).get({ url: `http://127.0.0.1:${server.port}/hostile` }),
        3_000,
        FetchError,
      );
      check(c.expected, r);
    } finally {
      await server.close();
    }
  });

  it.each(internalRedirectTargets)('redirect to %s is refused', async (location, code) => {
    const server = await startServer((_req, res) => {
      res.writeHead(302, { location });
      res.end();
    });
    try {
      const r = await settle(
        clientFor(server.port).get({ url: server.url('/go') }),
        3_000,
        FetchError,
      );
      check(code, r);
      // Only the test server on 127.0.0.1 was contacted, and unless the target looped back to
      // it, only for the first hop.
      if ((r.error as FetchError | undefined)?.code !== 'too_many_redirects') {
        expect(server.hits).toHaveLength(1);
      }
    } finally {
      await server.close();
    }
  });

  it.each(internalRedirectTargets)('direct request to %s is refused', async (url, code) => {
    const r = await settle(clientFor().get({ url }), 3_000, FetchError);
    if (url.startsWith('//') || url.startsWith('\\') || url.startsWith('http:/1')) {
      // not absolute on its own
      expect(r.error).toBeInstanceOf(FetchError);
    } else check(code, r);
  });
});

describe('fuzz (fast-check, fixed seed)', () => {
  const TOKENS = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<?xml version="1.0" encoding="windows-1256"?>',
    '<rss>',
    '<rss version="2.0">',
    '<rss version="0.91">',
    '</rss>',
    '<channel>',
    '</channel>',
    '<item>',
    '</item>',
    '<title>',
    '</title>',
    '<title type="html">',
    '<link>',
    '</link>',
    '<link href="https://x.example/a"/>',
    '<link rel="self" href="/s"/>',
    '<guid>',
    '</guid>',
    '<pubDate>',
    '</pubDate>',
    'Sat, 21 Nov 2026 10:00:00 GMT',
    '2099-01-01T00:00:00Z',
    '<description>',
    '</description>',
    '<content:encoded>',
    '</content:encoded>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    '</feed>',
    '<entry>',
    '</entry>',
    '<id>',
    '</id>',
    '<content type="xhtml">',
    '</content>',
    '<div>',
    '</div>',
    '<rdf:RDF>',
    '</rdf:RDF>',
    '<![CDATA[',
    ']]>',
    '<!--',
    '-->',
    '<!DOCTYPE rss>',
    '<!DOCTYPE html>',
    '<!ENTITY x "y">',
    '<html>',
    '&',
    '&amp;',
    '&nbsp;',
    '&#0;',
    '&#x1F4A3;',
    '&lol;',
    '<',
    '>',
    '"',
    "'",
    '/>',
    '\u0000',
    '\uFEFF',
    '\uD800',
    'https://news.example/a',
    'javascript:alert(1)',
    ' ',
    '\n',
    'غارة',
  ];
  const token = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...TOKENS) },
    { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 3 }) },
  );

  it('parseFeed on token soup: parses or refuses, never crashes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(token, { maxLength: 80 }),
        fc.constantFrom(undefined, 'text/xml', 'text/html', 'text/xml; charset=windows-1251'),
        async (tokens, contentType) => {
          await tryFeed(Buffer.from(tokens.join('')), contentType, 20);
        },
      ),
      { seed: 42, numRuns: 10_000 },
    );
  });

  const DIR = fileURLToPath(new URL('../fixtures/feeds/', import.meta.url));
  const fixtures = readdirSync(DIR)
    .filter((f) => f.endsWith('.xml'))
    .sort()
    .map((f) => readFileSync(`${DIR}${f}`))
    .filter((b) => b.length > 0);

  it('parseFeed on mutated golden fixtures: parses or refuses, never crashes', async () => {
    const edit = fc.tuple(
      fc.constantFrom('set', 'insert', 'delete'),
      fc.nat(),
      fc.nat({ max: 255 }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: fixtures.length - 1 }),
        fc.array(edit, { minLength: 1, maxLength: 12 }),
        async (which, edits) => {
          const bytes = [...(fixtures[which] ?? Buffer.alloc(0))];
          for (const [op, pos, value] of edits) {
            const at = bytes.length === 0 ? 0 : pos % bytes.length;
            if (op === 'set') bytes[at] = value;
            else if (op === 'insert') bytes.splice(at, 0, value);
            else bytes.splice(at, 1);
          }
          await tryFeed(Buffer.from(bytes));
        },
      ),
      { seed: 42, numRuns: 2_000 },
    );
  });

  it('decodeBody on random bytes and headers never throws', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 400 }),
        fc.option(fc.string({ maxLength: 40 }), { nil: undefined }),
        fc.constantFrom('xml' as const, 'html' as const),
        fc.constantFrom('', '<?xml version="1.0" encoding="', '<meta charset="', '\uFEFF'),
        (bytes, contentType, kind, prefix) => {
          tally.tried++;
          const text = decodeBody(Buffer.concat([Buffer.from(prefix), bytes]), {
            kind,
            contentType,
          });
          return typeof text === 'string';
        },
      ),
      { seed: 42, numRuns: 2_000 },
    );
  });
});
