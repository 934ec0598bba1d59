import type { ArticleRecord } from '../../shared/domain/records.ts';
import type {
  ArticleClaimResult,
  ArticleFailure,
  ArticleFailureCounts,
  ArticleLedger,
} from '../../shared/ports/article-ledger.ts';

// Article leases as DynamoDB decides them: a new article or an expired (or released) lease is
// taken, a done or quarantined article stays so, a live lease is someone else's; failed attempts
// are counted only by the lease's holder.

interface ArticleEntry {
  status: 'processing' | 'done' | 'quarantined';
  leaseUntil: string | null;
  record: ArticleRecord | null;
  failures: number;
  retries: number;
  lastError: string | null;
}

const finished = (e: ArticleEntry | undefined) =>
  e?.status === 'done' || e?.status === 'quarantined';

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
    if (e?.status === 'quarantined') return { outcome: 'quarantined' };
    if (e && (e.leaseUntil ?? '') >= now) return { outcome: 'busy' };
    this.entries.set(articleId, {
      status: 'processing',
      leaseUntil,
      record: null,
      failures: e?.failures ?? 0,
      retries: e?.retries ?? 0,
      lastError: e?.lastError ?? null,
    });
    return { outcome: 'claimed', firstAttempt: !e };
  }

  async unfinishedArticles(articleIds: string[]): Promise<Set<string>> {
    return new Set(articleIds.filter((id) => !finished(this.entries.get(id))));
  }

  async finishedArticleFeeds(articleIds: string[]): Promise<Map<string, string | null>> {
    const out = new Map<string, string | null>();
    for (const id of articleIds) {
      const e = this.entries.get(id);
      if (finished(e)) out.set(id, e?.record?.feedId ?? null);
    }
    return out;
  }

  async releaseFailedArticle(
    articleId: string,
    leaseUntil: string,
    failure: ArticleFailure,
  ): Promise<ArticleFailureCounts | null> {
    const e = this.entries.get(articleId);
    if (e?.status !== 'processing' || e.leaseUntil !== leaseUntil) return null;
    if (failure.retryable) e.retries++;
    else e.failures++;
    e.leaseUntil = null;
    e.lastError = `${failure.code}: ${failure.message}`;
    return { failures: e.failures, retries: e.retries };
  }

  async quarantineArticle(articleId: string, _at: string, reason: string): Promise<boolean> {
    const e = this.entries.get(articleId);
    if (!e || e.status === 'done') return false;
    e.status = 'quarantined';
    e.lastError = reason;
    return true;
  }

  async completeArticle(article: ArticleRecord): Promise<void> {
    this.entries.set(article.articleId, {
      status: 'done',
      leaseUntil: null,
      record: structuredClone(article),
      failures: 0,
      retries: 0,
      lastError: null,
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
