import { isProbablyReaderable, Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import type { ExtractedArticle } from '../domain/article.ts';
import { ExtractError } from '../domain/errors.ts';
import type { ExtractTimings } from '../ports/extractor.ts';
import { articleText } from './article-text.ts';
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

function runReadability(
  doc: Document,
  opts: { requireReaderable: boolean; charThreshold?: number },
): ExtractedArticle | null {
  // Section fronts, galleries and video pages have no article, but Readability always returns
  // its best block of text (a list of headlines, say). Its companion check, asked before parse()
  // rearranges the document, tells those apart: no visible paragraph of 140+ characters.
  if (opts.requireReaderable && !isProbablyReaderable(doc)) return null;
  // Meta tags are read before Readability starts rearranging the document.
  const fallbackDate = metaDate(doc);
  const result: ReadabilityResult | null = new Readability<Node>(doc, {
    // Hand back the element itself: paragraphs come from its block structure, and nothing is
    // serialised to HTML only to be parsed again.
    serializer: (node: Node) => node,
    ...(opts.charThreshold ? { charThreshold: opts.charThreshold } : {}),
  }).parse();
  if (!result?.content) return null;
  const text = articleText(result.content);
  if (!text) return null;
  return {
    title: clean(result.title),
    byline: clean(result.byline),
    publishedAt: toIsoDate(result.publishedTime) ?? fallbackDate,
    siteName: clean(result.siteName),
    text,
  };
}

/**
 * Readability's first pass strips "unlikely" blocks (comments, sidebars, share bars); when the
 * article it finds is shorter than its 500-character default, it starts over without stripping
 * and returns a container that takes in the readers' comments. News briefs are often shorter than
 * that, and a figure in a comment must not become a claim, so a shorter article is accepted.
 */
const SHORT_ARTICLE_CHARS = 100;

function parseIn(dom: JSDOM, html: string): Document {
  const parser = new dom.window.DOMParser();
  return parser.parseFromString(html, 'text/html') as unknown as Document;
}

/**
 * The readable article in an untrusted HTML page, or null when Readability finds none.
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
    let doc: Document;
    try {
      doc = parseIn(dom, precleanHtml(html));
    } catch {
      // Retry once with everything CSS-shaped gone (inline styles included).
      try {
        doc = parseIn(dom, precleanHtml(html, { aggressive: true }));
      } catch (err) {
        throw new ExtractError(`could not parse HTML of ${opts.url}`, { cause: err });
      }
    }
    parsed = performance.now();
    try {
      return runReadability(doc, { requireReaderable: true, charThreshold: SHORT_ARTICLE_CHARS });
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
    return runReadability(dom.window.document as unknown as Document, { requireReaderable: false });
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
