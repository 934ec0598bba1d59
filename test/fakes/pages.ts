import type { ExtractedArticle } from '../../shared/domain/article.ts';
import { FetchError } from '../../shared/domain/errors.ts';
import type { ArticleExtractor } from '../../shared/ports/extractor.ts';
import type { HttpClient, HttpRequest, HttpResponse } from '../../shared/ports/http.ts';

// A web of pages in memory, and an extractor for the simple pages it holds: enough for the
// use-cases' unit tests, which are about what happens to an article, not about Readability.

export interface FakePage {
  status?: number;
  contentType?: string;
  body: string;
}

export class FakeWeb implements HttpClient {
  readonly pages = new Map<string, FakePage>();
  readonly requests: HttpRequest[] = [];

  async get(req: HttpRequest): Promise<HttpResponse> {
    this.requests.push(req);
    const page = this.pages.get(req.url);
    const status = page?.status ?? (page ? 200 : 404);
    if (status >= 400)
      throw new FetchError('http_status', req.url, `HTTP ${status}`, { status, retryable: false });
    return {
      status,
      url: req.url,
      headers: { 'content-type': page?.contentType ?? 'text/html; charset=utf-8' },
      body: Buffer.from(page?.body ?? ''),
    };
  }

  async post(req: HttpRequest & { body: string }): Promise<HttpResponse> {
    this.requests.push(req);
    return { status: 200, url: req.url, headers: {}, body: Buffer.from('ok') };
  }
}

/** A page as FakeExtractor reads it: a headline and paragraphs. */
export function simplePage(title: string, paragraphs: string[]): string {
  const ps = paragraphs.map((p) => `<p>${p}</p>`).join('\n');
  return `<html><body><article><h1>${title}</h1>\n${ps}</article></body></html>`;
}

const inner = (html: string, tag: string) =>
  [...html.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) => m[1] ?? '');

/** Reads simplePage pages; anything else has no article. */
export class FakeExtractor implements ArticleExtractor {
  async extract(html: string): Promise<ExtractedArticle | null> {
    const paragraphs = inner(html, 'p');
    if (!paragraphs.length) return null;
    return {
      title: inner(html, 'h1')[0] ?? null,
      byline: null,
      publishedAt: null,
      siteName: null,
      text: paragraphs.join('\n\n'),
    };
  }

  async feedItemText(content: string): Promise<string> {
    return content
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
  }

  async close(): Promise<void> {}
}
