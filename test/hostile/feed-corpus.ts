import zlib from 'node:zlib';
import iconv from 'iconv-lite';

// Hostile and broken feed bodies, written for these tests (no third-party corpus is vendored).
// Each must be parsed or refused with a FeedParseError, quickly; `outcome` pins the ones whose
// answer matters (an entity bomb must be refused, a sloppy-but-readable feed must parse).

export interface FeedCase {
  name: string;
  body: Buffer;
  contentType?: string;
  outcome: 'parse' | 'refuse' | 'either';
  /** Substring the refusal message must contain. */
  message?: string;
}

const b = (s: string) => Buffer.from(s, 'utf8');
const rss = (inner: string, channelHead = '<title>t</title>') =>
  `<?xml version="1.0"?><rss version="2.0"><channel>${channelHead}${inner}</channel></rss>`;
const item = (inner: string) => rss(`<item>${inner}</item>`);
const MB = 1024 * 1024;

export const feedCorpus: FeedCase[] = [
  // --- XML entity attacks: never expanded; DTD entity declarations are refused outright.
  {
    name: 'billion laughs',
    outcome: 'refuse',
    message: 'declares XML entities',
    body: b(`<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
 ${Array.from({ length: 9 }, (_, i) => `<!ENTITY ${'b'.repeat(i + 1)} "${`&${i === 0 ? 'a' : 'b'.repeat(i)};`.repeat(10)}">`).join('\n ')}
]>
<rss version="2.0"><channel><title>&bbbbbbbbb;</title></channel></rss>`),
  },
  {
    name: 'external entity (XXE) to /etc/passwd',
    outcome: 'refuse',
    message: 'declares XML entities',
    body: b(
      '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><rss version="2.0"><channel><title>&xxe;</title></channel></rss>',
    ),
  },
  {
    name: 'parameter entity fetching a remote DTD',
    outcome: 'refuse',
    body: b(
      '<!DOCTYPE rss [<!ENTITY % remote SYSTEM "http://169.254.169.254/latest/meta-data/"> %remote;]><rss version="2.0"><channel/></rss>',
    ),
  },
  {
    name: 'external DTD reference only',
    outcome: 'parse',
    body: b(
      `<!DOCTYPE rss SYSTEM "http://127.0.0.2/evil.dtd">${rss('<item><guid>1</guid></item>')}`,
    ),
  },
  {
    name: 'entity reference without declaration',
    outcome: 'parse',
    body: b(item('<title>&undefined; &lol9;</title>')),
  },
  {
    name: 'DOCTYPE internal subset with ATTLIST only',
    outcome: 'parse',
    body: b(`<!DOCTYPE rss [<!ATTLIST item id ID #IMPLIED>]>${rss('<item><guid>1</guid></item>')}`),
  },
  {
    name: 'unterminated DOCTYPE',
    outcome: 'refuse',
    body: b(`<!DOCTYPE rss [${'['.repeat(100_000)}`),
  },

  // --- size and shape
  {
    name: 'nesting 100 000 deep',
    outcome: 'refuse',
    message: 'nests elements',
    body: b(item(`${'<div>'.repeat(100_000)}${'</div>'.repeat(100_000)}`)),
  },
  {
    name: 'unclosed nesting 1 000 000 deep',
    outcome: 'refuse',
    body: b(`<rss version="2.0">${'<a>'.repeat(1_000_000)}`),
  },
  {
    name: '300 000 sibling elements',
    outcome: 'refuse',
    message: 'XML elements',
    body: b(rss('<b/>'.repeat(300_000))),
  },
  {
    name: '60 000 items (cap applies)',
    outcome: 'parse',
    body: b(
      rss(Array.from({ length: 60_000 }, (_, i) => `<item><guid>${i}</guid></item>`).join('')),
    ),
  },
  {
    name: '2 MB text node',
    outcome: 'parse',
    body: b(item(`<description>${'x'.repeat(2 * MB)}</description>`)),
  },
  {
    name: '1 MB attribute value',
    outcome: 'either',
    body: b(item(`<link href="${'a'.repeat(MB)}"/>`)),
  },
  {
    name: '50 000 attributes on one element',
    outcome: 'either',
    body: b(
      rss(
        `<item ${Array.from({ length: 50_000 }, (_, i) => `a${i}="1"`).join(' ')}><guid>1</guid></item>`,
      ),
    ),
  },
  { name: 'duplicate attributes', outcome: 'either', body: b(item('<guid a="1" a="2">g</guid>')) },
  { name: '1 MB element name', outcome: 'either', body: b(rss(`<${'n'.repeat(MB)}/>`)) },
  {
    name: '10 000 guids in one item',
    outcome: 'parse',
    body: b(item('<guid>g</guid>'.repeat(10_000))),
  },

  // --- quadratic-time traps for naive regexes and scanners
  {
    name: '1 MB of "<"',
    outcome: 'either',
    body: b(item(`<description>${'<'.repeat(MB)}</description>`)),
  },
  {
    name: '1 MB of "&lt;" (escaped "<" reaching HTML handling)',
    outcome: 'parse',
    body: b(
      item(
        `<description>${'&lt;'.repeat(MB / 4)}</description><title type="html">${'&lt;'.repeat(MB / 4)}</title>`,
      ),
    ),
  },
  { name: '1 MB of "&"', outcome: 'parse', body: b(item(`<title>${'&'.repeat(MB)}</title>`)) },
  // rss-parser's snippet regexes backtrack over every description, content:encoded and Atom
  // content: such elements are withheld from it (still read whole by strikewatch)
  {
    name: '40 000 "<p" in a description',
    outcome: 'parse',
    body: b(item(`<description>${'&lt;p'.repeat(40_000)}</description>`)),
  },
  {
    name: '40 000 "<p" in content:encoded CDATA',
    outcome: 'parse',
    body: b(item(`<content:encoded><![CDATA[${'<p'.repeat(40_000)}]]></content:encoded>`)),
  },
  {
    name: '40 000 "<p" in Atom content',
    outcome: 'parse',
    body: b(
      `<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>a</id><content type="html">${'&lt;p'.repeat(40_000)}</content></entry></feed>`,
    ),
  },
  {
    name: '40 000 "x<br>" lines in a description',
    outcome: 'parse',
    body: b(item(`<description><![CDATA[${'x<br>\n'.repeat(40_000)}]]></description>`)),
  },
  {
    name: '10 000 "<p" in each of 100 descriptions',
    outcome: 'parse',
    body: b(
      rss(
        Array.from(
          { length: 100 },
          (_, i) =>
            `<item><guid>${i}</guid><description>${'&lt;p'.repeat(10_000)}</description></item>`,
        ).join(''),
      ),
    ),
  },
  {
    name: 'alternating quotes inside broken tags',
    outcome: 'either',
    body: b(item(`<title>${`<a '"`.repeat(200_000)}</title>`)),
  },
  {
    name: 'many unclosed Atom XHTML containers',
    outcome: 'either',
    body: b(
      `<feed xmlns="http://www.w3.org/2005/Atom">${'<entry><content type="xhtml">x'.repeat(30_000)}`,
    ),
  },
  {
    name: '500 000 unclosed comments',
    outcome: 'refuse',
    body: b(item(`<title>${'<!--'.repeat(500_000)}</title>`)),
  },
  {
    name: 'unclosed CDATA',
    outcome: 'refuse',
    body: b(item(`<title><![CDATA[${'x'.repeat(10_000)}</title>`)),
  },
  { name: 'CDATA terminator in text', outcome: 'either', body: b(item('<title>a ]]> b</title>')) },
  {
    name: 'processing instructions everywhere',
    outcome: 'either',
    body: b(item(`<title>${'<?pi x?>'.repeat(50_000)}</title>`)),
  },
  {
    name: 'unclosed processing instruction after the root',
    outcome: 'either',
    body: b(`${rss('')}<?php ${'x'.repeat(100_000)}`),
  },

  // --- prototype pollution through names
  {
    name: '__proto__ / constructor element and attribute names',
    outcome: 'parse',
    body: b(
      rss(
        '<item __proto__="p" constructor="c" hasOwnProperty="h"><__proto__><polluted>yes</polluted></__proto__><constructor><prototype>x</prototype></constructor><guid>g</guid></item>',
        '<title>t</title><__proto__>x</__proto__><hasOwnProperty>y</hasOwnProperty>',
      ),
    ),
  },
  {
    name: 'item is a text node with $ and _ lookalikes',
    outcome: 'parse',
    body: b(rss('<item>just text</item><item><_>u</_><guid><_>x</_></guid></item>')),
  },

  // --- wrong documents
  {
    name: 'HTML page',
    outcome: 'refuse',
    message: 'HTML page',
    body: b('<!doctype html><html><head><title>News</title></head><body></body></html>'),
  },
  {
    name: 'XHTML page with XML prolog',
    outcome: 'refuse',
    message: 'HTML page',
    body: b(
      '<?xml version="1.0" encoding="utf-8"?><!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd"><html xmlns="http://www.w3.org/1999/xhtml"><head><title>x</title></head></html>',
    ),
  },
  {
    name: 'HTML error page served as text/html',
    outcome: 'refuse',
    message: 'HTML page',
    contentType: 'text/html',
    body: b('502 Bad Gateway'),
  },
  {
    name: 'JSON Feed',
    outcome: 'refuse',
    message: 'JSON',
    body: b('{"version":"https://jsonfeed.org/version/1.1","items":[]}'),
  },
  {
    name: 'gzip bytes not decompressed',
    outcome: 'refuse',
    message: 'gzip',
    body: zlib.gzipSync(rss('')),
  },
  {
    name: 'PDF',
    outcome: 'refuse',
    body: b('%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj <<>> endobj'),
  },
  {
    name: 'OPML',
    outcome: 'refuse',
    message: 'root element is <opml>',
    body: b('<opml version="2.0"><body/></opml>'),
  },
  { name: 'upper-case <RSS>', outcome: 'refuse', body: b('<RSS version="2.0"><channel/></RSS>') },
  {
    name: 'prefixed RDF root',
    outcome: 'refuse',
    message: 'unsupported feed root',
    body: b('<r:RDF xmlns:r="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><item/></r:RDF>'),
  },
  { name: 'two feeds concatenated', outcome: 'either', body: b(`${rss('')}\n${rss('')}`) },
  {
    name: 'second prolog',
    outcome: 'either',
    body: b(`${rss('')}<?xml version="1.0"?>`),
  },
  { name: 'only a prolog', outcome: 'refuse', body: b('<?xml version="1.0"?>') },
  { name: 'only a comment', outcome: 'refuse', body: b('<!-- nothing here -->') },
  {
    name: 'rss without channel',
    outcome: 'parse',
    body: b('<rss version="2.0"><item><guid>x</guid></item></rss>'),
  },
  { name: 'rss that is text only', outcome: 'parse', body: b('<rss version="2.0">hello</rss>') },
  { name: 'self-closing rss', outcome: 'parse', body: b('<rss/>') },
  {
    name: 'atom with no entries',
    outcome: 'parse',
    body: b('<feed xmlns="http://www.w3.org/2005/Atom"/>'),
  },
  {
    name: 'atom links without attributes',
    outcome: 'parse',
    body: b(
      '<feed><entry><link/><link>https://x.example/a</link><link href=""/><link rel="self" href="https://x.example/self"/><id>i</id></entry></feed>',
    ),
  },
  {
    name: 'atom entries rss-parser cannot take (bare text, bad and blank dates)',
    outcome: 'parse',
    body: b(
      '<feed><entry>text</entry><entry/><entry><id>d</id><published>garbage</published><updated> </updated></entry><entry><id>e</id><published><b>x</b></published></entry></feed>',
    ),
  },
  {
    name: 'RDF without channel',
    outcome: 'parse',
    body: b('<rdf:RDF><item><title>x</title></item></rdf:RDF>'),
  },
  {
    name: 'channels and items repeated',
    outcome: 'parse',
    body: b(
      '<rss version="2.0"><channel><title>1</title></channel><channel><title>2</title><item/></channel></rss>',
    ),
  },
  {
    name: 'item nested in item',
    outcome: 'parse',
    body: b(item('<item><guid>inner</guid></item><guid>outer</guid>')),
  },
  {
    name: 'unknown rss version',
    outcome: 'parse',
    body: b('<rss version="9.99"><channel><item><guid>v</guid></item></channel></rss>'),
  },

  // --- characters and encodings
  {
    name: 'NUL bytes everywhere',
    outcome: 'either',
    body: b(rss('<item><guid>a</guid></item>').split('').join('\u0000')),
  },
  {
    name: 'all C0 controls in text',
    outcome: 'parse',
    body: b(
      item(
        `<title>${Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).join('')}</title>`,
      ),
    ),
  },
  {
    name: 'invalid UTF-8 sequences',
    outcome: 'parse',
    body: Buffer.concat([
      b('<rss version="2.0"><channel><item><title>'),
      Buffer.from([0xc0, 0x80, 0xed, 0xa0, 0x80, 0xff, 0xfe, 0xf8]),
      b('</title></item></channel></rss>'),
    ]),
  },
  {
    name: 'bad character references',
    outcome: 'parse',
    body: b(item('<title>&#0;&#xD800;&#x110000;&#99999999999;&#x;&#;&#-1;</title>')),
  },
  {
    name: 'UTF-16LE BOM with odd byte count',
    outcome: 'either',
    body: Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      iconv.encode(rss(''), 'utf-16le'),
      Buffer.from([0x41]),
    ]),
  },
  {
    name: 'UTF-8 BOM before UTF-16 bytes',
    outcome: 'either',
    body: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), iconv.encode(rss(''), 'utf-16le')]),
  },
  {
    name: 'UTF-32 BOM',
    outcome: 'either',
    body: Buffer.concat([
      Buffer.from([0xff, 0xfe, 0, 0]),
      iconv.encode(rss('<item><guid>u32</guid></item>'), 'utf-32le'),
    ]),
  },
  {
    name: 'charset=utf-7 header',
    outcome: 'either',
    contentType: 'text/xml; charset=utf-7',
    body: b('+ADw-rss version+AD0AIg-2.0+ACI-+AD4-'),
  },
  {
    name: 'bogus charset in header and prolog',
    outcome: 'parse',
    contentType: 'text/xml; charset=x-klingon',
    body: b(`<?xml version="1.0" encoding="x-vulcan"?>${rss('').slice(21)}`),
  },
  {
    name: 'prolog says windows-1256 but bytes are UTF-8',
    outcome: 'parse',
    body: b(
      `<?xml version="1.0" encoding="windows-1256"?><rss version="2.0"><channel><title>غارة</title></channel></rss>`,
    ),
  },
  {
    name: 'PHP warning before the prolog',
    outcome: 'parse',
    body: b(
      `<br />\n<b>Notice</b>: Undefined index in feed.php<br />\n${rss('<item><guid>w</guid></item>')}`,
    ),
  },

  // --- field values
  {
    name: 'absurd dates',
    outcome: 'parse',
    body: b(
      rss(
        [
          '275760-09-13',
          '+275760-09-13T00:00:00Z',
          '-000001-01-01T00:00:00Z',
          'Infinity',
          'NaN',
          '0',
          '1e20',
          '9999999999999',
          'Sat, 99 Zzz 2026 99:99:99 ZZZ',
          `${'9'.repeat(200)}`,
          'Mon, 01 Jan 0001 00:00:00 GMT',
        ]
          .map(
            (d, i) =>
              `<item><guid>${i}</guid><pubDate>${d}</pubDate><dc:date>${d}</dc:date><updated>${d}</updated></item>`,
          )
          .join(''),
      ),
    ),
  },
  {
    name: 'hostile link schemes',
    outcome: 'parse',
    body: b(
      rss(
        [
          'javascript:alert(1)',
          'data:text/html;base64,PHNjcmlwdD4=',
          'file:///etc/passwd',
          'vbscript:x',
          '//evil.example/x',
          'http://',
          'https://[::1',
          '\u0000http://x.example/',
        ]
          .map((l, i) => `<item><guid>${i}</guid><link>${l.replace(/&/g, '&amp;')}</link></item>`)
          .join(''),
      ),
    ),
  },
  {
    name: 'script in content and title',
    outcome: 'parse',
    body: b(
      item(
        '<title>&lt;script&gt;alert(1)&lt;/script&gt;</title><description><![CDATA[<script>alert(1)</script><img src=x onerror=alert(1)>]]></description>',
      ),
    ),
  },
  {
    name: '100 KB title',
    outcome: 'parse',
    body: b(item(`<title>${'T'.repeat(100_000)}</title>`)),
  },
];
