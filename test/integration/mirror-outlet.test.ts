import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../shared/config/load-config.ts';
import type { SitePage } from '../../shared/local/demo-site.ts';
import { runCycle } from '../../shared/use-cases/run-cycle.ts';
import { type Harness, startHarness } from '../../testkit/pipeline-harness.ts';

// A mirror outlet republishing every article, through the whole pipeline (feeds and pages over
// HTTP on 127.0.0.1, dynalite, a Slack receiver): the copies join their originals' records,
// which list the mirror among their outlets, and not one message is sent. The originals' article
// also shows that an accusation no incident takes rides in the article's incident message.

const page = (slug: string, feedId: string, outlet: string, paragraphs: string[]): SitePage => ({
  slug,
  feedId,
  outlet,
  title: 'US-led coalition air strikes kill 22 civilians in Raqqa',
  publishedAt: '2017-06-05T08:00:00Z',
  paragraphs,
});

const ORIGINAL = page('raqqa-22', 'wire', 'Wire', [
  'US-led coalition air strikes killed 22 civilians in the Syrian city of Raqqa on Sunday, the Syrian Observatory for Human Rights said.',
  'Nine children were among those killed, the Observatory said.',
  "The coalition has been bombing the Islamic State group's de facto capital for weeks as the Syrian Democratic Forces advance on the city.",
  'Russia accused the US-led coalition of bombing a hospital in Aleppo last week.',
]);
const MIRROR = { ...ORIGINAL, slug: 'copy-of-raqqa-22', feedId: 'mirror', outlet: 'Mirror Wire' };

describe('a mirror outlet republishing every article', () => {
  let h: Harness;
  let first: Awaited<ReturnType<typeof runCycle>>;
  let mirror: Awaited<ReturnType<typeof runCycle>>;
  const texts = () => h.slack.received.map((r) => JSON.stringify(r.payload));

  beforeAll(async () => {
    h = await startHarness({ pages: [ORIGINAL, MIRROR] });
    const early = parseConfig(
      { ...h.config, feeds: h.config.feeds.filter((f) => f.id !== 'mirror') },
      'test config',
    );
    first = await runCycle(h.deps({ config: early }), { force: true });
    mirror = await runCycle(h.deps(), { force: true });
  }, 120_000);
  afterAll(() => h.close());

  it('the original article sends one message, its accusation riding in it', () => {
    expect(first.alerts).toBe(1);
    const [message] = texts();
    expect(message).toMatch(/22 civilians/);
    expect(message).toMatch(/Also in this article/);
    expect(message).toMatch(/hospital in Aleppo/);
  });

  it('the copy adds its outlet to the records and sends nothing', async () => {
    expect(mirror.articles.processed).toBe(1);
    expect(mirror.alerts).toBe(0);
    expect(h.slack.received).toHaveLength(1);
    const reader = h.storeAt(h.dynamo.client).incidentReader;
    for (const kind of ['incident', 'accusation'] as const) {
      const { records } = await reader.listRecords({ kind }, null);
      expect(records, kind).toHaveLength(1);
      expect(records[0]?.reports.map((r) => r.outlet)).toEqual(['Wire', 'Mirror Wire']);
    }
  });
});
