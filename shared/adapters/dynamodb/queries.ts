import { ConfigError } from '../../domain/errors.ts';
import type * as records from '../../domain/records.ts';
import type {
  AnalystQuery,
  QueryKind,
  QueryPage,
  QueryRow,
  RowSelection,
} from '../../ports/analyst-query.ts';
import { type IndexPartition, selectionPartition } from './keys.ts';
import { type DynamoTable, type Item, strip } from './table.ts';

// The analysts' reads: one index partition per selection, newest first, a page at a time (Query
// with key conditions, never a Scan). Filtering beyond the key is the query use-case's.

export function encodeCursor(key: Item | undefined): string | null {
  return key ? Buffer.from(JSON.stringify(key)).toString('base64url') : null;
}

export function decodeCursor(cursor: string | null): Item | undefined {
  if (cursor === null) return undefined;
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (key && typeof key === 'object' && Object.values(key).every((v) => typeof v === 'string'))
      return key as Item;
  } catch {
    // not JSON: reported below
  }
  throw new ConfigError('invalid query cursor: pass back the cursor of the previous page');
}

function toRow(kind: Exclude<QueryKind, 'alert' | 'incident'>, item: Item): QueryRow {
  switch (kind) {
    case 'article':
      return { kind, item: strip<records.ArticleRecord>(item, 'status', 'leaseUntil') };
    case 'story':
      return { kind, item: strip<records.StoryRecord>(item) };
    case 'casualty':
    case 'accusation':
      return { kind, item: strip<records.ClaimRecord>(item, 'sourceArticleIds') };
    case 'error':
      return { kind, item: strip<records.ErrorRecord>(item) };
  }
}

export class DynamoAnalystQuery implements AnalystQuery {
  constructor(
    private readonly table: DynamoTable,
    /** Items per Query (default: DynamoDB's 1 MB page); tests make it small. */
    private readonly pageSize?: number,
  ) {}

  async queryPage(sel: RowSelection, cursor: string | null): Promise<QueryPage> {
    const at = selectionPartition(sel);
    const range = { from: sel.since ?? '0000', to: `${sel.until ?? '9999'}\uffff` };
    const startKey = decodeCursor(cursor);
    if (sel.kind === 'alert') return this.alertPage(at, range, startKey);
    const kind = sel.kind;
    const page = await this.table.queryIndex(at, range, {
      newestFirst: true,
      startKey,
      limit: this.pageSize,
    });
    return { rows: page.items.map((i) => toRow(kind, i)), cursor: encodeCursor(page.lastKey) };
  }

  /**
   * Alerts with their deliveries from one Query: newest first, an alert's deliveries sort just
   * before it. A page that ends inside an alert's group reads on to the alert.
   */
  private async alertPage(
    at: IndexPartition,
    range: { from: string; to: string },
    startKey: Item | undefined,
  ): Promise<QueryPage> {
    const rows: QueryRow[] = [];
    let deliveries: records.DeliveryRecord[] = [];
    let key = startKey;
    do {
      const page = await this.table.queryIndex(at, range, {
        newestFirst: true,
        startKey: key,
        limit: this.pageSize,
      });
      for (const item of page.items) {
        if (item.type === 'delivery') {
          deliveries.push(strip<records.DeliveryRecord>(item));
          continue;
        }
        const alert = strip<records.AlertRecord>(item);
        // Deliveries came by subscriber id, descending; any of another alert are orphans.
        const own = deliveries.filter((d) => d.alertId === alert.alertId).reverse();
        rows.push({ kind: 'alert', item: { alert, deliveries: own } });
        deliveries = [];
      }
      key = page.lastKey;
    } while (key && deliveries.length > 0);
    return { rows, cursor: encodeCursor(key) };
  }
}
