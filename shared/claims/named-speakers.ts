// Speakers the gazetteer does not know, by the shape of their name: "Seibert said", "The Unified
// Medical Office in Eastern Ghouta said", "The IDA said", "Division 30 called on", "... said
// Kirkuki." An organisation's name makes an NGO, a unit's name the rebels, a person's name
// "other" (GUIDELINES: "other (anything else)").

import type { Actor } from '../domain/claims.ts';
import { SPEECH } from './accusation-patterns.ts';
import type { ActorHit } from './actors.ts';
import { allMatches } from './regex.ts';

const NAME_WORD = "(?:[A-Z][\\w'’.-]*|al-[\\w'’-]+|\\d{1,3})";
const LINK = '(?:of|for|the|and|de|in|ibn|bin)';
// The name right before the verb, after a boundary: the start, a quote, a comma, "that", "and".
const NAME_BEFORE_RE = new RegExp(
  `(?:^|["“”]\\s*|[,;:]\\s+|\\b(?:that|and|but|while|meanwhile)\\s+)((?:${NAME_WORD}\\s+(?:${LINK}\\s+)?){0,5}${NAME_WORD})\\s+(?:(?:also|has|had|have|later|then)\\s+)?$`,
);
// "In a statement posted on its Facebook page about the attack Division 30 called on": an opening
// phrase of where it was said, in lower-case words, ends where the speaker's name starts.
const STATEMENT_INTRO_RE =
  /^["“]?(?:In|in)\s+(?:a|an|its|his|her|their)\s+(?:(?:new|brief|joint|written|separate|televised|video)\s+)?(?:statement|interview|speech|letter|message|video|tweet|post|communiqu[eé])(?:\s+(?:[a-z][\w'’-]*|Facebook|Twitter|Telegram|YouTube|Instagram))*\s+(?=[A-Z])/;
// "... said Kirkuki.", "said Sheikh Omar Haddad a religious leader" (an appositive, commas stripped).
const NAME_AFTER_RE = /^\s+((?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.-]*)(?:\s*(?:[.,;"”]|$)|\s+an?\s)/;
const SPEECH_VERB_RE = new RegExp(
  `(?<![\\w-])(?<!\\b(?:been|be|was|were|is|are)\\s)${SPEECH}\\b`,
  'g',
);
// Capitalised words that start sentences or name days, not speakers.
const NOT_A_NAME_RE =
  /^(?:The|A|An|It|He|She|They|We|I|This|That|These|Those|But|And|In|On|At|As|If|When|While|After|Before|Since|Although|Though|Despite|For|With|By|From|To|Of|All|Some|Many|Most|No|Any|Each|Both|One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Initial|Other|Several|More|New|Local|Official|Reports?|Sources?|Officials?|Residents|Activists|Witnesses|Meanwhile|However|Earlier|Later|Also|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Syria|Syrian|Israel|Turkey|Russia|Iran)$/;
const ORGANISATION_RE =
  /\b(?:Office|Institute|Network|Cent(?:er|re)|Committees?|Association|Society|Organi[sz]ation|Foundation|Union|Council|Commission|League|Federation|Syndicate|Directorate|Authority|Hospital|Group|Doctors|Watch|Campaign|Initiative)\b/;
const ARMED_UNIT_RE =
  /\b(?:Division|Brigade|Brigades|Battalion|Regiment|Front|Movement|Liwa|Jaish|Jaysh|Ahrar|Faylaq|Harakat|Army\s+of)\b/;

function classify(name: string): Actor | null {
  const words = name.split(/\s+/).filter((w) => !/^(?:of|for|the|and|de|in|ibn|bin)$/.test(w));
  const first = words[0] ?? '';
  if (words.length === 0 || (words.length === 1 && NOT_A_NAME_RE.test(first))) return null;
  if (ARMED_UNIT_RE.test(name)) return 'rebels';
  if (ORGANISATION_RE.test(name) || /^(?:The\s+)?[A-Z]{2,6}$/.test(name)) return 'ngo';
  // A person: one to four names ("Sheikh Omar Reda Hatem"), none a sentence word.
  if (words.length <= 4 && !words.some((w) => NOT_A_NAME_RE.test(w))) return 'other';
  return null;
}

function overlaps(hits: readonly ActorHit[], from: number, to: number): boolean {
  return hits.some((h) => h.index < to && h.end > from);
}

/** Mostly capitalised words: a headline, where every word looks like a name. */
function isTitleCase(s: string): boolean {
  const words = s.split(/\s+/).filter((w) => /^[A-Za-z]/.test(w) && w.length > 3);
  return words.length > 0 && words.filter((w) => /^[A-Z]/.test(w)).length / words.length >= 0.6;
}

/** Speakers of the sentence's verbs of speech whose names the gazetteer does not know. */
export function namedSpeakers(sentence: string, hits: readonly ActorHit[]): ActorHit[] {
  if (isTitleCase(sentence)) return [];
  const intro = STATEMENT_INTRO_RE.exec(sentence);
  for (const v of allMatches(SPEECH_VERB_RE, sentence)) {
    if (/^according$/i.test(v[0])) continue;
    const from = intro && intro[0].length < v.index ? intro[0].length : Math.max(0, v.index - 90);
    const head = sentence.slice(from, v.index);
    const before = NAME_BEFORE_RE.exec(head);
    const after = before ? null : NAME_AFTER_RE.exec(sentence.slice(v.index + v[0].length));
    // "... reported Tuesday.": a name's closing full stop is not part of it.
    const name = (before?.[1] ?? after?.[1] ?? '').trim().replace(/\.$/, '');
    if (!name) continue;
    const index = before
      ? v.index - head.length + head.lastIndexOf(name)
      : v.index + v[0].length + (after?.[0].indexOf(name) ?? 0);
    const end = index + name.length;
    if (overlaps(hits, index, end)) continue;
    // "BEIRUT (Sputnik)": a dateline, not a speaker.
    if (/^[A-Z]{3,}$/.test(name) && name.length > 6) continue;
    const actor = classify(name);
    if (actor) return [{ actor, name, index, end, generic: false }];
  }
  return [];
}
