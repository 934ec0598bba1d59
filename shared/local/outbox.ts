import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AlertRecord } from '../domain/records.ts';

/** Local runs also keep every alert as a JSON file in DIR/outbox/, named by alert id. */
export function outboxWriter(dataDir: string): (alert: AlertRecord) => void {
  const dir = join(dataDir, 'outbox');
  mkdirSync(dir, { recursive: true });
  return (alert) => {
    writeFileSync(
      join(dir, `${alert.createdAt.slice(0, 10)}-${alert.alertId}.json`),
      `${JSON.stringify(alert, null, 2)}\n`,
    );
  };
}
