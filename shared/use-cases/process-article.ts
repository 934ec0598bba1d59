import { createHash } from 'node:crypto';
import { alertHeadline } from '../alerts/format-alert.ts';
import { subscriberWants } from '../alerts/match-subscribers.ts';
import { extractClaims } from '../claims/extract-claims.ts';
import { accusationKeys, casualtyKeys } from '../dedupe/claim-key.ts';
import {
  contentWords,
  DEFAULT_SIMILARITY,
  fingerprintText,
  isSameStory,
} from '../dedupe/fingerprint.ts';
import { describeError, ExtractError } from '../domain/errors.ts';
import type {
  AlertRecord,
  ArticleRecord,
  ClaimRecord,
  ClaimSource,
  StoryRecord,
  TextSource,
} from '../domain/records.ts';
import { decodeBody } from '../feeds/decode.ts';
import { classifyTopics } from '../topics/index.ts';
import { addMs, isoNow, type Lap, newId, type PipelineDeps, stageTimer } from './pipeline-deps.ts';
import type { ArticleJob } from './poll-feeds.ts';
import { type ClaimOrigin, settleAccusation, settleCasualty } from './settle-claim.ts';

// One article, start to end: fetch and extract, decide the topic, join or start a story, turn
// new claims into alerts and queue one delivery per interested subscriber.
//
// Crash safety without transactions: the article is leased with a conditional write and only
// marked done at the end. Every write before that is idempotent (deterministic keys, conditional
// creates), so a worker that dies anywhere leaves work that the next run redoes to the same
// result. A claim version remembers which article produced it (`changedBy`), so a re-run of that
// article re-creates its alert if the crash came between the claim and the alert.

const ARTICLE_LEASE_MS = 5 * 60_000;
const MAX_CANDIDATES = 8;
/** Characters of article text stored (a DynamoDB item holds at most 400 KB). */
const MAX_STORED_TEXT = 100_000;

export type ProcessOutcome =
  | { articleId: string; status: 'already_done' | 'busy' }
  | {
      articleId: string;
      status: 'irrelevant' | 'processed';
      storyId: string | null;
      duplicateOf: 'url' | 'text' | 'near' | null;
      textSource: TextSource;
      alerts: AlertRecord[];
      claims: { created: number; corroborated: number; changed: number };
    }
  | { articleId: string; status: 'error'; code: string; message: string };

interface ArticleText {
  title: string | null;
  byline: string | null;
  publishedAt: string | null;
  text: string;
  textSource: TextSource;
  extractionNote: string | null;
}

