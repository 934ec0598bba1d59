import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SitePage } from '../../shared/local/demo-site.ts';
import { deliverDue } from '../../shared/use-cases/deliver-alerts.ts';
import { runCycle } from '../../shared/use-cases/run-cycle.ts';
import { manualClock } from '../../testkit/manual-clock.ts';
import {
  duplicates,
  type Harness,
  mailText,
  slackAlertIds,
  startHarness,
} from '../../testkit/pipeline-harness.ts';

// Issue 16 item 3: one feed of 200 on-topic items, each a strike on another village (200
// incidents, 200 first reports), through the whole pipeline on loopback. No subscriber gets more
// than the per-feed-per-poll cap at once; the rest arrive as one "N more updates" overflow
// message per subscriber once the hour is over, and nothing is dropped or sent twice.

const CONSONANTS = 'bdfgklmnprstz';
/** 200 village names with distinct place keys (consonant skeletons). */
function villages(n: number): string[] {
  const names: string[] = [];
  for (const a of CONSONANTS)
    for (const b of CONSONANTS)
      for (const c of CONSONANTS) {
        if (a === b || b === c || names.length >= n) continue;
        names.push(`${a.toUpperCase()}a${b}${c}ana`);
      }
  return names;
}

const pages: SitePage[] = villages(200).map((village, i) => ({
  slug: `strike-${i}`,
  feedId: 'flood',
  outlet: 'Flood Wire',
  title: `Coalition strike kills ${20 + (i % 50)} civilians in ${village}`,
  publishedAt: new Date(Date.parse('2017-06-05T00:00:00Z') + i * 60_000).toISOString(),
  paragraphs: [
    `A US-led coalition air strike killed ${20 + (i % 50)} civilians in the village of ${village} on Monday, the Syrian Observatory for Human Rights said.`,
    'The coalition said it was investigating the report. Residents said the warplanes struck a house where displaced families were sheltering.',
  ],
}));

// The run's clock, well inside one hour: on the wall clock a slow run could cross an hour and
// split the held updates into two hours' overflow messages.
const RUN_START = new Date('2026-06-05T10:05:00Z');

describe('a feed of 200 on-topic items', () => {
  let h: Harness;
  let cycle: Awaited<ReturnType<typeof runCycle>>;

  beforeAll(async () => {
    h = await startHarness({ pages });
    cycle = await runCycle(h.deps({ clock: manualClock(RUN_START) }), {
      force: true,
      deliveryWaitMs: 0,
    });
  }, 600_000);
  afterAll(() => h.close());

  it('makes one update message per incident, and sends each subscriber at most the feed cap', () => {
    expect(cycle.articles.relevant).toBe(200);
    expect(cycle.alerts).toBe(200);
    const cap = h.config.delivery.caps.perFeedPerPoll;
    expect(h.slack.received).toHaveLength(cap);
    expect(h.smtp.received).toHaveLength(cap);
  });

  it('sends the rest as one overflow message per subscriber once the hour is over', async () => {
    const later = manualClock(new Date(RUN_START.getTime() + 2 * 3_600_000));
    await deliverDue(h.deps({ clock: later }));
    const cap = h.config.delivery.caps.perFeedPerPoll;
    expect(h.slack.received).toHaveLength(cap + 1);
    expect(h.smtp.received).toHaveLength(cap + 1);
    const overflow = JSON.stringify(h.slack.received.at(-1)?.payload);
    expect(overflow).toMatch(new RegExp(`${200 - cap} more updates held back`));
    expect(mailText(h.smtp.received.at(-1)?.raw ?? '')).toMatch(/more updates held back/);
    expect(duplicates(slackAlertIds(h.slack))).toEqual([]);
    // A later sweep sends nothing more.
    await deliverDue(h.deps({ clock: later }));
    expect(h.slack.received).toHaveLength(cap + 1);
  });
});
