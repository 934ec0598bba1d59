// Rule 2 of issue 13 over a real corpus: the allegations the extractor writes for every FA-KES
// article (read at run time from data/) must be clean phrases, and every quote a whole sentence
// or clause of the article, never cut inside a word.

import { describe, expect, it } from 'vitest';
import { allegationProblems } from '../../../shared/claims/allegation.ts';
import { extractClaims } from '../../../shared/claims/extract-claims.ts';
import { faKesText, loadFaKes } from '../../../shared/corpus/fa-kes.ts';

describe('allegations and quotes on the FA-KES corpus', () => {
  const claims = loadFaKes().map((row) => {
    const text = faKesText(row);
    const ctx = { outlet: row.source, outletId: row.source, publishedAt: row.date ?? undefined };
    return { text, claims: extractClaims(text, ctx) };
  });
  const accusations = claims.flatMap((c) => c.claims.accusations);

  it('finds accusations to judge', () => {
    expect(accusations.length).toBeGreaterThan(500);
  });

  it('writes under 5 % of allegations that break rule 2', () => {
    const broken = accusations.filter((a) => allegationProblems(a.allegation).length > 0);
    expect(broken.length / accusations.length).toBeLessThan(0.05);
  });

  it('quotes text of the article, starting and ending at word boundaries', () => {
    for (const { text, claims: c } of claims) {
      for (const quote of [...c.accusations, ...c.casualties].map((x) => x.quote)) {
        const at = text.indexOf(quote);
        expect(at, quote).toBeGreaterThanOrEqual(0);
        expect(/\w/.test(text[at - 1] ?? ' ') && /^\w/.test(quote), quote).toBe(false);
        expect(/\w/.test(text[at + quote.length] ?? ' ') && /\w$/.test(quote), quote).toBe(false);
      }
    }
  });
});
