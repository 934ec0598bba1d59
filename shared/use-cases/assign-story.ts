import { createHash } from 'node:crypto';
import {
  contentWords,
  DEFAULT_SIMILARITY,
  isSameStory,
  type TextFingerprint,
} from '../dedupe/fingerprint.ts';
import type { Clock } from '../ports/clock.ts';
import type {
  ArticleFingerprint,
  ContentOwner,
  StoryCandidate,
  StoryIndex,
} from '../ports/story-index.ts';
import { addMs, isoNow } from './deps.ts';

// Which story an article belongs to: the same text or the same distinctive headline seen before
// (any URL, any outlet, any date), else near-duplicate text seen within a few days, else a story
// of its own (named after the article). An article of a new story takes two round trips: the
// index write with the claims of its two identities (three requests at once), then the band
// read (a copy, whose text or headline another article claimed first, skips it). Then, when
// there are any, the candidates' and owners' fingerprints in one read, and the chosen story
// written to its fingerprint when it is not its own.
//
// Copies in flight at once: an article that loses an identity claim takes its owner's story; the
// owner passes over near-duplicates that lost a claim to it (their fingerprints keep the
// identities they claimed), or each could end in the other's story. Left open: a third article,
// an earlier near-duplicate the owner joins after a copy has read the owner's story (the copy
// then keeps the owner's first story); it needs three reports of one story within the same few
// milliseconds.

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

/** What the look around found: near-duplicate candidates indexed earlier, identities' owners. */
interface Found {
  candidates: StoryCandidate[];
  /** Owners of the text and headline identities, in that order, when another article has one. */
  owners: ContentOwner[];
  /** The identities this article claimed first. */
  owned: Set<string>;
}

/** The text and headline identities of an article (a short headline names none). */
function identitiesOf(a: StoryInput): string[] {
  const title = titleIdentity(a.title);
  return title ? [a.fp.contentHash, title] : [a.fp.contentHash];
}

/** Claims the identities: each names its first article, this one or another. */
function claimIdentities(deps: StoryDeps, a: StoryInput): Promise<ContentOwner[]> {
  const self = { articleId: a.articleId, storyId: a.articleId };
  return Promise.all(identitiesOf(a).map((id) => deps.storyIndex.claimContentHash(id, self)));
}

/** The band slots in the date window, read after the index write. */
async function nearCandidates(deps: StoryDeps, a: StoryInput, indexedAt: string) {
  const window = DEFAULT_SIMILARITY.maxDaysApart * DAY_MS;
  const dayStart = `${storyDay(a)}T00:00:00Z`;
  const candidates = await deps.storyIndex.findStoryCandidates(
    a.fp.bands,
    addMs(dayStart, -window).slice(0, 10),
    addMs(dayStart, window).slice(0, 10),
  );
  return candidates
    .filter((c) => c.articleId !== a.articleId && c.indexedAt < indexedAt)
    .slice(0, MAX_CANDIDATES);
}

/**
 * The story: that of the first article with the same text, else the same headline, else the
 * earliest-indexed near-duplicate. Owners and candidates are resolved through their fingerprints
 * in one read: an owner may have joined another story since it claimed the identity.
 */
async function chooseStory(deps: StoryDeps, a: StoryInput, found: Found) {
  const ids = [...new Set([...found.owners, ...found.candidates].map((x) => x.articleId))];
  if (!ids.length) return null;
  const prints = await deps.storyIndex.getFingerprints(ids);
  const byId = new Map(prints.map((p) => [p.articleId, p]));
  const owner = found.owners[0];
  if (owner)
    return { storyId: byId.get(owner.articleId)?.storyId ?? owner.storyId, how: 'text' as const };
  const near = new Set(found.candidates.map((c) => c.articleId));
  // A candidate that shares an identity this article owns lost that claim to it, so it takes
  // this article's story: joining its story instead would send each to the other's (two copies
  // of one text in flight at once, the one indexed first claiming second).
  const follows = (p: ArticleFingerprint) => p.identities.some((id) => found.owned.has(id));
  const earliest = prints
    .filter((p) => near.has(p.articleId) && !follows(p))
    .filter((p) => isSameStory(a.fp, p) && datesCompatible(a.publishedDate, p.publishedDate))
    .sort((x, y) => x.indexedAt.localeCompare(y.indexedAt))[0];
  return earliest ? { storyId: earliest.storyId, how: 'near' as const } : null;
}

export async function assignStory(deps: StoryDeps, a: StoryInput): Promise<StoryAssignment> {
  // Index first, then look: two near-duplicates processed at the same moment then see each
  // other, and both choose the story of the one indexed earliest, so they agree. The time is
  // taken here, not when the article was claimed: of two articles in flight, the one that
  // indexes second must rank second, or it would pass over the first (which looked before it
  // indexed) and both would keep a story of their own. The identities are claimed with the
  // index write: a claim returns its owner, so it needs nothing from the look. A re-run claims
  // them again (a crash may have come between) and keeps the story its first run chose.
  const [indexed, owners] = await Promise.all([
    deps.storyIndex.indexFingerprint({
      articleId: a.articleId,
      storyId: a.articleId,
      indexedAt: `${isoNow(deps)}#${a.articleId}`,
      publishedDate: a.publishedDate,
      words: a.fp.words,
      pairs: a.fp.pairs,
      identities: identitiesOf(a),
      bands: a.fp.bands,
      storyDate: storyDay(a),
      firstAttempt: a.firstAttempt ?? false,
    }),
    claimIdentities(deps, a),
  ]);
  if (indexed.existed) return { storyId: indexed.storyId, duplicateOf: null };
  const others = owners.filter((o) => !o.created && o.articleId !== a.articleId);
  const found = {
    // A copy takes its identity owner's story whatever its near-duplicates: no band read.
    candidates: others.length ? [] : await nearCandidates(deps, a, indexed.indexedAt),
    owners: others,
    owned: new Set(identitiesOf(a).filter((_, i) => owners[i]?.articleId === a.articleId)),
  };
  const chosen = await chooseStory(deps, a, found);
  const assignment: StoryAssignment = chosen
    ? { storyId: chosen.storyId, duplicateOf: chosen.how }
    : { storyId: indexed.storyId, duplicateOf: null };
  if (assignment.storyId !== a.articleId)
    await deps.storyIndex.setFingerprintStory(a.articleId, assignment.storyId);
  return assignment;
}
