import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ReportData, type ReportIncident, renderReport } from '../../shared/report/index.ts';
import { type Chromium, launchChromium } from '../helpers/chromium.ts';
import { faKesReportData } from '../helpers/fa-kes-report-data.ts';

// The analyst report opened in Debian's chromium, as an analyst opens the file: FA-KES-scale
// data (its outlets, dates, places and titles; hostile text in a few titles, places and
// allegations). It loads with no console error and no request, every chart has visible marks,
// the figures shown match the input, and every link goes to its source article. Screenshots
// go to test/artifacts/ (git-ignored) for a person to look at.

const artifacts = join(dirname(fileURLToPath(import.meta.url)), '..', 'artifacts');
const reportPath = join(artifacts, 'report.html');
const reportUrl = pathToFileURL(reportPath).href;

interface Watched {
  requests: string[];
  consoleErrors: string[];
  dialogs: string[];
}

/** Records (and blocks) every request but the navigation to `allowed`, console errors, dialogs. */
async function watch(page: Page, allowed: string): Promise<Watched> {
  const seen: Watched = { requests: [], consoleErrors: [], dialogs: [] };
  await page.setRequestInterception(true);
  page.on('request', (req) => {
    if (req.isNavigationRequest() && req.url() === allowed) return void req.continue();
    seen.requests.push(req.url());
    void req.abort();
  });
  page.on('console', (m) => {
    if (m.type() === 'error') seen.consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => seen.consoleErrors.push(String(e)));
  page.on('dialog', (d) => {
    seen.dialogs.push(d.message());
    void d.dismiss();
  });
  return seen;
}

let chromium: Chromium;
let page: Page;
let data: ReportData;
let seen: Watched;

beforeAll(async () => {
  data = faKesReportData({ hostile: true });
  mkdirSync(artifacts, { recursive: true });
  writeFileSync(reportPath, renderReport(data));
  chromium = await launchChromium();
  page = await chromium.browser.newPage();
  seen = await watch(page, reportUrl);
  await page.goto(reportUrl, { waitUntil: 'load' });
});

afterAll(async () => {
  await chromium?.close();
});

/** The incidents shown in the disagreement section: the input's ones with differing accounts. */
const disagreeing = (d: ReportData): ReportIncident[] =>
  d.incidents.filter((i) => new Set(i.accounts.map((a) => `${a.count}/${a.max}`)).size > 1);

const normal = (url: string) => new URL(url).href;

describe('analyst report in chromium', () => {
  it('loads with no console error, no request, no dialog and no active content', async () => {
    expect(seen.consoleErrors).toEqual([]);
    expect(seen.requests).toEqual([]);
    expect(seen.dialogs).toEqual([]);
    const active = await page.$$eval('script, iframe, img, object, embed, link', (els) =>
      els.map((e) => e.outerHTML.slice(0, 80)),
    );
    expect(active).toEqual([]);
    // The hostile text is on the page as text.
    const text = await page.$eval('body', (b) => b.textContent ?? '');
    expect(text).toContain('<script>alert(1)</script>');
  });

  it('would see a request, a console error and a dialog (the watch itself works)', async () => {
    const control = await chromium.browser.newPage();
    const controlPath = join(artifacts, 'control.html');
    writeFileSync(
      controlPath,
      '<!doctype html><img src="https://blocked.example/x.png"><script>alert("x")</script>',
    );
    const controlUrl = pathToFileURL(controlPath).href;
    const watched = await watch(control, controlUrl);
    await control.goto(controlUrl, { waitUntil: 'load' });
    await control.close();
    expect(watched.requests).toEqual(['https://blocked.example/x.png']);
    expect(watched.dialogs).toEqual(['x']);
    expect(watched.consoleErrors.length).toBeGreaterThan(0);
  });

  it('shows the header with period, filters and when it was made', async () => {
    const facts = await page.$eval('header dl', (d) => d.textContent ?? '');
    expect(facts).toContain(`${data.period.since} to ${data.period.until}`);
    expect(facts).toContain('Filters');
    expect(facts).toContain('2026-11-01 09:30 UTC');
  });

  it('has visible marks in every chart, aggregated rather than one per article', async () => {
    const charts = await page.$$eval('[data-chart]', (nodes) =>
      nodes.map((n) => {
        const marks = [...n.querySelectorAll('g[aria-label]')].filter(
          (g) => !/axis|grid|legend|facet|frame/.test(g.getAttribute('aria-label') ?? ''),
        );
        const shapes = marks.flatMap((g) => [
          ...g.querySelectorAll('circle, line, rect, path, text'),
        ]) as SVGGraphicsElement[];
        const visible = shapes.filter((s) => {
          const b = s.getBoundingClientRect();
          return b.width > 0 || b.height > 0;
        });
        return {
          chart: n.getAttribute('data-chart'),
          shapes: shapes.length,
          visible: visible.length,
        };
      }),
    );
    const kinds = new Set(charts.map((c) => c.chart));
    for (const kind of [
      'timeline',
      'weekly',
      'range',
      'accusations',
      'outlets-per-story',
      'first-outlets',
    ]) {
      expect(kinds, kind).toContain(kind);
    }
    for (const c of charts) expect(c.visible, `${c.chart} has visible marks`).toBeGreaterThan(0);
    const shapes = (kind: string) =>
      charts.filter((c) => c.chart === kind).reduce((n, c) => n + c.shapes, 0);
    // One rule and at most two dots per incident; weekly bars, not one per article.
    expect(shapes('timeline')).toBeLessThanOrEqual(3 * data.incidents.length);
    const articles = data.stories.reduce((n, s) => n + s.articles.length, 0);
    expect(shapes('weekly')).toBeLessThan(articles / 2);
    expect(charts.filter((c) => c.chart === 'range')).toHaveLength(disagreeing(data).length);
  });

  it('shows the figures of three incidents as the input gives them, each linked to its article', async () => {
    const three = disagreeing(data).slice(0, 3);
    expect(three).toHaveLength(3);
    for (const incident of three) {
      const shown = await page.$eval(
        `article[data-incident-id="${incident.incidentId}"]`,
        (el) => ({
          heading: el.querySelector('h3')?.textContent ?? '',
          rows: [...el.querySelectorAll('table.accounts tbody tr')].map((tr) => {
            const cells = [...tr.querySelectorAll('td')];
            const a = cells[2]?.querySelector('a');
            return {
              source: cells[0]?.textContent ?? '',
              outlet: cells[1]?.textContent ?? '',
              figure: a?.textContent ?? '',
              href: a?.href ?? '',
            };
          }),
        }),
      );
      const range =
        incident.min === incident.max ? `${incident.min}` : `${incident.min}–${incident.max}`;
      expect(shown.heading).toContain(
        `${incident.date}: ${range} ${incident.victims} ${incident.outcome}`,
      );
      const expected = incident.accounts.map((a) => ({
        source: a.source,
        outlet: a.outlet,
        numbers: a.max !== null && a.max !== a.count ? [a.count, a.max] : [a.count],
        href: normal(a.url),
      }));
      const got = shown.rows.map((r) => ({
        source: r.source,
        outlet: r.outlet,
        numbers: (r.figure.match(/\d+/g) ?? []).map(Number),
        href: r.href,
      }));
      const key = (x: { source: string }) => x.source;
      expect([...got].sort((a, b) => key(a).localeCompare(key(b)))).toEqual(
        [...expected].sort((a, b) => key(a).localeCompare(key(b))),
      );
    }
  });

  it('orders the disagreements by spread, widest first', async () => {
    const spreads = await page.$$eval('article.incident h3', (hs) =>
      hs.map((h) => {
        const m = /: (\d+)–(\d+) /.exec(h.textContent ?? '');
        return m ? Number(m[2]) - Number(m[1]) : 0;
      }),
    );
    expect(spreads.length).toBeGreaterThan(2);
    expect(spreads).toEqual([...spreads].sort((a, b) => b - a));
  });

  it('links every timeline figure to the article of an account giving that figure', async () => {
    const dots = await page.$$eval('[data-chart="timeline"] a', (as) =>
      as.map((a) => ({
        href: a.getAttribute('href') ?? '',
        title: a.querySelector('title')?.textContent ?? '',
      })),
    );
    const endCount = data.incidents.reduce((n, i) => n + (i.min === i.max ? 1 : 2), 0);
    expect(dots).toHaveLength(endCount);
    const accountsByUrl = new Map<string, string[]>();
    for (const i of data.incidents) {
      for (const a of i.accounts) {
        const k = normal(a.url);
        accountsByUrl.set(k, [...(accountsByUrl.get(k) ?? []), `per ${a.source} (${a.outlet})`]);
      }
    }
    for (const d of dots) {
      const who = accountsByUrl.get(normal(d.href)) ?? [];
      expect(
        who.some((w) => d.title.endsWith(w)),
        `${d.href}: ${d.title}`,
      ).toBe(true);
    }
  });

  it('points every link to a source article of the input or to a section of the page', async () => {
    const links = await page.$$eval('a', (as) =>
      as.map(
        (a) =>
          a.getAttribute('href') ?? a.getAttributeNS('http://www.w3.org/1999/xlink', 'href') ?? '',
      ),
    );
    const ids = new Set(await page.$$eval('[id]', (els) => els.map((e) => e.id)));
    const urls = new Set([
      ...data.incidents.flatMap((i) => i.accounts.map((a) => normal(a.url))),
      ...data.accusations.map((a) => normal(a.url)),
      ...data.stories.flatMap((s) => s.articles.map((a) => normal(a.url))),
    ]);
    expect(links.length).toBeGreaterThan(data.incidents.length);
    for (const href of links) {
      if (href.startsWith('#')) expect(ids, href).toContain(href.slice(1));
      else expect(urls, href).toContain(normal(href));
    }
  });

  it('writes screenshots for a person to look at', async () => {
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.screenshot({
      path: join(artifacts, 'report.png'),
      clip: { x: 0, y: 0, width: 1200, height: Math.min(height, 3200) },
      captureBeyondViewport: true,
    });
    for (const section of ['accusations', 'coverage']) {
      const el = await page.$(`#${section}`);
      expect(el, section).not.toBeNull();
      await el?.screenshot({ path: join(artifacts, `report-${section}.png`) });
    }
  });
});
