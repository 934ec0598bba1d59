// The perpetrator's own verb as a gerund phrase ("dropped barrel bombs on Daraya" -> "dropping
// barrel bombs on Daraya"), for the allegation of an accusation.

import { cleanPhrase } from './clean-phrase.ts';
import { HARM_NOUN_RE } from './harm-nouns.ts';

// Between a perpetrator and its verb: possessive, auxiliaries, adverbs, a time.
const VERB_LEAD_RE =
  /^\s*(?:-\s*)?(?:'s|’s|s')?\s*(?:(?:that|who|which)\s+)?(?:(?:(?:suicide|regime|government|coalition|allied|its|their)\s+)?(?:warplanes|jets|planes|aircraft|forces|troops|fighters|militants|members|bombers|gunmen|drones|helicopters|soldiers|artillery|regimes?|militias?)\s+)?["“‘]?(?:(?:has|have|had|was|were|is|are|also|reportedly|allegedly|deliberately|repeatedly|heavily|then|again|still|recently|now|meanwhile|overnight|earlier|yesterday|today|(?:(?:early|late)\s+)?on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|been|\w+ly)\s+)*/i;
const IRREGULAR_ING: Record<string, string> = {
  struck: 'striking',
  hit: 'hitting',
  shot: 'shooting',
  slit: 'slitting',
  spread: 'spreading',
  held: 'holding',
  kept: 'keeping',
  sent: 'sending',
  built: 'building',
  freed: 'freeing',
};

/** "killed", "kills", "has bombed" as "killing", "bombing"; null for a word that is no verb. */
export function gerund(word: string): string | null {
  const w = word.toLowerCase();
  if (IRREGULAR_ING[w]) return IRREGULAR_ING[w];
  if (/ing$/.test(w)) return w;
  if (/ied$/.test(w)) return w.replace(/ied$/, 'ying');
  if (/ed$/.test(w) && w.length > 3) return w.replace(/ed$/, 'ing');
  return null;
}

// A headline's present tense: "Coalition Warplanes Kill Tens of Civilians".
// Only verbs that are no nouns too ("attack", "strikes" and "shells" are mostly nouns).
const PRESENT_HARM: Record<string, string> = {
  kill: 'killing',
  kills: 'killing',
  pound: 'pounding',
  pounds: 'pounding',
  bombard: 'bombarding',
  bombards: 'bombarding',
};

/** The -ing form of a verb of harm in the present tense, null for any other word. */
function presentHarm(word: string): string | null {
  return PRESENT_HARM[word.toLowerCase()] ?? null;
}

// Who says it, not what was done: "according to local sources", "saying ...".
const ATTRIBUTION_ING_RE =
  /^(?:according|saying|adding|citing|noting|claiming|reporting|telling|quoting|stating|explaining|referring)$/;

/** "dropped barrel bombs on Daraya last night" after the perpetrator, as a gerund phrase. */
export function verbPhrase(tail: string): string {
  // "were responsible for the attack": being responsible.
  const responsible =
    /^\s*(?:(?:is|are|was|were|has\s+been|have\s+been|had\s+been)\s+)(?:\w+ly\s+)?(responsible\b.*)$/is.exec(
      tail,
    );
  if (responsible) return cleanPhrase(`being ${responsible[1] ?? ''}`, 8);
  const rest = tail.replace(VERB_LEAD_RE, '');
  const m = /^([A-Za-z]+)(?:\s+(out|up))?\b/.exec(rest);
  if (!m?.[1]) return '';
  const ing = gerund(m[1]) ?? presentHarm(m[1]);
  const past = /ed$|ing$/.test(m[1].toLowerCase()) || IRREGULAR_ING[m[1].toLowerCase()];
  if (!ing || (!past && !presentHarm(m[1]))) return '';
  if (ATTRIBUTION_ING_RE.test(ing)) return '';
  // "killed and wounded hundreds": both verbs as gerunds.
  const after = rest
    .slice(m[0].length)
    .replace(/^\s+and\s+([a-z]+ed)\b/i, (_w, v: string) => ` and ${gerund(v) ?? v}`);
  return cleanPhrase(`${ing}${m[2] ? ` ${m[2]}` : ''}${after}`, 8);
}

const NOUN_THEN_VERB_RE = new RegExp(
  `^\\s*(?:'s|’s|s')?\\s*(?:[a-z][\\w-]*\\s+){0,2}?(${HARM_NOUN_RE.source})\\s+(?:(?:has|have|had|also|reportedly|\\w+ly)\\s+)*([a-z]+)\\b`,
  'i',
);

const AFTER_NOUN_PRESENT: Record<string, string> = {
  ...PRESENT_HARM,
  hit: 'hitting',
  hits: 'hitting',
  target: 'targeting',
  targets: 'targeting',
  destroy: 'destroying',
  destroys: 'destroying',
};

/** "air strikes have battered parts of Idlib" as "air strikes battering parts of Idlib". */
export function nounThenVerb(tail: string): string {
  const m = NOUN_THEN_VERB_RE.exec(tail);
  const verb = m?.[2];
  // After a harm noun even "Hit" or "Kill" is the verb: "Russian Airstrikes Hit MSF Hospital".
  const ing =
    verb && /ed$/i.test(verb) ? gerund(verb) : verb ? AFTER_NOUN_PRESENT[verb.toLowerCase()] : null;
  if (!m || !ing) return '';
  return cleanPhrase(`${(m[1] ?? '').toLowerCase()} ${ing}${tail.slice(m.index + m[0].length)}`);
}

// "after Syrian Army positions were hit by": the subject of a passive verb just before its agent.
const PASSIVE_VERB_RE =
  /(?:^|[,;:]\s*|\b(?:after|when|as|that|while|because|since|and|said|says|say|reported|added|claimed)\s+)((?:(?!(?:said|says|say|told|reported|added|claimed|stated)\b)[\w'’-]+\s+){1,5}?)(?:was|were|is|are|(?:has|have|had)\s+been)\s+(?:\w+ly\s+)?([a-z]+)\s+$/i;
// Verbs of harm a passive may carry.
const HARM_PARTICIPLE_RE =
  /^(?:hit|struck|targeted|bombed|shelled|attacked|killed|destroyed|wounded|injured|besieged|raided|kidnapped|abducted|executed|massacred|bombarded)$/i;

/**
 * "Syrian Army positions were hit by [the coalition]" as "hitting Syrian Army positions": the
 * passive before the "by" at `by`, turned active.
 */
export function passiveVerbPhrase(sentence: string, by: number): string {
  const m = PASSIVE_VERB_RE.exec(sentence.slice(0, by));
  const verb = m?.[2] ?? '';
  const ing = HARM_PARTICIPLE_RE.test(verb) ? gerund(verb) : null;
  const subject = (m?.[1] ?? '').trim().replace(/^(?:the|a|an)\s+/i, '');
  // A pronoun names no one the reader knows: "they were targeted by".
  if (!ing || /^(?:they|he|she|it|we|you|i|them|who|which)$/i.test(subject)) return '';
  return cleanPhrase(`${ing} ${subject}`);
}
