import type { ClaimRecord } from '../../shared/domain/records.ts';
import type {
  AnalystQuery,
  QueryPage,
  QueryRow,
  RowSelection,
} from '../../shared/ports/analyst-query.ts';
import type { InMemoryArticleLedger } from './article-ledger.ts';
import type { InMemoryClaimLedger } from './claim-ledger.ts';
import type { InMemoryErrorLog } from './error-log.ts';
import type { InMemoryOutbox } from './outbox.ts';
import type { InMemoryStoryIndex } from './story-index.ts';

// The analysts' read side over the other fakes, listed as the DynamoDB indexes list them: by the
// same date (relevant articles by published-or-fetched date, stories by story date, claims by
// update, alerts by creation, errors by time), newest first, narrowed by an exact outlet or place,
// a page of `pageSize` rows at a time.

interface Dated {
  sortKey: string;
  row: QueryRow;
}

const norm = (s: string) => s.trim().toLowerCase();

export class InMemoryAnalystQuery implements AnalystQuery {
  constructor(
    private readonly from: {
      articleLedger: InMemoryArticleLedger;
      storyIndex: InMemoryStoryIndex;
      claimLedger: InMemoryClaimLedger;
      outbox: InMemoryOutbox;
      errorLog: InMemoryErrorLog;
    },
    private readonly pageSize = 100,
  ) {}

  private claims(kind: ClaimRecord['kind'], place?: string): Dated[] {
    return [...this.from.claimLedger.claims.values()]
      .filter((c) => c.kind === kind)
      .filter(
        (c) => !place || (c.kind === 'casualty' && norm(c.figure.place ?? '') === norm(place)),
      )
      .map((c) => ({
        sortKey: `${c.updatedAt}#${c.claimKey}`,
        row: { kind, item: structuredClone(c) },
      }));
  }

  private rows(sel: RowSelection): Dated[] {
    switch (sel.kind) {
      case 'article':
        return this.from.articleLedger
          .finished()
          .filter((a) => a.relevant && (!sel.outlet || norm(a.outlet) === norm(sel.outlet)))
          .map((a) => ({
            sortKey: `${a.publishedAt ?? a.fetchedAt}#${a.articleId}`,
            row: { kind: 'article', item: a },
          }));
      case 'story':
        return [...this.from.storyIndex.stories.values()].map((s) => ({
          sortKey: `${s.storyDate}#${s.storyId}`,
          row: { kind: 'story', item: structuredClone(s) },
        }));
      case 'casualty':
        return this.claims('casualty', sel.place);
      case 'accusation':
        return this.claims('accusation');
      case 'alert':
        return [...this.from.outbox.alerts.values()].map((alert) => ({
          sortKey: `${alert.createdAt}#${alert.alertId}`,
          row: { kind: 'alert', item: { alert: structuredClone(alert), deliveries: [] } },
        }));
      case 'error':
        return this.from.errorLog.errors.map((e) => ({
          sortKey: `${e.at}#${e.errorId}`,
          row: { kind: 'error', item: structuredClone(e) },
        }));
    }
  }

  async queryPage(sel: RowSelection, cursor: string | null): Promise<QueryPage> {
    const from = sel.since ?? '0000';
    const to = `${sel.until ?? '9999'}\uffff`;
    const all = this.rows(sel)
      .filter((r) => r.sortKey >= from && r.sortKey <= to)
      .sort((a, b) => b.sortKey.localeCompare(a.sortKey));
    const start = cursor === null ? 0 : Number(cursor);
    const page = all.slice(start, start + this.pageSize);
    for (const { row } of page) {
      if (row.kind === 'alert')
        row.item.deliveries = await this.from.outbox.listDeliveries(row.item.alert.alertId);
    }
    const next = start + this.pageSize;
    return { rows: page.map((r) => r.row), cursor: next < all.length ? String(next) : null };
  }
}
