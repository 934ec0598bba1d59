import type { ErrorRecord } from '../../domain/records.ts';
import type { ErrorLog } from '../../ports/error-log.ts';
import { indexEntry, itemKey } from './keys.ts';
import { type DynamoTable, expiresAt } from './table.ts';
import { TTL_ATTRIBUTE as TTL } from './table-design.ts';

export class DynamoErrorLog implements ErrorLog {
  constructor(private readonly table: DynamoTable) {}

  async recordError(e: ErrorRecord): Promise<void> {
    await this.table.put({
      ...itemKey.error(e.errorId),
      type: 'error',
      ...e,
      ...indexEntry.error(e),
      [TTL]: expiresAt(Date.parse(e.at) || Date.now()),
    });
  }
}
