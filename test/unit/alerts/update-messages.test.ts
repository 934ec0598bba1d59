import { describe, expect, it } from 'vitest';
import { HEADLINE_MAX } from '../../../shared/alerts/headline.ts';
import { sampleUpdateMessage } from '../../../shared/alerts/sample-message.ts';
import { renderEmailUpdate } from '../../../shared/alerts/update-email.ts';
import { updateMessage } from '../../../shared/alerts/update-message.ts';
import { renderSlackUpdate } from '../../../shared/alerts/update-slack.ts';
import { renderTerminalUpdate } from '../../../shared/alerts/update-terminal.ts';
import { MAX_ACCOUNTS } from '../../../shared/incidents/accounts.ts';
import type { Incident } from '../../../shared/incidents/types.ts';
import { accusation, article, articleClaims, figure, S } from '../../helpers/incident-builders.ts';
import { MemoryIncidents } from '../../helpers/memory-incidents.ts';

const email = {
  from: 'alerts@strikewatch.example',
  unsubscribe: {
    mailto: 'unsubscribe@strikewatch.example',
    url: 'https://strikewatch.example/u?s={subscriber}',
  },
};

function only(store: MemoryIncidents, ...args: Parameters<typeof articleClaims>) {
  const out = store.apply(articleClaims(...args));
  expect(out).toHaveLength(1);
  const [x] = out as [NonNullable<(typeof out)[0]>];
  return updateMessage(x.record, x.update);
}

describe('headlines', () => {
  it('are plain words, at most 100 characters, cut at a word', () => {
    const long =
      'Maarat al-Numan countryside near the road to Khan Sheikhoun and the villages beyond it';
    const m = only(new MemoryIncidents(), article('a1', 'Reuters'), [
      figure({ count: 84, qualifier: 'at_least', quote: S.first84, place: long }),
    ]);
    expect(m.headline.length).toBeLessThanOrEqual(HEADLINE_MAX);
    expect(m.headline).toMatch(/^US-led coalition strike kills at least 84 civilians in Maarat/);
    expect(m.headline).toMatch(/\S…$/);
    const lastWord = m.headline.replace(/…$/, '').split(' ').pop() ?? '';
    expect(`${long} `).toContain(`${lastWord} `);
  });

  it('say who carried out the strike when the text names one, and nothing when it does not', () => {
    const byRegime = only(new MemoryIncidents(), article('a1', 'SANA'), [
      figure({
        count: 12,
        quote: 'Regime barrel bombs killed 12 people in Daraa.',
        place: 'Daraa',
        victims: 'people',
        perpetrator: 'syria_gov',
        perpetratorName: 'regime barrel bombs',
      }),
    ]);
    expect(byRegime.headline).toBe('Syrian government strike kills 12 people in Daraa');
    const unknown = only(new MemoryIncidents(), article('a1', 'AP'), [
      figure({
        count: 1,
        victims: 'children',
        quote: 'A child was killed in shelling on Idlib.',
        place: 'Idlib',
        perpetrator: null,
        perpetratorName: null,
      }),
    ]);
    expect(unknown.headline).toBe('Strike kills 1 child in Idlib');
    expect(unknown.facts.find((f) => f.label === 'Perpetrator')?.value).toBe(
      'not named in the reports',
    );
  });

  it('an injured-only incident injures; a missing one leaves people missing', () => {
    const injured = only(new MemoryIncidents(), article('a1', 'AP'), [
      figure({
        count: 50,
        outcome: 'injured',
        victims: 'people',
        qualifier: 'more_than',
        quote: S.injured50,
      }),
    ]);
    expect(injured.headline).toBe('US-led coalition strike injures more than 50 people in Raqqa');
  });
});

describe('message content', () => {
  it('When is the incident date, never when the alert was made', () => {
    const m = only(
      new MemoryIncidents(),
      article('a1', 'Reuters', { seenAt: '2026-12-01T10:00:00.000Z' }),
      [figure({ quote: S.sohr22, date: '2017-06-05' })],
    );
    expect(m.facts.find((f) => f.label === 'When')?.value).toBe('Monday 5 June 2017');
    const all = JSON.stringify([
      renderSlackUpdate(m),
      renderEmailUpdate(m, 'sub', email),
      renderTerminalUpdate(m),
    ]);
    expect(all).not.toMatch(/2026|December/);
  });

  it('says when the date is only the article date', () => {
    const m = only(
      new MemoryIncidents(),
      article('a1', 'Reuters'),
      [figure({ quote: S.sohr22, date: null })],
      [],
      {
        storyDate: '2017-06-04',
      },
    );
    expect(m.facts.find((f) => f.label === 'When')?.value).toBe(
      "Sunday 4 June 2017 (the article's date; no date stated)",
    );
  });

  it('every account with who states it, each accusation, a quote per claim and every source link', () => {
    const store = new MemoryIncidents();
    store.apply(articleClaims(article('a1', 'Reuters'), [figure({ quote: S.sohr22 })]));
    store.apply(articleClaims(article('a2', 'AP'), [figure({ quote: S.sohr22 })]));
    const m = only(
      store,
      article('a3', 'TASS'),
      [figure({ count: 60, quote: S.russia60, source: 'Russian Defence Ministry' })],
      [accusation({ quote: S.russiaAccuses })],
    );
    expect(m.accounts.map((a) => [a.source, a.figures, a.quotes])).toEqual([
      ['Syrian Observatory for Human Rights', '22 civilians killed', [S.sohr22]],
      ['Russian Defence Ministry', '60 civilians killed', [S.russia60]],
    ]);
    expect(m.accusations.map((a) => [a.accuser, a.accused, a.allegation, a.quote])).toEqual([
      [
        'Russian Defence Ministry',
        // The text's "US-led coalition" is the canonical name, said as a sentence says it.
        'the US-led coalition',
        'killed civilians in Raqqa',
        S.russiaAccuses,
      ],
    ]);
    expect(m.sources.map((s) => s.outlet)).toEqual(['Reuters', 'AP', 'TASS']);
    const slack = JSON.stringify(renderSlackUpdate(m));
    for (const url of m.sources.map((s) => s.url)) expect(slack).toContain(`<${url}|`);
  });

  it('starts an account line with a capital, as the text names its source or not', () => {
    const m = only(new MemoryIncidents(), article('a1', 'Sputnik'), [
      figure({
        count: 20,
        quote: 'At least 20 civilians were killed, media reported.',
        source: 'media',
      }),
    ]);
    expect(m.accounts.map((a) => a.source)).toEqual(['Media']);
  });
});

