import { isProbablyReaderable, Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import type { ExtractedArticle } from '../domain/article.ts';
import { ExtractError } from '../domain/errors.ts';
import type { ExtractTimings } from '../ports/extractor.ts';
import { articleText } from './article-text.ts';
import {
  HEADLINE_LIST_LINK_DENSITY,
  linkDensity,
  looksLikeNotice,
  withoutNotice,
} from './judge-article.ts';
import { precleanHtml } from './preclean-html.ts';

// Full-text extraction: untrusted HTML in, Readability's article out.
//
// Safety: every call builds a fresh jsdom window (nothing shared between articles) with scripts
// off and subresource loading off, and a virtual console that swallows page errors. The page
// itself is then parsed with that window's DOMParser, which makes a document with scripting
// disabled and no browsing context: <script> never runs, <iframe> gets no nested window (jsdom
// builds a whole window per iframe, ~15 ms each), <style> is never turned into a stylesheet and
// nothing is fetched. Readability reads the same tree it would read from `new JSDOM(html)`:
// both parse with the scripting flag off (so <noscript> content is markup either way).
//
// Speed: precleanHtml drops what Readability throws away anyway, so the DOM is smaller.

type ReadabilityResult = NonNullable<ReturnType<Readability<Node>['parse']>>;

function newWindow(url: string): JSDOM {
  const virtualConsole = new VirtualConsole();
  // No forwarding to the process console: page errors are the page's problem.
  virtualConsole.on('jsdomError', () => {});
  return new JSDOM('', {
    url,
    contentType: 'text/html',
    runScripts: undefined,
    resources: undefined,
    pretendToBeVisual: false,
    virtualConsole,
  });
}

/** jsdom insists on an absolute URL; an unusable one must not fail the extraction. */
function documentUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.protocol === 'http:' || u.protocol === 'https:') return u.href;
  } catch {
    // fall through
  }
  return 'about:blank';
}

/** `null` unless the value is a non-blank string; whitespace collapsed. */
function clean(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const s = value.replace(/\s+/g, ' ').trim();
  return s ? s : null;
}

const EARLIEST = Date.UTC(1990, 0, 1);
const MAX_FUTURE_MS = 2 * 24 * 3600 * 1000;

/** ISO 8601 for a plausible date string, else null (unparseable, before 1990, far future). */
export function toIsoDate(value: string | null | undefined): string | null {
  const s = value?.trim();
  if (!s || !/\b(19|20)\d\d\b/.test(s)) return null;
  const t = Date.parse(s);
  if (Number.isNaN(t) || t < EARLIEST || t > Date.now() + MAX_FUTURE_MS) return null;
  return new Date(t).toISOString();
}

/** Meta tags Readability does not read for the publication date, in order of trust. */
const DATE_META_KEYS = [
  'article:published_time',
  'og:published_time',
  'og:article:published_time',
  'article:published',
  'datepublished',
  'pubdate',
  'publishdate',
  'publish-date',
  'parsely-pub-date',
  'sailthru.date',
  'dc.date.issued',
  'dcterms.created',
  'dc.date',
  'date',
];

function metaDate(doc: Document): string | null {
  const found = new Map<string, string>();
  const metas = doc.getElementsByTagName('meta');
  for (let i = 0; i < metas.length; i++) {
    const m = metas.item(i);
    if (!m) continue;
    const content = m.getAttribute('content');
    if (!content) continue;
    for (const attr of ['property', 'name', 'itemprop']) {
      const key = m.getAttribute(attr)?.trim().toLowerCase();
      if (key && !found.has(key)) found.set(key, content);
    }
  }
  for (const key of DATE_META_KEYS) {
    const iso = toIsoDate(found.get(key));
    if (iso) return iso;
  }
  return null;
}

interface ReadabilityPass {
  article: ExtractedArticle;
  /** The element Readability picked, for judging it. */
  content: Node;
}

/** One Readability pass over `doc` (which it rearranges: a document serves one pass only). */
function runReadability(doc: Document, charThreshold?: number): ReadabilityPass | null {
  // Meta tags are read before Readability starts rearranging the document.
  const fallbackDate = metaDate(doc);
  const result: ReadabilityResult | null = new Readability<Node>(doc, {
    // Hand back the element itself: paragraphs come from its block structure, and nothing is
    // serialised to HTML only to be parsed again.
    serializer: (node: Node) => node,
    ...(charThreshold ? { charThreshold } : {}),
  }).parse();
  if (!result?.content) return null;
  const text = articleText(result.content);
  if (!text) return null;
  return {
    article: {
      title: clean(result.title),
      byline: clean(result.byline),
      publishedAt: toIsoDate(result.publishedTime) ?? fallbackDate,
      siteName: clean(result.siteName),
      text,
    },
    content: result.content,
  };
}

/**
 * Readability's first pass strips "unlikely" blocks (comments, sidebars, share bars); when the
 * article it finds is shorter than its 500-character default, it starts over without stripping
 * and returns a container that takes in the readers' comments. News briefs are often shorter than
 * that, and a figure in a comment must not become a claim, so the first pass asks for 100
 * characters only. What it accepts is then judged (judgeFirstPass), not taken on trust.
 */
const SHORT_ARTICLE_CHARS = 100;
/** Readability's own default threshold, for the retry. */
const DEFAULT_ARTICLE_CHARS = 500;

