// A small Syrian gazetteer: the towns, cities and provinces the conflict coverage names most. The
// canonical spelling is the first alias; transliteration variants map onto it. Unknown places are
// still caught by the "town/village/city of X" heuristic in findPlace.

import { allMatches } from './regex.ts';

const GAZETTEER: readonly (readonly string[])[] = [
  ['Raqqa', 'Raqqah', 'Rakka'],
  [
    'Deir ez-Zor',
    'Deir ez Zor',
    'Deir al-Zour',
    'Deir el-Zour',
    'Deir Ezzor',
    'Deir al-Zor',
    'Deir Ez-Zor',
    'Deir Azzor',
    'Deir Ezzour',
  ],
  ['Aleppo', 'Halab'],
  ['Idlib', 'Idleb'],
  ['Homs'],
  ['Hama', 'Hamah'],
  ['Daraa', 'Deraa', 'Dara'],
  ['Eastern Ghouta', 'East Ghouta'],
  ['Ghouta'],
  ['Douma', 'Duma'],
  ['Damascus'],
  ['Manbij', 'Menbij'],
  ['al-Bab', 'Al-Bab', 'al Bab'],
  ['Palmyra', 'Tadmur'],
  ['Tabqa', 'Tabaqa'],
  ['Kobani', 'Kobane', 'Ain al-Arab'],
  ['Hasakah', 'Hasaka', 'Hassakeh', 'Al-Hasakah', 'Hasakeh'],
  ['Qamishli', 'Qamishlo', 'Kamishli'],
  ['Latakia', 'Lattakia', 'Latakiya'],
  ['Tartus', 'Tartous'],
  ['Jisr al-Shughour', 'Jisr al-Shughur', 'Jisr Al-Shughour'],
  ['Khan Sheikhoun', 'Khan Shaykhun', 'Khan Sheikhun'],
  ['Maarat al-Numan', 'Maaret al-Numan', 'Maarat al-Nouman', 'Maaret al-Noman', 'Maarat Al-Numan'],
  ['Afrin', 'Efrin'],
  ['Jarablus', 'Jarabulus'],
  ['Azaz', 'Aazaz', 'Azez'],
  ['Tal Abyad', 'Tell Abyad'],
  ['Mayadin', 'Mayadeen', 'al-Mayadeen'],
  ['Albu Kamal', 'Abu Kamal', 'Boukamal', 'Bukamal'],
  ['Shadadi', 'Shaddadi', 'al-Shadadi'],
  ['Quneitra', 'Qunaitra'],
  ['Sweida', 'Suwayda', 'Sweida'],
  ['Zabadani'],
  ['Madaya'],
  ['Daraya', 'Darayya'],
  ['Jobar'],
  ['Harasta'],
  ['Arbin', 'Erbin'],
  ['Saqba'],
  ['Kafr Batna', 'Kfar Batna'],
  ['Hamouriyeh', 'Hamouria', 'Hammouriyeh'],
  ['Zamalka'],
  ['Ain Tarma'],
  ['Yarmouk'],
  ['Tokhar', 'Tokkhar', 'Tukhar'],
  ['Ghandoura', 'Ghandura'],
  ['Khan Tuman', 'Khan Touman'],
  ['Ramussa', 'Ramouseh', 'Ramousseh'],
  ['Qusayr', 'Qusair'],
  ['Rastan'],
  ['Talbiseh', 'Talbisa'],
  ['Houla'],
  ['Ariha'],
  ['Saraqeb', 'Saraqib'],
  ['Sarmin'],
  ['Binnish'],
  ['Atareb', 'Atarib'],
  ['Kafranbel', 'Kafr Nabl'],
  ['Anadan'],
  ['Hraytan', 'Haritan'],
  ['Tal Rifaat', 'Tel Rifaat'],
  ['Nubl'],
  ['Zahraa'],
  ['Safira'],
  ['Sukhnah', 'Sukhna'],
  ['Qaryatain', 'Qaryatayn'],
  ['Qalamoun'],
  ['Yabroud'],
  ['Wadi Barada'],
  ['Muadamiyeh', 'Moadamiyeh', 'Moadamiya'],
  ['Sheikh Maqsoud', 'Sheikh Maqsud'],
  ['Bustan al-Qasr'],
  ['Masaken Hanano', 'Hanano'],
  ['Salaheddine', 'Salah al-Din'],
  ['Jasim', 'Jassem'],
  ['Busra al-Sham', 'Bosra'],
  ['Shaddadeh'],
  ['Hanida'],
  ['Qabun', 'Qaboun'],
  ['Tishreen Dam', 'Tishrin Dam'],
  ['Dumayr', 'Dmeir'],
  ['Shayrat'],
  ['Tiyas', 'T4'],
  ['Mhardeh'],
  ['Suqaylabiyah'],
  ['Morek'],
  ['Latamneh'],
  ['Kafr Zita'],
  ['Khan al-Assal'],
  ['Kuweires', 'Kweires'],
  ['Jarjanaz'],
  ['Al-Hol', 'al-Hol'],
  ['Hajin'],
  ['Baghouz'],
  ['Hawija'],
  ['Mosul'],
];

