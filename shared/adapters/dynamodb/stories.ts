import {
  BAND_SLOTS,
  bandPeriod,
  bandPeriods,
  bandSlot,
  decodeHashes,
  encodeHashes,
} from '../../dedupe/fingerprint.ts';
import type { StoryRecord } from '../../domain/records.ts';
import type {
  ArticleFingerprint,
  ContentOwner,
  StoryCandidate,
  StoryIndex,
} from '../../ports/story-index.ts';
import { type ItemKey, indexEntry, itemKey } from './keys.ts';
import { type DynamoTable, expiresAt, type Item, strip } from './table.ts';
import { TTL_ATTRIBUTE } from './table-design.ts';

// Stories and what finds them: content-identity items, MinHash band slots (a few per band value
// and period, each the latest article written to it; see dedupe/fingerprint.ts) and each
// article's fingerprint.

type IndexedFingerprint = ArticleFingerprint & {
  bands: string[];
  storyDate: string;
  firstAttempt?: boolean;
};

/** The fingerprint item of an article (written once). */
export function fingerprintItem(fp: ArticleFingerprint, ttl = expiresAt()): Item {
  return {
    ...itemKey.fingerprint(fp.articleId),
    articleId: fp.articleId,
    storyId: fp.storyId,
    indexedAt: fp.indexedAt,
    publishedDate: fp.publishedDate,
    words: encodeHashes(fp.words),
    pairs: encodeHashes(fp.pairs),
    identities: fp.identities,
    [TTL_ATTRIBUTE]: ttl,
  };
}

/** The band items of an article, carrying the story and time its fingerprint was indexed with. */
export function bandItems(
  fp: Pick<IndexedFingerprint, 'articleId' | 'bands' | 'storyDate'>,
  first: { storyId: string; indexedAt: string },
  ttl = expiresAt(),
): Item[] {
  const period = bandPeriod(fp.storyDate);
  return fp.bands.map((band, i) => ({
    ...itemKey.band(i, band, period, bandSlot(fp.articleId, i)),
    articleId: fp.articleId,
    storyId: first.storyId,
    storyDate: fp.storyDate,
    indexedAt: first.indexedAt,
    [TTL_ATTRIBUTE]: ttl,
  }));
}

/**
 * `SET` of the story item's own fields, each only if absent: the first article to reach the
 * story names it, and its listing entry is written with it.
 */
function storyFields(story: StoryRecord) {
  const { articleIds: _a, outlets: _o, ...own } = story;
  const item: Item = { type: 'story', ...own, ...indexEntry.story(story) };
  const entries = Object.entries(item).filter(([, v]) => v !== undefined);
  return {
    expression: entries.map((_, i) => `#f${i} = if_not_exists(#f${i}, :f${i})`).join(', '),
    names: Object.fromEntries(entries.map(([k], i) => [`#f${i}`, k])),
    values: Object.fromEntries(entries.map(([, v], i) => [`:f${i}`, v])),
  };
}

/** The band slots' articles in the date window, most shared bands first. */
function bandCandidates(slots: Item[], from: string, to: string): StoryCandidate[] {
  const byArticle = new Map<string, StoryCandidate>();
  for (const item of slots) {
    const storyDate = String(item.storyDate);
    if (storyDate < from || storyDate > to) continue;
    const articleId = String(item.articleId);
    const known = byArticle.get(articleId);
    if (known) known.hits++;
    else
      byArticle.set(articleId, {
        articleId,
        storyId: String(item.storyId),
        storyDate,
        indexedAt: String(item.indexedAt),
        hits: 1,
      });
  }
  // Most shared bands first; among equals the earliest indexed, not whichever id sorts first.
  return [...byArticle.values()].sort(
    (a, b) => b.hits - a.hits || a.indexedAt.localeCompare(b.indexedAt),
  );
}

export class DynamoStoryIndex implements StoryIndex {
  constructor(private readonly table: DynamoTable) {}

  async claimContentHash(
    contentHash: string,
    owner: { articleId: string; storyId: string },
  ): Promise<ContentOwner> {
    // Set only where absent, returning the item as it is after: the first article's ids, in
    // one request whether this claim won or lost.
    const kept = await this.table.update(itemKey.contentHash(contentHash), {
      expression:
        'SET articleId = if_not_exists(articleId, :a), storyId = if_not_exists(storyId, :s)',
      values: { ':a': owner.articleId, ':s': owner.storyId },
      returnNew: true,
    });
    const first = {
      articleId: String(kept?.articleId ?? owner.articleId),
      storyId: String(kept?.storyId ?? owner.storyId),
    };
    return { ...first, created: first.articleId === owner.articleId };
  }