describe('email', () => {
  it('threads the updates of one incident and carries List-Unsubscribe', () => {
    const store = new MemoryIncidents();
    const first = only(store, article('a1', 'Reuters'), [figure({ quote: S.sohr22 })]);
    const second = only(store, article('a2', 'AFP'), [figure({ count: 43, quote: S.sohr43 })]);
    const third = only(store, article('a3', 'TASS'), [
      figure({ count: 60, quote: S.russia60, source: 'Russian Defence Ministry' }),
    ]);
    const e1 = renderEmailUpdate(first, 'desk', email);
    const e3 = renderEmailUpdate(third, 'desk', email);
    expect(e1.headers['Message-ID']).toBe(`<${first.messageId}@strikewatch.example>`);
    expect(e1.headers['In-Reply-To']).toBeUndefined();
    // Every message names the incident's thread root: in AWS, SES replaces the Message-IDs, and
    // the root still threads the updates.
    const root = `<thread-${first.recordId}@strikewatch.example>`;
    expect(e1.headers.References).toBe(root);
    expect(e3.headers['In-Reply-To']).toBe(`<${second.messageId}@strikewatch.example>`);
    expect(e3.headers.References).toBe(
      `${root} <${first.messageId}@strikewatch.example> <${second.messageId}@strikewatch.example>`,
    );
    expect(e3.headers['List-Unsubscribe']).toBe(
      '<mailto:unsubscribe@strikewatch.example?subject=unsubscribe%20desk>, <https://strikewatch.example/u?s=desk>',
    );
    expect(e3.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    expect(e3.text).toContain('Unsubscribe: https://strikewatch.example/u?s=desk');
  });

  it('has no List-Unsubscribe without configured targets, and refuses unsafe ones', () => {
    const m = only(new MemoryIncidents(), article('a1', 'Reuters'), [figure({ quote: S.sohr22 })]);
    expect(renderEmailUpdate(m, 'desk', {}).headers['List-Unsubscribe']).toBeUndefined();
    const bad = renderEmailUpdate(m, 'desk', {
      unsubscribe: { mailto: 'x@y.example>\r\nBcc: z@w.example', url: 'javascript:alert(1)' },
    });
    expect(bad.headers['List-Unsubscribe']).toBeUndefined();
    expect(renderEmailUpdate(m, 'desk', {}).headers['Message-ID']).toMatch(
      /@strikewatch\.invalid>$/,
    );
  });

  it('a message id is the same on every render: a retry is the same message', () => {
    const run = () =>
      only(new MemoryIncidents(), article('a1', 'Reuters'), [figure({ quote: S.sohr22 })]);
    expect(renderEmailUpdate(run(), 'desk', email)).toEqual(
      renderEmailUpdate(run(), 'desk', email),
    );
  });
});

describe('Slack', () => {
  it('stays within Block Kit limits for a large incident', () => {
    const store = new MemoryIncidents();
    store.apply(articleClaims(article('a0', 'Reuters'), [figure({ quote: S.sohr22 })]));
    let last = null as ReturnType<typeof updateMessage> | null;
    for (let i = 1; i <= 60; i++) {
      const out = store.apply(
        articleClaims(
          article(`a${i}`, `Outlet ${i}`),
          [
            figure({
              count: 22 + i,
              quote: `${'Long sentence. '.repeat(40)}`,
              source: `Monitor ${i}`,
            }),
          ],
          [
            accusation({
              accuser: 'russia',
              quote: 'x'.repeat(900),
              allegation: `allegation ${i}`,
            }),
          ],
        ),
      );
      if (out[0]) last = updateMessage(out[0].record as Incident, out[0].update);
    }
    const p = renderSlackUpdate(last as NonNullable<typeof last>);
    expect(p.blocks.length).toBeLessThanOrEqual(50);
    for (const b of p.blocks) {
      const text = (b as { text?: { text: string } }).text?.text ?? '';
      expect(text.length).toBeLessThanOrEqual(3000);
      if (b.type === 'header') expect(text.length).toBeLessThanOrEqual(150);
    }
    expect(JSON.stringify(p)).toContain(`and ${MAX_ACCOUNTS - 12} more accounts`);
  });
});

describe('notify test sample', () => {
  it('is an update message marked as a test in its headline and its first line', () => {
    const m = sampleUpdateMessage('2017-06-05T10:00:00.000Z');
    expect(m.headline).toBe('[Test] Strike kills at least 3 people in Exampletown');
    expect(m.changes[0]).toMatch(/test message/);
    expect(renderTerminalUpdate(m)).toContain('No incident happened');
    expect(sampleUpdateMessage('2017-06-05T11:00:00.000Z').messageId).not.toBe(m.messageId);
  });
});
