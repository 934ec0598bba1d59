import type { Config } from '../config/schema.ts';
import { BYLINE_MAX_CHARS, singleLineOrNull, TITLE_MAX_CHARS } from '../domain/bounds.ts';
import { describeError, ExtractError } from '../domain/errors.ts';
import type { TextSource } from '../domain/records.ts';
import { decodeBodyWithReport } from '../feeds/decode-report.ts';
import type { Clock } from '../ports/clock.ts';
import type { ErrorLog } from '../ports/error-log.ts';
import type { ArticleExtractor } from '../ports/extractor.ts';
import type { HttpClient } from '../ports/http.ts';
import { type Ids, isoNow, newId } from './deps.ts';
import type { ArticleJob } from './poll-feeds.ts';
import type { Lap } from './stage-timer.ts';

// The first step of an article: fetch the page and extract it with Readability; when that fails
// (no link, not HTML, no readable article, the page is gone), the feed item's own content.
// Titles and bylines are bounded here, where the page's strings enter; a page whose charset does
// not decode cleanly is read as decoded, with a warning on the article and an error row.

/** Shorter page text than this is a teaser or an index page, not the article. */
const MIN_PAGE_TEXT = 200;

export interface ReadDeps extends Ids {
  config: Config;
  http: HttpClient;
  extractor: ArticleExtractor;
  errorLog: ErrorLog;
  clock: Clock;
}

export interface ArticleText {
  title: string | null;
  byline: string | null;
  publishedAt: string | null;
  text: string;
  textSource: TextSource;
  /** Why the page was not used, when the text is the feed's. */
  extractionNote: string | null;
  /** Why the page's text is probably garbled (its charset did not decode cleanly), or null. */
  charsetWarning: string | null;
}

interface PageFailure {
  code: string;
  note: string;
}

/** The article from its page, or why the page could not be used. */
async function readPage(
  deps: ReadDeps,
  job: ArticleJob,
  url: string,
  lap: Lap,
): Promise<ArticleText | PageFailure> {
  try {
    const res = await deps.http.get({
      url,
      maxBytes: deps.config.network.maxPageBytes,
      headers: { accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5' },
    });
    lap('fetch');
    const contentType = res.headers['content-type'] ?? '';
    if (contentType && !/html|xml/i.test(contentType))
      return { code: 'not_html', note: `page is not HTML (${contentType.split(';')[0]})` };
    const decoded = decodeBodyWithReport(res.body, { contentType, kind: 'html' });
    const timings = { parseMs: 0, readabilityMs: 0 };
    const extracted = await deps.extractor.extract(decoded.text, res.url, timings);
    lap('handoff', { parse: timings.parseMs, readability: timings.readabilityMs });
    if (!extracted || extracted.text.length < MIN_PAGE_TEXT)
      return { code: 'no_article', note: 'no readable article found on the page' };
    if (decoded.warning) await recordCharsetWarning(deps, job, url, decoded.warning);
    return {
      title: singleLineOrNull(extracted.title, TITLE_MAX_CHARS) ?? job.item.title,
      byline: singleLineOrNull(extracted.byline, BYLINE_MAX_CHARS),
      publishedAt: job.item.publishedAt ?? extracted.publishedAt,
      text: extracted.text,
      textSource: 'page',
      extractionNote: null,
      charsetWarning: decoded.warning,
    };
  } catch (err) {
    const e = describeError(err);
    return { code: e.code, note: `page unavailable (${e.code}: ${e.message})` };
  }
}

/** A page that decoded with a warning is still used: the row says its text may be garbled. */
async function recordCharsetWarning(
  deps: ReadDeps,
  job: ArticleJob,
  url: string,
  warning: string,
): Promise<void> {
  await deps.errorLog.recordError({
    errorId: newId(deps),
    at: isoNow(deps),
    scope: 'article',
    subject: url,
    feedId: job.feedId,
    code: 'charset_suspect',
    message: `${warning}; the article was stored and alerted as decoded`,
  });
}

/** The feed item's own content; the page's failure stays on record. */
async function fromFeed(
  deps: ReadDeps,
  job: ArticleJob,
  failure: PageFailure,
): Promise<ArticleText> {
  const text = job.item.content ? await deps.extractor.feedItemText(job.item.content) : '';
  if (!text)
    throw new ExtractError(`${failure.note}; the feed item has no content to fall back on`);
  if (job.url) {
    await deps.errorLog.recordError({
      errorId: newId(deps),
      at: isoNow(deps),
      scope: 'article',
      subject: job.url,
      feedId: job.feedId,
      code: failure.code,
      message: `${failure.note}; used the feed item's own content instead`,
    });
  }
  return {
    title: job.item.title,
    byline: null,
    publishedAt: job.item.publishedAt,
    text,
    textSource: 'feed',
    extractionNote: failure.note,
    charsetWarning: null,
  };
}

/** Fetches the page and extracts it; falls back to the feed item's own content. */
export async function readArticle(deps: ReadDeps, job: ArticleJob, lap: Lap): Promise<ArticleText> {
  if (!job.url) return fromFeed(deps, job, { code: 'no_link', note: 'item has no link' });
  const page = await readPage(deps, job, job.url, lap);
  return 'text' in page ? page : fromFeed(deps, job, page);
}
