import { accusationKeys, casualtyKeys } from '../dedupe/claim-key.ts';
import type { ClaimSet } from '../domain/claims.ts';
import type { AlertRecord, ClaimSource, StoryRecord } from '../domain/records.ts';
import type { StoryIndex } from '../ports/story-index.ts';
import { type AlertDeps, raiseAlert } from './raise-alert.ts';
import {
  type ClaimDeps,
  type ClaimOrigin,
  type Settled,
  settleAccusation,
  settleCasualty,
} from './settle-claim.ts';
import type { Lap } from './stage-timer.ts';

// An article's claims against the known ones: each new claim or changed figure raises an alert;
// a repeat corroborates. Claims are dated by their story, so a later outlet's report of a story
// corroborates rather than repeats.

export interface ArticleClaimsDeps extends ClaimDeps, AlertDeps {
  storyIndex: Pick<StoryIndex, 'getStory'>;
}

export interface ClaimCounts {
  created: number;
  corroborated: number;
  changed: number;
}

/** The article whose claims are settled, as its story knows it. */
export interface ClaimingArticle {
  articleId: string;
  url: string;
  outlet: string;
  title: string | null;
  topics: string[];
  story: StoryRecord;
  now: string;
}

interface SettleTask {
  keys: string[];
  /** Background figures ("the war has killed 300,000") are stored but never alerted. */
  alerts: boolean;
  settle(keys: string[]): Promise<Settled>;
}

async function settleTasks(
  deps: ArticleClaimsDeps,
  a: ClaimingArticle,
  claims: ClaimSet,
): Promise<SettleTask[]> {
  const { storyId } = a.story;
  const known = storyId === a.articleId ? null : await deps.storyIndex.getStory(storyId);
  const scope = { storyId, date: known ? known.publishedDate : a.story.publishedDate };
  const source = (statedBy: string, quote: string): ClaimSource => ({
    articleId: a.articleId,
    url: a.url,
    outlet: a.outlet,
    statedBy,
    quote,
    seenAt: a.now,
  });
  const origin = (statedBy: string, quote: string): ClaimOrigin => ({
    storyId,
    topics: a.topics,
    source: source(statedBy, quote),
    now: a.now,
    articleId: a.articleId,
  });
  return [
    ...claims.casualties.map((figure) => ({
      keys: casualtyKeys(figure, scope),
      alerts: !figure.background,
      settle: (keys: string[]) =>
        settleCasualty(deps, figure, keys, origin(figure.source, figure.quote)),
    })),
    ...claims.accusations.map((acc) => ({
      keys: accusationKeys(acc, scope),
      alerts: true,
      settle: (keys: string[]) =>
        settleAccusation(deps, acc, keys, origin(acc.accuserName, acc.quote)),
    })),
  ];
}

/**
 * One pass over both kinds of claim; a claim settles once per article even when two of its
 * figures map to the same incident, and raises at most one alert.
 */
export async function settleArticleClaims(
  deps: ArticleClaimsDeps,
  a: ClaimingArticle,
  claims: ClaimSet,
  lap: Lap,
): Promise<{ counts: ClaimCounts; alerts: AlertRecord[] }> {
  const counts: ClaimCounts = { created: 0, corroborated: 0, changed: 0 };
  const alerts: AlertRecord[] = [];
  const link = { title: a.title, url: a.url, outlet: a.outlet };
  const settled = new Set<string>();
  for (const task of await settleTasks(deps, a, claims)) {
    if (task.keys.some((k) => settled.has(k))) continue;
    const r = await task.settle(task.keys);
    lap('store');
    for (const k of [...task.keys, r.claimKey]) settled.add(k);
    counts[r.result]++;
    if (r.alertFor && task.alerts) {
      alerts.push(await raiseAlert(deps, r.alertFor, link, a.now));
      lap('alert');
    }
  }
  return { counts, alerts };
}
