import { actorName } from '../alerts/format-alert.ts';
import type { Actor } from '../domain/claims.ts';
import type { ArticleRecord, StoryRecord } from '../domain/records.ts';
import { primaryTally, sameMeasure } from '../incidents/accounts.ts';
import type { AccusationEntry, AccusationRecord, Incident } from '../incidents/types.ts';
import { safeHttpUrl } from '../output/sanitise.ts';
import {
  type ReportAccount,
  type ReportAccusation,
  type ReportData,
  type ReportIncident,
  type ReportStory,
  reportDataSchema,
} from './report-data.ts';

// The report's input from stored records (issue 15): incidents (one account per source, the
// primary measure: killed before injured, the whole total before a part), their accusations and
// the stand-alone ones, and the stories with their articles. Pure. Every element is checked
// against the report's schema on its own: a record with a `javascript:` link or an oversized
// field drops out of the report instead of failing it.

export interface ReportFilters {
  since?: string | undefined;
  until?: string | undefined;
  place?: string | undefined;
  actor?: string | undefined;
}

const { shape } = reportDataSchema;
const valid =
  <T>(schema: { safeParse(x: unknown): { success: boolean; data?: unknown } }) =>
  (x: T): x is T =>
    schema.safeParse(x).success;

const cut = (s: string | null | undefined, max: number) => (s ?? '').slice(0, max);
const day = (r: { date: string | null; createdAt: string }) => r.date ?? r.createdAt.slice(0, 10);
/** An ISO date-time with offset, or null. */
const isoTime = (s: string | null | undefined): string | null => {
  const t = s ? Date.parse(s) : Number.NaN;
  return Number.isFinite(t) ? new Date(t).toISOString() : null;
};
/** A party by its canonical name, so that a chart colours and counts each party once however it is written. */
const actorRef = (id: Actor) => ({ id, name: cut(actorName(id).replace(/^the /, ''), 200) });

function accountsOf(i: Incident, t: NonNullable<ReturnType<typeof primaryTally>>): ReportAccount[] {
  return i.accounts.flatMap((a) => {
    const f = a.figures.find((x) => sameMeasure(x, t) && x.partOf === t.partOf);
    const article = f && i.reports.find((r) => r.articleId === f.articleId);
    const url = safeHttpUrl(f?.articleId === a.articleId ? a.url : (article?.url ?? a.url));
    const reportedAt = isoTime(a.firstReportedAt);
    if (!f || !url || !reportedAt) return [];
    return [
      {
        source: cut(a.source, 300),
        outlet: cut(a.outlet, 200),
        count: f.count,
        max: f.max,
        qualifier: f.qualifier,
        url,
        articleTitle: cut(a.title, 1000),
        reportedAt,
      },
    ];
  });
}

function incidentOf(i: Incident): ReportIncident | null {
  const t = primaryTally(i.tallies);
  if (!t) return null;
  const accounts = accountsOf(i, t);
  if (accounts.length === 0) return null;
  return {
    incidentId: i.id,
    date: day(i),
    place: i.place ? cut(i.place, 200) : null,
    perpetrator: i.perpetrator ? actorRef(i.perpetrator) : null,
    outcome: t.outcome,
    victims: t.victims,
    victimSide: t.victimSide ?? null,
    min: Math.min(t.min, ...accounts.map((a) => a.count)),
    max: Math.max(t.max, ...accounts.map((a) => a.max ?? a.count)),
    accounts,
  };
}

function accusationOf(
  e: AccusationEntry,
  incidentId: string | null,
  date: string,
): ReportAccusation {
  return {
    accuser: actorRef(e.accuser),
    accused: actorRef(e.accused),
    allegation: cut(e.allegation, 1000),
    date,
    url: safeHttpUrl(e.url) ?? '',
    outlet: cut(e.outlet, 200),
    incidentId,
  };
}

function storyOf(s: StoryRecord, articles: Map<string, ArticleRecord>): ReportStory | null {
  const arts = s.articleIds
    .map((id) => articles.get(id))
    .filter((a): a is ArticleRecord => a !== undefined)
    .map((a) => ({
      outlet: cut(a.outlet, 200),
      url: safeHttpUrl(a.url) ?? '',
      reportedAt: isoTime(a.publishedAt ?? a.fetchedAt) ?? '',
    }))
    .filter((a) => a.url && a.reportedAt)
    .sort((x, y) => x.reportedAt.localeCompare(y.reportedAt));
  const first = arts[0];
  if (!first) return null;
  return {
    storyId: s.storyId,
    title: cut(s.title, 1000),
    outlets: [...new Set(arts.map((a) => a.outlet))],
    firstOutlet: first.outlet,
    firstSeenAt: first.reportedAt,
    articles: arts,
  };
}

/** ReportData from records: incidents newest first as given, their accusations, the stories. */
export function reportDataFrom(
  incidents: readonly Incident[],
  accusationRecords: readonly AccusationRecord[],
  stories: { stories: readonly StoryRecord[]; articles: readonly ArticleRecord[] },
  filters: ReportFilters,
  generatedAt: string,
): ReportData {
  const reportIncidents = incidents
    .map(incidentOf)
    .filter((x): x is ReportIncident => x !== null)
    .filter(valid(shape.incidents.element));
  const accusations = [
    ...incidents.flatMap((i) => i.accusations.map((e) => accusationOf(e, i.id, day(i)))),
    ...accusationRecords.map((r) => accusationOf(r.accusation, null, day(r))),
  ].filter(valid(shape.accusations.element));
  const byId = new Map(stories.articles.map((a) => [a.articleId, a]));
  const reportStories = stories.stories
    .map((s) => storyOf(s, byId))
    .filter((x): x is ReportStory => x !== null)
    .filter(valid(shape.stories.element));
  return {
    period: { since: filters.since ?? null, until: filters.until ?? null },
    filters: { place: filters.place ?? null, actor: filters.actor ?? null },
    generatedAt,
    incidents: reportIncidents,
    accusations,
    stories: reportStories,
  };
}
