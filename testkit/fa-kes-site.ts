import type { FaKesRow } from '../shared/corpus/fa-kes.ts';
import type { SitePage } from '../shared/local/demo-site.ts';
import { renderNewsPage } from './news-page.ts';

// FA-KES pages rendered as realistic ~100 KB news pages (the page list is in
// shared/local/fa-kes-pages.ts, shared with the demo).

export { faKesPages, paragraphsOf } from '../shared/local/fa-kes-pages.ts';

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
