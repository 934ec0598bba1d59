import { BAND_SLOTS, bandPeriod, bandPeriods, bandSlot } from '../../shared/dedupe/fingerprint.ts';
import type { StoryRecord } from '../../shared/domain/records.ts';
import type {
  ArticleFingerprint,
  ContentOwner,
  StoryCandidate,
  StoryIndex,
} from '../../shared/ports/story-index.ts';

// The story index as DynamoDB keeps it: first writer owns a content identity and a fingerprint;
// band entries are per (band, value, period, slot), the latest article written to a slot keeping it.

interface BandEntry {
  articleId: string;
  storyId: string;
  storyDate: string;
  indexedAt: string;
}

export class InMemoryStoryIndex implements StoryIndex {
  readonly identities = new Map<string, { articleId: string; storyId: string }>();
  readonly fingerprints = new Map<string, ArticleFingerprint>();
  readonly bands = new Map<string, BandEntry>();
  readonly stories = new Map<string, StoryRecord>();

  async claimContentHash(
    contentHash: string,
    owner: { articleId: string; storyId: string },
  ): Promise<ContentOwner> {
    const first = this.identities.get(contentHash);
    // The first article claiming again (a re-run) is still its owner, as in DynamoDB.
    if (first) return { ...first, created: first.articleId === owner.articleId };
    this.identities.set(contentHash, { ...owner });
    return { ...owner, created: true };
  }

  async findStoryCandidates(bands: string[], from: string, to: string): Promise<StoryCandidate[]> {
    return this.bandCandidates(bands, from, to);
  }

  private bandCandidates(bands: string[], from: string, to: string): StoryCandidate[] {
    const hits = new Map<string, StoryCandidate>();
    for (const period of bandPeriods(from, to))
      bands.forEach((band, i) => {
        for (let slot = 0; slot < BAND_SLOTS; slot++) {
          const e = this.bands.get(`${i}#${band}#${period}#${slot}`);
          if (!e || e.storyDate < from || e.storyDate > to) continue;
          const c = hits.get(e.articleId);
          if (c) c.hits += 1;
          else hits.set(e.articleId, { ...e, hits: 1 });
        }
      });
    return [...hits.values()].sort(
      (a, b) => b.hits - a.hits || a.indexedAt.localeCompare(b.indexedAt),
    );
  }

  async getFingerprints(articleIds: string[]): Promise<ArticleFingerprint[]> {
    return articleIds.flatMap((id) => {
      const fp = this.fingerprints.get(id);
      return fp ? [structuredClone(fp)] : [];
    });
  }

  async indexFingerprint(
    fp: ArticleFingerprint & { bands: string[]; storyDate: string; firstAttempt?: boolean },
  ): Promise<{ storyId: string; indexedAt: string; existed: boolean }> {
    // A first attempt writes without asking, as the DynamoDB adapter does.
    const known = fp.firstAttempt ? undefined : this.fingerprints.get(fp.articleId);
    const first = known
      ? { storyId: known.storyId, indexedAt: known.indexedAt, existed: true }
      : { storyId: fp.storyId, indexedAt: fp.indexedAt, existed: false };
    if (!known) {
      const { bands: _bands, storyDate: _day, firstAttempt: _first, ...print } = fp;
      this.fingerprints.set(fp.articleId, structuredClone(print));
    }
    fp.bands.forEach((band, i) => {
      const slot = bandSlot(fp.articleId, i);
      const { storyId, indexedAt } = first;
      this.bands.set(`${i}#${band}#${bandPeriod(fp.storyDate)}#${slot}`, {
        articleId: fp.articleId,
        storyId,
        storyDate: fp.storyDate,
        indexedAt,
      });
    });
    return first;
  }

  async setFingerprintStory(articleId: string, storyId: string): Promise<void> {
    const fp = this.fingerprints.get(articleId);
    if (fp) fp.storyId = storyId;
  }

  async upsertStory(story: StoryRecord, article: { articleId: string; outlet: string }) {
    const known = this.stories.get(story.storyId);
    if (!known) {
      this.stories.set(story.storyId, structuredClone(story));
      return structuredClone(story);
    }
    if (!known.articleIds.includes(article.articleId)) {
      known.articleIds.push(article.articleId);
      if (!known.outlets.includes(article.outlet)) known.outlets.push(article.outlet);
    }
    return structuredClone(known);
  }

  async getStory(storyId: string): Promise<StoryRecord | null> {
    const s = this.stories.get(storyId);
    return s ? structuredClone(s) : null;
  }
}
