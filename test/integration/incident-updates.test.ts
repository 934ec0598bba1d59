import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../shared/config/load-config.ts';
import type { SitePage } from '../../shared/local/demo-site.ts';
import { runCycle } from '../../shared/use-cases/run-cycle.ts';
import {
  duplicates,
  type Harness,
  mailText,
  slackAlertIds,
  startHarness,
} from '../../testkit/pipeline-harness.ts';

// One incident told by two sources, then revised by one of them, through the whole pipeline
// (feeds and pages over HTTP on 127.0.0.1, dynalite, a Slack receiver and an SMTP server): the
// second source's figure arrives as a disagreement showing both accounts in one message; the
// first source's later, higher toll is an update that says "from 22 to 43".

const SOHR = 'the Syrian Observatory for Human Rights said';
const page = (
  slug: string,
  feedId: string,
  outlet: string,
  at: string,
  title: string,
  lead: string,
): SitePage => ({
  slug,
  feedId,
  outlet,
  title,
  publishedAt: at,
  paragraphs: [
    lead,
    "The coalition has been bombing the Islamic State group's de facto capital for weeks as the Syrian Democratic Forces advance on the city.",
    'Residents said warplanes struck a residential district near the old city.',
  ],
});

const PAGES: SitePage[] = [
  page(
    'raqqa-22',
    'wire',
    'Wire',
    '2017-06-05T08:00:00Z',
    'US-led coalition air strikes kill 22 civilians in Raqqa',
    `US-led coalition air strikes killed 22 civilians in the Syrian city of Raqqa on Sunday, ${SOHR}.`,
  ),
  page(
    'raqqa-60',
    'moscow',
    'Moscow Daily',
    '2017-06-05T10:00:00Z',
    'Russia says coalition strikes in Raqqa killed 60 civilians',
    'The Russian Defence Ministry said on Monday that US-led coalition air strikes killed 60 civilians in Raqqa on Sunday.',
  ),
  page(
    'raqqa-43',
    'wire-late',
    'Wire',
    '2017-06-05T16:00:00Z',
    'Toll of coalition strikes on Raqqa rises to 43 civilians',
    `The toll of US-led coalition air strikes on Raqqa on Sunday has risen to 43 civilians killed, ${SOHR}.`,
  ),
];

describe('incident updates through the pipeline', () => {
  let h: Harness;
  let first: Awaited<ReturnType<typeof runCycle>>;
  let second: Awaited<ReturnType<typeof runCycle>>;
  const texts = () => h.slack.received.map((r) => JSON.stringify(r.payload));

  beforeAll(async () => {
    h = await startHarness({ pages: PAGES });
    // The first cycle knows the two first reports' feeds only; the revision's feed comes after.
    const early = parseConfig(
      { ...h.config, feeds: h.config.feeds.filter((f) => f.id !== 'wire-late') },
      'test config',
    );
    first = await runCycle(h.deps({ config: early }), { force: true });
    second = await runCycle(h.deps(), { force: true });
  }, 120_000);
  afterAll(() => h.close());

  it('makes one incident of both sources and one message per update', async () => {
    const { records } = await h
      .storeAt(h.dynamo.client)
      .incidentReader.listRecords({ kind: 'incident' }, null);
    expect(records).toHaveLength(1);
    const [incident] = records;
    if (incident?.kind !== 'incident') throw new Error('no incident');
    expect(incident.place).toBe('Raqqa');
    expect(incident.date).toBe('2017-06-04');
    expect(incident.accounts.map((a) => a.source).sort()).toEqual([
      'Russian Defence Ministry',
      'Syrian Observatory for Human Rights',
    ]);
    expect(first.alerts).toBe(2);
    expect(second.alerts).toBe(1);
    expect(duplicates(slackAlertIds(h.slack))).toEqual([]);
    expect(h.slack.received).toHaveLength(3);
  });

  it('shows both sources’ figures together in the message of the second account', () => {
    const both = texts().filter(
      (t) => /\b22\b/.test(t) && /\b60\b/.test(t) && t.includes('· version 2'),
    );
    expect(both).toHaveLength(1);
    expect(both[0]).toContain('Syrian Observatory for Human Rights');
    expect(both[0]).toContain('Russian Defence Ministry');
    expect(both[0]).toMatch(/disagree/i);
  });

  it('says "from 22 to 43" when the same source raises its toll, with every account shown', () => {
    const update = texts().find((t) => t.includes('· version 3'));
    expect(update).toMatch(/from 22 to 43/);
    expect(update).toMatch(/\b60\b/);
    expect(update).toContain(`${h.site.baseUrl}/wire-late/articles/raqqa-43`);
  });

  it('threads the emails of one incident (In-Reply-To / References the earlier messages)', () => {
    // Headers unfolded (a long References line continues on the next, indented).
    const mails = h.smtp.received.map((m) => mailText(m.raw).replace(/\r?\n[ \t]+/g, ' '));
    expect(mails).toHaveLength(3);
    const ids = mails.map((m) => /^Message-ID: (<[^>]+>)/im.exec(m)?.[1]);
    expect(new Set(ids).size).toBe(3);
    const last = mails.find((m) => /from 22 to 43/.test(m)) ?? '';
    expect(last).toMatch(/^In-Reply-To: </im);
    const refs = /^References: (.+)$/im.exec(last)?.[1] ?? '';
    for (const id of ids.filter((i) => !last.includes(`Message-ID: ${i}`)))
      expect(refs).toContain(id);
  });
});
