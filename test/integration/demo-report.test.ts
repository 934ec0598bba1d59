import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli-process.ts';

// `npm start` (the demo command, as a process) ends with the path of the analyst report of the
// incident records its pipeline wrote: the file is there, self-contained, shows the demo's
// incidents, a disagreement and the accusations, and counts what `query` finds in the folder.

let dataDir: string;
let demo: Awaited<ReturnType<typeof runCli>>;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'strikewatch-demo-report-'));
  demo = await runCli(['demo', '--data-dir', dataDir], { timeoutMs: 240_000 });
}, 300_000);

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('npm start writes the analyst report', () => {
  it('prints the report path last, after the "N new alerts" line', () => {
    expect(demo.code, demo.stderr).toBe(0);
    const lines = demo.stdout.trim().split('\n');
    const path = join(dataDir, 'report.html');
    expect(lines.at(-1)).toMatch(
      new RegExp(`^report: \\d+ incidents, \\d+ accusations, \\d+ stories: ${path}$`),
    );
    expect(demo.stdout).toMatch(/\d+ new alerts/);
    expect(existsSync(path)).toBe(true);
    const html = readFileSync(path, 'utf8');
    expect(html).toContain('Content-Security-Policy');
    expect(html).not.toMatch(/<script|<link|<img/i);
    // The demo's incidents on the timeline, Sputnik's revised Raqqa toll as a disagreement
    // between sources (SANA's 10, Sputnik's 20), and the accusation matrix.
    expect(html).toContain('data-chart="timeline"');
    expect(html).toMatch(/<article[^>]*data-incident-id="inc_[^"]+"/);
    expect(html).toMatch(/Raqqa, 2017-04-08: 10–20 civilians killed/);
    expect(html).toContain('data-chart="accusations"');
  });

  it('counts the incidents and accusations query finds in the same folder', async () => {
    const [, incidents, accusations] =
      /^report: (\d+) incidents, (\d+) accusations/m.exec(demo.stdout) ?? [];
    const count = async (kind: string) => {
      const r = await runCli([
        'query',
        '--data-dir',
        dataDir,
        '--kind',
        kind,
        '--all',
        '--format',
        'json',
      ]);
      expect(r.code, r.stderr).toBe(0);
      return r.stdout.trim() ? r.stdout.trim().split('\n').length : 0;
    };
    expect(Number(incidents)).toBeGreaterThan(0);
    expect(Number(incidents)).toBe(await count('incident'));
    expect(Number(accusations)).toBe(await count('accusation'));
  });
});
