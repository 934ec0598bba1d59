import type { Accusation, CasualtyFigure } from '../../shared/domain/claims.ts';
import type { ArticleClaims } from '../../shared/incidents/group-claims.ts';
import type { ArticleRef } from '../../shared/incidents/types.ts';

// Builders for incident tests: articles and the ClaimSets the extractor would give for
// FA-KES-like sentences written for the tests (each figure's quote is its sentence).

export function article(id: string, outlet: string, over: Partial<ArticleRef> = {}): ArticleRef {
  return {
    articleId: id,
    url: `https://${outlet.toLowerCase().replace(/[^a-z]+/g, '')}.example/${id}`,
    title: `${outlet} report ${id}`,
    outlet,
    publishedAt: '2017-06-05T08:00:00.000Z',
    seenAt: '2017-06-05T09:00:00.000Z',
    ...over,
  };
}

export function figure(over: Partial<CasualtyFigure> & { quote: string }): CasualtyFigure {
  return {
    count: 22,
    max: null,
    outcome: 'killed',
    victims: 'civilians',
    qualifier: 'exact',
    background: false,
    source: 'Syrian Observatory for Human Rights',
    place: 'Raqqa',
    date: '2017-06-05',
    dateBasis: 'relative',
    perpetrator: 'coalition',
    perpetratorName: 'US-led coalition warplanes',
    subFigureOf: null,
    ...over,
  };
}

export function accusation(over: Partial<Accusation> & { quote: string }): Accusation {
  return {
    accuser: 'russia',
    accused: 'coalition',
    accuserName: 'Russian Defence Ministry',
    accusedName: 'US-led coalition',
    allegation: 'killed civilians in Raqqa',
    place: 'Raqqa',
    ...over,
  };
}

export function articleClaims(
  a: ArticleRef,
  casualties: CasualtyFigure[],
  accusations: Accusation[] = [],
  over: Partial<Omit<ArticleClaims, 'article' | 'claims'>> = {},
): ArticleClaims {
  return {
    article: a,
    storyId: over.storyId ?? `story-${a.articleId}`,
    storyDate: over.storyDate ?? a.publishedAt?.slice(0, 10) ?? null,
    topics: over.topics ?? ['coalition-strikes-syria'],
    claims: { casualties, accusations },
  };
}

/** Sentences in the manner of FA-KES articles, written for these tests. */
export const S = {
  first84:
    'US-led coalition warplanes killed at least 84 civilians including 30 children in Raqqa on Monday the Syrian Observatory for Human Rights said.',
  sohr22:
    'At least 22 civilians were killed on Monday when coalition air strikes hit a residential district of Raqqa the Syrian Observatory for Human Rights said.',
  sohr43:
    'The death toll from Monday coalition strikes on Raqqa has risen to 43 civilians the Syrian Observatory for Human Rights said on Tuesday.',
  russia60:
    'The Russian Defence Ministry said 60 civilians were killed in the US-led coalition raid on Raqqa and accused Washington of ignoring civilian deaths.',
  whiteHelmets15:
    'Civil defence workers said 15 civilians died in the strike on the Raqqa neighbourhood.',
  injured50: 'More than 50 people were wounded in the strikes on Raqqa according to local medics.',
  russiaAccuses:
    'Russia accused the US-led coalition of killing civilians in Raqqa and demanded an investigation.',
  unAid: 'The UN accused the Syrian government of obstructing aid to Aleppo.',
};
