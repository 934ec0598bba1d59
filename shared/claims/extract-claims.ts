// Claim extraction: casualty figures and accusations from one article's text. Pure and
// synchronous; every regex is compiled at module load (see the sibling modules).

import type { ArticleContext, ClaimSet } from '../domain/claims.ts';
import { findAccusations } from './accusations.ts';
import { analyseArticle } from './article-analysis.ts';
import { findCasualties } from './casualty-claims.ts';

export type { Accusation, ArticleContext, CasualtyFigure, ClaimSet } from '../domain/claims.ts';

/** Casualty figures and accusations stated in one article. */
export function extractClaims(text: string, ctx: ArticleContext = {}): ClaimSet {
  // Both extractors read the same sentences and actor mentions; find them once.
  const article = analyseArticle(text, ctx);
  return {
    casualties: findCasualties(article, ctx),
    accusations: findAccusations(article, ctx),
  };
}