  async findStoryCandidates(bands: string[], from: string, to: string): Promise<StoryCandidate[]> {
    // Every slot of every band in the window's periods, in one BatchGetItem (at most 16 x 3 x 2
    // keys): the cost depends neither on the table's size nor on how common a band value is.
    const keys: ItemKey[] = [];
    for (const period of bandPeriods(from, to))
      bands.forEach((band, i) => {
        for (let slot = 0; slot < BAND_SLOTS; slot++)
          keys.push(itemKey.band(i, band, period, slot));
      });
    return bandCandidates(await this.table.batchGet(keys), from, to);
  }

  async getFingerprints(articleIds: string[]): Promise<ArticleFingerprint[]> {
    if (articleIds.length === 0) return [];
    const items = await this.table.batchGet(articleIds.map(itemKey.fingerprint));
    return items.map((it) => ({
      articleId: String(it.articleId),
      storyId: String(it.storyId),
      indexedAt: String(it.indexedAt),
      publishedDate: typeof it.publishedDate === 'string' ? it.publishedDate : null,
      words: decodeHashes(it.words as Uint8Array),
      pairs: decodeHashes(it.pairs as Uint8Array),
      identities: Array.isArray(it.identities) ? it.identities.map(String) : [],
    }));
  }

  async indexFingerprint(
    fp: IndexedFingerprint,
  ): Promise<{ storyId: string; indexedAt: string; existed: boolean }> {
    const ttl = expiresAt();
    let first = { storyId: fp.storyId, indexedAt: fp.indexedAt, existed: false };
    if (fp.firstAttempt) {
      // No earlier attempt wrote a fingerprint: one batch, no condition to ask.
      await this.table.batchPut([fingerprintItem(fp, ttl), ...bandItems(fp, first, ttl)]);
      return first;
    }
    if (!(await this.table.putIfAbsent(fingerprintItem(fp, ttl)))) {
      const [existing] = await this.getFingerprints([fp.articleId]);
      if (existing)
        first = { storyId: existing.storyId, indexedAt: existing.indexedAt, existed: true };
    }
    // Band slots are rewritten on a re-run (a crash may have come before them): same values,
    // though a slot a later article took meanwhile goes back to this one.
    await this.table.batchPut(bandItems(fp, first, ttl));
    return first;
  }

  async setFingerprintStory(articleId: string, storyId: string): Promise<void> {
    await this.table.update(itemKey.fingerprint(articleId), {
      expression: 'SET storyId = :s',
      values: { ':s': storyId },
    });
  }

  async upsertStory(
    story: StoryRecord,
    article: { articleId: string; outlet: string },
  ): Promise<StoryRecord> {
    // One update creates the story or adds the article and its outlet to it (a known story
    // keeps its own fields); a second, only when the outlet is listed already, adds the article.
    const key = itemKey.story(story.storyId);
    const fields = storyFields(story);
    const created = await this.table.update(key, {
      expression: `SET ${fields.expression}, #articleIds = list_append(if_not_exists(#articleIds, :none), :a), #outlets = list_append(if_not_exists(#outlets, :none), :o)`,
      condition: 'NOT contains(#articleIds, :id) AND NOT contains(#outlets, :outlet)',
      names: { ...fields.names, '#articleIds': 'articleIds', '#outlets': 'outlets' },
      values: {
        ...fields.values,
        ':none': [],
        ':a': [article.articleId],
        ':o': [article.outlet],
        ':id': article.articleId,
        ':outlet': article.outlet,
      },
      returnNew: true,
    });
    if (created) return strip<StoryRecord>(created);
    // The outlet is listed (or a re-run finds the article there and changes nothing).
    const added = await this.table.update(key, {
      expression: 'SET #articleIds = list_append(#articleIds, :a)',
      condition: 'NOT contains(#articleIds, :id)',
      names: { '#articleIds': 'articleIds' },
      values: { ':a': [article.articleId], ':id': article.articleId },
      returnNew: true,
    });
    return strip<StoryRecord>(added ?? (await this.table.get(key)));
  }

  async getStory(storyId: string): Promise<StoryRecord | null> {
    const item = await this.table.get(itemKey.story(storyId));
    return item ? strip<StoryRecord>(item) : null;
  }
}
