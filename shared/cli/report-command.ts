import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createDynamoDbStore } from '../adapters/dynamodb/dynamodb-store.ts';
import { ConfigError } from '../domain/errors.ts';
import { TABLE_NAME } from '../local/local-deps.ts';
import { openSharedStore, storePath } from '../local/store-server.ts';
import { systemClock } from '../ports/clock.ts';
import { renderReport } from '../report/render-report.ts';
import { parseReportParams, reportDataFor } from '../use-cases/make-report.ts';

// `strikewatch report`: the analyst report of a local data folder as one self-contained HTML file
// (shared/report/). Opens the folder's store as `query` does (a client while a run serves it).

export interface ReportOptions {
  dataDir: string;
  out?: string | undefined;
  since?: string | undefined;
  until?: string | undefined;
  place?: string | undefined;
  actor?: string | undefined;
}

export interface WrittenReport {
  path: string;
  incidents: number;
  accusations: number;
  stories: number;
  bytes: number;
}

/** Reads the folder's records, renders the report and writes it (default DATA/report.html). */
export async function writeReport(o: ReportOptions): Promise<WrittenReport> {
  const params = { since: o.since, until: o.until, place: o.place, actor: o.actor };
  // Checked before the store opens: a bad date or actor is an error at once (exit 2).
  parseReportParams(params);
  const dataDir = resolve(o.dataDir);
  if (!existsSync(storePath(dataDir))) {
    throw new ConfigError(
      `no strikewatch data in ${dataDir}: run \`strikewatch run --config FILE --data-dir ${o.dataDir}\` (or \`npm start\`, whose data is in .strikewatch/demo) first`,
    );
  }
  const path = resolve(o.out ?? join(dataDir, 'report.html'));
  const dynamo = await openSharedStore(dataDir, {
    command: 'report',
    notice: (m) => process.stderr.write(`strikewatch: ${m}\n`),
  });
  try {
    const store = createDynamoDbStore({ client: dynamo.client, tableName: TABLE_NAME });
    await store.table.ensureTable();
    const data = await reportDataFor({ ...store, clock: systemClock }, params);
    const html = renderReport(data);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, html);
    return {
      path,
      incidents: data.incidents.length,
      accusations: data.accusations.length,
      stories: data.stories.length,
      bytes: Buffer.byteLength(html),
    };
  } finally {
    await dynamo.close();
  }
}

export function reportLine(r: WrittenReport): string {
  return `report: ${r.incidents} incidents, ${r.accusations} accusations, ${r.stories} stories: ${r.path}`;
}

export async function runReport(o: ReportOptions): Promise<void> {
  process.stdout.write(`${reportLine(await writeReport(o))}\n`);
}
