import { extractClaims } from '../claims/extract-claims.ts';
import { fingerprintText, type TextFingerprint } from '../dedupe/fingerprint.ts';
import { boundStoredText } from '../domain/bounds.ts';
import type { ClaimSet } from '../domain/claims.ts';
import { describeError, StrikewatchError } from '../domain/errors.ts';
import type { AlertRecord, ArticleRecord, StoryRecord, TextSource } from '../domain/records.ts';
import type { ArticleLedger } from '../ports/article-ledger.ts';
import type { Logger } from '../ports/logger.ts';
import { classifyTopics } from '../topics/index.ts';
import { articleFailed, type QuarantinedOutcome } from './article-failures.ts';
import { assignStory, type StoryDeps } from './assign-story.ts';
import { addMs, isoNow, newId } from './deps.ts';
import type { ArticleJob } from './poll-feeds.ts';
import { type ArticleText, type ReadDeps, readArticle } from './read-article.ts';
import {
  type ArticleClaimsDeps,
  type ClaimCounts,
  settleArticleClaims,
} from './settle-article-claims.ts';
import { type Lap, type StageReporter, stageTimer } from './stage-timer.ts';

// One article, start to end: read it (page or feed), decide the topic, join or start a story,
// settle its claims (new claims and changed figures become alerts, each queued for delivery to
// every interested subscriber), and mark it done.
//
// Crash safety without transactions: the article is leased with a conditional write and only
// marked done at the end. Every write before that is idempotent (deterministic keys, conditional
// creates), so a worker that dies anywhere leaves work that the next run redoes to the same
// result. A claim version remembers which article produced it (`changedBy`), so a re-run of that
// article re-creates its alert if the crash came between the claim and the alert. An attempt
// that throws is recorded and released, and an article that keeps failing is quarantined
// (article-failures.ts).

const ARTICLE_LEASE_MS = 5 * 60_000;

export type ProcessDeps = ReadDeps &
  StoryDeps &
  ArticleClaimsDeps &
  StageReporter & { articleLedger: ArticleLedger; logger: Logger };

export type ProcessOutcome =
  | { articleId: string; status: 'already_done' | 'busy' | 'quarantined' }
  | {
      articleId: string;
      status: 'irrelevant' | 'processed';
      storyId: string | null;
      duplicateOf: 'url' | 'text' | 'near' | null;
      textSource: TextSource;
      alerts: AlertRecord[];
      claims: ClaimCounts;
    }
  | { articleId: string; status: 'error'; code: string; message: string }
  | QuarantinedOutcome;

function articleRecord(
  job: ArticleJob,
  now: string,
  a: ArticleText,
  extra: Pick<ArticleRecord, 'relevant' | 'topics' | 'storyId' | 'contentHash'> &
    Partial<ArticleRecord>,
): ArticleRecord {
  return {
    articleId: job.articleId,
    url: job.url ?? '',
    canonicalUrl: job.canonicalUrl ?? '',
    feedId: job.feedId,
    outlet: job.outlet,
    title: a.title,
    byline: a.byline,
    publishedAt: a.publishedAt,
    fetchedAt: now,
    textSource: a.textSource,
    extractionNote: a.extractionNote,
    ...(a.charsetWarning ? { charsetWarning: a.charsetWarning } : {}),
    text: null,
    casualtyCount: 0,
    accusationCount: 0,
    ...extra,
  };
}

/**
 * Nothing usable and nothing to retry from (no page, no feed content): recorded and marked done
 * so that it is not fetched forever. A failure that is not the article's (the store, a bug) is
 * thrown instead, and the whole article is retried.
 */
async function giveUp(
  deps: ProcessDeps,
  job: ArticleJob,
  now: string,
  err: unknown,
): Promise<ProcessOutcome> {
  const e = describeError(err);
  if (e.retryable || !(err instanceof StrikewatchError)) throw err;
  await deps.errorLog.recordError({
    errorId: newId(deps),
    at: now,
    scope: 'article',
    subject: job.url ?? job.item.guid ?? job.articleId,
    feedId: job.feedId,
    code: e.code,
    message: e.message,
  });
  const nothing: ArticleText = {
    title: job.item.title,
    byline: null,
    publishedAt: job.item.publishedAt,
    text: '',
    textSource: 'feed',
    extractionNote: e.message,
    charsetWarning: null,
  };
  await deps.articleLedger.completeArticle(
    articleRecord(job, now, nothing, {
      relevant: false,
      topics: [],
      storyId: null,
      contentHash: '',
    }),
  );
  return { articleId: job.articleId, status: 'error', code: e.code, message: e.message };
}

/** The story record as this article tells it (the known story keeps its own on upsert). */
function storyRecord(
  job: ArticleJob,
  article: ArticleText,
  storyId: string,
  claims: ClaimSet,
  now: string,
): StoryRecord {
  const places = [...claims.casualties, ...claims.accusations]
    .map((c) => c.place)
    .filter((p): p is string => Boolean(p));
  const publishedDate = article.publishedAt?.slice(0, 10) ?? null;
  return {
    storyId,
    title: article.title,
    firstSeenAt: now,
    storyDate: publishedDate ?? now.slice(0, 10),
    publishedDate,
    articleIds: [job.articleId],
    outlets: [job.outlet],
    places: [...new Set(places)],
  };
}

