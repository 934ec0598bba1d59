import type { ArticleRecord } from '../../shared/domain/records.ts';
import type { ArticleClaimResult, ArticleLedger } from '../../shared/ports/article-ledger.ts';

// Article leases as DynamoDB decides them: a new article or an expired lease is taken, a done
// article stays done, a live lease is someone else's.

interface ArticleEntry {
  status: 'processing' | 'done';
  leaseUntil: string | null;
  record: ArticleRecord | null;
}

export class InMemoryArticleLedger implements ArticleLedger {
  readonly entries = new Map<string, ArticleEntry>();

  async claimArticle(
    articleId: string,
    _url: string,
    now: string,
    leaseUntil: string,
  ): Promise<ArticleClaimResult> {
    const e = this.entries.get(articleId);
    if (e?.status === 'done') return { outcome: 'done' };
    if (e && (e.leaseUntil ?? '') >= now) return { outcome: 'busy' };
    this.entries.set(articleId, { status: 'processing', leaseUntil, record: null });
    return { outcome: 'claimed' };
  }

  async unfinishedArticles(articleIds: string[]): Promise<Set<string>> {
    return new Set(articleIds.filter((id) => this.entries.get(id)?.status !== 'done'));
  }

  async completeArticle(article: ArticleRecord): Promise<void> {
    this.entries.set(article.articleId, {
      status: 'done',
      leaseUntil: null,
      record: structuredClone(article),
    });
  }

  async getArticle(articleId: string): Promise<ArticleRecord | null> {
    const e = this.entries.get(articleId);
    return e?.status === 'done' && e.record ? structuredClone(e.record) : null;
  }

  /** The finished records, for the analysts' fake. */
  finished(): ArticleRecord[] {
    return [...this.entries.values()].flatMap((e) => (e.record ? [structuredClone(e.record)] : []));
  }
}
