import { describe, expect, it } from 'vitest';
import { emailMessage, safeSubject } from '../../../shared/alerts/email-message.ts';
import { alertHeadline } from '../../../shared/alerts/format-alert.ts';
import { escapeSlack, slackPayload } from '../../../shared/alerts/slack-message.ts';
import type { AlertRecord, CasualtyClaim } from '../../../shared/domain/records.ts';

const claim = (
  over: Partial<CasualtyClaim['figure']> = {},
  previous: CasualtyClaim['previous'] = null,
): CasualtyClaim => ({
  kind: 'casualty',
  claimKey: 'k1',
  storyId: 's1',
  topics: ['coalition-strikes-syria'],
  firstSeenAt: '2017-06-08T10:00:00.000Z',
  updatedAt: '2017-06-08T10:00:00.000Z',
  version: previous ? 2 : 1,
  changedBy: 'a1',
  sources: [],
  previous,
  figure: {
    count: 43,
    max: null,
    outcome: 'killed',
    victims: 'civilians',
    qualifier: 'exact',
    background: false,
    source: 'Russian Foreign Ministry',
    place: 'Raqqa',
    date: '2017-06-03',
    quote: 'killed 43 civilians',
    ...over,
  },
});

const alertOf = (
  c: CasualtyClaim,
  links: AlertRecord['links'] = [
    { title: 'A story', url: 'https://example.com/a', outlet: 'TASS' },
  ],
): AlertRecord => ({
  alertId: 'abc123',
  claimKey: c.claimKey,
  claimVersion: c.version,
  kind: 'casualty',
  createdAt: '2017-06-08T10:00:00.000Z',
  headline: alertHeadline(c),
  claim: c,
  links,
});

describe('alert text', () => {
  it('names the figure, where, when and who states it', () => {
    expect(alertHeadline(claim())).toBe(
      '43 civilians killed in Raqqa on 2017-06-03, per Russian Foreign Ministry',
    );
    expect(alertHeadline(claim({ qualifier: 'at_least', count: 84, date: null }))).toBe(
      'At least 84 civilians killed in Raqqa, per Russian Foreign Ministry',
    );
  });

  it('says what changed for a rising toll', () => {
    expect(alertHeadline(claim({}, { count: 22, max: null, qualifier: 'exact' }))).toContain(
      'toll rose from 22',
    );
  });
});

describe('Slack payload', () => {
  it('escapes &, < and > so article text cannot form links or mentions', () => {
    expect(escapeSlack('<!channel> & <https://evil|click>')).toBe(
      '&lt;!channel&gt; &amp; &lt;https://evil|click&gt;',
    );
    const hostile = alertOf(
      claim({ place: '<!channel> Raqqa', quote: 'killed <@U123> & <!here>' }),
    );
    const body = JSON.stringify(slackPayload(hostile));
    expect(body).not.toMatch(/<!channel>|<!here>|<@U123>/);
    expect(body).toContain('&lt;!channel&gt;');
  });

  it('is Block Kit with a header, details, source links and the alert id', () => {
    const p = slackPayload(alertOf(claim())) as { blocks: { type: string }[]; text: string };
    expect(p.blocks.map((b) => b.type)).toEqual(['header', 'section', 'context']);
    const json = JSON.stringify(p);
    expect(json).toContain('<https://example.com/a|TASS: A story>');
    expect(json).toContain('strikewatch alert abc123');
  });

  it('links only http(s) URLs and keeps link syntax intact', () => {
    const p = JSON.stringify(
      slackPayload(
        alertOf(claim(), [
          { title: 'x|y>z', url: 'javascript:alert(1)', outlet: 'Bad' },
          { title: 'ok', url: 'https://e.com/a|b>c', outlet: 'Good' },
        ]),
      ),
    );
    expect(p).not.toContain('<javascript:');
    expect(p).toContain('https://e.com/a%7Cb%3Ec|Good: ok>');
  });
});

describe('email message', () => {
  it('HTML-escapes article text and keeps the subject on one line', () => {
    const hostile = alertOf(
      claim({ place: 'Raqqa\r\nBcc: victim@example.org', quote: '<script>alert(1)</script>' }),
    );
    const m = emailMessage(hostile, 'desk@example.org');
    expect(m.subject).not.toMatch(/[\r\n]/);
    expect(m.html).not.toContain('<script>');
    expect(m.html).toContain('&lt;script&gt;');
    expect(m.text).toContain('Source: TASS - A story <https://example.com/a>');
  });

  it('bounds the subject length and strips control characters', () => {
    expect(safeSubject(`a\u0007b${'x'.repeat(300)}`).length).toBeLessThanOrEqual(180);
    expect(safeSubject('a\u0007b')).toBe('ab');
  });
});
