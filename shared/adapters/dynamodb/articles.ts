import type { ArticleRecord } from '../../domain/records.ts';
import type {
  ArticleClaimResult,
  ArticleFailure,
  ArticleFailureCounts,
  ArticleLedger,
} from '../../ports/article-ledger.ts';
import { indexEntry, itemKey } from './keys.ts';
import { asItem, type DynamoTable, strip } from './table.ts';

// Article items: a lease while one worker processes the article, then the finished record; or,
// for an article that kept failing, the quarantine mark. Failed attempts are counted on the item
// itself (ADD on a conditional update), so concurrent workers count each attempt once.

const STATUS = { '#status': 'status' };
/** The lease of a released article: before any `now`, so the next claim takes it. */
const RELEASED = new Date(0).toISOString();
/** Statuses after which nobody processes the article again. */
const FINISHED = new Set(['done', 'quarantined']);

export class DynamoArticleLedger implements ArticleLedger {
  constructor(private readonly table: DynamoTable) {}

  async claimArticle(
    articleId: string,
    url: string,
    now: string,
    leaseUntil: string,
  ): Promise<ArticleClaimResult> {
    const key = itemKey.article(articleId);
    const taken = await this.table.update(key, {
      expression: 'SET #status = :processing, leaseUntil = :lease, #url = :url, articleId = :id',
      condition: 'attribute_not_exists(pk) OR (#status = :processing AND leaseUntil < :now)',
      names: { ...STATUS, '#url': 'url' },
      values: {
        ':processing': 'processing',
        ':lease': leaseUntil,
        ':now': now,
        ':url': url,
        ':id': articleId,
      },
      returnOld: true,
    });
    // No item before: no earlier attempt wrote anything of this article.
    if (taken) return { outcome: 'claimed', firstAttempt: Object.keys(taken).length === 0 };
    const current = await this.table.get(key, { expression: '#status', names: STATUS });
    if (current?.status === 'done') return { outcome: 'done' };
    if (current?.status === 'quarantined') return { outcome: 'quarantined' };
    return { outcome: 'busy' };
  }

  private async statuses(articleIds: string[]) {
    const unique = [...new Set(articleIds)];
    const items = await this.table.batchGet(unique.map(itemKey.article), {
      expression: 'articleId, #status, feedId',
      names: STATUS,
    });
    return { unique, items };
  }

  async unfinishedArticles(articleIds: string[]): Promise<Set<string>> {
    const { unique, items } = await this.statuses(articleIds);
    const finished = new Set(
      items.filter((i) => FINISHED.has(String(i.status))).map((i) => String(i.articleId)),
    );
    return new Set(unique.filter((id) => !finished.has(id)));
  }

  async finishedArticleFeeds(articleIds: string[]): Promise<Map<string, string | null>> {
    const { items } = await this.statuses(articleIds);
    return new Map(
      items
        .filter((i) => FINISHED.has(String(i.status)))
        .map((i) => [String(i.articleId), typeof i.feedId === 'string' ? i.feedId : null]),
    );
  }

  async releaseFailedArticle(
    articleId: string,
    leaseUntil: string,
    failure: ArticleFailure,
  ): Promise<ArticleFailureCounts | null> {
    const counter = failure.retryable ? 'retries' : 'failures';
    const after = await this.table.update(itemKey.article(articleId), {
      // The lease is over: the next run (or SQS's redelivery) may take the article at once.
      expression: `SET leaseUntil = :released, lastFailedAt = :at, lastError = :error ADD ${counter} :one`,
      condition: '#status = :processing AND leaseUntil = :lease',
      names: STATUS,
      values: {
        ':processing': 'processing',
        ':lease': leaseUntil,
        ':released': RELEASED,
        ':at': failure.at,
        ':error': `${failure.code}: ${failure.message}`,
        ':one': 1,
      },
      returnNew: true,
    });
    if (!after) return null;
    return { failures: Number(after.failures ?? 0), retries: Number(after.retries ?? 0) };
  }

  async quarantineArticle(articleId: string, at: string, reason: string): Promise<boolean> {
    const marked = await this.table.update(itemKey.article(articleId), {
      expression: 'SET #status = :quarantined, quarantinedAt = :at, lastError = :reason',
      condition: 'attribute_exists(pk) AND #status <> :done',
      names: STATUS,
      values: { ':quarantined': 'quarantined', ':done': 'done', ':at': at, ':reason': reason },
    });
    return marked !== null;
  }

  async completeArticle(a: ArticleRecord): Promise<void> {
    const done = { status: 'done', ...a };
    await this.table.put(
      asItem('article', itemKey.article(a.articleId), done, indexEntry.article(a)),
    );
  }

  async getArticle(articleId: string): Promise<ArticleRecord | null> {
    const item = await this.table.get(itemKey.article(articleId));
    if (item?.status !== 'done') return null;
    return strip<ArticleRecord>(item, 'status', 'leaseUntil', 'failures', 'retries', 'lastError');
  }
}