const ALIAS_TO_NAME = new Map<string, string>();
for (const [name, ...aliases] of GAZETTEER) {
  if (!name) continue;
  ALIAS_TO_NAME.set(name.toLowerCase(), name);
  for (const a of aliases) ALIAS_TO_NAME.set(a.toLowerCase(), name);
}

const escapeRegex = (s: string): string =>
  s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');

// Longest alias first, so "Eastern Ghouta" wins over "Ghouta" and "Deir ez-Zor" over "Deir".
const ALIASES = [...ALIAS_TO_NAME.keys()].sort((a, b) => b.length - a.length).map(escapeRegex);
const GAZETTEER_RE = new RegExp(`(?<![\\w-])(?:${ALIASES.join('|')})(?![\\w-])`, 'gi');
// "the town of al-Bukamal": an Arabic article before a name the gazetteer knows without it.
const ARTICLE_PREFIX_RE = /^(?:al|el|ad|ar|as|ash|az|ez)[- ]/i;

/** The gazetteer's name of a place as written, with or without an article before it. */
function gazetteerName(written: string): string | undefined {
  const key = written.toLowerCase().replace(/\s+/g, ' ');
  return ALIAS_TO_NAME.get(key) ?? ALIAS_TO_NAME.get(key.replace(ARTICLE_PREFIX_RE, ''));
}

/** Syria's governorates by the gazetteer's canonical names (Rif Dimashq aside: not a place it finds). */
const GOVERNORATES = [
  'Raqqa',
  'Deir ez-Zor',
  'Aleppo',
  'Idlib',
  'Homs',
  'Hama',
  'Daraa',
  'Damascus',
  'Hasakah',
  'Latakia',
  'Tartus',
  'Quneitra',
  'Sweida',
];

/** A regex source for every spelling the gazetteer knows of a governorate ("the Homs governor"). */
export const GOVERNORATE_SOURCE = GAZETTEER.filter(([name]) => name && GOVERNORATES.includes(name))
  .flat()
  .sort((a, b) => b.length - a.length)
  .map(escapeRegex)
  .join('|');

// Names the gazetteer does not know: "the village of Hanida", "the town of al-Qusour".
const OF_PLACE_RE =
  /\b(?:town|village|city|neighbou?rhood|district|suburb|province|countryside|area|region|camp)\s+of\s+((?:al-|Al-|el-|ad-|as-|ash-)?[A-Z][\w'-]+(?:\s+(?:al-|el-)?[A-Z][\w'-]+)?)/g;

// Places beyond Syria's borders that its war coverage names (the coalition's Iraqi front): an
// incident there is not a strike in Syria, whatever else the article reports.
const OUTSIDE_SYRIA_RE =
  /^(?:Mosul|Hawija|Fallujah|Falluja|Ramadi|Tikrit|Kirkuk|Baghdad|Anbar|Tal\s+Afar|Qayyarah|Sinjar|Erbil|Irbil|Basra|Nineveh|Iraq)$/i;

