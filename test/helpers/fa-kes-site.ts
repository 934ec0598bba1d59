import { type FaKesRow, loadFaKes } from '../../shared/corpus/fa-kes.ts';
import type { SitePage } from '../../shared/local/demo-site.ts';
import { renderNewsPage } from './news-page.ts';

// FA-KES as a set of news sites: one feed per outlet (`source`), one page per row. Rows keep
// their corpus order; slugs carry the row index because some unit ids repeat.

/** FA-KES articles are one long line each: split them into paragraphs of about three sentences. */
export function paragraphsOf(content: string): string[] {
  const sentences = content.match(/[^.!?]+[.!?]+["']?\s*|[^.!?]+$/g) ?? [content];
  const out: string[] = [];
  for (let i = 0; i < sentences.length; i += 3) {
    out.push(
      sentences
        .slice(i, i + 3)
        .join('')
        .trim(),
    );
  }
  return out.filter(Boolean);
}

/** Renders FA-KES pages as realistic ~100 KB news pages (slug = row index in `rows`). */
export function faKesPageRenderer(rows: FaKesRow[]) {
  return (page: SitePage, _siteName: string, url: string): string => {
    const row = rows[Number(page.slug.slice(0, 3))];
    return renderNewsPage({
      title: page.title ?? '',
      content: row?.content ?? page.paragraphs.join(' '),
      source: page.feedId,
      date: row?.date ?? null,
      url,
    });
  };
}

export function faKesPages(rows: FaKesRow[] = loadFaKes()): SitePage[] {
  return rows.map((row, i) => ({
    slug: `${String(i).padStart(3, '0')}-${row.unitId}`,
    outlet: row.source,
    feedId: row.source,
    title: row.title,
    paragraphs: paragraphsOf(row.content),
    publishedAt: row.date ? `${row.date}T12:00:00.000Z` : null,
  }));
}
