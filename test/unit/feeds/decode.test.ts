import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { charsetFromContentType, decodeBody, detectCharset } from '../../../shared/feeds/decode.ts';

const ARABIC = 'غارة جوية على دير الزور';
const RUSSIAN = 'Удар по объекту в Сирии';

describe('charsetFromContentType', () => {
  it.each([
    ['text/xml; charset=windows-1256', 'windows-1256'],
    ['text/xml;charset="UTF-8"', 'UTF-8'],
    ["text/html; charset='koi8-r'; foo=bar", 'koi8-r'],
    ['application/rss+xml', null],
    ['text/xml; charset=', null],
    [undefined, null],
  ])('%s -> %s', (ct, expected) => {
    expect(charsetFromContentType(ct)).toBe(expected);
  });
});

describe('decodeBody', () => {
  it('uses the BOM over everything else', () => {
    const body = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`<a>${ARABIC}</a>`)]);
    const opts = { kind: 'xml' as const, contentType: 'text/xml; charset=windows-1251' };
    expect(detectCharset(body, opts).source).toBe('bom');
    expect(decodeBody(body, opts)).toBe(`<a>${ARABIC}</a>`);
  });

  it.each(['utf-16le', 'utf-16be'])('decodes %s with a BOM', (enc) => {
    const bom = enc === 'utf-16le' ? [0xff, 0xfe] : [0xfe, 0xff];
    const text = `<?xml version="1.0" encoding="UTF-16"?><t>${ARABIC} ${RUSSIAN}</t>`;
    const body = Buffer.concat([Buffer.from(bom), iconv.encode(text, enc)]);
    expect(decodeBody(body, { kind: 'xml' })).toBe(text);
  });

  it('recognises UTF-16 without a BOM from the "<?" byte pattern', () => {
    const text = '<?xml version="1.0"?><t>x</t>';
    expect(decodeBody(iconv.encode(text, 'utf-16le'), { kind: 'xml' })).toBe(text);
    expect(decodeBody(iconv.encode(text, 'utf-16be'), { kind: 'xml' })).toBe(text);
  });

  it('uses the Content-Type charset over the XML prolog', () => {
    const text = `<?xml version="1.0" encoding="utf-8"?><t>${RUSSIAN}</t>`;
    const body = iconv.encode(text, 'windows-1251');
    expect(decodeBody(body, { kind: 'xml', contentType: 'text/xml; charset=windows-1251' })).toBe(
      text,
    );
  });

  it('reads the XML prolog encoding when the header has none', () => {
    const text = `<?xml version="1.0" encoding="windows-1256"?><t>${ARABIC}</t>`;
    expect(decodeBody(iconv.encode(text, 'windows-1256'), { kind: 'xml' })).toBe(text);
    const iso = `<?xml version='1.0' encoding='ISO-8859-6'?><t>${ARABIC}</t>`;
    expect(decodeBody(iconv.encode(iso, 'iso-8859-6'), { kind: 'xml' })).toBe(iso);
  });

  it('reads <meta charset> and http-equiv for HTML, only within the first 2 KB', () => {
    const a = `<html><head><meta charset="windows-1251"></head><body>${RUSSIAN}</body></html>`;
    expect(decodeBody(iconv.encode(a, 'windows-1251'), { kind: 'html' })).toBe(a);
    const b = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1256"></head><p>${ARABIC}</p>`;
    expect(decodeBody(iconv.encode(b, 'windows-1256'), { kind: 'html' })).toBe(b);
    const late = `<html>${' '.repeat(3000)}<meta charset="windows-1251">${RUSSIAN}`;
    expect(detectCharset(iconv.encode(late, 'windows-1251'), { kind: 'html' }).source).toBe(
      'default',
    );
  });

  it('ignores an XML prolog when decoding HTML and <meta> when decoding XML', () => {
    const body = Buffer.from('<meta charset="windows-1251"><x/>');
    expect(detectCharset(body, { kind: 'xml' }).charset).toBe('utf-8');
  });

  it('treats iso-8859-1 and us-ascii as windows-1252, as browsers do', () => {
    const body = Buffer.from([0x93, 0x68, 0x69, 0x94]); // “hi” in windows-1252
    expect(decodeBody(body, { kind: 'xml', contentType: 'text/xml; charset=iso-8859-1' })).toBe(
      '\u201chi\u201d',
    );
  });

  it('takes a self-contradicting UTF-16 declaration in ASCII bytes as UTF-8', () => {
    const text = '<?xml version="1.0" encoding="utf-16"?><t>é</t>';
    expect(decodeBody(Buffer.from(text), { kind: 'xml' })).toBe(text);
  });

  it('falls back to UTF-8 for unknown charsets without throwing', () => {
    const text = `<t>${ARABIC}</t>`;
    for (const ct of ['text/xml; charset=klingon', 'text/xml; charset=""', 'garbage;;;charset']) {
      expect(decodeBody(Buffer.from(text), { kind: 'xml', contentType: ct })).toBe(text);
    }
    const prolog = `<?xml version="1.0" encoding="x-no-such-thing"?><t>${ARABIC}</t>`;
    expect(decodeBody(Buffer.from(prolog), { kind: 'xml' })).toBe(prolog);
  });

  it('refuses UTF-7, which can smuggle markup, and reads the bytes as UTF-8', () => {
    const body = Buffer.from('+ADw-script+AD4-');
    expect(decodeBody(body, { kind: 'html', contentType: 'text/html; charset=utf-7' })).toBe(
      '+ADw-script+AD4-',
    );
  });

  it('defaults to UTF-8 and replaces invalid sequences', () => {
    expect(decodeBody(Buffer.from([0x61, 0xff, 0x62]), { kind: 'html' })).toBe('a\ufffdb');
    expect(decodeBody(Buffer.alloc(0), { kind: 'xml' })).toBe('');
  });
});
