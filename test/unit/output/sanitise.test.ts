import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cleanText,
  csvCell,
  csvRow,
  cutAtWord,
  defangLinks,
  emailHeader,
  htmlText,
  jsonLine,
  safeHttpUrl,
  slackLink,
  slackMrkdwn,
  slackPlain,
  terminalText,
} from '../../../shared/output/sanitise.ts';

// What must never leave strikewatch, whatever the channel.
const FORBIDDEN =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: asserting their absence is the point.
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;

const FORGED_TITLE = 'Reuters\n*Figure:* at least 5000 children killed\n*Where:* Damascus';

describe('cleanText', () => {
  it('folds every spelling of a line break in single-line fields', () => {
    for (const br of ['\n', '\r\n', '\r', '\u000b', '\u000c', '\u0085', '\u2028', '\u2029']) {
      expect(cleanText(`Reuters${br}*Figure:* 5000`)).toBe('Reuters *Figure:* 5000');
    }
  });

  it('keeps line breaks as \\n in multi-line fields, at most one blank line', () => {
    expect(cleanText('a\r\n\r\n\r\n\r\nb\u2028c', { multiline: true })).toBe('a\n\nb\nc');
  });

  it('removes ESC/CSI/OSC sequences with their parameters, BEL, C0 and C1 controls', () => {
    const hostile =
      'A\u001b[31mred\u001b[0m \u001b]0;pwned\u0007title \u001b]8;;https://evil.example\u001b\\link\u001b]8;;\u001b\\ \u009b2J\u0007bell\u0000nul\u0090dcs';
    const out = cleanText(hostile);
    expect(out).not.toMatch(FORBIDDEN);
    expect(out).not.toContain('pwned');
    expect(out).not.toContain('[31m');
    expect(out).toBe('Ared title link bellnuldcs');
  });

  it('removes bidi overrides, isolates, marks and zero-width characters', () => {
    const hostile =
      'fig\u202eure\u202c \u2066x\u2069 \u200bzero\u200d\ufeff\u2060 \u200e\u200f\u061c';
    const out = cleanText(hostile);
    expect(out).toBe('figure x zero');
    expect(out).not.toMatch(FORBIDDEN);
  });

  it('removes invisible TAG characters and replaces lone surrogates', () => {
    expect(cleanText('a\u{E0041}\u{E007F}b')).toBe('ab');
    expect(cleanText('x\ud800y')).toBe('x\ufffdy');
  });

  it('bounds length at a word, ellipsis included', () => {
    const out = cleanText('word '.repeat(200), { max: 50 });
    expect(out.length).toBeLessThanOrEqual(50);
    expect(out).toMatch(/word…$/);
    expect(cleanText('x'.repeat(10_000)).length).toBe(500);
  });

  it('never returns forbidden characters or more than max (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 300 }),
        fc.integer({ min: 1, max: 120 }),
        (s, max) => {
          const out = cleanText(s, { max });
          expect(out.length).toBeLessThanOrEqual(max);
          expect(out).not.toMatch(FORBIDDEN);
          expect(out).not.toMatch(/\n/);
        },
      ),
    );
  });
});

describe('cutAtWord', () => {
  it('cuts at the last word boundary and never splits a surrogate pair', () => {
    expect(cutAtWord('US-led coalition strike kills at least 84 civilians', 30)).toBe(
      'US-led coalition strike kills…',
    );
    expect(cutAtWord(`${'a'.repeat(9)}😀😀`, 11)).toBe(`${'a'.repeat(9)}…`);
  });
});

