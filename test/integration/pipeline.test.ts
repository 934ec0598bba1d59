import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractClaims } from '../../shared/claims/extract-claims.ts';
import { isOutsideSyria } from '../../shared/claims/places.ts';
import { isDigestAlert } from '../../shared/domain/records.ts';
import { sourceKey } from '../../shared/incidents/parties.ts';
import type { SitePage } from '../../shared/local/demo-site.ts';
import { DEMO_ARTICLES } from '../../shared/local/fa-kes-pages.ts';
import { runCycle } from '../../shared/use-cases/run-cycle.ts';
import {
  duplicates,
  type Harness,
  mailText,
  slackAlertIds,
  startHarness,
} from '../../testkit/pipeline-harness.ts';

// The whole pipeline on real components: the demo's FA-KES articles as feeds and pages over HTTP
// on 127.0.0.1, dynalite through the AWS SDK, a Slack webhook receiver and an SMTP server. What
// the alerts must contain is what the claim extractor finds in each article's own text: the
// pipeline loses nothing on the way (no figure is written into this test).

describe('pipeline on the demo articles', () => {
  let h: Harness;
  let first: Awaited<ReturnType<typeof runCycle>>;
  const [storyA, storyB, tollFirst, tollRevised, accusation, offTopic] = DEMO_ARTICLES.map(
    (a) => a.unitId,
  );

  beforeAll(async () => {
    h = await startHarness();
    first = await runCycle(h.deps(), { force: true });
  });
  afterAll(() => h.close());

  const slackTexts = () => h.slack.received.map((r) => JSON.stringify(r.payload)).join('\n');
  const page = (slug: string | undefined): SitePage => {
    const p = h.pages.find((x) => x.slug === slug);
    if (!p) throw new Error(`no demo page ${slug}`);
    return p;
  };
  const urlOf = (p: SitePage) => `${h.site.baseUrl}/${p.feedId}/articles/${p.slug}`;
  const claimsOf = (p: SitePage) =>
    extractClaims(`${p.title}\n\n${p.paragraphs.join('\n\n')}`, { title: p.title ?? undefined });

  it('polls every feed and processes every article from its page', () => {
    expect(first.feeds).toMatchObject({ ok: h.site.feeds.length, failed: 0 });
    expect(first.articles.processed).toBe(DEMO_ARTICLES.length);
    for (const o of first.outcomes) expect('textSource' in o && o.textSource).toBe('page');
  });

  it('ignores the off-topic article: no alert links to it', () => {
    const off = first.outcomes.filter((o) => o.status === 'irrelevant');
    expect(off).toHaveLength(1);
    expect(slackTexts()).not.toContain(urlOf(page(offTopic)));
  });

  it('alerts Slack on the figures the extractor finds in the on-topic articles', async () => {
    const texts = slackTexts();
    // An incident beyond Syria (the first article's "200 killed in recent airstrikes in Mosul")
    // is stored, not sent: it is not the topic. Its figures are left out here.
    const { records } = await h
      .storeAt(h.dynamo.client)
      .incidentReader.listRecords({ kind: 'incident' }, null);
    const offTopic = records.filter((r) => r.kind === 'incident' && !r.ofTopic);
    for (const r of offTopic)
      expect(r.kind === 'incident' && isOutsideSyria(r.place ?? '')).toBe(true);
    const offTopicQuotes = new Set(
      offTopic.flatMap((r) =>
        r.kind === 'incident' ? r.accounts.flatMap((a) => a.figures.map((f) => f.quote)) : [],
      ),
    );
    for (const slug of [storyA, tollFirst, accusation]) {
      const figures = claimsOf(page(slug)).casualties.filter(
        (c) => !c.background && !offTopicQuotes.has(c.quote),
      );
      expect(figures.length, slug).toBeGreaterThan(0);
      // One account per source and measure: a source's lower figure for the same measure (an
      // earlier or partial count in the same article) gives way to its highest.
      const highest = new Map<string, (typeof figures)[number]>();
      for (const f of figures) {
        const k = `${sourceKey(f.source)}|${f.outcome}|${f.victims}`;
        if ((highest.get(k)?.count ?? -1) < f.count) highest.set(k, f);
      }
      for (const f of highest.values())
        expect(texts, `${slug}: ${f.quote}`).toContain(String(f.count));
    }
    expect(h.slack.received.length).toBe(first.alerts);
    expect(duplicates(slackAlertIds(h.slack))).toEqual([]);
  });

  it('sends the revised toll as an update of the same incident that shows the earlier figure', () => {
    // The lead's figure: the incident's toll (the first article also reports other incidents,
    // "200 killed in recent airstrikes in Mosul").
    // The toll both reports give: civilians killed in the incident (not a background toll).
    const top = (slug: string | undefined) =>
      Math.max(
        ...claimsOf(page(slug))
          .casualties.filter((c) => c.victims === 'civilians' && !c.background)
          .map((c) => c.count),
      );
    const before = top(tollFirst);
    const after = top(tollRevised);
    expect(after).toBeGreaterThan(before);
    // The update names the article that revised it, is version 2 of the first report's incident
    // and shows both figures; counts are matched as numbers, never inside a timestamp ("20:27").
    const update = h.slack.received
      .map((r) => JSON.stringify(r.payload))
      .find((t) => t.includes(urlOf(page(tollRevised))) && t.includes('· version 2'));
    expect(update).toMatch(new RegExp(`(?<![\\d:])${after}(?![\\d:])`));
    expect(update).toMatch(new RegExp(`(?<![\\d:])${before}(?![\\d:])`));
  });

  it('stores the accusation against the US-led coalition on its incident', async () => {
    const reader = h.storeAt(h.dynamo.client).incidentReader;
    const { records } = await reader.listRecords({ kind: 'incident' }, null);
    const against = records.flatMap((r) => (r.kind === 'incident' ? r.accusations : []));
    expect(
      against.some((a) => ['coalition', 'us'].includes(a.accused) && a.accuser === 'russia'),
    ).toBe(true);
  });

  it('emails only what the email subscriber’s filters accept, with links to the sources', async () => {
    expect(h.smtp.received.length).toBeGreaterThan(0);
    for (const mail of h.smtp.received) {
      expect(mail.to).toEqual(['desk@example.org']);
      expect(mail.raw).toMatch(/Subject: \[strikewatch\]/);
      expect(mailText(mail.raw)).toContain(`${h.site.baseUrl}/`);
    }
    expect(h.smtp.received.length).toBeLessThanOrEqual(h.slack.received.length);
    // The desk's filters: casualties only, at least 10. Every emailed message is an incident
    // update with a figure of 10 or more (an accusation of the article may ride in it).
    const emailed = (await h.query({ kind: 'alert' })).flatMap((r) =>
      r.kind === 'alert' && r.item.deliveries.some((d) => d.subscriberId === 'desk-email')
        ? [r.item.alert]
        : [],
    );
    expect(emailed).toHaveLength(h.smtp.received.length);
    for (const alert of emailed) {
      if (isDigestAlert(alert)) throw new Error(`unexpected digest ${alert.alertId}`);
      expect(alert.recordKind).toBe('incident');
      const counts = alert.message.facts.find((f) => f.label === 'What')?.value ?? '';
      expect(Math.max(...(counts.match(/\d+/g) ?? ['0']).map(Number))).toBeGreaterThanOrEqual(10);
    }
  });

  it('joins the two outlets’ reports of one story into one story', async () => {
    const rows = await h.query({ kind: 'story' });
    const outlets = [page(storyA).outlet, page(storyB).outlet];
    expect(outlets[0]).not.toBe(outlets[1]);
    const joint = rows.find(
      (r) => r.kind === 'story' && outlets.every((o) => r.item.outlets.includes(o)),
    );
    expect(joint).toBeDefined();
  });

  it('sends nothing on a second run: feeds answer 304, nothing is new', async () => {
    const before = { slack: h.slack.received.length, smtp: h.smtp.received.length };
    const second = await runCycle(h.deps(), { force: true });
    expect(second.feeds).toMatchObject({ notModified: h.site.feeds.length, ok: 0, failed: 0 });
    expect(second.alerts).toBe(0);
    expect(h.slack.received.length).toBe(before.slack);
    expect(h.smtp.received.length).toBe(before.smtp);
  });

  it('records every alert with its delivery status for `query --kind alert`', async () => {
    const rows = await h.query({ kind: 'alert' });
    expect(rows.length).toBe(first.alerts);
    for (const row of rows) {
      if (row.kind !== 'alert') continue;
      expect(row.item.deliveries.length).toBeGreaterThan(0);
      for (const d of row.item.deliveries) expect(d.status).toBe('sent');
    }
  });
});
