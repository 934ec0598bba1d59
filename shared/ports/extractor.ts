import type { ExtractedArticle } from '../domain/article.ts';

/** Where one extraction's time went: pre-clean and DOM, then Readability and the text. */
export interface ExtractTimings {
  parseMs: number;
  readabilityMs: number;
}

/** The limits a run gives extraction (config `extraction`); zod-free, for the Lambda entry. */
export const EXTRACTION_DEFAULTS = { timeoutMs: 15_000, maxHeapMb: 256 } as const;

// Full-text extraction as the use-cases see it. The runs use a worker thread with a deadline
// (shared/extract/worker-extractor.ts); the `extract` command and some tests call Readability in
// process (shared/extract/in-process-extractor.ts).

export interface ArticleExtractor {
  /**
   * The readable article in an untrusted page, or null when there is none. Throws ExtractError
   * when the page cannot be parsed or takes longer than its deadline. `timings`, when given, is
   * filled with the time spent building the DOM and in Readability.
   */
  extract(html: string, url: string, timings?: ExtractTimings): Promise<ExtractedArticle | null>;
  /** The text of a feed item's own content (HTML more often than not), for the fallback. */
  feedItemText(content: string): Promise<string>;
  /** Frees what the extractor holds (its worker thread). Safe to call twice. */
  close(): Promise<void>;
}