const fullText = (a: ArticleText) => (a.title ? `${a.title}\n\n${a.text}` : a.text);

/** An article read and judged on topic, on its way to its story and claims. */
interface RelevantArticle {
  job: ArticleJob;
  article: ArticleText;
  fp: TextFingerprint;
  topics: string[];
  now: string;
  /** No earlier attempt at this article wrote anything (the claim said so). */
  firstAttempt: boolean;
}

/** Joins or starts a story, settles the claims (alerting what is news), marks the article done. */
async function processRelevant(
  deps: ProcessDeps,
  { job, article, fp, topics, now, firstAttempt }: RelevantArticle,
  lap: Lap,
): Promise<ProcessOutcome> {
  const { storyId, duplicateOf } = await assignStory(deps, {
    articleId: job.articleId,
    title: article.title,
    publishedDate: article.publishedAt?.slice(0, 10) ?? null,
    seenDate: now.slice(0, 10),
    fp,
    firstAttempt,
  });
  lap('dedupe');
  const claims = extractClaims(fullText(article), {
    title: article.title ?? undefined,
    outlet: job.outlet,
    // The feed id: an outlet that is a party's organ (SANA, etilaf) speaks for that party.
    outletId: job.feedId,
    publishedAt: article.publishedAt ?? undefined,
  });
  lap('claims');
  // The story as stored: a known story's own dates key the claims (no second read for them).
  const story = await deps.storyIndex.upsertStory(storyRecord(job, article, storyId, claims, now), {
    articleId: job.articleId,
    outlet: job.outlet,
  });
  const { url, outlet } = { url: job.url ?? '', outlet: job.outlet };
  const claiming = {
    articleId: job.articleId,
    url,
    outlet,
    feedId: job.feedId,
    pollId: job.pollId ?? null,
    title: article.title,
    publishedAt: article.publishedAt,
    topics,
    story,
    now,
  };
  const settled = await settleArticleClaims(deps, claiming, claims, lap);
  // DynamoDB items are capped at 400 KB: keep what the stored-text bound allows.
  const text = boundStoredText(article.text);
  await deps.articleLedger.completeArticle(
    articleRecord(job, now, article, {
      relevant: true,
      topics,
      storyId,
      contentHash: fp.contentHash,
      text,
      casualtyCount: claims.casualties.length,
      accusationCount: claims.accusations.length,
    }),
  );
  lap('store');
  return {
    articleId: job.articleId,
    status: 'processed',
    storyId,
    duplicateOf,
    textSource: article.textSource,
    alerts: settled.alerts,
    claims: settled.counts,
  };
}

export interface ProcessOptions {
  /**
   * Awaited after the page is read and judged, before the article joins its story and settles
   * its claims: the local runner reads an outlet's pages side by side but settles them in the
   * order the outlet published them, so a revised toll follows the first one.
   */
  turn?: () => Promise<void>;
}

export async function processArticle(
  deps: ProcessDeps,
  job: ArticleJob,
  opts: ProcessOptions = {},
): Promise<ProcessOutcome> {
  const now = isoNow(deps);
  const lap = stageTimer(deps);
  const lease = addMs(now, ARTICLE_LEASE_MS);
  const taken = await deps.articleLedger.claimArticle(job.articleId, job.url ?? '', now, lease);
  if (taken.outcome === 'done') return { articleId: job.articleId, status: 'already_done' };
  if (taken.outcome !== 'claimed') return { articleId: job.articleId, status: taken.outcome };
  lap('store');
  try {
    return await processClaimed(deps, job, { now, firstAttempt: taken.firstAttempt }, lap, opts);
  } catch (err) {
    return articleFailed(deps, job, lease, err);
  }
}

/** The article once this worker holds its lease. */
async function processClaimed(
  deps: ProcessDeps,
  job: ArticleJob,
  { now, firstAttempt }: { now: string; firstAttempt: boolean },
  lap: Lap,
  opts: ProcessOptions,
): Promise<ProcessOutcome> {
  let article: ArticleText;
  try {
    article = await readArticle(deps, job, lap);
  } catch (err) {
    return giveUp(deps, job, now, err);
  }
  if (article.extractionNote)
    deps.logger.info('using feed content', { url: job.url, note: article.extractionNote });
  const decision = classifyTopics(
    { title: article.title ?? undefined, text: article.text },
    deps.config.topics,
  );
  lap('topic');
  const fp = fingerprintText(fullText(article));
  await opts.turn?.();
  if (decision.relevant)
    return processRelevant(
      deps,
      { job, article, fp, topics: decision.topics, now, firstAttempt },
      lap,
    );
  const done = { relevant: false, topics: [], storyId: null, contentHash: fp.contentHash };
  await deps.articleLedger.completeArticle(articleRecord(job, now, article, done));
  return {
    articleId: job.articleId,
    status: 'irrelevant',
    storyId: null,
    duplicateOf: null,
    textSource: article.textSource,
    alerts: [],
    claims: { updates: 0, records: 0, background: 0 },
  };
}
