import { describe, expect, it } from 'vitest';
import { FeedParseError } from '../../../shared/domain/errors.ts';
import { parseFeedDate } from '../../../shared/feeds/feed-dates.ts';
import { parseFeed } from '../../../shared/feeds/parse-feed.ts';
import { MAX_NESTING_DEPTH } from '../../../shared/feeds/xml-repair.ts';
import { htmlToText } from '../../../shared/feeds/xml-text.ts';

// Behaviour not covered by the golden fixtures: options, limits and edge cases.

const NOW = new Date('2026-11-21T12:00:00Z');

function rss(items: string, channelExtra = ''): Buffer {
  return Buffer.from(
    `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>${channelExtra}${items}</channel></rss>`,
  );
}

async function parseError(body: Buffer, contentType?: string): Promise<FeedParseError> {
  const err = await parseFeed(body, { maxItems: 10, contentType, now: NOW }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(FeedParseError);
  return err as FeedParseError;
}

describe('parseFeed', () => {
  it('caps items and reports how many were dropped', async () => {
    const items = Array.from({ length: 7 }, (_, i) => `<item><guid>g${i}</guid></item>`).join('');
    const feed = await parseFeed(rss(items), { maxItems: 5, now: NOW });
    expect(feed.items.map((i) => i.guid)).toEqual(['g0', 'g1', 'g2', 'g3', 'g4']);
    expect(feed.truncated).toBe(2);
    const none = await parseFeed(rss(items), { maxItems: 0, now: NOW });
    expect(none.items).toEqual([]);
    expect(none.truncated).toBe(7);
  });

  it('resolves relative links against baseUrl, else the feed link', async () => {
    const body = rss('<item><link>/a/1</link></item>', '<link>https://site.example/news/</link>');
    const viaFeed = await parseFeed(body, { maxItems: 5, now: NOW });
    expect(viaFeed.items[0]?.link).toBe('https://site.example/a/1');
    const viaBase = await parseFeed(body, {
      maxItems: 5,
      now: NOW,
      baseUrl: 'https://cdn.example/feeds/x.xml',
    });
    expect(viaBase.items[0]?.link).toBe('https://cdn.example/a/1');
  });

  it('accepts an RSS feed served as text/html', async () => {
    const feed = await parseFeed(rss('<item><guid>x</guid></item>'), {
      maxItems: 5,
      contentType: 'text/html; charset=utf-8',
      now: NOW,
    });
    expect(feed.items).toHaveLength(1);
  });

  it('refuses HTML pages with the hint to look for the alternate link', async () => {
    for (const page of [
      '<html><body>hi</body></html>',
      '<!doctype html><p>hi',
      '\n\n  <HTML><HEAD><TITLE>x</TITLE></HEAD></HTML>',
    ]) {
      const err = await parseError(Buffer.from(page));
      expect(err.message).toContain('HTML page, not a feed');
      expect(err.message).toContain('<link rel=alternate type=application/rss+xml>');
    }
    const textOnly = await parseError(Buffer.from('Service unavailable'), 'text/html');
    expect(textOnly.message).toContain('HTML page');
  });

  it('refuses documents nested deeper than the limit', async () => {
    const depth = MAX_NESTING_DEPTH + 5;
    const deep = `${'<x>'.repeat(depth)}${'</x>'.repeat(depth)}`;
    const err = await parseError(rss(`<item><description>${deep}</description></item>`));
    expect(err.message).toContain('nests elements more than');
  });

  it('does not count markup inside CDATA or comments as elements', async () => {
    const deep = '<x>'.repeat(500);
    const feed = await parseFeed(
      rss(
        `<item><guid>c</guid><description><![CDATA[${deep}]]></description><!-- ${deep} --></item>`,
      ),
      { maxItems: 5, now: NOW },
    );
    expect(feed.items[0]?.content).toBe(deep);
  });

  it('refuses DOCTYPE entity declarations but accepts a plain DOCTYPE', async () => {
    const ok = await parseFeed(
      Buffer.from(
        '<!DOCTYPE rss SYSTEM "http://my.netscape.com/rss-0.91.dtd"><rss version="0.91"><channel><title>N</title></channel></rss>',
      ),
      { maxItems: 5, now: NOW },
    );
    expect(ok.title).toBe('N');
    const err = await parseError(
      Buffer.from(
        '<!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]><rss><channel><title>&x;</title></channel></rss>',
      ),
    );
    expect(err.message).toContain('declares XML entities');
  });

  it('turns HTML entities into characters and stray ampersands into text', async () => {
    const feed = await parseFeed(
      rss('<item><title>A &amp; B &ndash; C & D &nope; &#x41;</title></item>'),
      { maxItems: 5, now: NOW },
    );
    expect(feed.items[0]?.title).toBe('A & B – C & D &nope; A');
  });

  it('keeps only http(s) item links', async () => {
    const feed = await parseFeed(
      rss(
        [
          '<item><guid>1</guid><link>javascript:alert(1)</link></item>',
          '<item><guid>2</guid><link>data:text/html,hi</link></item>',
          '<item><guid>3</guid><link>relative/without/base</link></item>',
          '<item><guid>4</guid><link> HTTPS://Example.COM/a b </link></item>',
        ].join(''),
      ),
      { maxItems: 5, now: NOW },
    );
    expect(feed.items.map((i) => i.link)).toEqual([null, null, null, 'https://example.com/a%20b']);
  });

  it('names JSON and still-compressed bodies', async () => {
    expect(
      (await parseError(Buffer.from('{"version":"https://jsonfeed.org/version/1.1"}'))).message,
    ).toContain('JSON');
    const gz = Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x00]);
    expect((await parseError(gz)).message).toContain('gzip-compressed');
  });

  it('drops a misplaced XML declaration instead of failing on it', async () => {
    const afterComment = Buffer.from(
      `<!-- generated -->${rss('<item><guid>1</guid></item>').toString()}`,
    );
    expect((await parseFeed(afterComment, { maxItems: 5, now: NOW })).items).toHaveLength(1);
    // Whatever follows the root element (a second feed, a PHP warning) is ignored.
    const glued = Buffer.from(
      `${rss('<item><guid>1</guid></item>').toString()}\n<?xml version="1.0"?><rss><channel/></rss>`,
    );
    expect((await parseFeed(glued, { maxItems: 5, now: NOW })).items).toHaveLength(1);
  });

  it('does not cut a feed at an <?xml-stylesheet?> that follows its root', async () => {
    const body = Buffer.from(
      '<rss version="2.0"><channel><title>S</title><?xml-stylesheet href="x"?></channel></rss>',
    );
    expect((await parseFeed(body, { maxItems: 5, now: NOW })).title).toBe('S');
  });

  it('gives a readable error for structure it cannot read', async () => {
    const err = await parseError(Buffer.from('<rss version="2.0"><channel><title>x</title>'));
    expect(err.message).toMatch(/^the feed is not well-formed XML: /);
    expect(err.message).not.toContain('\n');
  });

  it('reads an RSS feed whose channel has no items', async () => {
    const feed = await parseFeed(rss(''), { maxItems: 5, now: NOW });
    expect(feed).toEqual({ title: 'T', link: null, items: [], truncated: 0 });
  });

  it('reads an <rss> without a <channel> as an empty feed', async () => {
    const feed = await parseFeed(Buffer.from('<rss version="2.0"></rss>'), { maxItems: 5 });
    expect(feed.items).toEqual([]);
  });

  it.each(['<feed/>', '<feed></feed>', '<rdf:RDF/>', '<rss/>'])(
    'reads the empty document %s as a feed with no items',
    async (xml) => {
      const feed = await parseFeed(Buffer.from(xml), { maxItems: 5, now: NOW });
      expect(feed).toEqual({ title: null, link: null, items: [], truncated: 0 });
    },
  );

  it('reads Atom links written as text, and skips links without an address', async () => {
    const feed = await parseFeed(
      Buffer.from(
        '<feed><entry><link/><link>https://x.example/a</link><link href=""/><id>i</id></entry></feed>',
      ),
      { maxItems: 5, now: NOW },
    );
    expect(feed.items[0]?.link).toBe('https://x.example/a');
  });

  it('reads a bad Atom date as no date, not as a broken feed', async () => {
    const feed = await parseFeed(
      Buffer.from(
        '<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>i</id><published>not a date</published><updated>2026-11-20T10:00:00Z</updated></entry></feed>',
      ),
      { maxItems: 5, now: NOW },
    );
    expect(feed.items[0]?.publishedAt).toBe('2026-11-20T10:00:00.000Z');
  });

  it('takes a Media RSS description when the item has no text of its own', async () => {
    const media = 'xmlns:media="http://search.yahoo.com/mrss/"';
    const body = Buffer.from(
      `<rss version="2.0" ${media}><channel><title>M</title>` +
        '<item><guid>a</guid><media:description>On the item.</media:description></item>' +
        '<item><guid>b</guid><media:content url="https://v.example/b.mp4"><media:description type="html">&lt;p&gt;In media:content.&lt;/p&gt;</media:description></media:content></item>' +
        '<item><guid>c</guid><media:group><media:content url="https://v.example/c.mp4"><media:description>In the group’s content.</media:description></media:content></media:group></item>' +
        '<item><guid>d</guid><description>Own text.</description><media:description>Not this.</media:description></item>' +
        '<item><guid>e</guid><media:group><media:description>  </media:description></media:group></item>' +
        '</channel></rss>',
    );
    const feed = await parseFeed(body, { maxItems: 10, now: NOW });
    expect(feed.items.map((i) => i.content)).toEqual([
      'On the item.',
      '<p>In media:content.</p>',
      'In the group’s content.',
      'Own text.',
      null,
    ]);
  });

  it('takes feedburner:origLink over the redirector link, in Atom feeds too', async () => {
    const body = Buffer.from(
      '<feed xmlns="http://www.w3.org/2005/Atom" xmlns:feedburner="http://rssnamespace.org/feedburner/ext/1.0">' +
        '<entry><id>x</id><link rel="alternate" href="http://feeds.feedburner.example/~r/cnn/~3/abc/story"/>' +
        '<feedburner:origLink>https://edition.cnn.example/2026/11/20/middleeast/syria-strike/index.html</feedburner:origLink></entry>' +
        '<entry><id>y</id><link rel="alternate" href="https://edition.cnn.example/own"/><feedburner:origLink/></entry>' +
        '</feed>',
    );
    const feed = await parseFeed(body, { maxItems: 10, now: NOW });
    expect(feed.items.map((i) => i.link)).toEqual([
      'https://edition.cnn.example/2026/11/20/middleeast/syria-strike/index.html',
      'https://edition.cnn.example/own',
    ]);
  });

  it('is not confused by attributes named like prototype properties', async () => {
    const feed = await parseFeed(
      rss('<item __proto__="x" constructor="y"><__proto__>p</__proto__><guid>z</guid></item>'),
      { maxItems: 5, now: NOW },
    );
    expect(feed.items[0]?.guid).toBe('z');
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});

describe('parseFeedDate', () => {
  it.each([
    ['Sat, 21 Nov 2026 10:00:00 GMT', '2026-11-21T10:00:00.000Z'],
    ['Sat, 21 Nov 2026 10:00:00 +0300', '2026-11-21T07:00:00.000Z'],
    ['21 Nov 2026 10:00 EST', '2026-11-21T15:00:00.000Z'],
    ['2026-11-21T10:00:00+02:00', '2026-11-21T08:00:00.000Z'],
    ['2026-11-21T10:00:00.123Z', '2026-11-21T10:00:00.123Z'],
    ['2026-11-21 10:00', '2026-11-21T10:00:00.000Z'],
    ['Sat, 21 Nov 2026 10:00:00 MSK', '2026-11-21T07:00:00.000Z'],
  ])('%s', (raw, iso) => {
    const t = parseFeedDate(raw);
    expect(t === null ? null : new Date(t).toISOString()).toBe(iso);
  });

  it.each(['', '2', 'yesterday', '32/13/2026 99:99', 'x'.repeat(200)])('rejects %j', (raw) => {
    expect(parseFeedDate(raw)).toBeNull();
  });
});

describe('htmlToText', () => {
  it('strips tags and decodes entities', () => {
    expect(htmlToText(' <b>Strike</b> &amp; <i>aftermath</i>&nbsp;&#8212; ')).toBe(
      // whitespace, no-break spaces included, collapses to one space
      'Strike & aftermath \u2014',
    );
  });

  it('is linear on a long run of "<"', () => {
    const t0 = Date.now();
    htmlToText('<'.repeat(200_000));
    // linear takes milliseconds; a backtracking regex would take minutes
    expect(Date.now() - t0).toBeLessThan(2000);
  });
});
