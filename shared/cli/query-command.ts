import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { createDynamoDbStore } from '../adapters/dynamodb/dynamodb-store.ts';
import { ConfigError } from '../domain/errors.ts';
import { TABLE_NAME } from '../local/local-deps.ts';
import { openSharedStore, storePath } from '../local/store-server.ts';
import { csvRow, jsonLine, terminalText } from '../output/sanitise.ts';
import { type Flat, flattenRow, queryStore } from '../use-cases/query-store.ts';

// `strikewatch query`: the analysts' view of a local data folder, as a table, JSON or CSV. The
// rows hold text from feeds and pages: every format goes through the one sanitiser. While a run
// serves the folder's store, the query is its client; otherwise it opens the store itself.

export function renderRows(rows: Flat[], format: string): string {
  if (format === 'json') return rows.map((r) => jsonLine(r)).join('\n');
  const cols = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  if (format === 'csv')
    return [csvRow(cols), ...rows.map((r) => csvRow(cols.map((c) => r[c] ?? null)))].join('\n');
  const cell = (v: Flat[string] | undefined) =>
    v === null || v === undefined ? '' : terminalText(v, { max: 60 });
  const widths = cols.map((c) => Math.max(c.length, ...rows.map((r) => cell(r[c]).length)));
  const line = (vals: string[]) =>
    vals
      .map((v, i) => v.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [
    line(cols),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map((r) => line(cols.map((c) => cell(r[c])))),
  ].join('\n');
}

export async function runQuery(o: Record<string, string | number | undefined>): Promise<void> {
  const format = String(o.format ?? 'table');
  if (!['table', 'json', 'csv'].includes(format))
    throw new ConfigError(`--format must be table, json or csv (got ${format})`);
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
    const params = Object.fromEntries(
      ['kind', 'since', 'until', 'source', 'place', 'actor', 'limit']
        .filter((k) => o[k] !== undefined)
        .map((k) => [k, o[k]]),
    );
    const rows = (await queryStore(store, params)).map(flattenRow);
    if (rows.length === 0 && format === 'table') {
      process.stdout.write(`no ${o.kind} rows match\n`);
      return;
    }
    process.stdout.write(`${renderRows(rows, format)}\n`);
  } finally {
    await dynamo.close();
  }
}