/** Whether a place name (as findPlace returns it) lies outside Syria ("Mosul"). */
export function isOutsideSyria(place: string): boolean {
  return OUTSIDE_SYRIA_RE.test(place.trim());
}

/** Whether `word` is a place the gazetteer knows ("Aleppo", "Raqqah"). */
export function isPlaceName(word: string): boolean {
  return ALIAS_TO_NAME.has(word.toLowerCase());
}

interface PlaceHit {
  name: string;
  index: number;
}

// A place that speaks is a government, not where anything happened: "Moscow and Damascus say
// their pause in bombing will end", "Damascus has accused rebels of shelling".
const SPEAKS_AFTER_RE =
  /^\s+(?:has\s+|have\s+|had\s+)?(?:also\s+)?(?:say|says|said|accus(?:e|es|ed)|blam(?:e|es|ed)|claim(?:s|ed)?|den(?:y|ies|ied)|insist(?:s|ed)?|warn(?:s|ed)?)\b/;

// After a preposition the name is a place even before a speech verb: "activists in Deir Ezzor
// said", "a hospital in Idlib said", "activists in northern rural Homs said".
const PLACE_PREPOSITION_BEFORE_RE =
  /\b(?:in|of|from|near|at|on|to|across|inside|outside|around|into|throughout)\s+(?:[a-z][\w-]*\s+){0,3}$/i;

function speaksAsGovernment(sentence: string, index: number, length: number): boolean {
  return (
    SPEAKS_AFTER_RE.test(sentence.slice(index + length)) &&
    !PLACE_PREPOSITION_BEFORE_RE.test(sentence.slice(Math.max(0, index - 50), index))
  );
}

// A place that names a broadcaster is not where anything happened: "as quoted by Al Mayadeen
// TV", "Aleppo Today TV reported", "Lebanese TV channel Al-Mayadin reported".
const NAMES_BROADCASTER_RE = /^\s+(?:Today\s+)?(?:TV|Television|Channel|Radio)\b/;
const BROADCASTER_BEFORE_RE = /\b(?:TV|television|channel|broadcaster|radio|newspaper|daily)\s+$/i;

function placeHits(sentence: string): PlaceHit[] {
  const hits: PlaceHit[] = [];
  for (const m of allMatches(GAZETTEER_RE, sentence)) {
    const name = gazetteerName(m[0]);
    const at = m.index ?? 0;
    if (!name || speaksAsGovernment(sentence, at, m[0].length)) continue;
    if (NAMES_BROADCASTER_RE.test(sentence.slice(at + m[0].length, at + m[0].length + 20)))
      continue;
    if (BROADCASTER_BEFORE_RE.test(sentence.slice(Math.max(0, at - 20), at))) continue;
    hits.push({ name, index: at });
  }
  for (const m of allMatches(OF_PLACE_RE, sentence)) {
    const raw = m[1] ?? '';
    const known = gazetteerName(raw);
    hits.push({ name: known ?? raw, index: (m.index ?? 0) + m[0].length - raw.length });
  }
  return hits;
}

/**
 * The place nearest to `near` (a character offset in `sentence`), preferring the named town over
 * the province when both are equally close. Null when the sentence names no place.
 */
export function findPlace(sentence: string, near = 0): string | null {
  let best: PlaceHit | null = null;
  let bestDist = Number.POSITIVE_INFINITY;
  for (const h of placeHits(sentence)) {
    // Places after the figure ("killed 43 civilians in Raqqa") are the usual pattern; places
    // before it are usually the subject of another clause, so weigh them slightly farther.
    const d = h.index >= near ? h.index - near : (near - h.index) * 1.5;
    if (d < bestDist) {
      best = h;
      bestDist = d;
    }
  }
  return best?.name ?? null;
}
