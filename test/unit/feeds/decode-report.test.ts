import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBody } from '../../../shared/feeds/decode.ts';
import { decodeBodyWithReport } from '../../../shared/feeds/decode-report.ts';

// decodeBodyWithReport: the same text as decodeBody, plus a warning when a charset did not
// decode cleanly (issue 16 item 9). Pages are encoded here with iconv-lite, as outlets serve them.

const ARABIC =
  'قالت وزارة الدفاع إن غارات التحالف الدولي بقيادة الولايات المتحدة استهدفت مواقع في ريف دير الزور ' +
  'الشرقي، وأفاد المرصد السوري لحقوق الإنسان بمقتل سبعة مدنيين بينهم أطفال في قرية قرب مدينة البوكمال.';
const RUSSIAN =
  'Министерство обороны сообщило, что удары международной коалиции во главе с США были нанесены ' +
  'по объектам в провинции Дейр-эз-Зор, по данным наблюдателей погибли семь мирных жителей.';
const FRENCH =
  'Le ministère a déclaré que les frappes de la coalition menée par les États-Unis ont visé des ' +
  'positions près de Deir ez-Zor; sept civils, dont des enfants, auraient été tués à Boukamal.';

const page = (body: string, meta = '') =>
  `<!doctype html><html><head>${meta}<title>t</title></head><body><p>${body}</p></body></html>`;
const html = (contentType: string | undefined) => ({ kind: 'html' as const, contentType });

