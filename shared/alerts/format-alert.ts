import type { Actor, CasualtyFigure, Qualifier } from '../domain/claims.ts';

// Plain words for one extracted figure and for actors, as the `extract` command and the analyst
// rows print them (alert messages are written by update-message.ts and message-words.ts).

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

export const actorName = (a: Actor): string => ACTOR_NAMES[a] ?? a;

const QUALIFIER_WORDS: Record<Qualifier, string> = {
  exact: '',
  at_least: 'at least ',
  more_than: 'more than ',
  up_to: 'up to ',
  about: 'about ',
};

export function describeFigure(
  f: Pick<CasualtyFigure, 'count' | 'max' | 'qualifier' | 'victims' | 'outcome'>,
): string {
  const n = f.max !== null && f.max !== f.count ? `${f.count} to ${f.max}` : String(f.count);
  return `${QUALIFIER_WORDS[f.qualifier] ?? ''}${n} ${f.victims} ${f.outcome}`;
}
