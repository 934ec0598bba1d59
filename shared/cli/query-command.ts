import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { createDynamoDbStore } from '../adapters/dynamodb/dynamodb-store.ts';
import { COLUMNS, type Flat } from '../analyst/flat-rows.ts';
import { ConfigError, QueryInvalidError } from '../domain/errors.ts';
import { TABLE_NAME } from '../local/local-deps.ts';
import { openSharedStore, storePath } from '../local/store-server.ts';
import { csvRow, jsonLine, terminalText } from '../output/sanitise.ts';
import type { QueryKind } from '../ports/analyst-query.ts';
import {
  flatItem,
  jsonItem,
  parseQueryParams,
  type QueryDeps,
  type QueryItem,
  queryAll,
  queryAnalystRows,
} from '../use-cases/query-store.ts';

// `strikewatch query`: the analysts' view of a local data folder, as a table, JSON or CSV. The
// rows hold text from feeds and pages: every format goes through the one sanitiser. While a run
// serves the folder's store, the query is its client; otherwise it opens the store itself.
// `--all` streams every row, a page of the store at a time; without it one page is printed and,
// when there are more rows, stderr says how to get them.

/** A terminal table of flat rows (widths from these rows). */
export function renderTable(rows: Flat[], cols: readonly string[], header = true): string {
  const cell = (v: Flat[string] | undefined) =>
    v === null || v === undefined ? '' : terminalText(v, { max: 60 });
  const widths = cols.map((c) => Math.max(c.length, ...rows.map((r) => cell(r[c]).length)));
  const line = (vals: string[]) =>
    vals
      .map((v, i) => v.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  const head = header ? [line([...cols]), line(widths.map((w) => '-'.repeat(w)))] : [];
  return [...head, ...rows.map((r) => line(cols.map((c) => cell(r[c]))))].join('\n');
}

/** Writes, waiting for stdout to drain (an export of every row stays in bounded memory). */
async function write(text: string): Promise<void> {
  if (!process.stdout.write(text)) await new Promise((r) => process.stdout.once('drain', r));
}

/** Prints items in the format, the header (table, CSV) only before the first chunk. */
function printer(kind: QueryKind, format: string) {
  let first = true;
  return async (items: QueryItem[]) => {
    const header = first;
    first = false;
    if (format === 'json') {
      if (items.length) await write(`${items.map((i) => jsonLine(jsonItem(i))).join('\n')}\n`);
      return;
    }
    const rows = items.map(flatItem);
    const cols = COLUMNS[kind];
    if (format === 'csv') {
      const lines = rows.map((r) => csvRow(cols.map((c) => r[c] ?? null)));
      await write(`${[...(header ? [csvRow(cols)] : []), ...lines].join('\n')}\n`);
      return;
    }
    if (rows.length) await write(`${renderTable(rows, cols, header)}\n`);
    else if (header) await write(`no ${kind} rows match\n`);
  };
}

const PARAMS = [
  'kind',
  'since',
  'until',
  'reportedSince',
  'reportedUntil',
  'source',
  'place',
  'actor',
  'limit',
  'cursor',
] as const;

async function printQuery(
  store: QueryDeps,
  params: Record<string, unknown>,
  o: { format: string; all: boolean },
): Promise<void> {
  const print = printer(params.kind as QueryKind, o.format);
  if (o.all) {
    let chunk: QueryItem[] = [];
    for await (const item of queryAll(store, params)) {
      chunk.push(item);
      if (chunk.length >= 1000) {
        await print(chunk);
        chunk = [];
      }
    }
    await print(chunk);
    return;
  }
  const page = await queryAnalystRows(store, params);
  await print(page.items);
  if (page.cursor) {
    process.stderr.write(
      `strikewatch: more rows: add --all for every row, or --cursor ${page.cursor} for the next page\n`,
    );
  }
}

export async function runQuery(
  o: Record<string, string | number | boolean | undefined>,
): Promise<void> {
  const format = String(o.format ?? 'table');
  if (!['table', 'json', 'csv'].includes(format))
    throw new ConfigError(`--format must be table, json or csv (got ${format})`);
  const params = Object.fromEntries(PARAMS.filter((k) => o[k] !== undefined).map((k) => [k, o[k]]));
  if (o.all && o.limit !== undefined)
    throw new QueryInvalidError('--all and --limit: give one of them');
  // Checked before the store opens: a bad date or actor is an error at once (exit 2).
  parseQueryParams(params);
  const dataDir = resolve(String(o.dataDir));
  if (!existsSync(storePath(dataDir))) {
    throw new ConfigError(
      `no strikewatch data in ${dataDir}: run \`strikewatch run --config FILE --data-dir ${o.dataDir}\` (or \`npm start\`, whose data is in .strikewatch/demo) first`,
    );
  }
  const dynamo = await openSharedStore(dataDir, {
    command: 'query',
    notice: (m) => process.stderr.write(`strikewatch: ${m}\n`),
  });
  try {
    const store = createDynamoDbStore({ client: dynamo.client, tableName: TABLE_NAME });
    await store.table.ensureTable();
    await printQuery(store, params, { format, all: o.all === true });
  } finally {
    await dynamo.close();
  }
}
