import type { Actor, CasualtyFigure, Qualifier } from '../domain/claims.ts';
import type { AlertRecord, ClaimRecord } from '../domain/records.ts';

// Turns an alert into what subscribers read: one clear headline, who states it, where and when,
// and links to the sources. Text from feeds is untrusted: every channel escapes it.

const ACTOR_NAMES: Record<Actor, string> = {
  russia: 'Russia',
  us: 'the United States',
  coalition: 'the US-led coalition',
  syria_gov: 'the Syrian government',
  rebels: 'rebel groups',
  opposition: 'the Syrian opposition',
  isis: 'Islamic State',
  nusra: 'Nusra Front / HTS',
  sdf: 'the SDF',
  turkey: 'Turkey',
  iran: 'Iran',
  israel: 'Israel',
  uk: 'the United Kingdom',
  france: 'France',
  saudi: 'Saudi Arabia',
  qatar: 'Qatar',
  hezbollah: 'Hezbollah',
  un: 'the UN',
  hrw: 'Human Rights Watch',
  amnesty: 'Amnesty International',
  sohr: 'the Syrian Observatory for Human Rights',
  white_helmets: 'the White Helmets',
  msf: 'MSF',
  ngo: 'an NGO',
  media: 'a news outlet',
  other: 'another party',
};

const PLURAL_ACTORS = new Set<Actor>(['rebels', 'white_helmets']);

export const actorName = (a: Actor): string => ACTOR_NAMES[a] ?? a;

const QUALIFIER_WORDS: Record<Qualifier, string> = {
  exact: '',
  at_least: 'at least ',
  more_than: 'more than ',
  up_to: 'up to ',
  about: 'about ',
};

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function describeFigure(
  f: Pick<CasualtyFigure, 'count' | 'max' | 'qualifier' | 'victims' | 'outcome'>,
): string {
  const n = f.max !== null && f.max !== f.count ? `${f.count} to ${f.max}` : String(f.count);
  return `${QUALIFIER_WORDS[f.qualifier] ?? ''}${n} ${f.victims} ${f.outcome}`;
}

function placeAndDate(place: string | null, date: string | null): string {
  return [place ? `in ${place}` : null, date ? `on ${date}` : null].filter(Boolean).join(' ');
}

export function alertHeadline(claim: ClaimRecord): string {
  if (claim.kind === 'casualty') {
    const f = claim.figure;
    const where = placeAndDate(f.place, f.date);
    const what = capitalise(describeFigure(f));
    const change = claim.previous ? ` (toll rose from ${claim.previous.count})` : '';
    return `${what}${where ? ` ${where}` : ''}${change}, per ${f.source}`;
  }
  const a = claim.accusation;
  const where = a.place ? ` (${a.place})` : '';
  const verb = PLURAL_ACTORS.has(a.accuser) ? 'accuse' : 'accuses';
  // The article's own words say what is alleged more faithfully than any paraphrase.
  return `${capitalise(actorName(a.accuser))} ${verb} ${actorName(a.accused)}${where}: “${shorten(a.quote, 140)}”`;
}

/** Cuts at a word boundary with an ellipsis; strips wrapping quotes and trailing punctuation. */
export function shorten(text: string, max: number): string {
  const t = text
    .replace(/\s+/g, ' ')
    .replace(/^["“'‘]+|["”'’]+$/g, '')
    .trim();
  if (t.length <= max) return t.replace(/[.,;:]+$/, '');
  const cut = t.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max * 0.6)).replace(/[.,;:]+$/, '')}…`;
}

export function alertDetails(alert: AlertRecord): { label: string; value: string }[] {
  const c = alert.claim;
  const rows: { label: string; value: string }[] = [];
  if (c.kind === 'casualty') {
    rows.push({ label: 'Figure', value: describeFigure(c.figure) });
    if (c.previous) rows.push({ label: 'Previously', value: `${c.previous.count}` });
    rows.push({ label: 'Stated by', value: c.figure.source });
    if (c.figure.place) rows.push({ label: 'Where', value: c.figure.place });
    if (c.figure.date) rows.push({ label: 'When', value: c.figure.date });
    rows.push({ label: 'Quote', value: `"${c.figure.quote}"` });
  } else {
    const a = c.accusation;
    rows.push({ label: 'Accuser', value: a.accuserName || actorName(a.accuser) });
    rows.push({ label: 'Accused', value: a.accusedName || actorName(a.accused) });
    rows.push({ label: 'Allegation', value: a.allegation });
    if (a.place) rows.push({ label: 'Where', value: a.place });
    rows.push({ label: 'Quote', value: `"${a.quote}"` });
  }
  rows.push({ label: 'Reported', value: `${alert.createdAt.slice(0, 16).replace('T', ' ')} UTC` });
  return rows;
}

/** Plain text for terminals and the text part of emails. */
export function alertText(alert: AlertRecord): string {
  const lines = [alert.headline, ...alertDetails(alert).map((r) => `  ${r.label}: ${r.value}`)];
  for (const l of alert.links)
    lines.push(`  Source: ${l.outlet}${l.title ? ` - ${l.title}` : ''} <${l.url}>`);
  return lines.join('\n');
}
