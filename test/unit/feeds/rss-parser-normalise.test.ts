import Parser from 'rss-parser';
import { describe, expect, it } from 'vitest';
import { FeedParseError } from '../../../shared/domain/errors.ts';
import { parseFeed } from '../../../shared/feeds/parse-feed.ts';
import { WITHHELD_PREFIX } from '../../../shared/feeds/rss-parser-normalise.ts';
import { snippetWorkTooHigh } from '../../../shared/feeds/snippet-work.ts';
import { repairFeedXml } from '../../../shared/feeds/xml-repair.ts';

// rss-parser 3.13's public parseString crashes or stalls on shapes real and hostile feeds have.
// Each case shows rss-parser failing on the raw document, then rss-parser succeeding on the same
// document once the repair pass normalised it, and parseFeed reading it.

const NOW = new Date('2026-11-21T12:00:00Z');
const ATOM = 'xmlns="http://www.w3.org/2005/Atom"';

/** What raw rss-parser (default options) makes of `xml`: its result, or the error it throws. */
async function rawRssParser(
  xml: string,
): Promise<{ feed?: Parser.Output<unknown>; error?: Error }> {
  try {
    return { feed: await new Parser().parseString(xml) };
  } catch (error) {
    return { error: error as Error };
  }
}

const normalised = (xml: string) => repairFeedXml(xml, undefined).xml;
const parse = (xml: string) => parseFeed(Buffer.from(xml), { maxItems: 10, now: NOW });

