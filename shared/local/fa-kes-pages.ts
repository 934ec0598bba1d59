import type { FaKesRow } from '../corpus/fa-kes.ts';
import type { SitePage } from './demo-site.ts';

// FA-KES rows as a news site's pages: one feed per outlet (`source`), one page per row. Used by
// the demo (a handful of rows), the replay tests and the bench (every row).

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

/** One page per row; the slug carries the row index because some unit ids repeat. */
export function faKesPages(rows: FaKesRow[]): SitePage[] {
  return rows.map((row, i) => ({
    slug: `${String(i).padStart(3, '0')}-${row.unitId}`,
    outlet: row.source,
    feedId: row.source,
    title: row.title,
    paragraphs: paragraphsOf(row.content),
    publishedAt: row.date ? `${row.date}T12:00:00.000Z` : null,
  }));
}

/** Display names of the corpus's outlets (its `source` ids). */
export const FA_KES_OUTLETS: Readonly<Record<string, string>> = {
  ahram: 'Ahram Online',
  alalam: 'Al-Alam',
  alaraby: 'The New Arab',
  arabiya: 'Al Arabiya',
  asharqalawsat: 'Asharq Al-Awsat',
  dailysabah: 'Daily Sabah',
  etilaf: 'Syrian National Coalition',
  jordantimes: 'The Jordan Times',
  manar: 'Al-Manar',
  nna: 'National News Agency',
  reuters: 'Reuters',
  sana: 'SANA',
  sputnik: 'Sputnik',
  tass: 'TASS',
  trt: 'TRT World',
};

/**
 * The demo's articles, chosen to show in one screen what strikewatch does. The corpus gives
 * dates only; the hours here order the two reports of one day the way they were published.
 */
export const DEMO_ARTICLES: readonly { unitId: string; hour: number; shows: string }[] = [
  // One story told by two outlets: joined into one story, alerted once.
  { unitId: '1962495661', hour: 9, shows: 'one story told by two outlets' },
  { unitId: '1965511172', hour: 11, shows: 'the same story from a second outlet' },
  // A figure that a later report of the same day revises: 10 civilians, then 20.
  { unitId: '1965495382', hour: 8, shows: 'first toll of an incident' },
  { unitId: '1965495381', hour: 16, shows: 'the same toll revised upwards' },
  // Russia accuses the US-led coalition.
  { unitId: '1923848275', hour: 12, shows: 'an accusation against the US-led coalition' },
  // Killings, but no coalition strike: off the topic, stored and ignored.
  { unitId: '1962495641', hour: 10, shows: 'an off-topic article' },
];

/** The demo's pages: the chosen rows of the corpus, timed by DEMO_ARTICLES. */
export function demoPages(rows: FaKesRow[]): SitePage[] {
  const byId = new Map(rows.map((r) => [r.unitId, r]));
  return DEMO_ARTICLES.map(({ unitId, hour }) => {
    const row = byId.get(unitId);
    if (!row) throw new Error(`FA-KES row ${unitId} is missing from the corpus`);
    const [page] = faKesPages([row]);
    if (!page) throw new Error(`FA-KES row ${unitId} gives no page`);
    const time = `T${String(hour).padStart(2, '0')}:00:00.000Z`;
    return {
      ...page,
      slug: unitId,
      outlet: FA_KES_OUTLETS[row.source] ?? row.source,
      publishedAt: row.date ? `${row.date}${time}` : null,
    };
  });
}