/**
 * The article from the first pass, judged. Readability's readerable check is a hint here, not a
 * gate: short paragraphs, bullet lists, tables and text in divs fail it, yet Readability finds
 * those articles. On a page that fails it, a list of headlines is a section front and a scrap
 * under the threshold is no article (null).
 * A short result that is a site's notice (a consent banner, a paywall prompt) stood in front of
 * the article: `again` runs a fresh pass with the default threshold, which looks further, and
 * the notice is dropped from what it finds.
 */
function judgeFirstPass(
  first: ReadabilityPass | null,
  readerable: boolean,
  again: () => ReadabilityPass | null,
): ExtractedArticle | null {
  if (!first) return null;
  const { text } = first.article;
  if (!readerable) {
    // Below the threshold Readability was asked for, it hands back its longest scrap anyway.
    if (text.length < SHORT_ARTICLE_CHARS) return null;
    if (linkDensity(first.content) > HEADLINE_LIST_LINK_DENSITY) return null;
  }
  if (text.length >= DEFAULT_ARTICLE_CHARS || !looksLikeNotice(text)) return first.article;
  const retry = again();
  const rest = retry ? withoutNotice(retry.article.text, text) : null;
  return retry && rest ? { ...retry.article, text: rest } : null;
}

function parseIn(dom: JSDOM, html: string): Document {
  const parser = new dom.window.DOMParser();
  return parser.parseFromString(html, 'text/html') as unknown as Document;
}

/** The page as a document, pre-cleaned; the cleaned HTML is kept for a second pass. */
function parseCleaned(dom: JSDOM, html: string, url: string): { doc: Document; cleaned: string } {
  try {
    const cleaned = precleanHtml(html);
    return { doc: parseIn(dom, cleaned), cleaned };
  } catch {
    // Retry once with everything CSS-shaped gone (inline styles included).
    try {
      const cleaned = precleanHtml(html, { aggressive: true });
      return { doc: parseIn(dom, cleaned), cleaned };
    } catch (err) {
      throw new ExtractError(`could not parse HTML of ${url}`, { cause: err });
    }
  }
}

/**
 * The readable article in an untrusted HTML page, or null when Readability finds none (or only
 * a list of headlines, or only a site's notice).
 * Throws ExtractError when the page cannot be turned into a DOM even after aggressive cleaning.
 */
export function extractArticle(
  html: string,
  opts: { url: string; timings?: ExtractTimings },
): ExtractedArticle | null {
  const started = performance.now();
  const dom = newWindow(documentUrl(opts.url));
  let parsed = started;
  try {
    const { doc, cleaned } = parseCleaned(dom, html, opts.url);
    parsed = performance.now();
    try {
      // Asked before parse() rearranges the document; a hint for judging, not a gate.
      const readerable = isProbablyReaderable(doc);
      const first = runReadability(doc, SHORT_ARTICLE_CHARS);
      return judgeFirstPass(first, readerable, () =>
        runReadability(parseIn(dom, cleaned), DEFAULT_ARTICLE_CHARS),
      );
    } catch (err) {
      throw new ExtractError(`readability failed on ${opts.url}`, { cause: err });
    }
  } finally {
    closeQuietly(dom);
    if (opts.timings) {
      opts.timings.parseMs = parsed - started;
      opts.timings.readabilityMs = performance.now() - parsed;
    }
  }
}

/** A failure while tearing down a window must not hide the result or the real error. */
function closeQuietly(dom: JSDOM): void {
  try {
    dom.window.close();
  } catch {
    // jsdom can throw here on odd framesets; the window is unreachable either way.
  }
}

/**
 * The bare floor the benchmark and tests compare against: `new JSDOM(html)` plus Readability, no
 * pre-cleaning, no DOMParser, no readerable check. Same text normalisation as extractArticle.
 * Not for production: plain jsdom parses every stylesheet (and can throw on one) and builds a
 * window per iframe.
 */
export function floorExtract(
  html: string,
  url: string,
  timings?: ExtractTimings,
): ExtractedArticle | null {
  const started = performance.now();
  const virtualConsole = new VirtualConsole();
  virtualConsole.on('jsdomError', () => {});
  const dom = new JSDOM(html, { url: documentUrl(url), virtualConsole });
  const parsed = performance.now();
  try {
    return runReadability(dom.window.document as unknown as Document)?.article ?? null;
  } finally {
    closeQuietly(dom);
    if (timings) {
      timings.parseMs = parsed - started;
      timings.readabilityMs = performance.now() - parsed;
    }
  }
}

const HTML_START = /^(?:\uFEFF)?\s*<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>]|\?xml|!--)/i;
const HTML_TAG =
  /<\/?(?:p|div|br|span|a|article|section|h[1-6]|ul|ol|li|table|tr|td|strong|em|b|i|img|body|html|head|meta|script|style|figure|blockquote)(?:\s[^<>]*)?\/?>/gi;

/** Whether a fetched body should go through the HTML extractor rather than be used as text. */
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 65_536);
  if (HTML_START.test(head)) return true;
  let tags = 0;
  HTML_TAG.lastIndex = 0;
  while (HTML_TAG.exec(head)) {
    tags++;
    if (tags >= 3) return true;
  }
  return false;
}
