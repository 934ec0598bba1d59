import { casualtyKeys } from '../dedupe/claim-key.ts';
import type { CasualtyFigure, ClaimSet } from '../domain/claims.ts';
import type { AlertRecord, ClaimSource, StoryRecord } from '../domain/records.ts';
import { type AlertDeps, raiseUpdateAlerts } from './raise-alert.ts';
import { type ClaimDeps, settleCasualty } from './settle-claim.ts';
import { type IncidentDeps, planOptionsFor, settleIncidents } from './settle-incidents.ts';
import type { Lap } from './stage-timer.ts';

// An article's claims: casualty figures and accusations go to incident records (one update per
// incident the article changes, announced as one message); background figures ("the war has
// killed 300,000") make no incident and are kept in the claim ledger for the analysts' casualty
// query, never alerted. Figures are dated by their story, so a later outlet's report of a story
// lands on the same incident.

export type ArticleClaimsDeps = ClaimDeps & AlertDeps & IncidentDeps;

export interface ClaimCounts {
  /** Incident updates announced (one message each). */
  updates: number;
  /** Incident or accusation records written (announced or not). */
  records: number;
  /** Background figures stored in the claim ledger. */
  background: number;
}

/** The article whose claims are settled, as its story knows it. */
export interface ClaimingArticle {
  articleId: string;
  url: string;
  outlet: string;
  feedId: string;
  /** The poll that found the article (the per-feed-poll cap counts by it), if known. */
  pollId: string | null;
  title: string | null;
  publishedAt: string | null;
  topics: string[];
  story: StoryRecord;
  now: string;
}

/** Background figures into the claim ledger, keyed by their story: stored, never alerted. */
async function storeBackground(
  deps: ClaimDeps,
  a: ClaimingArticle,
  figures: CasualtyFigure[],
  storyDate: string | null,
): Promise<void> {
  const scope = { storyId: a.story.storyId, date: storyDate };
  for (const figure of figures) {
    const source: ClaimSource = {
      articleId: a.articleId,
      url: a.url,
      outlet: a.outlet,
      statedBy: figure.source,
      quote: figure.quote,
      seenAt: a.now,
    };
    const origin = { storyId: a.story.storyId, topics: a.topics, source, now: a.now };
    await settleCasualty(deps, figure, casualtyKeys(figure, scope), {
      ...origin,
      articleId: a.articleId,
    });
  }
}

export async function settleArticleClaims(
  deps: ArticleClaimsDeps,
  a: ClaimingArticle,
  claims: ClaimSet,
  lap: Lap,
): Promise<{ counts: ClaimCounts; alerts: AlertRecord[] }> {
  // The story as stored (process-article passes what upsertStory returned): a known story's
  // own published date keys the claims, so a later outlet's report lands on the same incident.
  const { storyId, publishedDate: storyDate } = a.story;
  const settled = await settleIncidents(
    deps,
    {
      article: {
        articleId: a.articleId,
        url: a.url,
        title: a.title,
        outlet: a.outlet,
        publishedAt: a.publishedAt,
        seenAt: a.now,
      },
      storyId,
      storyDate,
      topics: a.topics,
      claims,
    },
    planOptionsFor(deps.config, a.topics),
  );
  await storeBackground(deps, a, settled.background, storyDate);
  lap('store');
  const alerts = await raiseUpdateAlerts(deps, settled.announced, {
    articleId: a.articleId,
    feedId: a.feedId,
    pollId: a.pollId,
    now: a.now,
  });
  if (alerts.length) lap('alert');
  return {
    counts: {
      updates: settled.announced.length,
      records: settled.writes,
      background: settled.background.length,
    },
    alerts,
  };
}
