import type { Actor, Outcome, Qualifier, Victims } from '../domain/claims.ts';
import type { FigureValue, Measure } from '../incidents/types.ts';

// The plain words of incident messages: actor names, strike phrases, figures and dates.

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

/** Short names for headlines, where every character counts. */
const SHORT_NAMES: Partial<Record<Actor, string>> = {
  sohr: 'SOHR',
  hrw: 'HRW',
  amnesty: 'Amnesty',
  white_helmets: 'White Helmets',
  us: 'the US',
  nusra: 'HTS',
};

/** What kind of strike each party carries out, as an adjective phrase. */
const STRIKE_OF: Record<Actor, [string, 'strike' | 'attack']> = {
  coalition: ['US-led coalition', 'strike'],
  us: ['US', 'strike'],
  russia: ['Russian', 'strike'],
  syria_gov: ['Syrian government', 'strike'],
  turkey: ['Turkish', 'strike'],
  israel: ['Israeli', 'strike'],
  uk: ['British', 'strike'],
  france: ['French', 'strike'],
  iran: ['Iranian', 'strike'],
  saudi: ['Saudi', 'strike'],
  qatar: ['Qatari', 'strike'],
  isis: ['Islamic State', 'attack'],
  nusra: ['HTS', 'attack'],
  rebels: ['Rebel', 'attack'],
  opposition: ['Opposition', 'attack'],
  sdf: ['SDF', 'attack'],
  hezbollah: ['Hezbollah', 'attack'],
  un: ['', 'strike'],
  hrw: ['', 'strike'],
  amnesty: ['', 'strike'],
  sohr: ['', 'strike'],
  white_helmets: ['', 'strike'],
  msf: ['', 'strike'],
  ngo: ['', 'strike'],
  media: ['', 'strike'],
  other: ['', 'attack'],
};

export const actorName = (a: Actor): string => ACTOR_NAMES[a] ?? a;
export const shortActorName = (a: Actor): string => SHORT_NAMES[a] ?? ACTOR_NAMES[a] ?? a;
export const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
/** "1 feed", "3 feeds". */
export const plural = (n: number, one: string, many = `${one}s`): string =>
  `${n} ${n === 1 ? one : many}`;

/** "US-led coalition strike", "Islamic State attack", "strike" (nobody named). */
export function strikePhrase(perpetrator: Actor | null): string {
  if (!perpetrator) return 'strike';
  const [adj, noun] = STRIKE_OF[perpetrator] ?? ['', 'strike'];
  return adj ? `${adj} ${noun}` : noun;
}

/** Parties whose canonical name says only what kind they are: any name the text gives says more. */
const GENERIC_PARTIES = new Set<Actor>(['ngo', 'media', 'other']);

/** Lower-case words without a plural s: "US-led coalitions" -> ["us-led", "coalition"]. */
const stems = (s: string): string[] =>
  s
    .toLowerCase()
    .split(/\s+/)
    .map((w) => w.replace(/s$/, ''))
    .filter((w) => w && w !== 'the');

/**
 * A party's name as the text gives it where that names it better than the canonical name
 * ("Russian military", "SANA", "Washington"), else the canonical one: a common noun ("army",
 * "regime"), a modifier cut from its noun ("US-led") or a part of the canonical name itself
 * ("Coalitions", "US-led coalition") says less than "the Syrian government" or "the US-led
 * coalition". For a party known only by its kind (an NGO, a news outlet, another party), any
 * given name ("activists", "the monitor") says more.
 */
export function partyName(actor: Actor, name: string | null | undefined): string {
  const text = name?.trim() ?? '';
  const given = text.replace(/^the\s+/i, '');
  if (!given) return actorName(actor);
  // "The UN" for "the UN": the text's own capitals.
  if (GENERIC_PARTIES.has(actor) || text.toLowerCase() === actorName(actor).toLowerCase())
    return text;
  // "US" as the text writes it is the short name, article and all: "accuses the US".
  const short = SHORT_NAMES[actor];
  if (short && given.toLowerCase() === short.replace(/^the\s+/, '').toLowerCase()) return short;
  const proper = /^\p{Lu}/u.test(given) && !/-(led|backed)$/i.test(given);
  return proper && addsToActorName(actor, given) ? text : actorName(actor);
}