/** Fetches the page and extracts it; falls back to the feed item's own content. */
async function readArticle(deps: PipelineDeps, job: ArticleJob, lap: Lap): Promise<ArticleText> {
  const fromFeed = async (code: string, note: string): Promise<ArticleText> => {
    const text = job.item.content ? await deps.extractor.feedItemText(job.item.content) : '';
    if (!text) throw new ExtractError(`${note}; the feed item has no content to fall back on`);
    if (job.url) {
      // The article goes on with the feed's text; the page's failure is still on record.
      await deps.store.recordError({
        errorId: newId(deps),
        at: isoNow(deps),
        scope: 'article',
        subject: job.url,
        feedId: job.feedId,
        code,
        message: `${note}; used the feed item's own content instead`,
      });
    }
    return {
      title: job.item.title,
      byline: null,
      publishedAt: job.item.publishedAt,
      text,
      textSource: 'feed',
      extractionNote: note,
    };
  };
  if (!job.url) return fromFeed('no_link', 'item has no link');
  let failure: { code: string; note: string };
  try {
    const res = await deps.http.get({
      url: job.url,
      maxBytes: deps.config.network.maxPageBytes,
      headers: { accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5' },
    });
    lap('fetch');
    const contentType = res.headers['content-type'] ?? '';
    if (contentType && !/html|xml/i.test(contentType)) {
      failure = { code: 'not_html', note: `page is not HTML (${contentType.split(';')[0]})` };
    } else {
      const html = decodeBody(res.body, { contentType, kind: 'html' });
      const timings = { parseMs: 0, readabilityMs: 0 };
      const extracted = await deps.extractor.extract(html, res.url, timings);
      lap('handoff', { parse: timings.parseMs, readability: timings.readabilityMs });
      if (extracted && extracted.text.length >= 200) {
        return {
          title: extracted.title ?? job.item.title,
          byline: extracted.byline,
          publishedAt: job.item.publishedAt ?? extracted.publishedAt,
          text: extracted.text,
          textSource: 'page',
          extractionNote: null,
        };
      }
      failure = { code: 'no_article', note: 'no readable article found on the page' };
    }
  } catch (err) {
    const e = describeError(err);
    failure = { code: e.code, note: `page unavailable (${e.code}: ${e.message})` };
  }
  return fromFeed(failure.code, failure.note);
}

export async function processArticle(deps: PipelineDeps, job: ArticleJob): Promise<ProcessOutcome> {
  const now = isoNow(deps);
  const lap = stageTimer(deps);
  const claim = await deps.store.claimArticle(
    job.articleId,
    job.url ?? '',
    now,
    addMs(now, ARTICLE_LEASE_MS),
  );
  if (claim.outcome === 'done') return { articleId: job.articleId, status: 'already_done' };
  if (claim.outcome === 'busy') return { articleId: job.articleId, status: 'busy' };
  lap('store');
  await deps.faultPoint?.('article-claimed');

  let article: ArticleText;
  try {
    article = await readArticle(deps, job, lap);
  } catch (err) {
    const e = describeError(err);
    await deps.store.recordError({
      errorId: newId(deps),
      at: now,
      scope: 'article',
      subject: job.url ?? job.item.guid ?? job.articleId,
      feedId: job.feedId,
      code: e.code,
      message: e.message,
    });
    // Nothing usable and nothing to retry from: mark it done so it is not fetched forever.
    await deps.store.completeArticle(
      baseRecord(
        job,
        now,
        {
          title: job.item.title,
          byline: null,
          publishedAt: job.item.publishedAt,
          text: '',
          textSource: 'feed',
          extractionNote: e.message,
        },
        { relevant: false, topics: [], storyId: null, contentHash: '' },
      ),
    );
    return { articleId: job.articleId, status: 'error', code: e.code, message: e.message };
  }
  if (article.extractionNote) {
    deps.logger.info('using feed content', { url: job.url, note: article.extractionNote });
  }

  const fullText = article.title ? `${article.title}\n\n${article.text}` : article.text;
  const decision = classifyTopics(
    { title: article.title ?? undefined, text: article.text },
    deps.config.topics,
  );
  lap('topic');
  const fp = fingerprintText(fullText);
  if (!decision.relevant) {
    await deps.store.completeArticle(
      baseRecord(job, now, article, {
        relevant: false,
        topics: [],
        storyId: null,
        contentHash: fp.contentHash,
      }),
    );
    return {
      articleId: job.articleId,
      status: 'irrelevant',
      storyId: null,
      duplicateOf: null,
      textSource: article.textSource,
      alerts: [],
      claims: { created: 0, corroborated: 0, changed: 0 },
    };
  }

  // ---- story: exact text first, then near-duplicates seen within a few days of each other
  const publishedDate = article.publishedAt?.slice(0, 10) ?? null;
  const storyDate = publishedDate ?? now.slice(0, 10);
  const seenDate = now.slice(0, 10);
  // Index first, then look: two near-duplicates processed at the same moment then see each
  // other, and both choose the story of the one indexed earliest, so they agree. The time is
  // taken here, not when the article was claimed: of two articles in flight, the one that
  // indexes second must rank second, or it would pass over the first (which looked before it
  // indexed) and both would keep a story of their own.
  const indexed = await deps.store.indexFingerprint({
    articleId: job.articleId,
    storyId: job.articleId,
    indexedAt: `${isoNow(deps)}#${job.articleId}`,
    publishedDate,
    words: fp.words,
    pairs: fp.pairs,
    bands: fp.bands,
    // Bands are keyed by the day the article was seen: reports of one story arrive together.
    storyDate: seenDate,
  });
  let storyId = indexed.storyId;
  let duplicateOf: 'text' | 'near' | null = null;
  if (!indexed.existed) {
    const window = DEFAULT_SIMILARITY.maxDaysApart * 86_400_000;
    const dayStart = `${seenDate}T00:00:00Z`;
    const candidates = (
      await deps.store.findStoryCandidates(
        fp.bands,
        addMs(dayStart, -window).slice(0, 10),
        addMs(dayStart, window).slice(0, 10),
      )
    )
      .filter((c) => c.articleId !== job.articleId && c.indexedAt < indexed.indexedAt)
      .slice(0, MAX_CANDIDATES);
    if (candidates.length) {
      const prints = await deps.store.getFingerprints(candidates.map((c) => c.articleId));
      const earliest = prints
        .filter((p) => isSameStory(fp, p) && datesCompatible(publishedDate, p.publishedDate))
        .sort((a, b) => a.indexedAt.localeCompare(b.indexedAt))[0];
      if (earliest) {
        storyId = earliest.storyId;
        duplicateOf = 'near';
      }
    }
    // The same text, or the same distinctive headline, seen before (any URL, any outlet, any
    // date) joins the first one's story.
    for (const identity of [fp.contentHash, titleIdentity(article.title)]) {
      if (!identity) continue;
      const owner = await deps.store.claimContentHash(identity, {
        articleId: job.articleId,
        storyId,
      });
      if (!owner.created && owner.articleId !== job.articleId) {
        storyId = owner.storyId;
        duplicateOf = 'text';
        break;
      }
    }
    if (storyId !== job.articleId) await deps.store.setFingerprintStory(job.articleId, storyId);
  }
  lap('dedupe');
  await deps.faultPoint?.('story-indexed');

  // ---- claims
  const claims = extractClaims(fullText, {
    title: article.title ?? undefined,
    outlet: job.outlet,
    // The feed id: an outlet that is a party's organ (sana, etilaf) speaks for it.
    outletId: job.feedId,
    publishedAt: article.publishedAt ?? undefined,
  });
  lap('claims');
  const places = [
    ...new Set(
      [...claims.casualties.map((c) => c.place), ...claims.accusations.map((a) => a.place)].filter(
        (p): p is string => Boolean(p),
      ),
    ),
  ];
  const story: StoryRecord = {
    storyId,
    title: article.title,
    firstSeenAt: now,
    storyDate,
    publishedDate,
    articleIds: [job.articleId],
    outlets: [job.outlet],
    places,
  };
  await deps.store.upsertStory(story, { articleId: job.articleId, outlet: job.outlet });

  const source = (statedBy: string, quote: string): ClaimSource => ({
    articleId: job.articleId,
    url: job.url ?? '',
    outlet: job.outlet,
    statedBy,
    quote,
    seenAt: now,
  });
  const counts = { created: 0, corroborated: 0, changed: 0 };
  const alerts: AlertRecord[] = [];
  // Claims are dated by their story: a later outlet's report of it corroborates, not repeats.
  const known = storyId === job.articleId ? null : await deps.store.getStory(storyId);
  const scope = { storyId, date: known ? known.publishedDate : publishedDate };
  const link = { title: article.title, url: job.url ?? '', outlet: job.outlet };

  // One pass over both kinds of claim; a claim settles once per article even when two of its
  // figures map to the same incident, and raises at most one alert.
  const settled = new Set<string>();
  const origin = (statedBy: string, quote: string): ClaimOrigin => ({
    storyId,
    topics: decision.topics,
    source: source(statedBy, quote),
    now,
    articleId: job.articleId,
  });
  const tasks = [
    ...claims.casualties.map((figure) => ({
      keys: casualtyKeys(figure, scope),
      alerts: !figure.background,
      settle: (keys: string[]) =>
        settleCasualty(deps, figure, keys, origin(figure.source, figure.quote)),
    })),
    ...claims.accusations.map((acc) => ({
      keys: accusationKeys(acc, scope),
      alerts: true,
      settle: (keys: string[]) =>
        settleAccusation(deps, acc, keys, origin(acc.accuserName, acc.quote)),
    })),
  ];
  for (const task of tasks) {
    if (task.keys.some((k) => settled.has(k))) continue;
    const r = await task.settle(task.keys);
    lap('store');
    for (const k of task.keys) settled.add(k);
    settled.add(r.claimKey);
    counts[r.result]++;
    await deps.faultPoint?.('claim-settled');
    if (r.alertFor && task.alerts) {
      alerts.push(await raiseAlert(deps, r.alertFor, link, now));
      lap('alert');
    }
  }

  await deps.faultPoint?.('claims-done');
  await deps.store.completeArticle({
    ...baseRecord(job, now, article, {
      relevant: true,
      topics: decision.topics,
      storyId,
      contentHash: fp.contentHash,
    }),
    // DynamoDB items are capped at 400 KB: keep the first MAX_STORED_TEXT characters.
    text:
      article.text.length > MAX_STORED_TEXT
        ? `${article.text.slice(0, MAX_STORED_TEXT)}…`
        : article.text,
    casualtyCount: claims.casualties.length,
    accusationCount: claims.accusations.length,
  });
  lap('store');
  return {
    articleId: job.articleId,
    status: 'processed',
    storyId,
    duplicateOf,
    textSource: article.textSource,
    alerts,
    claims: counts,
  };
}

function baseRecord(
  job: ArticleJob,
  now: string,
  a: ArticleText,
  extra: Pick<ArticleRecord, 'relevant' | 'topics' | 'storyId' | 'contentHash'>,
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
    text: null,
    casualtyCount: 0,
    accusationCount: 0,
    ...extra,
  };
}

