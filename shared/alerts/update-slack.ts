import { slackLink, slackMrkdwn, slackPlain } from '../output/sanitise.ts';
import type { AccountLine, AccusationLine, UpdateMessage } from './update-message.ts';

// Slack Block Kit for one update message: a header with the headline, what changed, the facts,
// every account with who states it and one quote per claim, each accusation, the links. Every
// outside string goes through slackMrkdwn/slackPlain (no mentions, links, formatting or forged
// rows); only strikewatch's own labels are bold. Within Slack's limits: 50 blocks, 3000
// characters per section, 10 context elements, header 150 characters.

export interface SlackPayload {
  text: string;
  blocks: Record<string, unknown>[];
  unfurl_links: false;
  unfurl_media: false;
}

const MAX_ACCOUNTS_SHOWN = 12;

/** strikewatch's own ids (hashes) go out as they are; anything else is refused. */
export const ownId = (id: string): string => (/^[a-z0-9_-]{1,64}$/i.test(id) ? id : 'invalid-id');
const MAX_ACCUSATIONS_SHOWN = 8;
const MAX_LINKS_SHOWN = 10;

export const mrkdwnSection = (text: string) => ({
  type: 'section',
  text: { type: 'mrkdwn', text: text.slice(0, 3000) },
});

const quoteLine = (q: string) => `> “${slackMrkdwn(q, { max: 400 })}”`;

function accountText(a: AccountLine): string {
  const note = a.note ? ` _(${slackMrkdwn(a.note, { max: 40 })})_` : '';
  const head = `• *${slackMrkdwn(a.source, { max: 120 })}*: ${slackMrkdwn(a.figures, { max: 400 })}${note} (${slackLink(a.url, a.outlet, 80)})`;
  return [head, ...a.quotes.slice(0, 2).map(quoteLine)].join('\n');
}

function accusationText(a: AccusationLine): string {
  const mark = a.isNew ? '*New:* ' : '';
  const what = a.allegation ? `: ${slackMrkdwn(a.allegation, { max: 200 })}` : '';
  const head = `• ${mark}*${slackMrkdwn(a.accuser, { max: 100 })}* accuses *${slackMrkdwn(a.accused, { max: 100 })}*${what} (${slackLink(a.url, a.outlet, 80)})`;
  return a.quote ? `${head}\n${quoteLine(a.quote)}` : head;
}

function more(n: number, what: string): Record<string, unknown>[] {
  return n > 0
    ? [{ type: 'context', elements: [{ type: 'mrkdwn', text: `and ${n} more ${what}` }] }]
    : [];
}

function linkBlocks(m: UpdateMessage): Record<string, unknown>[] {
  const shown = m.sources.slice(0, MAX_LINKS_SHOWN);
  const links = shown.map(
    (s) => `• ${slackLink(s.url, s.title ? `${s.outlet}: ${s.title}` : s.outlet, 140)}`,
  );
  if (!links.length) return [];
  return [
    mrkdwnSection(`*Sources*\n${links.join('\n')}`),
    ...more(m.sources.length - shown.length, 'sources'),
  ];
}

export function renderSlackUpdate(m: UpdateMessage): SlackPayload {
  const changes = m.changes.map((c) => `• ${slackMrkdwn(c, { max: 400 })}`).join('\n');
  const facts = m.facts.map(
    (f) => `*${slackMrkdwn(f.label, { max: 40 })}:* ${slackMrkdwn(f.value, { max: 400 })}`,
  );
  const accounts = m.accounts.slice(0, MAX_ACCOUNTS_SHOWN);
  const accusations = m.accusations.slice(0, MAX_ACCUSATIONS_SHOWN);
  const blocks = [
    {
      type: 'header',
      text: { type: 'plain_text', text: slackPlain(m.headline, { max: 150 }), emoji: false },
    },
    ...(changes ? [mrkdwnSection(`*What changed*\n${changes}`)] : []),
    mrkdwnSection(facts.join('\n')),
    ...(accounts.length
      ? [mrkdwnSection('*Accounts*'), ...accounts.map((a) => mrkdwnSection(accountText(a)))]
      : []),
    ...more(m.accounts.length - accounts.length, 'accounts'),
    ...(accusations.length
      ? [
          mrkdwnSection('*Accusations*'),
          ...accusations.map((a) => mrkdwnSection(accusationText(a))),
        ]
      : []),
    ...more(m.accusations.length - accusations.length, 'accusations'),
    ...linkBlocks(m),
    {
      type: 'context',
      // The id lets a reader (and the exactly-once tests) tell a repeat from a new message.
      elements: [
        {
          type: 'mrkdwn',
          text: `strikewatch update ${ownId(m.messageId)} · version ${m.version}`,
        },
      ],
    },
  ];
  return {
    text: slackMrkdwn(m.headline, { max: 300 }),
    blocks,
    unfurl_links: false,
    unfurl_media: false,
  };
}