/** Whether the text's name for a party has a word its canonical name has not ("warplanes"). */
export function addsToActorName(actor: Actor, name: string): boolean {
  const canonical = new Set(stems(actorName(actor)));
  return stems(name).some((w) => !canonical.has(w));
}

const QUALIFIER_WORDS: Record<Qualifier, string> = {
  exact: '',
  at_least: 'at least ',
  more_than: 'more than ',
  up_to: 'up to ',
  about: 'about ',
};

/** "at least 84", "20 to 30", "about 50". */
export function describeValue(v: FigureValue): string {
  const n = v.max !== null && v.max !== v.count ? `${v.count} to ${v.max}` : String(v.count);
  return `${QUALIFIER_WORDS[v.qualifier] ?? ''}${n}`;
}

const SINGULAR: Record<Victims, string> = {
  civilians: 'civilian',
  children: 'child',
  women: 'woman',
  men: 'man',
  soldiers: 'soldier',
  fighters: 'fighter',
  people: 'person',
};

/** The victims noun agreeing with the number ("1 child", "30 children"). */
export function victimsWord(victims: Victims, v: FigureValue): string {
  return v.count === 1 && (v.max === null || v.max === 1) ? SINGULAR[victims] : victims;
}

/** Whose fighters or soldiers, as the word before the noun: "22 IS fighters", "Syrian government soldiers". */
const SIDE_WORDS: Partial<Record<Actor, string>> = {
  russia: 'Russian',
  us: 'US',
  coalition: 'coalition',
  syria_gov: 'Syrian government',
  rebels: 'rebel',
  opposition: 'opposition',
  isis: 'IS',
  nusra: 'HTS',
  sdf: 'SDF',
  turkey: 'Turkish',
  iran: 'Iranian',
  israel: 'Israeli',
  uk: 'British',
  france: 'French',
  saudi: 'Saudi',
  qatar: 'Qatari',
  hezbollah: 'Hezbollah',
};

/** The word for a side's fighters or soldiers ("IS", "Syrian government"), else null. */
export const sideWord = (side: Actor | null | undefined): string | null =>
  side ? (SIDE_WORDS[side] ?? null) : null;

/** The victims of a measure with their side, agreeing with the number: "22 IS fighters", "1 child". */
export function measureWords(m: Pick<Measure, 'victims' | 'victimSide'>, v?: FigureValue): string {
  const side = sideWord(m.victimSide);
  const noun = v ? victimsWord(m.victims, v) : m.victims;
  return side ? `${side} ${noun}` : noun;
}

/** "at least 84 civilians killed", "22 IS fighters killed". */
export function describeFigure(f: FigureValue & Measure): string {
  return `${describeValue(f)} ${measureWords(f, f)} ${f.outcome}`;
}

/** The verb of a headline: "kills", "injures", "leaves ... missing" is handled by the caller. */
export const OUTCOME_VERB: Record<Outcome, string> = {
  killed: 'kills',
  injured: 'injures',
  missing: 'leaves missing',
};

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "Saturday 3 June 2017" for 2017-06-03; the input itself when it is not an ISO date. */
export function formatDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (Number.isNaN(d.getTime())) return iso;
  return `${WEEKDAYS[d.getUTCDay()]} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** "3 June 2017, 10:00 UTC" for a period boundary. */
export function formatTime(iso: string): string {
  const date = formatDate(iso).replace(/^\w+ /, '');
  const hm = /T(\d{2}:\d{2})/.exec(iso)?.[1];
  return hm ? `${date}, ${hm} UTC` : date;
}
