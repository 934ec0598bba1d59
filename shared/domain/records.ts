import type { DigestMessage } from '../alerts/digest.ts';
import type { UpdateMessage } from '../alerts/update-message.ts';
import type { Accusation, CasualtyFigure } from './claims.ts';

// Records the pipeline stores. Dates are ISO 8601 strings; ids are opaque strings.

export interface FeedState {
  feedId: string;
  etag: string | null;
  lastModified: string | null;
  lastPolledAt: string | null;
  lastSuccessAt: string | null;
  consecutiveFailures: number;
  /** A failing feed backs off: it is not polled again before this time. */
  nextPollAfter: string | null;
  lastError: string | null;
}

export type TextSource = 'page' | 'feed';

export interface ArticleRecord {
  articleId: string;
  url: string;
  canonicalUrl: string;
  feedId: string;
  outlet: string;
  title: string | null;
  byline: string | null;
  publishedAt: string | null;
  fetchedAt: string;
  /** Where the text came from: the article page, or the feed item when the page failed. */
  textSource: TextSource;
  /** Why the page could not be used, when textSource is 'feed'. */
  extractionNote: string | null;
  /**
   * Why the page's text is probably garbled (a charset that did not decode cleanly), when it is:
   * the text was stored and alerted as decoded, and this says not to trust its spelling.
   */
  charsetWarning?: string | null;
  relevant: boolean;
  topics: string[];
  storyId: string | null;
  contentHash: string;
  /** Kept only for relevant articles. */
  text: string | null;
  casualtyCount: number;
  accusationCount: number;
}

export interface StoryRecord {
  storyId: string;
  title: string | null;
  firstSeenAt: string;
  /** The story's date for queries: published, else first seen. */
  storyDate: string;
  /** Published date of its first article, when known: the date its claims are keyed by. */
  publishedDate: string | null;
  articleIds: string[];
  outlets: string[];
  places: string[];
}

/** One outlet's report of a claim, kept as corroboration. */
export interface ClaimSource {
  articleId: string;
  url: string;
  outlet: string;
  /** Who states it in that article. */
  statedBy: string;
  quote: string;
  seenAt: string;
}

interface ClaimBase {
  /** Identity of the incident (or accusation) the claim is about: see shared/dedupe/claim-key. */
  claimKey: string;
  storyId: string;
  topics: string[];
  firstSeenAt: string;
  updatedAt: string;
  /** Bumped when the value changes (a new toll); every version is one alert. */
  version: number;
  /** The article whose report produced the current version. */
  changedBy: string;
  sources: ClaimSource[];
}

export interface CasualtyClaim extends ClaimBase {
  kind: 'casualty';
  figure: CasualtyFigure;
  /** The figure this version replaced ("rose from 22 to 43"). */
  previous: { count: number; max: number | null; qualifier: string } | null;
}

export interface AccusationClaim extends ClaimBase {
  kind: 'accusation';
  accusation: Accusation;
  previous: null;
}

export type ClaimRecord = CasualtyClaim | AccusationClaim;
export type ClaimKind = ClaimRecord['kind'];

/** A link to a source article, as a message shows it. */
export interface AlertLink {
  title: string | null;
  url: string;
  outlet: string;
}

interface AlertBase {
  /** An update's message id (hash of record id and version), or a digest / overflow id. */
  alertId: string;
  /** When the update was made (its `at`), or when the digest's period ended: never this run's time. */
  createdAt: string;
  headline: string;
  links: AlertLink[];
  /** Where the record is about (an update), for the analysts' alert filters. */
  place: string | null;
  /** Actor ids the record names (perpetrators, accusers, accused). */
  parties: string[];
}

/** One message about one incident (or stand-alone accusation) update: an outbox item. */
export interface UpdateAlert extends AlertBase {
  kind: 'incident' | 'accusation';
  recordId: string;
  recordKind: 'incident' | 'accusation';
  version: number;
  /** Earlier messages about the same record, oldest first (email threading). */
  previousMessageIds: string[];
  /** The channel-independent message, rendered again for every attempt. */
  message: UpdateMessage;
}

/** A digest (or "N more updates" overflow) of one subscriber's period, built when it ended. */
export interface DigestAlert extends AlertBase {
  kind: 'digest' | 'overflow';
  subscriberId: string;
  digest: DigestMessage;
}

export type AlertRecord = UpdateAlert | DigestAlert;
export type AlertKind = AlertRecord['kind'];

export const isDigestAlert = (a: AlertRecord): a is DigestAlert =>
  a.kind === 'digest' || a.kind === 'overflow';

export type DeliveryStatus = 'pending' | 'sending' | 'sent' | 'failed';

export interface DeliveryRecord {
  alertId: string;
  subscriberId: string;
  channel: 'slack' | 'email';
  status: DeliveryStatus;
  attempts: number;
  createdAt: string;
  /** Not attempted again before this time (backoff). */
  nextAttemptAt: string;
  /** While 'sending': the claim expires at this time and another worker may take over. */
  leaseUntil: string | null;
  claimToken: string | null;
  sentAt: string | null;
  lastError: string | null;
}

export interface ErrorRecord {
  errorId: string;
  at: string;
  /** What failed: a feed poll, an article, a delivery. */
  scope: 'feed' | 'article' | 'delivery';
  /** The feed id, article URL or delivery id. */
  subject: string;
  feedId: string | null;
  code: string;
  message: string;
}

/** Where a claim is about, whatever its kind. */
export function claimPlace(c: ClaimRecord): string | null {
  return c.kind === 'casualty' ? c.figure.place : c.accusation.place;
}

/** The actors a claim names (accuser and accused; none for a casualty figure). */
export function claimActors(c: ClaimRecord): string[] {
  return c.kind === 'accusation' ? [c.accusation.accuser, c.accusation.accused] : [];
}