/**
 * A headline of five content words or more names one story; shorter ones ("Syria live
 * updates") do not.
 * Hashed into the same identity space as content hashes, under its own prefix.
 */
function titleIdentity(title: string | null): string | null {
  const words = title ? contentWords(title) : [];
  if (words.length < 5) return null;
  return `title:${createHash('sha256').update(words.join(' ')).digest('hex')}`;
}

/** Two published dates (when both are known) more than a few days apart are different stories. */
function datesCompatible(a: string | null, b: string | null): boolean {
  if (!a || !b) return true;
  const days = Math.abs(Date.parse(a) - Date.parse(b)) / 86_400_000;
  return days <= DEFAULT_SIMILARITY.maxDaysApart;
}

function alertIdFor(claimKey: string, version: number): string {
  return createHash('sha256').update(`${claimKey}#v${version}`).digest('hex').slice(0, 24);
}

/** Creates the alert and one delivery per interested subscriber; idempotent. */
async function raiseAlert(
  deps: PipelineDeps,
  claim: ClaimRecord,
  link: AlertRecord['links'][number],
  now: string,
): Promise<AlertRecord> {
  const alert: AlertRecord = {
    alertId: alertIdFor(claim.claimKey, claim.version),
    claimKey: claim.claimKey,
    claimVersion: claim.version,
    kind: claim.kind,
    createdAt: now,
    headline: alertHeadline(claim),
    claim,
    links: [
      link,
      ...claim.sources
        .filter((s) => s.url && s.url !== link.url)
        .map((s) => ({ title: null, url: s.url, outlet: s.outlet })),
    ].slice(0, 5),
  };
  await deps.store.putAlert(alert);
  await deps.faultPoint?.('alert-written');
  for (const sub of deps.config.subscribers) {
    if (!subscriberWants(sub, claim)) continue;
    await deps.store.createDelivery({
      alertId: alert.alertId,
      subscriberId: sub.id,
      channel: sub.slack ? 'slack' : 'email',
      status: 'pending',
      attempts: 0,
      createdAt: now,
      nextAttemptAt: now,
      leaseUntil: null,
      claimToken: null,
      sentAt: null,
      lastError: null,
    });
  }
  await deps.onAlertCreated?.(alert);
  return alert;
}
