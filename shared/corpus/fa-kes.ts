import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

// Loader for the FA-KES corpus and the labelled development sets kept in the repository's
// data/ folder (provenance and licences in data/README.md). Read at run time: eval, replay
// tests, the bench and the demo all come here. Eval and bench take another folder with --data.

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The repository's own data folder. */
export const REPO_DATA_DIR = resolve(repoRoot, 'data');

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

export function loadFaKes(dataDir = REPO_DATA_DIR): FaKesRow[] {
  const path = resolve(dataDir, 'fa-kes.csv');
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

export type LabelFile = 'labels-dev.json' | 'labels-topic-dev.json';

export function loadLabels(name: LabelFile, dataDir = REPO_DATA_DIR): unknown {
  return JSON.parse(readFileSync(resolve(dataDir, 'labels', name), 'utf8'));
}
