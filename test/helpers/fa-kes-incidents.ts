import { createDynamoDbStore } from '../../shared/adapters/dynamodb/dynamodb-store.ts';
import { extractClaims } from '../../shared/claims/extract-claims.ts';
import { defaultTopics } from '../../shared/config/schema.ts';
import { type FaKesRow, faKesText, loadFaKes } from '../../shared/corpus/fa-kes.ts';
import type { ArticleRecord, CasualtyClaim, StoryRecord } from '../../shared/domain/records.ts';
import { DEFAULT_TOPIC_ID } from '../../shared/domain/topics.ts';
import { groupArticleClaims } from '../../shared/incidents/group-claims.ts';
import type { AccusationRecord, ArticleRef, Incident } from '../../shared/incidents/types.ts';
import { TABLE_NAME } from '../../shared/local/local-deps.ts';
import { openSharedStore } from '../../shared/local/store-server.ts';
import type { ArticleLedger } from '../../shared/ports/article-ledger.ts';
import type { ClaimLedger } from '../../shared/ports/claim-ledger.ts';
import type { IncidentStore } from '../../shared/ports/incident-store.ts';
import type { StoryIndex } from '../../shared/ports/story-index.ts';
import { classifyTopics } from '../../shared/topics/index.ts';
import { S } from './incident-builders.ts';
import { MemoryIncidents } from './memory-incidents.ts';

// A FA-KES replay through the incident model alone (fast; pipeline-replay.ts runs the whole pipeline):
// each dated row the topic model keeps is an article of its outlet; the real claim extractor
// reads it; groupArticleClaims -> chooseIncident -> planIncidentUpdate (MemoryIncidents) make the
// records. Rows with the same headline are one story (the corpus's own repeats). The result can
// be written to a store through its ports (incident store, article ledger, story index, claim
// ledger for background figures), as the pipeline would leave it.

export interface ModelReplay {
  incidents: Incident[];
  accusations: AccusationRecord[];
  articles: ArticleRecord[];
  stories: StoryRecord[];
  background: CasualtyClaim[];
}

const storyKeyOf = (row: FaKesRow) =>
  row.title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

function articleOf(row: FaKesRow & { date: string }, k: number, storyId: string): ArticleRecord {
  const publishedAt = `${row.date}T08:00:00.000Z`;
  const articleId = `fakes-${row.unitId}-${k}`;
  return {
    articleId,
    url: `https://${row.source}.news.example/syria/${row.unitId}`,
    canonicalUrl: `https://${row.source}.news.example/syria/${row.unitId}`,
    feedId: row.source,
    outlet: row.source,
    title: row.title,
    byline: null,
    publishedAt,
    fetchedAt: publishedAt,
    textSource: 'page',
    extractionNote: null,
    relevant: true,
    topics: [DEFAULT_TOPIC_ID],
    storyId,
    contentHash: articleId,
    text: null,
    casualtyCount: 0,
    accusationCount: 0,
  };
}

function backgroundClaims(
  a: ArticleRecord,
  ref: ArticleRef,
  grouped: ReturnType<typeof groupArticleClaims>,
): CasualtyClaim[] {
  return grouped.background.map((figure, n) => ({
    kind: 'casualty',
    claimKey: `bg|${a.articleId}|${n}`,
    storyId: a.storyId ?? a.articleId,
    topics: a.topics,
    firstSeenAt: a.fetchedAt,
    updatedAt: a.fetchedAt,
    version: 1,
    changedBy: a.articleId,
    sources: [
      {
        articleId: a.articleId,
        url: ref.url,
        outlet: a.outlet,
        statedBy: figure.source ?? a.outlet,
        quote: figure.quote,
        seenAt: a.fetchedAt,
      },
    ],
    previous: null,
    figure,
  }));
}

