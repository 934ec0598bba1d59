import iconv from 'iconv-lite';

// Fixtures whose bytes are not UTF-8 are generated from the UTF-8 text below, so the source stays
// readable and reviewable. The committed .xml files are checked against these in the golden test
// and rewritten with UPDATE_GOLDEN=1.

export interface EncodedFixture {
  name: string;
  /** The document as it should read after decoding. */
  text: string;
  encoding: string;
  /** Prepend the encoding's byte-order mark. */
  bom?: boolean;
  /** Content-Type the "server" sends with it. */
  contentType?: string;
}

const BOMS: Record<string, Buffer> = {
  'utf-16le': Buffer.from([0xff, 0xfe]),
  'utf-16be': Buffer.from([0xfe, 0xff]),
  'utf-8': Buffer.from([0xef, 0xbb, 0xbf]),
};

export function encodeFixture(f: EncodedFixture): Buffer {
  const body = iconv.encode(f.text, f.encoding, { addBOM: false });
  const bom = f.bom ? BOMS[f.encoding] : undefined;
  return bom ? Buffer.concat([bom, body]) : body;
}

export const encodedFixtures: EncodedFixture[] = [
  {
    name: 'arabic-windows-1256',
    encoding: 'windows-1256',
    // Declared only in the prolog, as many Arabic outlets do; no charset in the header.
    contentType: 'application/rss+xml',
    text: `<?xml version="1.0" encoding="windows-1256"?>
<rss version="2.0">
  <channel>
    <title>وكالة أنباء الشرق</title>
    <link>https://arabic-news.example/</link>
    <item>
      <title>مقتل ثلاثة مدنيين في غارة للتحالف قرب دير الزور</title>
      <link>https://arabic-news.example/news/1001</link>
      <guid>ar-1001</guid>
      <pubDate>Sat, 21 Nov 2026 07:00:00 +0300</pubDate>
      <description>قالت مصادر محلية إن الغارة استهدفت منزلاً في ريف دير الزور الشرقي.</description>
    </item>
    <item>
      <title>التحالف الدولي: مقتل قيادي في تنظيم داعش</title>
      <link>https://arabic-news.example/news/1002</link>
      <guid>ar-1002</guid>
      <pubDate>Fri, 20 Nov 2026 19:30:00 +0300</pubDate>
    </item>
  </channel>
</rss>
`,
  },
  {
    name: 'russian-windows-1251',
    encoding: 'windows-1251',
    // Declared only in the HTTP header; the prolog has no encoding (which would mean UTF-8).
    contentType: 'application/rss+xml; charset=windows-1251',
    text: `<?xml version="1.0"?>
<rss version="2.0">
  <channel>
    <title>Новости Ближнего Востока</title>
    <link>https://ru-news.example/</link>
    <item>
      <title>Коалиция нанесла удар по объекту в Сирии</title>
      <link>https://ru-news.example/2026/11/21/udar</link>
      <guid>ru-77</guid>
      <pubDate>Sat, 21 Nov 2026 05:10:00 +0300</pubDate>
      <description>По данным источников, погибли четыре человека.</description>
    </item>
  </channel>
</rss>
`,
  },
  {
    name: 'utf16le-bom',
    encoding: 'utf-16le',
    bom: true,
    contentType: 'text/xml',
    text: `<?xml version="1.0" encoding="UTF-16"?>
<rss version="2.0">
  <channel>
    <title>UTF-16 feed — ünïcödé</title>
    <link>https://utf16.example/</link>
    <item>
      <title>Éclairage: frappe près d’Alep</title>
      <link>https://utf16.example/a</link>
      <guid>u16-1</guid>
      <pubDate>Sat, 21 Nov 2026 01:00:00 GMT</pubDate>
    </item>
  </channel>
</rss>
`,
  },
  {
    name: 'utf16be-bom-atom',
    encoding: 'utf-16be',
    bom: true,
    text: `<?xml version="1.0" encoding="UTF-16"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Big-endian Atom 中文</title>
  <link href="https://utf16be.example/"/>
  <entry>
    <id>be-1</id>
    <title>叙利亚东部空袭</title>
    <link href="https://utf16be.example/1"/>
    <updated>2026-11-21T03:00:00Z</updated>
  </entry>
</feed>
`,
  },
  {
    name: 'latin1-header-wins',
    encoding: 'windows-1252',
    // The header says windows-1252 and the prolog claims UTF-8: the header wins (RFC 7303).
    contentType: 'text/xml; charset="ISO-8859-1"',
    text: `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0">
  <channel>
    <title>Dépêches “Levant”</title>
    <item><guid>fr-1</guid><title>Frappe aérienne à l’est de la Syrie – bilan</title></item>
  </channel>
</rss>
`,
  },
];
