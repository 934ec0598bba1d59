import { describeFigure } from '../alerts/format-alert.ts';
import type { ArticleRecord, ClaimRecord, ErrorRecord, StoryRecord } from '../domain/records.ts';
import type { AlertWithDeliveries, QueryKind, QueryRow } from '../ports/analyst-query.ts';
import type { AnalystRow } from './analyst-rows.ts';

// Query rows as flat columns, for the terminal table, CSV and the API's `format=flat`. Each kind
// has a fixed column list, so a CSV export has its header even when no row matches.

export type Flat = Record<string, string | number | boolean | null>;

const INCIDENT_COLUMNS = [
  'incidentId',
  'incidentDate',
  'place',
  'perpetrator',
  'perpetratorName',
  'victims',
  'victimSide',
  'outcome',
  'partOf',
] as const;

export const COLUMNS: Readonly<Record<QueryKind, readonly string[]>> = {
  incident: [
    ...INCIDENT_COLUMNS,
    'count',
    'min',
    'max',
    'qualifier',
    'accounts',
    'source',
    'outlet',
    'storyId',
    'url',
    'quote',
    'firstReported',
    'reports',
  ],
  casualty: [
    ...INCIDENT_COLUMNS,
    'count',
    'upTo',
    'min',
    'max',
    'qualifier',
    'source',
    'outlet',
    'storyId',
    'url',
    'quote',
    'firstReported',
    'previous',
    'background',
  ],
  accusation: [
    'accuser',
    'accuserName',
    'accused',
    'accusedName',
    'allegation',
    'incidentId',
    'date',
    'place',
    'outlet',
    'url',
    'quote',
    'firstReported',
  ],
  article: ['date', 'outlet', 'title', 'story', 'text', 'figures', 'accusations', 'url'],
  story: ['date', 'story', 'title', 'articles', 'outlets', 'places'],
  alert: ['created', 'kind', 'headline', 'deliveries', 'alert'],
  error: ['at', 'scope', 'feed', 'code', 'subject', 'message'],
};

/** An analyst row (already flat) in its kind's column order. */
export function flatAnalystRow(kind: QueryKind, row: AnalystRow): Flat {
  const r = row as unknown as Flat;
  return Object.fromEntries(COLUMNS[kind].map((c) => [c, r[c] ?? null]));
}

function flatArticle(a: ArticleRecord): Flat {
  const { outlet, title, storyId: story, textSource: text, url } = a;
  const figures = { figures: a.casualtyCount, accusations: a.accusationCount };
  return { date: a.publishedAt ?? a.fetchedAt, outlet, title, story, text, ...figures, url };
}

function flatStory(s: StoryRecord): Flat {
  return {
    date: s.storyDate,
    story: s.storyId,
    title: s.title,
    articles: s.articleIds.length,
    outlets: s.outlets.join('; '),
    places: s.places.join('; '),
  };
}

/** A claim-ledger record (the pipeline's claims before the incident model). */
export function flatClaim(c: ClaimRecord): Flat {
  const base = {
    updated: c.updatedAt,
    version: c.version,
    sources: c.sources.length,
    outlets: [...new Set(c.sources.map((s) => s.outlet))].join('; '),
  };
  if (c.kind === 'casualty') {
    return {
      ...base,
      figure: describeFigure(c.figure),
      previous: c.previous?.count ?? null,
      place: c.figure.place,
      date: c.figure.date,
      statedBy: c.figure.source,
      background: c.figure.background,
      quote: c.figure.quote,
    };
  }
  return {
    ...base,
    accuser: c.accusation.accuser,
    accused: c.accusation.accused,
    allegation: c.accusation.allegation,
    place: c.accusation.place,
    quote: c.accusation.quote,
  };
}

function flatAlert({ alert, deliveries }: AlertWithDeliveries): Flat {
  const status = deliveries
    .map(
      (d) =>
        `${d.subscriberId}:${d.status}${d.lastError && d.status !== 'sent' ? ` (${d.lastError})` : ''}`,
    )
    .join('; ');
  return {
    created: alert.createdAt,
    kind: alert.kind,
    headline: alert.headline,
    deliveries: status,
    alert: alert.alertId,
  };
}

function flatError(e: ErrorRecord): Flat {
  const { at, scope, feedId: feed, code, subject, message } = e;
  return { at, scope, feed, code, subject, message };
}

/** A row of the store's own kinds (articles, stories, alerts, errors) as flat columns. */
export function flattenRow(row: QueryRow): Flat {
  switch (row.kind) {
    case 'article':
      return flatArticle(row.item);
    case 'story':
      return flatStory(row.item);
    case 'casualty':
    case 'accusation':
      return flatClaim(row.item);
    case 'alert':
      return flatAlert(row.item);
    case 'error':
      return flatError(row.item);
  }
}
