import { JSDOM } from 'jsdom';
import type {
  ReportAccount,
  ReportAccusation,
  ReportData,
  ReportIncident,
} from '../../../shared/report/index.ts';

// Small hand-built report inputs for the unit tests, and the rendered page as a DOM to query.

export function account(over: Partial<ReportAccount> = {}): ReportAccount {
  return {
    source: 'Syrian Observatory for Human Rights',
    outlet: 'Reuters',
    count: 22,
    max: null,
    qualifier: 'at_least',
    url: 'https://www.reuters.example/a1',
    articleTitle: 'Coalition strikes kill 22 in Raqqa',
    reportedAt: '2017-06-05T08:00:00Z',
    ...over,
  };
}

export function incident(over: Partial<ReportIncident> = {}): ReportIncident {
  const accounts = over.accounts ?? [account()];
  return {
    incidentId: 'inc-1',
    date: '2017-06-04',
    place: 'Raqqa',
    perpetrator: { id: 'coalition', name: 'US-led coalition' },
    outcome: 'killed',
    victims: 'civilians',
    min: Math.min(...accounts.map((a) => a.count)),
    max: Math.max(...accounts.map((a) => a.max ?? a.count)),
    accounts,
    ...over,
  };
}

export function accusation(over: Partial<ReportAccusation> = {}): ReportAccusation {
  return {
    accuser: { id: 'russia', name: 'Russia' },
    accused: { id: 'coalition', name: 'US-led coalition' },
    allegation: 'killed civilians in Raqqa',
    date: '2017-06-06',
    url: 'https://www.tass.example/b1',
    outlet: 'TASS',
    incidentId: null,
    ...over,
  };
}

export function reportData(over: Partial<ReportData> = {}): ReportData {
  return {
    period: { since: '2017-06-01', until: '2017-06-30' },
    filters: { place: 'Raqqa' },
    generatedAt: '2026-11-01T09:30:00Z',
    incidents: [incident()],
    accusations: [accusation()],
    stories: [
      {
        storyId: 's1',
        title: 'Coalition strikes kill 22 in Raqqa',
        outlets: ['Reuters', 'TASS'],
        firstOutlet: 'Reuters',
        firstSeenAt: '2017-06-05T08:00:00Z',
        articles: [
          {
            outlet: 'Reuters',
            url: 'https://www.reuters.example/a1',
            reportedAt: '2017-06-05T08:00:00Z',
          },
          {
            outlet: 'TASS',
            url: 'https://www.tass.example/b1',
            reportedAt: '2017-06-06T10:00:00Z',
          },
        ],
      },
    ],
    ...over,
  };
}

/** The page as a document, to query like a browser would (no scripts run). */
export const pageOf = (html: string): Document => new JSDOM(html).window.document;

/** Hrefs of every link (HTML and SVG). */
export const hrefsOf = (doc: Document): string[] =>
  [...doc.querySelectorAll('a')].map(
    (a) => a.getAttribute('href') ?? a.getAttributeNS('http://www.w3.org/1999/xlink', 'href') ?? '',
  );
