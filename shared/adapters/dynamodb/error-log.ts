import type { ErrorRecord } from '../../domain/records.ts';
import type { ErrorLog } from '../../ports/error-log.ts';
import { indexEntry, itemKey } from './keys.ts';
import { asItem, type DynamoTable, expiresAt } from './table.ts';
import { TTL_ATTRIBUTE as TTL } from './table-design.ts';

export class DynamoErrorLog implements ErrorLog {
  constructor(private readonly table: DynamoTable) {}

  async recordError(e: ErrorRecord): Promise<void> {
    const ttl = { [TTL]: expiresAt(Date.parse(e.at) || Date.now()) };
    await this.table.put(
      asItem('error', itemKey.error(e.errorId), e, { ...indexEntry.error(e), ...ttl }),
    );
  }
}
