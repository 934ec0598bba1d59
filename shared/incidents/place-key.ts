// Place identity that tolerates transliteration: "Raqa", "Raqqah", "Raqqa", "al-Raqqa" and
// "Rakka" are one place; so are "Deir ez-Zor", "Deir al-Zour", "Deir Ezzor" and "Dayr az-Zawr".
// The key is a consonant skeleton: Arabic articles and place-type words dropped, q/k and ph/f
// merged, French dj/ch read as j/sh, doubled letters collapsed, a final h after a vowel dropped,
// then every vowel (a e i o u, and y w unless between vowels) removed after the first letter.
// The displayed place stays as the extractor names it; only matching uses the key.

const ARTICLE = /^(?:al|el|il|ar|er|ad|ed|as|es|ash|esh|az|ez|at|et|an|en|ul)$/;
const PLACE_WORDS = new Set([
  'the',
  'city',
  'town',
  'village',
  'province',
  'governorate',
  'countryside',
  'district',
  'area',
  'region',
  'of',
]);
const SUN_LETTER_ARTICLE = /^[ae]([dtrsznl])(?=\1)/;

function tokens(place: string): string[] {
  return place
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’`ʿʾ]/g, '')
    .split(/[^a-z0-9]+/)
    .filter((t) => t && !ARTICLE.test(t) && !PLACE_WORDS.has(t));
}

function skeleton(token: string, first: boolean): string {
  // "Ezzor", "Azzour": a sun-letter article written into the word (not on the first word).
  let t = first ? token : token.replace(SUN_LETTER_ARTICLE, '');
  t = t
    // French transliterations: "Djarablus" is Jarablus, "Khan Cheikhoun" Khan Sheikhoun.
    .replace(/dj/g, 'j')
    .replace(/ch/g, 'sh')
    .replace(/ph/g, 'f')
    .replace(/ck|q/g, 'k')
    .replace(/(.)\1+/g, '$1')
    .replace(/([aeiouyw])h$/, '$1');
  const head = /^[aeiouyw]/.test(t) ? 'a' : t.charAt(0);
  // Between two vowels y and w are consonants ("Darayya" is not "Daraa").
  const kept = t.slice(1).replace(/(?<=[aeiou])[yw](?=[aeiou])/g, (c) => c.toUpperCase());
  return head + kept.replace(/[aeiouyw]/g, '').toLowerCase();
}

/** The matching key of a place name; null for an empty or unusable name. */
export function placeKey(place: string | null | undefined): string | null {
  if (!place) return null;
  const parts = tokens(place);
  if (!parts.length) return null;
  return parts.map((t, i) => skeleton(t, i === 0)).join('-');
}

/** Whether two place names (or a filter and a place) name the same place. */
export function samePlace(a: string | null | undefined, b: string | null | undefined): boolean {
  const ka = placeKey(a);
  return ka !== null && ka === placeKey(b);
}
