// Who speaks in a sentence: the subject of a verb of speech ("the Observatory said"), the actor
// after it ("..., said the Observatory"), "according to X", a headline "Russia: ...", and what a
// pronoun ("he", "the ministry", "it") can refer back to.

import { SPEECH } from './accusation-patterns.ts';
import type { ActorHit } from './actors.ts';
import { allMatches } from './regex.ts';

const PRONOUN_SPEAKER_RE = new RegExp(
  `(?:^["“]?\\s*(?:It|Its\\s+(?:statement|report))|\\bit(?=\\s+(?:also\\s+)?(?:said|says|reported|added)(?:\\s+(?:on\\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|earlier|late|later))?(?:\\s*[.,;"”]|\\s*$|\\s+(?:adding|blaming|citing|accusing|noting)\\b))|\\b(?:he|she|they|the\\s+(?:diplomat|minister|ministry|spokesman|spokeswoman|spokesperson|official|officials|statement|general|envoy|ambassador|president|agency|group|monitor|observatory|organization|organisation|report|coalition|body|source|sources|commander|colonel|army|military|country|government)))\\s+(?:also\\s+|further\\s+|then\\s+|later\\s+)?${SPEECH}\\b`,
  'i',
);

// Not passive: "had been confirmed dead", "was reported killed".
const SPEECH_RE = new RegExp(
  `(?<![\\w-])(?<!\\b(?:been|be|was|were|is|are)\\s)${SPEECH}\\b(?!\\s+to\\s+(?:be|have)\\b)`,
  'gi',
);
// Words allowed between a speaker and its verb: "Russia's Defence Ministry spokesman Igor
// Konashenkov said", "Human Rights Watch has", "the Observatory, which ..., said".
// A few words ("has also", "spokesman"), an appositive between commas ("the Observatory, which
// has a network of sources, said"), a title and name ("spokesman Major-General Igor
// Konashenkov said") or the rest of the speaker's name ("the Russian center for monitoring of
// the ceasefire registered"); a longer plain clause means the actor is not the speaker.
const SPEAKER_GAP_RE =
  /^[\s()[\]]*(?:[\w'’.-]+[\s()[\]]+){0,4}$|^\s*,[^,]{1,90},\s*(?:[\w'’.-]+\s+){0,2}$|^\s+(?:[a-z][\w'’.-]*\s+){0,2}[a-z][\w'’.-]*\s*,[^,]{1,90},\s*$|^\s+(?:[a-z][\w-]*\s+){0,4}(?:(?:[A-Z][\w'’.-]*|of|for|the|and|de|al|el)\s+){1,8}$|^\s+(?:for|of|in|into|at|on)\s+(?:[\w'’-]+\s+){1,9}$/;
// After a post-verb speaker the clause ends: "..., said the Observatory." / "... on Tuesday".
// With commas stripped an appositive follows directly: "said Dr Ammar Haddad a member of
// parliament", "said the Observatory a Britain-based monitor".
const POST_SPEAKER_END_RE =
  /^\s*(?:$|[,.;:)"”’]|(?:on|in|at|late|early|last|this|today|yesterday|tonight|told|which|who|that|citing|adding|quoted|via|monitor|chief|spokes\w+|an?\s|\()\b)/i;
// Between a post-verb speech verb and its speaker: "said the head of the Syrian Coalition".
const POST_SPEAKER_GAP_RE =
  /^\s+(?:(?:the|a|an|its|his|her|their)\s+)?(?:(?:head|chief|leader|spokes(?:man|woman|person)|president|director|member|official|representative)\s+(?:of|for|at)\s+(?:the\s+)?)?(?:[A-Z][\w'’.-]*\s+){0,3}$/;
// A finite verb in the gap before a verb of speech: the name before it is that verb's subject.
const OWN_CLAUSE_GAP_RE =
  /\b(?:[a-z]{3,}ed|struck|hit|shot|fought|took|sent|left|led|held|threw|drove|blew|began|seized|kills|hits|pounds|strikes)\b/;
// Verbs of speech whose subject may follow them ("said the Observatory"); not "alleged rebels".
const POST_SUBJECT_VERB_RE =
  /^(?:said|says|reported|added|stated|noted|explained|confirmed|announced)$/i;
// "... said Aleppo-based activist Abu Omar." - the person's name closes the clause.
const POST_SPEAKER_NAME_END_RE = /^(?:\s+[A-Z][\w'’-]*){1,3}\s*(?:$|[,.;:)"”’])/;
// The speaker's own words reach state media: "a source told SANA", "SANA reporter said".
export const STATE_MEDIA_SOURCE_RE =
  /\b(?:told|to|for|with)\s+(?:the\s+)?SANA\b|\bSANA(?:'s|s)?\s+(?:reporter|correspondent)s?\b|\bSANA\s+quoted\b/;

// "Then government helicopters followed he said": a pronoun right before the verb is its subject.
const PRONOUN_SUBJECT_GAP_RE = /\b(?:he|she|they|it|we|I)\s+(?:also\s+|later\s+|then\s+)?$/;
// The gap after an armed noun: "... government aircraft residents and ...".
const ARMED_NOUN_GAP_RE =
  /\b(?:aircraft|jets|warplanes|planes|helicopters|forces|troops|artillery|drones?|militias?|army|aviation|shelling|strikes|raids)\s*$/i;

// A name right after an infinitive or modal verb is its object: "to pressure rebel forces".
const VERB_OBJECT_BEFORE_RE = /\b(?:to|will|would|can|could)\s+[a-z]+\s+(?:the\s+)?$/;
// "the UK-based group which advocates the Syrian opposition said": the object of a relative
// clause's verb is not the subject of the verb after it.
const RELATIVE_OBJECT_BEFORE_RE =
  /\b(?:which|who|that)\s+(?:also\s+)?[a-z]{3,}(?:s|ed)\s+(?:the\s+)?$/;
const OBJECT_POSITION_RE =
  /\b(?:against|on|in|of|by|with|to|from|at|targeting|fighting|visiting|inside|across|throughout|for|than|between|toward|towards|into)\s+(?:the\s+)?$/i;

// "the field commander of pro-government troops said": the organisation speaks through him.
const SPOKESMAN_OF_RE =
  /\b(?:commander|spokes(?:man|woman|person)|head|chief|director|member|official|minister|ambassador|envoy|representative|leader|president|statement|office|department|council|committee|army|military|forces|government|ministry)\s+(?:of|for|at)\s+(?:the\s+|an?\s+)?$/i;
// "the Foreign Ministry in Damascus said", "officials in Ankara said": a capital named after the
// office that speaks is the state speaking, not a place the sentence is about.
const OFFICE_IN_RE =
  /\b(?:[Mm]inistry|[Oo]fficials?|[Gg]overnment|[Aa]uthorities|[Dd]iplomats?|[Ss]pokes(?:man|woman|person)|[Ee]mbassy|[Ll]eadership)\s+in\s+$/;
// "A statement from the Defence Ministry said", "a statement by the army ... said", "a statement
// attributed to the army said": the author of the statement speaks.
const STATEMENT_BY_RE =
  /\b(?:statement|report|communiqu[eé]|letter|message|announcement|comments?|remarks?)\s+(?:issued\s+|released\s+|published\s+)?(?:by|from|attributed\s+to)\s+(?:the\s+)?$/i;
// "The monitor could not confirm the nature of the gas but said ...": the sentence's subject is
// the subject of a later verb joined by "but" / "and".
const LATER_VERB_GAP_RE = /^\s+[^.;"“”]{0,90}\s(?:but|and)\s+(?:also\s+|later\s+)?$/i;
// "SANA reporter quoted residents as saying": the quoted speak.
const QUOTED_AS_SAYING_RE = /\bquot(?:ed|ing|es)\s+([^.;]{2,80}?)\s+as\s+saying\b/i;

// "According to (the) report ISIS has executed ...": the report was named before, and the actor
// after it is the subject of the reported clause, not its source.
const ACCORDING_ANAPHOR_SRC =
  '\\baccording\\s+to\\s+(?:the\\s+|a\\s+|this\\s+|that\\s+|its\\s+|their\\s+)?(?:latest\\s+|new\\s+|same\\s+)?(?:report|statement|study|findings|figures|data|document|letter|count|tally)';
const ACCORDING_ANAPHOR_RE = new RegExp(`${ACCORDING_ANAPHOR_SRC}\\s+(?:the\\s+)?$`, 'i');
export const ACCORDING_ANAPHOR_START_RE = new RegExp(
  `${ACCORDING_ANAPHOR_SRC}\\b(?!\\s+(?:by|from|of|issued|published|released|compiled)\\b)`,
  'i',
);

// What a pronoun or alias can refer back to: a person ("he", "the spokeswoman"), a body ("it",
// "the ministry") or either ("they", "the statement").
const PERSON_REF_RE =
  /^(?:he|she|the\s+(?:diplomat|minister|spokes(?:man|woman|person)|official|general|envoy|ambassador|president|commander|colonel))$/i;
const BODY_REF_RE =
  /^(?:it|its\s+\w+|the\s+(?:ministry|agency|group|monitor|observatory|organi[sz]ation|coalition|body|army|military|country|government))$/i;
// A sentence's subject: the actor its opening noun phrase names ("Russian Foreign Minister Sergei
// Lavrov met ...", "The Syrian Foreign Ministry sent ..."), titles and names only before it.
const SUBJECT_LEAD_RE =
  /^[\s"“(]*(?:(?:the|a|an|of|for|and|al|el|de|deputy|foreign|defen[cs]e|prime|minister|spokes(?:man|woman|person)|envoy|ambassador|president|general|chief|head|official|senior|top|former|ministry|[A-Z][\w'’.-]*)\s+){0,8}$/;
const SUBJECT_NOT_SPEAKER_RE =
  /(?:forces|troops|jets|warplanes|aircraft|planes|army|military|militants|fighters|helicopters|aviation|rebels?|insurgents?|groups?|factions?)$/i;
const PERSON_TITLE_RE =
  /\b(?:[Mm]inister|[Ss]pokes(?:man|woman|person)|[Pp]resident|[Aa]mbassador|[Ee]nvoy|[Gg]eneral|[Cc]olonel|[Oo]fficial|[Cc]hief|[Hh]ead|[Cc]ommander|[Ss]ecretary|[Ll]eader|[Dd]irector|[Rr]epresentative|Mr|Mrs|Ms|Dr|Gen|Col|Maj|Lt)\.?\s+(?:[A-Z][\w'’.-]*\s+){0,4}$/;
const KNOWN_PERSON_RE =
  /\b(?:Putin|Lavrov|Zakharova|Konashenkov|Syromolotov|Nebenzia|Churkin|Peskov|Shoigu|Ryabkov|Rudskoy|Safronkov|Medvedev|Gerasimov|Obama|Trump|Kerry|Tillerson|Power|Haley|Mattis|Carter|McGurk|Pompeo|Garver|Dorrian|Dillon|Toner|Kirby|Assad|M(?:ou|u|o)a?llem|Jaafari|Mekdad|Shaaban|Erdogan|Cavusoglu|Yildirim|Rouhani|Zarif|Khamenei|Netanyahu|Johnson|Cameron|May|Fallon|Hollande|Macron|Fabius|Drian|Ayrault|Mistura|Ki-?moon|Guterres|Rahman|Abdulrahman)(?:'s|’s|s)?$/;

// "Russian Foreign Ministry spokeswoman Maria Zakharova": a title and a name after the body.
const PERSON_TAIL_RE =
  /^\s+(?:[Ss]pokes(?:man|woman|person)|[Mm]inister|[Hh]ead|[Cc]hief|[Dd]irector|[Cc]ommander|[Oo]fficial|[Aa]mbassador|[Ee]nvoy|[Rr]epresentative)(?:\s+[A-Z][\w'’.-]*){1,4}\b/;

const SUBJECT_VERB_RE =
  /^\s+(?:(?:on|in|last|this|yesterday|today|earlier|later|also|then|\w+ly)\s+(?:[A-Z]?\w+\s+)?)?(?:has|have|had|was|were|is|are|will|would|did|does|[a-z]{2,}ed|sent|met|wrote|spoke|told|made|gave|took|held|said|says|[a-z]{3,}s)\b/;

export interface Subject {
  hit: ActorHit;
  person: boolean;
}

export function sentenceSubject(sentence: string, hits: ActorHit[]): Subject | null {
  const lead = hits.filter(
    (x) => !x.generic && x.index <= 120 && SUBJECT_LEAD_RE.test(sentence.slice(0, x.index)),
  );
  const h = lead[0];
  const last = lead[lead.length - 1];
  if (!h || !last) return null;
  if (
    !SUBJECT_VERB_RE.test(sentence.slice(last.end)) &&
    !PERSON_TAIL_RE.test(sentence.slice(last.end))
  )
    return null;
  if (
    SUBJECT_NOT_SPEAKER_RE.test(h.name) ||
    /^\s*-?(?:led|backed|based)\b/.test(sentence.slice(h.end))
  )
    return null;
  const person =
    lead.some((x) => KNOWN_PERSON_RE.test(x.name)) ||
    PERSON_TITLE_RE.test(sentence.slice(0, h.index)) ||
    PERSON_TAIL_RE.test(sentence.slice(last.end));
  return { hit: h, person };
}

/** The referring word of a pronoun-speaker sentence and what it can refer to. */
export function pronounKind(sentence: string): 'person' | 'body' | 'any' | 'speech' | null {
  const m = PRONOUN_SPEAKER_RE.exec(sentence);
  if (!m) return null;
  const ref = (m[0].match(/^["“]?\s*(?:it|its\s+\w+)|\b(?:it|he|she|they|the\s+\w+)\b/i)?.[0] ?? '')
    .replace(/^["“]?\s*/, '')
    .trim();
  if (/^(?:the\s+(?:source|sources|statement|report)|its\s+\w+)$/i.test(ref)) return 'speech';
  if (PERSON_REF_RE.test(ref)) return 'person';
  if (BODY_REF_RE.test(ref)) return 'body';
  return 'any';
}

export type Speaker = Pick<ActorHit, 'actor' | 'name' | 'index' | 'end'>;

/** "according to the Observatory": the actor after it, unless it refers back to a report. */
function accordingTo(sentence: string, hits: ActorHit[]): ActorHit | null {
  for (const h of hits) {
    if (h.generic) continue;
    const before = sentence.slice(Math.max(0, h.index - 90), h.index);
    if (ACCORDING_ANAPHOR_RE.test(before)) continue;
    if (/\baccording\s+to\s+(?:(?:the|a|an)\s+)?(?:[\w'’-]+\s+){0,3}$/i.test(before)) return h;
  }
  return null;
}

function isProperName(h: ActorHit): boolean {
  return /^[A-Z]/.test(h.name) && h.actor !== 'ngo' && h.actor !== 'other' && h.actor !== 'media';
}

/** The subject of a verb of speech at `vi`: the nearest actor before it within a few words. */
function subjectOf(sentence: string, hits: ActorHit[], vi: number): ActorHit[] {
  let k = -1;
  for (let i = 0; i < hits.length; i++) {
    const h = hits[i];
    if (!h || h.end > vi) break;
    if (h.generic) continue;
    const gap = sentence.slice(h.end, vi);
    // An actor right after a preposition is an object ("air war against IS ... said").
    const lead = sentence.slice(Math.max(0, h.index - 40), h.index);
    // "unpopular with the Syrian opposition who say": a relative pronoun makes it the speaker.
    const relative = /^\s*(?:who|which)\s+(?:also\s+)?$/i.test(gap);
    const objectOf =
      (OBJECT_POSITION_RE.test(lead) &&
        !SPOKESMAN_OF_RE.test(lead) &&
        !OFFICE_IN_RE.test(lead) &&
        !STATEMENT_BY_RE.test(lead) &&
        !relative) ||
      RELATIVE_OBJECT_BEFORE_RE.test(lead);
    if (
      !objectOf &&
      !PRONOUN_SUBJECT_GAP_RE.test(gap) &&
      gap.length < 90 &&
      SPEAKER_GAP_RE.test(gap) &&
      !/^\s*(?:-?led|-?backed)\b/.test(gap)
    )
      k = i;
  }
  let subject = hits[k];
  if (!subject) {
    // The sentence's first actor, subject of a later verb ("The monitor could not confirm ... but
    // said").
    const lead = hits.find((h) => !h.generic);
    if (
      lead &&
      lead.index < 12 &&
      lead.end < vi &&
      LATER_VERB_GAP_RE.test(sentence.slice(lead.end, vi))
    ) {
      return [lead];
    }
    return [];
  }
  // Appositive: "Putin, a key ally of Syrian President Assad, said" - Putin speaks.
  const head = hits[k - 1];
  if (
    head &&
    !head.generic &&
    /^\s*,\s+(?:a|an|the|who|which)\b[^,]*$/i.test(sentence.slice(head.end, subject.index)) &&
    /^\s*,/.test(sentence.slice(subject.end))
  ) {
    subject = head;
    k -= 1;
  }
  // Actors joined to it speak too ("Rights groups and local activists say", "The United States
  // Saudi Arabia and several countries suspect"). Without an "and" in the list, names side by
  // side are two clauses ("... the international community, the Syrian Coalition said").
  const out = [subject];
  let list = /^\s+and\b/i.test(sentence.slice(subject.end, vi));
  for (let i = k - 1; i >= 0; i--) {
    const prev = hits[i];
    const next = out[0];
    if (!prev || !next || prev.generic) break;
    const gap = sentence.slice(prev.end, next.index);
    if (!/^\s*(?:,\s*|\s+and\s+)?(?:the\s+)?(?:\w+\s+)?$/i.test(gap)) break;
    // "raids by Russian and Syrian government aircraft residents and a monitor said": the names
    // before an armed noun are the raiders, not more speakers.
    if (ARMED_NOUN_GAP_RE.test(gap)) break;
    // "... siege tactics to pressure rebel forces and the UN says": the object of a verb is not
    // a second speaker.
    if (VERB_OBJECT_BEFORE_RE.test(sentence.slice(Math.max(0, prev.index - 40), prev.index))) break;
    // "the monitoring group Syrian Observatory" is one speaker.
    if (/^\s*$/.test(gap) && !(isProperName(prev) && isProperName(next))) break;
    list ||= /\band\b/i.test(gap);
    out.unshift(prev);
  }
  return list ? out : [subject];
}

/** Post-verb speaker: "..., said the Syrian Observatory." */
function speakerAfter(
  sentence: string,
  hits: ActorHit[],
  verb: string,
  ve: number,
): ActorHit | null {
  if (/^(?:told|tells)$/i.test(verb)) return null;
  for (const h of hits) {
    if (h.index < ve || h.generic) continue;
    if (!POST_SPEAKER_GAP_RE.test(sentence.slice(ve, h.index))) return null;
    const rest = sentence.slice(h.end);
    return POST_SPEAKER_END_RE.test(rest) || POST_SPEAKER_NAME_END_RE.test(rest) ? h : null;
  }
  return null;
}

// A photo credit: the agency in capitals, then the photographer's name ("REUTERS Rodi Said").
const PHOTO_CREDIT_BEFORE_RE =
  /\b(?:REUTERS|AFP|AP|EPA|SPUTNIK|Sputnik|ANADOLU)\s+(?:[A-Z][\w'’.-]*\s+){0,3}$/;

/** A capitalised "Said" right after a photo credit is the photographer's surname, not speech. */
export function isPhotoCredit(sentence: string, verbAt: number, verb: string): boolean {
  return (
    /^[A-Z]/.test(verb) &&
    PHOTO_CREDIT_BEFORE_RE.test(sentence.slice(Math.max(0, verbAt - 60), verbAt))
  );
}

/**
 * "Syrian Coalition Demands UN Action ... Activists said regime forces bombed ...": a headline run
 * into the story's first sentence. Its title-case verb gives way to the story's own verb of speech.
 */
function isHeadlineVerb(sentence: string, v: RegExpExecArray, verbs: RegExpExecArray[]): boolean {
  return (
    v.index > 0 &&
    /^[A-Z][a-z]/.test(v[0]) &&
    /^\s+[A-Z]/.test(sentence.slice(v.index + v[0].length)) &&
    verbs.some((w) => w.index > v.index && /^[a-z]/.test(w[0]) && !/^according$/.test(w[0]))
  );
}

const ASIDE_THEN_VERB_RE =
  /^[^,.;:]{0,60},\s+(?:has\s+|had\s+)?(?:said|says|told|tells|reported|added|stated|claimed|announced|accused|blamed|condemned|denied)\b/i;

/**
 * Who speaks in a sentence: a headline's "Russia:", "according to X", the subject of a verb of
 * speech or the actor right after it. An outlet "according to" which a named party spoke ("Zarif
 * said, according to Press TV") only relays the party.
 */
export function findSpeakers(sentence: string, hits: ActorHit[]): ActorHit[] {
  // Headline "Russia: US-led strike killed 62 Syrian troops".
  const first = hits[0];
  if (first && first.index < 3 && /^\s*:/.test(sentence.slice(first.end))) return [first];
  const quoted = QUOTED_AS_SAYING_RE.exec(sentence);
  if (quoted) {
    const from = quoted.index + quoted[0].indexOf(quoted[1] ?? '');
    const inner = hits.filter(
      (h) => !h.generic && h.index >= from && h.end <= from + (quoted[1]?.length ?? 0),
    );
    if (inner.length > 0) return inner;
  }
  const according = accordingTo(sentence, hits);
  if (according && according.actor !== 'media') return [according];
  const verbs = allMatches(SPEECH_RE, sentence);
  for (const v of verbs) {
    if (/^according$/i.test(v[0]) || isPhotoCredit(sentence, v.index, v[0])) continue;
    if (isHeadlineVerb(sentence, v, verbs)) continue;
    // "Damascus sent letters to the UN ... calling for": a participle's speaker is the sentence's
    // subject, not the object nearest to it.
    const participle = /ing(?:\s+(?:on|for))?$/i.test(v[0]);
    // "Amnesty International, speaking on Monday, said": an aside's participle (the aside closed
    // by a comma before the name's own verb) is its name's.
    const asideOf =
      participle && ASIDE_THEN_VERB_RE.test(sentence.slice(v.index))
        ? hits.find(
            (h) =>
              !h.generic && /^(?:\s+[a-z][\w-]*){0,2}\s*,\s*$/.test(sentence.slice(h.end, v.index)),
          )
        : undefined;
    if (asideOf && asideOf !== according) return [asideOf];
    const main = participle ? sentenceSubject(sentence, hits) : null;
    if (main && !main.hit.generic && main.hit.end <= v.index && main.hit !== according) {
      return [main.hit];
    }
    const subject = subjectOf(sentence, hits, v.index);
    // "Coalition jets killed 20 civilians said the Observatory" (its comma stripped): a clause of
    // its own between the name and the verb, and a speaker after the verb, who speaks.
    const last = subject[subject.length - 1];
    const clause =
      last !== undefined &&
      POST_SUBJECT_VERB_RE.test(v[0]) &&
      OWN_CLAUSE_GAP_RE.test(sentence.slice(last.end, v.index));
    const after =
      subject.length === 0 || clause
        ? speakerAfter(sentence, hits, v[0], v.index + v[0].length)
        : null;
    const speakers = subject.length > 0 && !(clause && after) ? subject : [after];
    const named = speakers.filter((x): x is ActorHit => x !== null && x !== according);
    if (named.length > 0) return named;
  }
  return according ? [according] : [];
}
