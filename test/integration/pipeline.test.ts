import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCycle } from '../../shared/use-cases/run-cycle.ts';
import {
  duplicates,
  type Harness,
  mailText,
  slackAlertIds,
  startHarness,
} from '../helpers/pipeline-harness.ts';

// The whole pipeline on real components: feeds and pages over HTTP on 127.0.0.1, dynalite
// through the AWS SDK, a Slack webhook receiver and an SMTP server.

describe('pipeline on the seed articles', () => {
  let h: Harness;
  let first: Awaited<ReturnType<typeof runCycle>>;

  beforeAll(async () => {
    h = await startHarness();
    first = await runCycle(h.deps(), { force: true });
  });
  afterAll(() => h.close());

  const slackTexts = () => h.slack.received.map((r) => JSON.stringify(r.payload));

  it('polls every feed and processes every article from its page', () => {
    expect(first.feeds).toMatchObject({ ok: 3, failed: 0 });
    expect(first.articles.processed).toBe(5);
    const processed = first.outcomes.filter((o) => o.status === 'processed');
    expect(processed.length).toBeGreaterThanOrEqual(4);
    for (const o of processed) expect('textSource' in o && o.textSource).toBe('page');
  });

  it('alerts Slack on the seeds’ casualty figures and accusations', () => {
    const texts = slackTexts().join('\n');
    expect(texts).toMatch(/84 civilians killed[^"]*Raqqa/);
    expect(texts).toMatch(/Human Rights Watch/);
    expect(texts).toMatch(/43 civilians killed/);
    expect(texts).toMatch(/62 soldiers killed/);
    expect(texts).toMatch(/Russia accuses the US-led coalition/);
    expect(first.alerts).toBeGreaterThanOrEqual(3);
    expect(h.slack.received.length).toBe(first.alerts);
    expect(duplicates(slackAlertIds(h.slack))).toEqual([]);
  });

  it('emails only what the email subscriber’s filters accept, with links to the sources', () => {
    expect(h.smtp.received.length).toBeGreaterThan(0);
    for (const mail of h.smtp.received) {
      expect(mail.to).toEqual(['desk@example.org']);
      expect(mail.raw).toMatch(/Subject: \[strikewatch\]/);
      expect(mailText(mail.raw)).toContain(`${h.site.baseUrl}/`);
    }
    expect(h.smtp.received.length).toBeLessThan(h.slack.received.length);
  });

  it('joins the two outlets’ reports of one story into one story', async () => {
    const rows = await h.deps().store.query({ kind: 'story' });
    const storyOf000 = rows.find(
      (r) =>
        r.kind === 'story' &&
        r.item.outlets.includes('Outlet A') &&
        r.item.outlets.includes('Outlet B'),
    );
    expect(storyOf000).toBeDefined();
  });

  it('sends nothing on a second run: feeds answer 304, nothing is new', async () => {
    const before = { slack: h.slack.received.length, smtp: h.smtp.received.length };
    const second = await runCycle(h.deps(), { force: true });
    expect(second.feeds).toMatchObject({ notModified: 3, ok: 0, failed: 0 });
    expect(second.alerts).toBe(0);
    expect(h.slack.received.length).toBe(before.slack);
    expect(h.smtp.received.length).toBe(before.smtp);
  });

  it('records every alert with its delivery status for `query --kind alert`', async () => {
    const rows = await h.deps().store.query({ kind: 'alert' });
    expect(rows.length).toBe(first.alerts);
    for (const row of rows) {
      if (row.kind !== 'alert') continue;
      expect(row.item.deliveries.length).toBeGreaterThan(0);
      for (const d of row.item.deliveries) expect(d.status).toBe('sent');
    }
  });
});