/** Every dated, on-topic FA-KES row through the extractor and the incident model. */
export function replayFaKesThroughModel(rows: FaKesRow[] = loadFaKes()): ModelReplay {
  const model = new MemoryIncidents();
  const stories = new Map<string, StoryRecord>();
  const articles: ArticleRecord[] = [];
  const background: CasualtyClaim[] = [];
  const dated = rows
    .map((row, k) => ({ row, k }))
    .filter((x): x is { row: FaKesRow & { date: string }; k: number } => x.row.date !== null)
    .sort((a, b) => a.row.date.localeCompare(b.row.date) || a.k - b.k);
  for (const { row, k } of dated) {
    const text = faKesText(row);
    if (!classifyTopics({ title: row.title, text }, defaultTopics).relevant) continue;
    const key = storyKeyOf(row);
    const story = stories.get(key);
    const storyId = story?.storyId ?? `story-${row.unitId}-${k}`;
    const a = articleOf(row, k, storyId);
    const claims = extractClaims(text, {
      title: row.title,
      outlet: row.source,
      outletId: row.source,
      publishedAt: a.publishedAt ?? undefined,
    });
    a.casualtyCount = claims.casualties.length;
    a.accusationCount = claims.accusations.length;
    articles.push(a);
    stories.set(key, {
      storyId,
      title: story?.title ?? row.title,
      firstSeenAt: story?.firstSeenAt ?? a.fetchedAt,
      storyDate: story?.storyDate ?? row.date,
      publishedDate: story?.publishedDate ?? row.date,
      articleIds: [...(story?.articleIds ?? []), a.articleId],
      outlets: [...new Set([...(story?.outlets ?? []), a.outlet])],
      places: story?.places ?? [],
    });
    const ref: ArticleRef = {
      articleId: a.articleId,
      url: a.url,
      title: a.title,
      outlet: a.outlet,
      publishedAt: a.publishedAt,
      seenAt: a.fetchedAt,
    };
    const input = {
      article: ref,
      storyId,
      storyDate: story?.storyDate ?? row.date,
      topics: a.topics,
      claims,
    };
    background.push(...backgroundClaims(a, ref, groupArticleClaims(input)));
    model.apply(input);
  }
  return {
    incidents: model.incidents(),
    accusations: model.accusationRecords(),
    articles,
    stories: [...stories.values()],
    background,
  };
}

/** Writes a replay through the store's ports, as the pipeline leaves its records. */
export async function storeReplay(
  store: {
    incidentStore: IncidentStore;
    articleLedger: ArticleLedger;
    storyIndex: StoryIndex;
    claimLedger: ClaimLedger;
  },
  replay: ModelReplay,
): Promise<void> {
  for (const r of [...replay.incidents, ...replay.accusations]) {
    await store.incidentStore.createRecord(r);
    await store.incidentStore.indexRecord(r, []);
  }
  for (const a of replay.articles) await store.articleLedger.completeArticle(a);
  for (const s of replay.stories) {
    const first = replay.articles.find((a) => a.articleId === s.articleIds[0]);
    if (first) await store.storyIndex.upsertStory(s, first);
  }
  for (const c of replay.background) await store.claimLedger.createClaim(c);
}

/**
 * Reports of one Raqqa strike in June 2017 written for the tests in the manner of FA-KES rows
 * (the corpus itself has no row from that month): SOHR's toll rising from 22 to 43, the Russian
 * Defence Ministry's 60 and its accusation.
 */
export const JUNE_2017_ROWS: FaKesRow[] = [
  {
    unitId: 'june-1',
    title: 'US-led coalition air strikes kill 22 civilians in Raqqa',
    content: `${S.sohr22} The US-led coalition said it was investigating the air strikes on Raqqa.`,
    source: 'reuters',
    date: '2017-06-06',
    location: 'raqqa',
  },
  {
    unitId: 'june-2',
    title: 'Civilian toll rises after US-led coalition air strikes on Raqqa',
    content:
      'The death toll from the air strikes on Raqqa on Monday has risen to 43 civilians, the Syrian Observatory for Human Rights said on Tuesday.',
    source: 'afp',
    date: '2017-06-06',
    location: 'raqqa',
  },
  {
    unitId: 'june-3',
    title: 'Russia says US-led coalition raid on Raqqa killed 60 civilians',
    content: `${S.russia60} ${S.russiaAccuses}`,
    source: 'tass',
    date: '2017-06-06',
    location: 'raqqa',
  },
];

/** A data folder whose store holds the replay, as a run would leave it. */
export async function seedDataDir(dataDir: string, replay: ModelReplay): Promise<void> {
  const shared = await openSharedStore(dataDir, { command: 'test seed' });
  try {
    const store = createDynamoDbStore({ client: shared.client, tableName: TABLE_NAME });
    await store.table.ensureTable();
    await storeReplay(store, replay);
  } finally {
    await shared.close();
  }
}
