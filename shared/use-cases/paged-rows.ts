import { QueryInvalidError } from '../domain/errors.ts';

// Reading analysts' rows a page at a time over store pages that hold a different number of
// records, some filtered out, some giving several rows. A query reads in phases (one per index
// partition it needs); the cursor says where the next page starts: the phase, the store cursor of
// the store page being read and how many of its rows were already given. So a page holds exactly
// `limit` rows (unless the data ends) and no row is skipped or repeated between pages.

export interface Phase<T> {
  name: string;
  /** One store page from `at` (null: the first): its rows after the filters, and the next cursor. */
  read(at: string | null): Promise<{ items: T[]; next: string | null }>;
}

interface Position {
  phase: string;
  at: string | null;
  skip: number;
}

/** Store reads at most for one page, however few rows pass the filters. */
export const MAX_READS = 50;

function encodePosition(p: Position): string {
  return Buffer.from(JSON.stringify([p.phase, p.at, p.skip])).toString('base64url');
}

function decodePosition(cursor: string, phases: readonly string[]): Position {
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === 3) {
      const [phase, at, skip] = v as unknown[];
      if (
        typeof phase === 'string' &&
        phases.includes(phase) &&
        (at === null || typeof at === 'string') &&
        typeof skip === 'number' &&
        Number.isInteger(skip) &&
        skip >= 0
      ) {
        return { phase, at, skip };
      }
    }
  } catch {
    // not one of ours: reported below
  }
  throw new QueryInvalidError(
    'invalid query cursor: pass back the cursor of the previous page of the same kind',
  );
}

/** Up to `limit` rows from `cursor` on, phase by phase; the cursor of the rest (null at the end). */
export async function readPaged<T>(
  phases: readonly Phase<T>[],
  cursor: string | null | undefined,
  limit: number,
): Promise<{ items: T[]; cursor: string | null }> {
  const names = phases.map((p) => p.name);
  const first = names[0];
  if (first === undefined) return { items: [], cursor: null };
  let pos: Position | null = cursor
    ? decodePosition(cursor, names)
    : { phase: first, at: null, skip: 0 };
  const items: T[] = [];
  for (let reads = 0; pos && reads < MAX_READS && items.length < limit; reads++) {
    const phase = phases[names.indexOf(pos.phase)] as Phase<T>;
    const { items: got, next } = await phase.read(pos.at);
    const take = got.slice(pos.skip, pos.skip + limit - items.length);
    items.push(...take);
    if (pos.skip + take.length < got.length) {
      return { items, cursor: encodePosition({ ...pos, skip: pos.skip + take.length }) };
    }
    const following: string | undefined = names[names.indexOf(pos.phase) + 1];
    if (next) pos = { phase: pos.phase, at: next, skip: 0 };
    else pos = following ? { phase: following, at: null, skip: 0 } : null;
  }
  return { items, cursor: pos ? encodePosition(pos) : null };
}
