import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../shared/claims/extract-claims.ts';
import { faKesText, loadFaKes } from '../../shared/corpus/fa-kes.ts';
import { DEMO_ARTICLES } from '../../shared/local/fa-kes-pages.ts';
import { renderNewsPage } from '../../testkit/news-page.ts';

// `strikewatch extract` as a user runs it: the real CLI in a child process, pages extracted in
// the same worker thread the runs use.

const BIN = resolve(import.meta.dirname, '../../bin/strikewatch.mjs');
const run = (args: string[]) =>
  spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 60_000 });

/** Characters a terminal acts on (C0 but tab and newline, DEL, C1, bidi overrides), as codes. */
const actedOn = (out: string): number[] =>
  [...out]
    .map((c) => c.charCodeAt(0))
    .filter(
      (n) =>
        (n < 0x20 && n !== 0x09 && n !== 0x0a) ||
        (n >= 0x7f && n <= 0x9f) ||
        (n >= 0x202a && n <= 0x202e),
    );

describe('strikewatch extract', () => {
  // A demo article (a coalition strike with a casualty figure) as a plain text file.
  const row = loadFaKes().find((r) => r.unitId === DEMO_ARTICLES[0]?.unitId);
  const textFile = join(mkdtempSync(join(tmpdir(), 'strikewatch-cli-')), 'article.txt');
  writeFileSync(textFile, row ? faKesText(row) : '');

  it('prints the verdict, figures and accusations of a text file', () => {
    const r = run(['extract', textFile]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/: on topic \(coalition-strikes-syria\)/);
    expect(r.stdout).toMatch(/ {2}figure: .* killed/);
  });

  it("gives an outlet that is a party's organ its voice with --outlet", () => {
    const file = join(mkdtempSync(join(tmpdir(), 'strikewatch-cli-')), 'sana.txt');
    writeFileSync(
      file,
      'Terrorists shell Aleppo\n\nA woman was killed in Aleppo on Monday by terrorists rocket shells.',
    );
    const pairs = (args: string[]) => {
      const r = run(['extract', '--json', ...args, file]);
      expect(r.status, r.stderr).toBe(0);
      const out = JSON.parse(r.stdout) as {
        accusations: { accuser: string; accused: string }[];
        casualties: { perpetrator: string | null; dateBasis: string | null }[];
      };
      return out;
    };
    const own = pairs(['--outlet', 'sana']);
    expect(own.accusations.map((a) => `${a.accuser}>${a.accused}`)).toEqual(['syria_gov>rebels']);
    expect(own.casualties[0]?.perpetrator).toBe('rebels');
    expect(pairs([]).accusations).toEqual([]);
  });

  it('extracts an HTML page through the worker and reports its claims as JSON', () => {
    const dir = mkdtempSync(join(tmpdir(), 'strikewatch-cli-'));
    const text =
      'US-led coalition air strikes killed at least 17 civilians in Mayadeen on Monday, the Syrian ' +
      'Observatory for Human Rights said. Russia accused the US-led coalition of killing civilians.';
    const page = join(dir, 'page.html');
    writeFileSync(
      page,
      renderNewsPage({
        title: 'Coalition strikes kill 17 civilians in Mayadeen',
        content: `${text}\n\n${text}`,
        source: 'example',
        date: '2017-05-29',
        url: 'https://example.org/a',
      }),
    );
    const r = run(['extract', '--json', page]);
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { relevant: boolean; casualties: { count: number }[] };
    expect(out.relevant).toBe(true);
    // The same figures as the extractor finds in the plain text: nothing lost to the page.
    const expected = extractClaims(text).casualties.map((c) => c.count);
    expect(out.casualties.map((c) => c.count)).toEqual(expect.arrayContaining(expected));
  });

  it('goes on past a missing file and a device that never ends, and says why each failed', () => {
    const r = run(['extract', '--json', '/no/such/article.txt', '/dev/zero', textFile]);
    // The readable file is still reported; the run's status says something failed.
    expect(r.status).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect((JSON.parse(lines[0] ?? '{}') as { file: string }).file).toBe(textFile);
    expect(r.stderr).toMatch(/\/no\/such\/article\.txt: not extracted: cannot read it \(ENOENT\)/);
    expect(r.stderr).toMatch(/\/dev\/zero: not extracted: larger than 5 MiB/);
  });

  it('explains the topic decision and keeps terminal control characters out of its output', () => {
    const dir = mkdtempSync(join(tmpdir(), 'strikewatch-cli-'));
    const hostile = join(dir, 'hostile.txt');
    writeFileSync(
      hostile,
      `${row ? faKesText(row) : ''}\n\nAt least 9 civilians were killed \u001b]52;c;ZXZpbA==\u0007 in Raqqa \u202egnp.exe\u202c the Observatory said.`,
    );
    const text = run(['extract', hostile]);
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/ {2}topic: p=\d\.\d\d \(threshold /);
    expect(actedOn(text.stdout)).toEqual([]);
    const json = run(['extract', '--json', hostile]);
    expect(actedOn(json.stdout)).toEqual([]);
    const out = JSON.parse(json.stdout) as {
      explanation: { probability: number; topFeatures: unknown[] } | null;
    };
    expect(out.explanation?.probability).toBeGreaterThan(0.5);
    expect(out.explanation?.topFeatures.length).toBeGreaterThan(0);
  });
});
