import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { casualtyRowsOf } from '../../shared/analyst/analyst-rows.ts';
import { COLUMNS } from '../../shared/analyst/flat-rows.ts';
import { loadFaKes } from '../../shared/corpus/fa-kes.ts';
import type { Incident } from '../../shared/incidents/types.ts';
import { runCli } from '../helpers/cli-process.ts';
import {
  JUNE_2017_ROWS,
  type ModelReplay,
  replayFaKesThroughModel,
  seedDataDir,
} from '../helpers/fa-kes-incidents.ts';

// `strikewatch query` and `strikewatch report` on a data folder (dynalite under LevelDB) that
// holds the FA-KES replay's incident records (the real extractor and incident model over all 804
// rows, plus three June 2017 reports of one Raqqa strike), run as an analyst runs them.

let dataDir: string;
let replay: ModelReplay;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'strikewatch-analyst-'));
  replay = replayFaKesThroughModel([...loadFaKes(), ...JUNE_2017_ROWS]);
  await seedDataDir(dataDir, replay);
}, 180_000);

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const query = (...args: string[]) => runCli(['query', '--data-dir', dataDir, ...args]);
const csv = (text: string) => parse(text, { columns: true }) as Record<string, string>[];

describe('strikewatch query on incident records', () => {
  it('lists the June 2017 figures by incident date, with numeric count columns', async () => {
    const r = await query(
      '--kind',
      'casualty',
      '--since',
      '2017-06-01',
      '--until',
      '2017-06-30',
      '--format',
      'csv',
    );
    expect(r.code, r.stderr).toBe(0);
    const [header] = r.stdout.split('\n');
    expect(header?.split(',')).toEqual([...COLUMNS.casualty]);
    const rows = csv(r.stdout);
    expect(rows.map((x) => [x.source, x.count, x.min, x.max, x.previous]).sort()).toEqual(
      [
        ['Russian Defence Ministry', '60', '43', '60', ''],
        ['Syrian Observatory for Human Rights', '43', '43', '60', '22'],
      ].sort(),
    );
    for (const row of rows) {
      expect(row.incidentDate).toMatch(/^2017-06-/);
      for (const c of ['count', 'min', 'max']) expect(row[c]).toMatch(/^\d+$/);
      expect(row).toMatchObject({ place: 'Raqqa', perpetrator: 'coalition', outcome: 'killed' });
      expect(row.url).toMatch(/^https:\/\//);
      expect(row.incidentId).not.toBe('');
    }
  });

  it('--all streams every casualty row: the replay records, then the background figures', async () => {
    const r = await query('--kind', 'casualty', '--all', '--format', 'json');
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const expected =
      replay.incidents.reduce((n, i) => n + casualtyRowsOf(i).length, 0) + replay.background.length;
    expect(lines).toHaveLength(expected);
    expect(lines.filter((l) => l.background === true)).toHaveLength(replay.background.length);
    expect(typeof lines[0]?.count).toBe('number');
  });

  it('pages with --limit and --cursor give the same rows as --all', async () => {
    const all = await query('--kind', 'incident', '--all', '--format', 'csv');
    const seen: Record<string, string>[] = [];
    let cursor: string | undefined;
    do {
      const r = await query(
        '--kind',
        'incident',
        '--limit',
        '40',
        '--format',
        'csv',
        ...(cursor ? ['--cursor', cursor] : []),
      );
      expect(r.code, r.stderr).toBe(0);
      seen.push(...csv(r.stdout));
      cursor = /--cursor (\S+)/.exec(r.stderr)?.[1];
    } while (cursor);
    expect(seen).toEqual(csv(all.stdout));
    expect(seen).toHaveLength(replay.incidents.filter((i) => i.tallies.length).length);
  });

  it('--format json gives incident records; places match their spelling variants', async () => {
    for (const place of ['Raqqa', 'Raqa', 'Raqqah']) {
      const r = await query('--kind', 'incident', '--place', place, '--all', '--format', 'json');
      expect(r.code, r.stderr).toBe(0);
      const records = r.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Incident);
      expect(records.length, place).toBeGreaterThan(0);
      for (const rec of records) {
        expect(rec.kind).toBe('incident');
        expect(rec.placeKey).toBe('rk');
      }
    }
  });

  it('an empty CSV still has its header', async () => {
    const r = await query('--kind', 'accusation', '--place', 'Atlantis', '--format', 'csv');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.trim()).toBe(COLUMNS.accusation.join(','));
  });

  it.each([
    [['--since', '2018-01-01', '--until', '2017-01-01'], /reversed/],
    [['--since', '2017-13-45'], /calendar/],
    [['--actor', 'nato'], /unknown actor "nato"/],
  ])('%j exits 2 with the reason', async (args, reason) => {
    const r = await query('--kind', 'casualty', ...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(reason);
    expect(r.stderr).not.toMatch(/\bat .*\.ts:\d+/);
    expect(r.stdout).toBe('');
  });
});

describe('strikewatch report on incident records', () => {
  it('writes the report of the filtered records and says where', async () => {
    const out = join(dataDir, 'raqqa.html');
    const r = await runCli([
      'report',
      '--data-dir',
      dataDir,
      '--place',
      'Raqqah',
      '--since',
      '2017-06-01',
      '--until',
      '2017-06-30',
      '--out',
      out,
    ]);
    expect(r.code, r.stderr).toBe(0);
    const june = replay.incidents.filter((i) => i.date?.startsWith('2017-06'));
    const accusations = june.reduce((n, i) => n + i.accusations.length, 0);
    expect(r.stdout.trim()).toBe(
      `report: ${june.length} incidents, ${accusations} accusations, 3 stories: ${out}`,
    );
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('Russian Defence Ministry');
    expect(html).toContain('place = Raqqah');
  });

  it('refuses a reversed range with exit 2', async () => {
    const r = await runCli([
      'report',
      '--data-dir',
      dataDir,
      '--since',
      '2018-01-01',
      '--until',
      '2017-01-01',
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/reversed/);
  });
});
