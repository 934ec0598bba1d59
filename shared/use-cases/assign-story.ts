import { createHash } from 'node:crypto';
import {
  contentWords,
  DEFAULT_SIMILARITY,
  isSameStory,
  type TextFingerprint,
} from '../dedupe/fingerprint.ts';
import type { Clock } from '../ports/clock.ts';
import type { StoryIndex } from '../ports/story-index.ts';
import { addMs, isoNow } from './deps.ts';

// Which story an article belongs to: the same text or the same distinctive headline seen before
// (any URL, any outlet, any date), else near-duplicate text seen within a few days, else a story
// of its own (named after the article).

const MAX_CANDIDATES = 8;
const DAY_MS = 86_400_000;

export interface StoryDeps {
  storyIndex: StoryIndex;
  clock: Clock;
}

export interface StoryAssignment {
  storyId: string;
  /** How it joined a known story, or null for a story of its own. */
  duplicateOf: 'text' | 'near' | null;
}

export interface StoryInput {
  articleId: string;
  title: string | null;
  /** yyyy-mm-dd the article was published, when known. */
  publishedDate: string | null;
  /** yyyy-mm-dd the article was seen: its story date when it states no publication date. */
  seenDate: string;
  fp: TextFingerprint;
  /** No earlier attempt at this article can have indexed it (default: one may have). */
  firstAttempt?: boolean;
}

/**
 * A headline of five content words or more names one story; shorter ones ("Syria live
 * updates") do not. Hashed into the same identity space as content hashes, under its own prefix.
 */
function titleIdentity(title: string | null): string | null {
  const words = title ? contentWords(title) : [];
  if (words.length < 5) return null;
  return `title:${createHash('sha256').update(words.join(' ')).digest('hex')}`;
}

/**
 * The day an article's bands are indexed under and looked up around: reports of one story are
 * published together (a replay of old reports, or a late fetch, sees them apart).
 */
function storyDay(a: StoryInput): string {
  const d = a.publishedDate;
  return d && /^\d{4}-\d{2}-\d{2}$/.test(d) && !Number.isNaN(Date.parse(d)) ? d : a.seenDate;
}

/** Two published dates (when both are known) more than a few days apart are different stories. */
function datesCompatible(a: string | null, b: string | null): boolean {
  if (!a || !b) return true;
  return Math.abs(Date.parse(a) - Date.parse(b)) / DAY_MS <= DEFAULT_SIMILARITY.maxDaysApart;
}

/** The story of the earliest-indexed near-duplicate indexed before this article, if any. */
async function nearestStory(
  deps: StoryDeps,
  a: StoryInput,
  indexedAt: string,
): Promise<string | null> {
  const window = DEFAULT_SIMILARITY.maxDaysApart * DAY_MS;
  const dayStart = `${storyDay(a)}T00:00:00Z`;
  const candidates = (
    await deps.storyIndex.findStoryCandidates(
      a.fp.bands,
      addMs(dayStart, -window).slice(0, 10),
      addMs(dayStart, window).slice(0, 10),
    )
  )
    .filter((c) => c.articleId !== a.articleId && c.indexedAt < indexedAt)
    .slice(0, MAX_CANDIDATES);
  if (!candidates.length) return null;
  const prints = await deps.storyIndex.getFingerprints(candidates.map((c) => c.articleId));
  const earliest = prints
    .filter((p) => isSameStory(a.fp, p) && datesCompatible(a.publishedDate, p.publishedDate))
    .sort((x, y) => x.indexedAt.localeCompare(y.indexedAt))[0];
  return earliest?.storyId ?? null;
}

/** The story of the first article with the same text or headline, if another was first. */
async function sameContentStory(
  deps: StoryDeps,
  a: StoryInput,
  storyId: string,
): Promise<string | null> {
  for (const identity of [a.fp.contentHash, titleIdentity(a.title)]) {
    if (!identity) continue;
    const owner = await deps.storyIndex.claimContentHash(identity, {
      articleId: a.articleId,
      storyId,
    });
    if (!owner.created && owner.articleId !== a.articleId) {
      // The item keeps the story its owner had when it claimed it; the owner may have joined
      // another story since (its headline matched an earlier one): its fingerprint says which.
      const [print] = await deps.storyIndex.getFingerprints([owner.articleId]);
      return print?.storyId ?? owner.storyId;
    }
  }
  return null;
}

export async function assignStory(deps: StoryDeps, a: StoryInput): Promise<StoryAssignment> {
  // Index first, then look: two near-duplicates processed at the same moment then see each
  // other, and both choose the story of the one indexed earliest, so they agree. The time is
  // taken here, not when the article was claimed: of two articles in flight, the one that
  // indexes second must rank second, or it would pass over the first (which looked before it
  // indexed) and both would keep a story of their own.
  const indexed = await deps.storyIndex.indexFingerprint({
    articleId: a.articleId,
    storyId: a.articleId,
    indexedAt: `${isoNow(deps)}#${a.articleId}`,
    publishedDate: a.publishedDate,
    words: a.fp.words,
    pairs: a.fp.pairs,
    bands: a.fp.bands,
    storyDate: storyDay(a),
    firstAttempt: a.firstAttempt ?? false,
  });
  // A re-run keeps the story its first run chose.
  if (indexed.existed) return { storyId: indexed.storyId, duplicateOf: null };
  const near = await nearestStory(deps, a, indexed.indexedAt);
  const same = await sameContentStory(deps, a, near ?? indexed.storyId);
  const assignment: StoryAssignment = same
    ? { storyId: same, duplicateOf: 'text' }
    : near
      ? { storyId: near, duplicateOf: 'near' }
      : { storyId: indexed.storyId, duplicateOf: null };
  if (assignment.storyId !== a.articleId)
    await deps.storyIndex.setFingerprintStory(a.articleId, assignment.storyId);
  return assignment;
}
