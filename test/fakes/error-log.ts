import type { ErrorRecord } from '../../shared/domain/records.ts';
import type { ErrorLog } from '../../shared/ports/error-log.ts';

export class InMemoryErrorLog implements ErrorLog {
  readonly errors: ErrorRecord[] = [];

  async recordError(error: ErrorRecord): Promise<void> {
    this.errors.push(structuredClone(error));
  }
}
