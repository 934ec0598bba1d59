import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDigest, type DigestPeriod, periodWindow } from '../../../shared/alerts/digest.ts';
import {
  renderEmailDigest,
  renderSlackDigest,
  renderTerminalDigest,
} from '../../../shared/alerts/digest-render.ts';
import type { EmailHeaderOptions } from '../../../shared/alerts/email-headers.ts';
import { type RenderedEmail, renderEmailUpdate } from '../../../shared/alerts/update-email.ts';
import { updateMessage } from '../../../shared/alerts/update-message.ts';
import { renderSlackUpdate } from '../../../shared/alerts/update-slack.ts';
import { renderTerminalUpdate } from '../../../shared/alerts/update-terminal.ts';
import type { ArticleClaims } from '../../../shared/incidents/group-claims.ts';
import { MemoryIncidents } from '../../helpers/memory-incidents.ts';

// Golden files: each test/fixtures/messages/<case>.input.json (articles, in order, as the claim
// extractor gives them) is run through the incident model; the message of the last article's
// update (or the digest of every update) is rendered beside it as Slack JSON, email (headers and
// text, HTML) and terminal text. A change of wording shows up as a diff of these files; `vitest
// -u` rewrites them after review.

const DIR = join(import.meta.dirname, '../../fixtures/messages');

interface GoldenInput {
  subscriberId: string;
  email: EmailHeaderOptions;
  articles: ArticleClaims[];
  digest?: { period: DigestPeriod; at: string };
}

const cases = readdirSync(DIR)
  .filter((f) => f.endsWith('.input.json'))
  .map((f) => f.replace(/\.input\.json$/, ''));

const emailFile = (e: RenderedEmail) =>
  [
    `Subject: ${e.subject}`,
    ...Object.entries(e.headers).map(([k, v]) => `${k}: ${v}`),
    '',
    e.text,
    '',
  ].join('\n');

function render(input: GoldenInput) {
  const store = new MemoryIncidents();
  const all = input.articles.map((a) => store.apply(a));
  if (input.digest) {
    const window = periodWindow(input.digest.at, input.digest.period);
    // The digest item of a period holds the updates made in it.
    const messages = all
      .flat()
      .map((x) => updateMessage(x.record, x.update))
      .filter((m) => m.at >= window.start && m.at < window.end);
    const d = buildDigest('digest', input.subscriberId, window, messages);
    return {
      slack: renderSlackDigest(d),
      email: renderEmailDigest(d, input.email),
      terminal: renderTerminalDigest(d),
    };
  }
  const last = all[all.length - 1] ?? [];
  expect(last).toHaveLength(1);
  const [{ record, update }] = last as [NonNullable<(typeof last)[0]>];
  const m = updateMessage(record, update);
  return {
    slack: renderSlackUpdate(m),
    email: renderEmailUpdate(m, input.subscriberId, input.email),
    terminal: renderTerminalUpdate(m),
  };
}

describe('message golden files', () => {
  it('has cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(6);
  });

  for (const name of cases) {
    it(name, async () => {
      const input = JSON.parse(
        readFileSync(join(DIR, `${name}.input.json`), 'utf8'),
      ) as GoldenInput;
      const out = render(input);
      await expect(`${JSON.stringify(out.slack, null, 2)}\n`).toMatchFileSnapshot(
        join(DIR, `${name}.slack.json`),
      );
      await expect(emailFile(out.email)).toMatchFileSnapshot(join(DIR, `${name}.email.txt`));
      await expect(`${out.email.html}\n`).toMatchFileSnapshot(join(DIR, `${name}.email.html`));
      await expect(`${out.terminal}\n`).toMatchFileSnapshot(join(DIR, `${name}.terminal.txt`));
    });
  }
});
