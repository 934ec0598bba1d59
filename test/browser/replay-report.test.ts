import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse } from 'csv-parse/sync';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Incident } from '../../shared/incidents/types.ts';
import { type Chromium, launchChromium } from '../helpers/chromium.ts';
import { runCli } from '../helpers/cli-process.ts';
import { seedDataDir } from '../helpers/fa-kes-incidents.ts';
import { replayFaKesThroughPipeline } from '../helpers/pipeline-replay.ts';

// The report of a FA-KES replay as an analyst makes and opens it: all 804 rows served as outlet
// feeds and pages on 127.0.0.1 and run through the whole pipeline (one full cycle), the records it
// wrote put in a data folder, `strikewatch report` run as a process, the file opened in Debian's
// chromium. It loads with no
// console error and no request, every chart has marks, and the figures shown for three incidents
// are those `strikewatch query --format json` gives for them. Screenshot in test/artifacts/.

const artifacts = join(dirname(fileURLToPath(import.meta.url)), '..', 'artifacts');
const reportPath = join(artifacts, 'replay-report.html');
const reportUrl = pathToFileURL(reportPath).href;

let dataDir: string;
let chromium: Chromium;
let page: Page;
const requests: string[] = [];
const consoleErrors: string[] = [];

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'strikewatch-replay-report-'));
  const replay = await replayFaKesThroughPipeline();
  expect(replay.incidents.length).toBeGreaterThan(20);
  await seedDataDir(dataDir, replay);
  mkdirSync(artifacts, { recursive: true });
  const made = await runCli(['report', '--data-dir', dataDir, '--out', reportPath]);
  expect(made.code, made.stderr).toBe(0);
  chromium = await launchChromium();
  page = await chromium.browser.newPage();
  await page.setRequestInterception(true);
  page.on('request', (req) => {
    if (req.isNavigationRequest() && req.url() === reportUrl) return void req.continue();
    requests.push(req.url());
    void req.abort();
  });
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  await page.goto(reportUrl, { waitUntil: 'load' });
}, 900_000);

afterAll(async () => {
  await chromium?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const query = async (...args: string[]) => {
  const r = await runCli(['query', '--data-dir', dataDir, '--all', ...args]);
  expect(r.code, r.stderr).toBe(0);
  return r.stdout;
};

describe('the report of a FA-KES replay in chromium', () => {
  it('loads with no console error and no request', () => {
    expect(consoleErrors).toEqual([]);
    expect(requests).toEqual([]);
  });

  it('has visible marks in every chart', async () => {
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
        return { chart: n.getAttribute('data-chart'), visible: visible.length };
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
    ])
      expect(kinds, kind).toContain(kind);
    for (const c of charts) expect(c.visible, `${c.chart} has visible marks`).toBeGreaterThan(0);
  });

  it('shows for three incidents the figures `query --format json` gives', async () => {
    const records = new Map(
      (await query('--kind', 'incident', '--format', 'json'))
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Incident)
        .map((r) => [r.id, r]),
    );
    const rows = parse(await query('--kind', 'incident', '--format', 'csv'), {
      columns: true,
    }) as Record<string, string>[];
    const shownIds = await page.$$eval('article[data-incident-id]', (els) =>
      els.map((e) => e.getAttribute('data-incident-id') ?? ''),
    );
    expect(shownIds.length).toBeGreaterThanOrEqual(3);
    for (const id of shownIds.slice(0, 3)) {
      const record = records.get(id);
      const row = rows.find((r) => r.incidentId === id);
      expect(record, id).toBeDefined();
      expect(row, id).toBeDefined();
      if (!record || !row) continue;
      const shown = await page.$eval(`article[data-incident-id="${id}"]`, (el) => ({
        heading: el.querySelector('h3')?.textContent ?? '',
        rows: [...el.querySelectorAll('table.accounts tbody tr')].map((tr) => {
          const cells = [...tr.querySelectorAll('td')];
          return {
            source: cells[0]?.textContent ?? '',
            outlet: cells[1]?.textContent ?? '',
            numbers: ((cells[2]?.textContent ?? '').match(/\d+/g) ?? []).map(Number),
          };
        }),
      }));
      expect(shown.heading).toContain(
        `${row.incidentDate}: ${row.min}–${row.max} ${row.victims} ${row.outcome}`,
      );
      const expected = record.accounts.flatMap((a) =>
        a.figures
          .filter((f) => f.victims === row.victims && f.outcome === row.outcome && !f.partOf)
          .map((f) => ({
            source: a.source,
            outlet: a.outlet,
            numbers: f.max !== null && f.max !== f.count ? [f.count, f.max] : [f.count],
          })),
      );
      const bySource = (x: { source: string }, y: { source: string }) =>
        x.source.localeCompare(y.source);
      expect([...shown.rows].sort(bySource), id).toEqual([...expected].sort(bySource));
    }
  });

  it('writes a screenshot for a person to look at', async () => {
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.screenshot({
      path: join(artifacts, 'replay-report.png'),
      clip: { x: 0, y: 0, width: 1200, height: Math.min(height, 3200) },
      captureBeyondViewport: true,
    });
  });
});
