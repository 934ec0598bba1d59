// What the pipeline knows about one article as it moves from feed item to stored record.

/** One item of a parsed RSS/Atom feed, normalised; every field may be missing in the wild. */
export interface FeedItem {
  guid: string | null;
  link: string | null;
  title: string | null;
  /** ISO 8601, or null when absent or absurd (unparseable, far future, before 1990). */
  publishedAt: string | null;
  /** Full content if the feed carries it (HTML or text), else the summary, else null. */
  content: string | null;
}

export interface ParsedFeed {
  title: string | null;
  /** The feed's own link (its website), if any. */
  link: string | null;
  items: FeedItem[];
  /** Items dropped because the feed had more than the configured cap. */
  truncated: number;
}

/** The readable article Readability found in a page. */
export interface ExtractedArticle {
  title: string | null;
  byline: string | null;
  /** ISO 8601 if the page states it (Readability's publishedTime, or meta tags). */
  publishedAt: string | null;
  siteName: string | null;
  /** Plain text, paragraphs separated by blank lines. */
  text: string;
}
