import { readdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

// Loader for the FA-KES corpus and the seed articles handed to the project in ../shared/data.
// Read at run time, never copied: eval, replay tests, the bench and the demo all come here.

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** ../shared/data beside the repo; STRIKEWATCH_DATA_DIR overrides it. */
export function sharedDataDir(): string {
  return process.env.STRIKEWATCH_DATA_DIR ?? resolve(repoRoot, '..', 'shared', 'data');
}

export interface FaKesRow {
  unitId: string;
  title: string;
  content: string;
  /** Outlet id as the corpus spells it ("reuters", "sana", ...). */
  source: string;
  /** ISO yyyy-mm-dd (the CSV has M/D/YYYY), or null if unparseable. */
  date: string | null;
  location: string;
}

function isoFromUsDate(d: string): string | null {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(d.trim());
  if (!m) return null;
  const [, mo, da, yr] = m;
  return `${yr}-${(mo ?? '').padStart(2, '0')}-${(da ?? '').padStart(2, '0')}`;
}

export function loadFaKes(path = resolve(sharedDataDir(), 'fa-kes.csv')): FaKesRow[] {
  const records: unknown = parse(readFileSync(path), {
    columns: true,
    skip_empty_lines: true,
    relax_quotes: true,
  });
  if (!Array.isArray(records)) throw new Error(`${path}: not a CSV table`);
  return records.map((r: Record<string, string>) => ({
    unitId: String(r.unit_id ?? ''),
    title: String(r.article_title ?? ''),
    content: String(r.article_content ?? ''),
    source: String(r.source ?? ''),
    date: isoFromUsDate(String(r.date ?? '')),
    location: String(r.location ?? ''),
  }));
}

/** The text the labels were made on: title, blank line, content. */
export function faKesText(row: FaKesRow): string {
  return `${row.title}\n\n${row.content}`;
}

export interface SeedArticle {
  /** File name without extension, the key of labels-seeds.json. */
  id: string;
  file: string;
  text: string;
}

export function loadSeeds(dir = resolve(sharedDataDir(), 'seeds')): SeedArticle[] {
  return readdirSync(dir)
    .filter((f: string) => f.endsWith('.txt'))
    .sort()
    .map((f: string) => ({
      id: f.replace(/\.txt$/, ''),
      file: resolve(dir, f),
      text: readFileSync(resolve(dir, f), 'utf8'),
    }));
}

export function loadLabels(name: 'labels-dev.json' | 'labels-seeds.json'): unknown {
  return JSON.parse(readFileSync(resolve(sharedDataDir(), 'labels', name), 'utf8'));
}
