import type { ArticleRecord } from '../../domain/records.ts';
import type { ArticleClaimResult, ArticleLedger } from '../../ports/article-ledger.ts';
import { indexEntry, itemKey } from './keys.ts';
import { asItem, type DynamoTable, strip } from './table.ts';

// Article items: a lease while one worker processes the article, then the finished record.

const STATUS = { '#status': 'status' };

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
    });
    if (taken) return { outcome: 'claimed' };
    const current = await this.table.get(key, { expression: '#status', names: STATUS });
    return { outcome: current?.status === 'done' ? 'done' : 'busy' };
  }

  async unfinishedArticles(articleIds: string[]): Promise<Set<string>> {
    const unique = [...new Set(articleIds)];
    const items = await this.table.batchGet(unique.map(itemKey.article), {
      expression: 'articleId, #status',
      names: STATUS,
    });
    const done = new Set(items.filter((i) => i.status === 'done').map((i) => String(i.articleId)));
    return new Set(unique.filter((id) => !done.has(id)));
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
    return strip<ArticleRecord>(item, 'status', 'leaseUntil');
  }
}
