import { describe, expect, it } from 'vitest';
import { buildDigest, periodWindow } from '../../../shared/alerts/digest.ts';
import {
  renderEmailDigest,
  renderSlackDigest,
  renderTerminalDigest,
} from '../../../shared/alerts/digest-render.ts';
import { renderEmailUpdate } from '../../../shared/alerts/update-email.ts';
import { type UpdateMessage, updateMessage } from '../../../shared/alerts/update-message.ts';
import { renderSlackUpdate } from '../../../shared/alerts/update-slack.ts';
import { renderTerminalUpdate } from '../../../shared/alerts/update-terminal.ts';
import { accusation, article, articleClaims, figure } from '../../helpers/incident-builders.ts';
import { MemoryIncidents } from '../../helpers/memory-incidents.ts';

// Issue 16 items 4 and 5: every hostile string a feed or page can carry, in every field it can
// reach, neutralised in every channel (Slack, email subject/headers/HTML/text, terminal), for
// single updates, stand-alone accusations and digests.

const FORGED = 'Reuters\n*Figure:* at least 5000 children killed\n*Where:* Damascus';
const HOSTILE = [
  FORGED,
  '<!channel> <!here|here> <@U024BE7LH> <#C123> <!subteam^S1>',
  '<https://evil.example|click here> https://evil.example/x www.evil.com evil.ru',
  '*bold* _italic_ ~strike~ `code` ```block```',
  '\u001b[2J\u001b[31mred\u001b]0;title\u0007\u001b]8;;https://evil.example\u001b\\x\u001b]8;;\u001b\\\u009b6n',
  'left\u202eright\u202c \u2066iso\u2069 zero\u200bwidth\u200d\ufeff',
  'subject\r\nBcc: victim@example.org\r\n\r\n<img src=x onerror=alert(1)><script>alert(1)</script>',
  'bell\u0007nul\u0000c1\u0085\u0090',
].join(' | ');

function hostileMessages(): UpdateMessage[] {
  const store = new MemoryIncidents();
  const a = article('h1', FORGED, { title: HOSTILE, url: 'https://reuters.example/h1' });
  const out = [
    ...store.apply(
      articleClaims(
        a,
        [
          figure({
            quote: HOSTILE,
            source: HOSTILE,
            place: `Raqqa ${HOSTILE}`,
            perpetratorName: HOSTILE,
          }),
        ],
        [
          accusation({
            accuserName: HOSTILE,
            accusedName: HOSTILE,
            allegation: HOSTILE,
            quote: HOSTILE,
          }),
        ],
      ),
    ),
    ...store.apply(
      articleClaims(
        article('h2', HOSTILE, { title: HOSTILE }),
        [],
        [
          accusation({
            accuser: 'un',
            accused: 'syria_gov',
            accuserName: HOSTILE,
            allegation: HOSTILE,
            place: 'Aleppo',
            quote: HOSTILE,
          }),
        ],
      ),
    ),
  ];
  expect(out.map((x) => x.record.kind)).toContain('accusation');
  expect(out.map((x) => x.record.kind)).toContain('incident');
  return out.map((x) => updateMessage(x.record, x.update));
}

const INVISIBLE_OR_CONTROL =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: asserting their absence is the point.
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;

/** Every string value inside a Slack payload. */
function strings(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.flatMap(strings);
  if (v && typeof v === 'object') return Object.values(v).flatMap(strings);
  return [];
}

function assertSlackSafe(payload: unknown, ownUrls: string[]) {
  for (const s of strings(payload)) {
    expect(s).not.toMatch(INVISIBLE_OR_CONTROL);
    // The only <...> left are strikewatch's own links to source articles.
    for (const m of s.matchAll(/<([^>]*)>/g)) {
      const url = (m[1] ?? '').split('|')[0] ?? '';
      expect(ownUrls).toContain(url);
    }
    expect(s).not.toMatch(/<!|<@|<#/);
    expect(s).not.toMatch(/https?:\/\/evil|www\.evil|evil\.ru/);
    expect(s).not.toMatch(/\*Figure:\*|\*bold\*|_italic_|~strike~|`code`/);
    // "*Where:*" is strikewatch's own label: once, at the start of its line.
    expect(s.match(/\*Where:\*/g)?.length ?? 0).toBeLessThanOrEqual(1);
    expect(s).not.toMatch(/[^\n]\*Where:\*/);
    expect(s).not.toMatch(/@(channel|here|everyone)\b/);
    // A forged row would be a line of its own starting with a bold label from article text.
    expect(s).not.toMatch(/\n\s*[∗*]Figure/);
  }
}

function assertEmailSafe(e: ReturnType<typeof renderEmailUpdate>) {
  expect(e.subject).not.toMatch(/[\r\n]/);
  expect(e.subject).not.toMatch(INVISIBLE_OR_CONTROL);
  expect(e.subject.length).toBeLessThanOrEqual(200);
  for (const v of Object.values(e.headers)) expect(v).not.toMatch(/[\r\n]|Bcc:/);
  for (const body of [e.text, e.html]) {
    expect(body.replace(/\n/g, '')).not.toMatch(INVISIBLE_OR_CONTROL);
    expect(body).not.toMatch(/\nBcc:|\n\s*\*Figure:\*/);
    expect(body).not.toMatch(/https?:\/\/evil|www\.evil/);
  }
  expect(e.html).not.toMatch(/<img|<script|onerror=alert\(1\)>/);
  expect(e.html).not.toMatch(/href="(?!https:\/\/(reuters|outlet|strikewatch)|mailto:)/);
}

function assertTerminalSafe(t: string) {
  expect(t.replace(/\n/g, '')).not.toMatch(INVISIBLE_OR_CONTROL);
  expect(t).not.toContain('\u001b');
  // Every line is strikewatch's: a feed cannot start one.
  for (const line of t.split('\n')) expect(line).toMatch(/^(==| {3})/);
}

describe('hostile text in every channel', () => {
  const messages = hostileMessages();
  const ownUrls = messages.flatMap((m) => [
    ...m.sources.map((s) => s.url),
    ...m.accounts.map((a) => a.url),
    ...m.accusations.map((a) => a.url),
  ]);

  it('Slack: no mentions, links, formatting, rows or invisible characters', () => {
    for (const m of messages) assertSlackSafe(renderSlackUpdate(m), ownUrls);
  });

  it('email: one-line subject and headers, escaped HTML, clean text', () => {
    for (const m of messages) {
      assertEmailSafe(
        renderEmailUpdate(m, 'desk', {
          unsubscribe: { url: 'https://strikewatch.example/u?s={subscriber}' },
        }),
      );
    }
  });

  it('terminal: no escape sequences, bidi or controls, no forged lines', () => {
    for (const m of messages) assertTerminalSafe(renderTerminalUpdate(m));
  });

  it('digests and overflow messages too', () => {
    const w = periodWindow('2017-06-05T09:30:00.000Z', 'hourly');
    for (const kind of ['digest', 'overflow'] as const) {
      const d = buildDigest(kind, 'desk', w, messages);
      assertSlackSafe(renderSlackDigest(d), ownUrls);
      assertEmailSafe(renderEmailDigest(d, {}));
      assertTerminalSafe(renderTerminalDigest(d));
    }
  });

  it('headlines stay short even when outside text is long', () => {
    for (const m of messages) expect(m.headline.length).toBeLessThanOrEqual(100);
  });
});