describe('rss-parser failure modes, handled by normalising before it parses', () => {
  it('an Atom <link> written as text: TypeError in rss-parser; becomes an href', async () => {
    const xml = `<feed ${ATOM}><entry><id>i</id><link>https://x.example/a</link></entry></feed>`;
    const raw = await rawRssParser(xml);
    expect(raw.error).toBeInstanceOf(TypeError);

    const after = await rawRssParser(normalised(xml));
    expect(after.error).toBeUndefined();
    expect(after.feed?.items[0]?.link).toBe('https://x.example/a');
    expect((await parse(xml)).items[0]?.link).toBe('https://x.example/a');
  });

  it('an empty Atom <link/> among others: TypeError in rss-parser; skipped', async () => {
    const xml = `<feed ${ATOM}><link/><entry><id>i</id><link/><link href="https://x.example/b"/></entry></feed>`;
    expect((await rawRssParser(xml)).error).toBeInstanceOf(TypeError);
    expect((await rawRssParser(normalised(xml))).error).toBeUndefined();
    const feed = await parse(xml);
    expect(feed.link).toBeNull();
    expect(feed.items[0]?.link).toBe('https://x.example/b');
  });

  it('one bad Atom date: RangeError for the whole feed in rss-parser; read as no date', async () => {
    const xml =
      `<feed ${ATOM}><entry><id>a</id><published>not a date</published></entry>` +
      '<entry><id>b</id><published>   </published><updated>2026-11-20T10:00:00Z</updated></entry>' +
      '<entry><id>c</id><published>Fri, 20 Nov 2026 09:00:00 EEST</published></entry></feed>';
    const raw = await rawRssParser(xml);
    expect(raw.error).toBeInstanceOf(RangeError);
    expect(raw.error?.message).toBe('Invalid time value');

    const after = await rawRssParser(normalised(xml));
    expect(after.error).toBeUndefined();
    // The dates rss-parser now reads are strikewatch's own reading of them.
    expect(after.feed?.items.map((i) => i.isoDate)).toEqual([
      undefined,
      '2026-11-20T10:00:00.000Z',
      '2026-11-20T06:00:00.000Z',
    ]);
    expect((await parse(xml)).items.map((i) => i.publishedAt)).toEqual([
      null,
      '2026-11-20T10:00:00.000Z',
      '2026-11-20T06:00:00.000Z',
    ]);
  });

  it('<rss> without a version: "not RSS 1 or 2" in rss-parser; read as RSS 2.0', async () => {
    const xml = '<rss><channel><title>T</title><item><guid>g</guid></item></channel></rss>';
    const raw = await rawRssParser(xml);
    expect(raw.error?.message).toBe('Feed not recognized as RSS 1 or 2.');

    expect(normalised(xml)).toMatch(/^<rss version="2\.0">/);
    expect((await rawRssParser(normalised(xml))).feed?.items).toHaveLength(1);
    expect((await parse(xml)).items.map((i) => i.guid)).toEqual(['g']);
  });

  it.each([
    ['<rss version="2.0"><item><guid>x</guid></item></rss>', []],
    ['<rss version="2.0">hello</rss>', []],
    ['<rss version="2.0"/>', []],
    ['<rdf:RDF/>', []],
    // RSS 1.0 items sit beside the channel, so they are still read.
    ['<rdf:RDF><item><title>x</title></item></rdf:RDF>', ['x']],
  ])('no <channel> in %s: rss-parser throws; read without one', async (xml, titles) => {
    // A TypeError on channel[0], or (for an empty <rdf:RDF/>, the empty string) "not recognized".
    expect((await rawRssParser(xml)).error).toBeInstanceOf(Error);
    expect((await rawRssParser(normalised(xml))).error).toBeUndefined();
    const feed = await parse(xml);
    expect(feed.title).toBeNull();
    expect(feed.items.map((i) => i.title)).toEqual(titles);
  });

  it('an Atom <entry> of bare text: String.prototype.link reached, TypeError; dropped', async () => {
    const xml = `<feed ${ATOM}><entry>text only</entry><entry/><entry><id>kept</id></entry></feed>`;
    expect((await rawRssParser(xml)).error).toBeInstanceOf(TypeError);
    expect((await rawRssParser(normalised(xml))).error).toBeUndefined();
    expect((await parse(xml)).items.map((i) => i.guid)).toEqual(['kept']);
  });

  it('an element named "_" (xml2js text key): xml2js throws; renamed', async () => {
    const xml = '<rss version="2.0"><channel><item><guid><_>x</_></guid></item></channel></rss>';
    expect((await rawRssParser(xml)).error).toBeInstanceOf(TypeError);
    expect((await rawRssParser(normalised(xml))).error).toBeUndefined();
    expect((await parse(xml)).items[0]?.guid).toBe('x');
  });

  it.each([20_000, 40_000])(
    'a description of %i "<p": quadratic snippet in rss-parser; withheld from it, read whole',
    async (n) => {
      const description = '<p'.repeat(n);
      // What rss-parser's snippet regexes would do with it (snippet-work.test.ts checks the replay
      // against rss-parser itself): far beyond linear work.
      expect(snippetWorkTooHigh(description)).toBe(true);

      for (const xml of [
        `<rss version="2.0"><channel><item><guid>g</guid><description>${description.replaceAll('<', '&lt;')}</description></item></channel></rss>`,
        `<rss version="2.0"><channel><item><guid>g</guid><content:encoded><![CDATA[${description}]]></content:encoded></item></channel></rss>`,
        `<feed ${ATOM}><entry><id>g</id><content type="html"><![CDATA[${description}]]></content></entry></feed>`,
      ]) {
        const repaired = normalised(xml);
        // rss-parser is given nothing to snippet: the element is under another name ...
        expect(repaired).toContain(`<${WITHHELD_PREFIX}`);
        expect(repaired).not.toMatch(/<(description|content:encoded|content)[\s>]/);
        // ... and strikewatch reads it whole.
        const feed = await parse(xml);
        expect(feed.items[0]?.content).toBe(description);
      }
    },
  );

  it('leaves descriptions of ordinary HTML to rss-parser', async () => {
    const html = '<p>Air strikes killed <b>17</b> civilians,<br/>\nthe monitor said.</p>\n'.repeat(
      500,
    );
    expect(snippetWorkTooHigh(html)).toBe(false);
    const xml = `<rss version="2.0"><channel><item><guid>g</guid><description><![CDATA[${html}]]></description></item></channel></rss>`;
    expect(normalised(xml)).not.toContain(WITHHELD_PREFIX);
    const after = await rawRssParser(normalised(xml));
    expect(after.feed?.items[0]?.contentSnippet).toMatch(/^Air strikes killed 17 civilians,/);
    expect((await parse(xml)).items[0]?.content).toBe(html.trim());
  });
});

describe('normalisation keeps what matters', () => {
  it('keeps the line numbers of parse errors after a date it rewrote', async () => {
    const xml = [
      `<feed ${ATOM}>`,
      '<entry><id>a</id><published>',
      '  2026-11-20T10:00:00Z',
      '</published></entry>',
      '<entry><id>b</id></entri>',
      '</feed>',
    ].join('\n');
    const err = await parse(xml).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(FeedParseError);
    expect((err as Error).message).toMatch(/Unexpected close tag \(line 5, /);
  });

  it("keeps a text link's text beside the href it gives it", async () => {
    const xml = `<feed ${ATOM}><entry><id>i</id><link rel="self" href="https://x.example/self"/><link>https://x.example/text</link></entry></feed>`;
    expect(normalised(xml)).toContain(
      '<link href="https://x.example/text">https://x.example/text</link>',
    );
    expect((await parse(xml)).items[0]?.link).toBe('https://x.example/text');
  });
});
