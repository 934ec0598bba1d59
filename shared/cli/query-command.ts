import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createDynamoDbStore } from '../adapters/dynamodb/dynamodb-store.ts';
import { ConfigError } from '../domain/errors.ts';
import { startEmbeddedDynamo } from '../local/embedded-dynamodb.ts';
import { TABLE_NAME } from '../local/local-deps.ts';
import { type Flat, flattenRow, queryStore } from '../use-cases/query-store.ts';

// `strikewatch query`: the analysts' view of a local data folder, as a table, JSON or CSV.

function csvCell(v: Flat[string]): string {
  const s = v === null ? '' : String(v);
  // A leading =, +, - or @ would run as a formula in a spreadsheet.
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
  return /[",\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function renderRows(rows: Flat[], format: string): string {
  if (format === 'json') return rows.map((r) => JSON.stringify(r)).join('\n');
  const cols = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  if (format === 'csv')
    return [
      cols.join(','),
      ...rows.map((r) => cols.map((c) => csvCell(r[c] ?? null)).join(',')),
    ].join('\n');
  const cell = (v: Flat[string] | undefined) => {
    const s = v === null || v === undefined ? '' : String(v).replace(/\s+/g, ' ');
    return s.length > 60 ? `${s.slice(0, 59)}…` : s;
  };
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
  const dbPath = join(dataDir, 'dynamodb');
  if (!existsSync(dbPath)) {
    throw new ConfigError(
      `no strikewatch data in ${dataDir}: run \`strikewatch run --config FILE --data-dir ${o.dataDir}\` (or \`npm start\`, whose data is in .strikewatch/demo) first`,
    );
  }
  const dynamo = await startEmbeddedDynamo({ path: dbPath });
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