describe('decodeBodyWithReport', () => {
  it('warns on a windows-1256 page served as iso-8859-1, naming the charset it declares', () => {
    const body = iconv.encode(page(ARABIC, '<meta charset="windows-1256">'), 'windows-1256');
    const r = decodeBodyWithReport(body, html('text/html; charset=iso-8859-1'));
    expect(r.charset).toBe('windows-1252');
    expect(r.source).toBe('content-type');
    expect(r.warning).toContain('decoded as windows-1252 (from the Content-Type header)');
    expect(r.warning).toContain('the document itself declares windows-1256');
  });

  it('warns on a windows-1256 page served as iso-8859-1 that declares nothing, guessing it', () => {
    const body = iconv.encode(page(ARABIC), 'windows-1256');
    const r = decodeBodyWithReport(body, html('text/html; charset=iso-8859-1'));
    expect(r.warning).toContain('reads far better as windows-1256; as windows-1252 it is garbled');
  });

  it('warns on a windows-1256 page served as utf-8: replacement characters produced', () => {
    const body = iconv.encode(page(ARABIC, '<meta charset="windows-1256">'), 'windows-1256');
    const r = decodeBodyWithReport(body, html('text/html; charset=utf-8'));
    expect(r.charset).toBe('utf-8');
    expect(r.warning).toMatch(/\d+ byte sequences are not valid utf-8 and became U\+FFFD/);
    expect(r.warning).toContain('the document itself declares windows-1256');
    const undeclared = decodeBodyWithReport(
      iconv.encode(page(ARABIC), 'windows-1256'),
      html('text/html; charset=utf-8'),
    );
    expect(undeclared.warning).toContain('it is probably windows-1256');
  });

  it('warns on UTF-8 bytes read as a single-byte charset (mojibake like "Ø§Ù„")', () => {
    const r = decodeBodyWithReport(
      Buffer.from(page(ARABIC)),
      html('text/html; charset=iso-8859-1'),
    );
    expect(r.warning).toContain(
      'the bytes are valid UTF-8; as windows-1252 every non-ASCII character is garbled',
    );
  });

  it('warns on a windows-1251 Russian page read as windows-1252 or as koi8-r', () => {
    const body = iconv.encode(page(RUSSIAN), 'windows-1251');
    expect(decodeBodyWithReport(body, html('text/html; charset=windows-1252')).warning).toContain(
      'reads far better as windows-1251',
    );
    expect(decodeBodyWithReport(body, html('text/html; charset=koi8-r')).warning).toContain(
      'reads far better as windows-1251',
    );
  });

  it('warns on an XML feed whose prolog charset is wrong for its bytes', () => {
    const xml = `<?xml version="1.0" encoding="utf-8"?><rss><channel><title>${ARABIC}</title></channel></rss>`;
    const r = decodeBodyWithReport(iconv.encode(xml, 'windows-1256'), { kind: 'xml' });
    expect(r.source).toBe('document');
    expect(r.warning).toContain('not valid utf-8');
    expect(r.warning).toContain('it is probably windows-1256');
  });

  it.each([
    ['utf-8 served as utf-8', Buffer.from(page(ARABIC)), 'text/html; charset=utf-8'],
    ['utf-8, nothing declared', Buffer.from(page(`${ARABIC} ${RUSSIAN}`)), undefined],
    [
      'windows-1256 declared in the header',
      iconv.encode(page(ARABIC), 'windows-1256'),
      'text/html; charset=windows-1256',
    ],
    [
      'windows-1256 declared in the page',
      iconv.encode(page(ARABIC, '<meta charset="windows-1256">'), 'windows-1256'),
      'text/html',
    ],
    [
      'windows-1251 as windows-1251',
      iconv.encode(page(RUSSIAN), 'windows-1251'),
      'text/html; charset=windows-1251',
    ],
    ['koi8-r as koi8-r', iconv.encode(page(RUSSIAN), 'koi8-r'), 'text/html; charset=koi8-r'],
    [
      'French windows-1252 served as iso-8859-1',
      iconv.encode(page(FRENCH), 'windows-1252'),
      'text/html; charset=iso-8859-1',
    ],
    [
      'ASCII under a header that contradicts the page',
      Buffer.from(page('Air strikes near Raqqa', '<meta charset="windows-1256">')),
      'text/html; charset=iso-8859-1',
    ],
    [
      'a literal U+FFFD in UTF-8',
      Buffer.from(page('Damaged glyph: \uFFFD here')),
      'text/html; charset=utf-8',
    ],
    [
      'UTF-8 with a BOM whatever the header says',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(page(ARABIC))]),
      'text/html; charset=windows-1251',
    ],
  ])('no warning: %s', (_name, body, contentType) => {
    expect(decodeBodyWithReport(body, html(contentType)).warning).toBeNull();
  });

  it('returns exactly the text decodeBody returns', () => {
    const bodies = [
      iconv.encode(page(ARABIC, '<meta charset="windows-1256">'), 'windows-1256'),
      Buffer.from(page(RUSSIAN)),
      Buffer.from([0xff, 0xfe, 0x3c, 0x00, 0x61, 0x00, 0x3e, 0x00]),
      Buffer.from([0xc0, 0x80, 0xed, 0xa0, 0x80, 0xff]),
    ];
    for (const body of bodies) {
      for (const contentType of [
        undefined,
        'text/html; charset=iso-8859-1',
        'text/html; charset=utf-8',
      ]) {
        expect(decodeBodyWithReport(body, html(contentType)).text).toBe(
          decodeBody(body, html(contentType)),
        );
      }
    }
  });

  it('judges a 5 MB body on a sample, and still decodes all of it', () => {
    const body = Buffer.concat(
      Array.from({ length: 400 }, () => iconv.encode(ARABIC.repeat(10), 'windows-1256')),
    );
    const r = decodeBodyWithReport(body, html('text/html; charset=iso-8859-1'));
    expect(r.warning).not.toBeNull();
    expect(r.text.length).toBe(body.length);
  });

  it('never throws, and agrees with decodeBody, on random bytes and headers (fixed seed)', () => {
    const charsets = ['utf-8', 'iso-8859-1', 'windows-1256', 'koi8-r', 'utf-16', 'x-klingon'];
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 600 }),
        fc.option(fc.constantFrom(...charsets.map((c) => `text/html; charset=${c}`)), {
          nil: undefined,
        }),
        fc.constantFrom('xml' as const, 'html' as const),
        (bytes, contentType, kind) => {
          const body = Buffer.from(bytes);
          const r = decodeBodyWithReport(body, { kind, contentType });
          expect(r.text).toBe(decodeBody(body, { kind, contentType }));
          expect(r.warning === null || !r.warning.includes('\n')).toBe(true);
        },
      ),
      { seed: 16, numRuns: 1_000 },
    );
  });
});