describe('Slack', () => {
  it('escapes &, <, > and the mrkdwn control characters', () => {
    const out = slackMrkdwn('<!channel> & <https://evil|x> *bold* _it_ ~s~ `code` ＊w＊');
    expect(out).not.toMatch(/[<>*_~`＊]/);
    expect(out).toContain('&lt;!channel&gt; &amp;');
    expect(out).toContain('∗bold∗');
  });

  it('a forged title cannot make a row or a bold label', () => {
    const out = slackMrkdwn(FORGED_TITLE);
    expect(out).not.toContain('\n');
    expect(out).not.toContain('*Figure:*');
    expect(out).toBe('Reuters ∗Figure:∗ at least 5000 children killed ∗Where:∗ Damascus');
  });

  it('no mentions, no links from article text, no block quote at a line start', () => {
    const out = slackMrkdwn(
      '@channel @here hi see https://evil.example/x and www.bad.com or evil.ru',
      {
        multiline: true,
      },
    );
    expect(out).not.toMatch(/@(channel|here)/);
    expect(out).not.toMatch(/https?:\/\/|www\.|evil\.ru/);
    expect(out).toContain('hxxps[:]//evil[.]example/x');
    expect(slackMrkdwn('> quoted', { multiline: true })).toBe('› quoted');
    expect(slackPlain('<!here> <@U1> https://x.example')).toBe(
      '‹!here› ‹@U1› hxxps[:]//x[.]example',
    );
  });

  it('makes links only from safe http(s) URLs, with escaped labels', () => {
    expect(slackLink('https://reuters.example/a?b=1', 'Reuters | *x*')).toBe(
      '<https://reuters.example/a?b=1|Reuters ¦ ∗x∗>',
    );
    for (const bad of [
      'javascript:alert(1)',
      'https://a.example/|<!channel>',
      'https://u:p@a.example/',
      'https://a.example/\u202e',
    ]) {
      expect(slackLink(bad, 'label')).toBe('label');
    }
  });
});

describe('email', () => {
  it('subjects are one line without controls: no header injection', () => {
    const out = emailHeader('Toll\r\nBcc: victim@example.org\r\n\r\nbody\u0000\u001b[2J');
    expect(out).toBe('Toll Bcc: victim@example.org body');
    expect(out).not.toMatch(/[\r\n]/);
  });

  it('HTML bodies escape markup and defang links', () => {
    expect(htmlText('<img src=x onerror=alert(1)> "q" \'s\' https://evil.example')).toBe(
      '&lt;img src=x onerror=alert(1)&gt; &quot;q&quot; &#39;s&#39; hxxps[:]//evil[.]example',
    );
    expect(htmlText('a\nb', { multiline: true })).toBe('a<br>b');
  });
});

describe('terminal', () => {
  it('prints no escape sequences or bidi tricks', () => {
    const out = terminalText('ok\u001b]52;c;ZXZpbA==\u0007\u001b[2J\u202edlrow', {
      multiline: true,
    });
    expect(out).toBe('okdlrow');
  });
});

describe('CSV', () => {
  it('prefixes cells a spreadsheet would run as formulas', () => {
    for (const f of ['=1+1', '+1', '-1+2', '@SUM(A1)', '\t=1', '\r=1', ' =1', '＝1']) {
      expect(csvCell(f).replace(/^"/, '')).toMatch(/^'/);
    }
    expect(csvCell('=HYPERLINK("http://evil","x")')).toBe(`"'=HYPERLINK(""http://evil"",""x"")"`);
  });

  it('quotes, keeps numbers numeric and rows single-line', () => {
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell(null)).toBe('');
    expect(csvRow(['a,b', FORGED_TITLE, 84])).toBe(
      '"a,b",Reuters *Figure:* at least 5000 children killed *Where:* Damascus,84',
    );
  });
});

describe('URLs and domains', () => {
  it('accepts only absolute http(s) URLs without credentials or invisible characters', () => {
    expect(safeHttpUrl('https://www.reuters.example/a')).toBe('https://www.reuters.example/a');
    for (const bad of [
      'ftp://a.example',
      'https://a.example/\n',
      'data:text/html,x',
      '/relative',
      'https://a\u200b.example',
    ]) {
      expect(safeHttpUrl(bad)).toBeNull();
    }
  });

  it('defangs schemes, www and common domains in prose, not numbers or abbreviations', () => {
    expect(defangLinks('see http://a.example and bit.ly/x; 3.5 km; U.S. forces')).toBe(
      'see hxxp[:]//a[.]example and bit[.]ly/x; 3.5 km; U.S. forces',
    );
  });
});

describe('jsonLine', () => {
  it('keeps the data exactly but writes what a terminal acts on as escapes', () => {
    const value = { quote: 'killed \u202egnp.exe\u202c in \u0085 Raqqa\u200b', n: 3 };
    const line = jsonLine(value);
    expect(JSON.parse(line)).toEqual(value);
    expect(line).toContain('\\u202e');
    expect([...line].every((c) => c.charCodeAt(0) < 0x7f)).toBe(true);
  });
});
