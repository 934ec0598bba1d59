// The words a reader sees for an accusation (issue 13 item 2): `allegation`, a clean verb phrase
// in the shape of the labels ("air strikes killing 20 civilians in Aleppo", "using toxic gas").
// Its rule 2 checks and `cleanPhrase` are in clean-phrase.ts, the quote in quote.ts, harm nouns
// and their targets in harm-nouns.ts, the perpetrator's verb in verb-phrase.ts; what the claim
// routes take from them is re-exported here.

import { asideSource } from './accusation-patterns.ts';
import { figuresInSentence, type RawFigure } from './casualties.ts';
import { cleanPhrase } from './clean-phrase.ts';
import { HARM_NOUN_RE, harmNounBefore, harmNounNear, harmWithTarget } from './harm-nouns.ts';
import { parseNumber } from './numbers.ts';
import { findPlace } from './places.ts';
import { nounThenVerb, passiveVerbPhrase, verbPhrase } from './verb-phrase.ts';

export { allegationProblems, cleanPhrase } from './clean-phrase.ts';
export { quoteOf } from './quote.ts';
export { gerund } from './verb-phrase.ts';

const QUALIFIER_WORDS: Record<string, string> = {
  at_least: 'at least ',
  more_than: 'more than ',
  up_to: 'up to ',
  about: 'about ',
  exact: '',
};
const OUTCOME_VERB = { killed: 'killing', injured: 'wounding', missing: 'leaving missing' };

// "44 dead", "11 people killed": the outcome verb before the victims already says it.
const OUTCOME_WORD_RE = /\s+(?:dead|killed|wounded|injured|hurt|missing)$/i;

const VICTIM_NOUN_RE =
  /\b(?:Civilians?|People|Persons?|Children|Kids|Women|Men|Soldiers|Troops|Fighters|Members|Militants|Rebels|Residents|Villagers|Citizens|Martyrs|Tens|Dozens|Scores|Hundreds|Thousands|Of)\b/g;

// The sentence's own verb right before its figure says more than the outcome: "troops had
// executed 48 people" is "executing 48 people", not "killing".
const FIGURE_VERB_RE =
  /\b(executed|massacred|beheaded|slaughtered|kidnapped|abducted|shot|detained|tortured)\s+(?:at\s+least\s+|more\s+than\s+|about\s+|nearly\s+|some\s+|up\s+to\s+|over\s+)?$/i;
const FIGURE_VERB_ING: Record<string, string> = { shot: 'shooting' };

function figureVerb(sentence: string, f: RawFigure): string | null {
  const m = FIGURE_VERB_RE.exec(sentence.slice(Math.max(0, f.numberStart - 40), f.numberStart));
  const verb = m?.[1]?.toLowerCase();
  if (!verb) return null;
  return FIGURE_VERB_ING[verb] ?? verb.replace(/ed$/, 'ing');
}

function figurePhrase(sentence: string, f: RawFigure): string {
  const victims = sentence
    .slice(f.numberStart, f.phraseEnd)
    .replace(/["“”]/g, '')
    .trim()
    .replace(OUTCOME_WORD_RE, '');
  const counted = (/\s/.test(victims) ? victims : `${victims} people`).replace(
    /^(?:A|An|[A-Z][a-z]+(?:-[a-z]+)?)(?=\s)/,
    (w) => (/^(?:A|An)$/.test(w) || parseNumber(w) !== null ? w.toLowerCase() : w),
  );
  // A headline's capitals on common nouns ("65 Civilians") are not the reader's.
  const lower = counted.replace(VICTIM_NOUN_RE, (w) => w.toLowerCase());
  const verb = figureVerb(sentence, f) ?? OUTCOME_VERB[f.outcome ?? 'killed'];
  return `${verb} ${QUALIFIER_WORDS[f.qualifier] ?? ''}${lower}`;
}

// A word that names a wrong or a harm: an allegation without one tells the reader nothing.
const WRONGDOING_RE = new RegExp(
  `${HARM_NOUN_RE.source}|\\b(?:kill|wound|injur|maim|bomb|shell|strik|struck|attack|target|massacr|execut|kidnap|abduct|besieg|starv|shoot|shot|fir(?:e|ed|ing)\\b|launch|dropp|destroy|demolish|raid|invad|invasion|occup|violat|crime|criminal|atrocit|terror|support|back(?:s|ed|ing)\\b|arm(?:s|ed|ing)\\b|fund|financ|suppl|l(?:ie|ies|ied|ying)\\b|fabricat|propaganda|misinform|disinform|chemical|gas\\b|toxic|poison|chlorine|sarin|napalm|phosphor|weapon|responsib|cover|obstruct|block|prevent|displac|expel|tortur|rap(?:e|ed|ing)\\b|loot|violen|abus|aggress|brutal|genocid|cleans|slaughter|murder|assassinat|blast|explo|detonat|blew|behead|crucif|destabili|casualt|death|dead|deadly|victim|harm|damag|hit(?:s|ting)?\\b|fighting|war\\b|refus|blow|snip|pretext|siege|hostil|provok|provoc|escalat|intervention|interfer|illegal|unlawful|sovereignty|ceasefire|truce|indiscriminat|deliberat|spread|spill|blood)`,
  'i',
);

export interface HarmContext {
  /** Where to look for the harm noun (default: the perpetrator's end). */
  nounNear?: number;
  /** The sentences before, nearest first: the harm a bare "the attack" points back to. */
  before?: readonly string[];
}

/**
 * What a perpetrator ending at `to` is said to have done: "air strikes killing 20 civilians in
 * Aleppo" when the sentence gives a figure, else its verb phrase ("dropping barrel bombs on
 * Daraya"), else its harm ("shelling"), the harm noun nearest `nounNear`.
 */
export function harmAllegation(sentence: string, to: number, o: HarmContext = {}): string {
  const { nounNear = to, before = [] } = o;
  const figure = figuresInSentence(sentence).find((f) => f.outcome !== null && !f.inherit);
  // "The strike on the market was carried out by Russian jets": the harm before a passive
  // agent is what the agent did.
  const by = passiveBy(sentence, to);
  const passive = by >= 0 ? harmNounBefore(sentence, by) : null;
  const near = passive ?? harmNounNear(sentence, nounNear);
  const noun = near?.text ?? null;
  const place = findPlace(sentence, figure?.numberStart ?? to);
  const hit = near ? harmWithTarget(sentence, near) : null;
  if (figure) {
    // Beside a figure only a short target fits; one that names a place stands for the place.
    const short = hit && noun && hit.split(' ').length <= noun.split(' ').length + 4 ? hit : noun;
    const named = short !== noun && /[A-Z]/.test((short ?? '').replace(VICTIM_NOUN_RE, ''));
    const where = place && !named ? `in ${place}` : null;
    const counted = figurePhrase(sentence, figure);
    // "the killings of 30 civilians": the figure's own verb already names the harm.
    const says = short && counted.startsWith(short.replace(/s$/, '')) ? null : short;
    const parts = [says?.replace(VICTIM_NOUN_RE, (w) => w.toLowerCase()), counted, where];
    // Too long with its target: the noun alone beside the figure.
    const phrase =
      cleanPhrase(parts.filter(Boolean).join(' '), 14) ||
      (short !== noun ? cleanPhrase([noun, ...parts.slice(1)].filter(Boolean).join(' '), 14) : '');
    if (phrase) return phrase;
  }
  const done = by >= 0 && !passive ? passiveVerbPhrase(sentence, by) : '';
  if (done) return done;
  const tail = passive ? '' : agentTail(sentence.slice(to));
  const verb = verbPhrase(tail) || nounThenVerb(tail);
  // "was responsible for that attack": the attack a sentence before told.
  const pointed = verb && ANAPHORIC_HARM_RE.test(verb) ? toldBefore(before) : '';
  if (pointed) return withNoun(/(\w+)$/.exec(verb)?.[1] ?? '', pointed);
  if (verb) return verb;
  // Not a name that happens to follow ("Blaming Assad Trump says ..."), nor words that name no
  // wrong ("its powerful allies", "warplanes on Sunday"): the harm itself.
  const rest = /^[\s"“‘']*[A-Z]/.test(tail) ? '' : cleanPhrase(tail);
  if (rest && WRONGDOING_RE.test(rest)) return rest;
  const placed = hit && place && !hit.includes(place) ? `${hit} in ${place}` : hit;
  const harm = placed && cleanPhrase(placed, 12);
  if (!harm && rest) return rest;
  const own = harm || (place ? `harm in ${place}` : 'harm');
  // "The attack was likely carried out by Russian jets": a bare harm the sentence points back
  // to ("the attack"), or none, is one a sentence before told.
  const definite =
    near && DEFINITE_RE.test(sentence.slice(Math.max(0, near.index - 40), near.index));
  if (before.length === 0 || !BARE_HARM_RE.test(own) || (near && !definite)) return own;
  const told = toldBefore(before);
  return told ? withNoun(own, told) : own;
}

/**
 * "the attack" and an outcome told before ("killing 26 people"): the noun says what killed them,
 * "attack killing 26 people".
 */
function withNoun(bare: string, told: string): string {
  const noun = /^[a-z]+/.exec(bare)?.[0];
  if (!noun || noun === 'harm' || !/^(?:killing|wounding|leaving)\b/.test(told)) return told;
  // "the killings" and "killing 30 civilians": the verb already names the harm.
  if (told.startsWith(noun.replace(/s$/, ''))) return told;
  return cleanPhrase(`${noun} ${told}`, 14) || told;
}

// "the attack", "the suspected coalition airstrike", "came under attack": a harm told before.
const DEFINITE_RE = /\b(?:(?:the|this|that)\s+(?:[\w-]+\s+){0,2}|under\s+)$/i;

/** The harms the sentences before tell, nearest first, each worked out only when asked for. */
function* harmsBefore(before: readonly string[]): Generator<string> {
  for (const b of before.slice(0, HARM_LOOKBACK)) yield harmAllegation(b, 0);
}

/** The first harm the sentences before (nearest first) tell beyond a bare noun, or ''. */
function toldBefore(before: readonly string[]): string {
  for (const h of harmsBefore(before)) if (!BARE_HARM_RE.test(h)) return h;
  return '';
}

// "... by the Russian air force" just before offset `to`: the perpetrator is a passive agent.
const PASSIVE_BY_RE = /\bby\s+(?:(?:the|a|an)\s+)?(?:[\w'’-]+\s+){0,4}[\w'’-]+\s*$/i;

/** Where the "by" of a passive agent ending at `to` stands, or -1. */
function passiveBy(sentence: string, to: number): number {
  const from = Math.max(0, to - 60);
  const m = PASSIVE_BY_RE.exec(sentence.slice(from, to));
  if (!m) return -1;
  // "the regime, backed by Russian air power, has besieged": an ally's backing, no harm done by.
  if (BACKED_BEFORE_RE.test(sentence.slice(Math.max(0, from + m.index - 20), from + m.index))) {
    return -1;
  }
  return from + m.index;
}
const BACKED_BEFORE_RE =
  /\b(?:backed|supported|led|helped|aided|joined|accompanied|assisted|flanked|armed|funded)\s+$/i;

// After a perpetrator, the names joined to it ("and its powerful allies") and an aside on its
// name ("- a catch-all term for its opponents") say nothing of what it did.
const JOINED_AGENT_RE =
  /^\s*(?:,\s*)?(?:and|or|as\s+well\s+as)\s+(?:(?:the|its|their|his|her)\s+)?(?:[\w'’-]+\s+){0,3}?(?:allies|ally|partners?|backers?|proxies|forces|militias?|troops|government|regime|jets|warplanes|planes|aircraft|fighters|militants|groups?|regimes)\b/i;
const NAME_ASIDE_RE =
  /^\s*["”’']?\s*(?:[-–—,]\s*)?(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:term|label|name|euphemism|word)\b/i;

// "a regime helicopter dropped ...", "ISIS fighters were ...": the craft or the men the name
// qualifies are the perpetrator too.
const FORCE_NOUN_RE =
  /^\s*(?:'s|’s)?\s*(?:(?:military|war|fighter|attack|unmanned)\s+)?(?:warplanes?|jets?|planes?|helicopters?|gunships?|drones?|aircraft|bombers?|fighters|militants|forces|troops|soldiers|gunmen|jihadists|militiamen)(?=\s+(?!(?:on|in|at|of|over|near|for|from|and|or|with|by|during|after|before|since|last|this|that|which|who)\b)[a-z])/i;

// "Hezbollah, the Lebanese Shiite movement, fired", "helicopters, for the second time this week,
// bombed", "has, for months, blocked": an aside set off by commas (not a list, not a clause of its
// own) between the perpetrator, its craft or its auxiliary, and what it did.
const COMMA_ASIDE_RE = new RegExp(
  `^(\\s*(?:'s|’s)?(?:\\s*[a-z][\\w-]*){0,2})${asideSource(
    'and|or|has|have|had|is|are|was|were|will|would|who|which|that|killing|wounding|injuring|leaving',
    '(?=\\s+(?!(?:and|but|or|while|whereas|although|though)\\b))',
  )}`,
  'i',
);

/** The words after a perpetrator that may tell what it did. */
function agentTail(raw: string): string {
  if (NAME_ASIDE_RE.test(raw)) return '';
  // ", has besieged": the verb after an aside that ended at the perpetrator.
  const tail = raw
    .replace(COMMA_ASIDE_RE, '$1')
    .replace(/^\s*,(?=\s+(?:has|have|had)\s+(?:been\s+)?[a-z]+(?:ed|en)\b)/i, '');
  const joined = JOINED_AGENT_RE.exec(tail);
  const rest = joined ? tail.slice(joined[0].length) : tail;
  return rest.slice(FORCE_NOUN_RE.exec(rest)?.[0].length ?? 0);
}

const ANAPHORIC_HARM_RE =
  /^(?:(?:being\s+)?responsib(?:le|ility)\s+for\s+)?(?:the|this|that|these|those|its|their)\s+(?:\w+\s+)?(?:incident|attacks?|strikes?|massacres?|bombings?|shelling|raids?|crimes?|killings?)$/i;
// "have been criticised by rights groups for ...": a passive verb of blame (and its agent)
// between the accused and what it is blamed for.
const PASSIVE_BLAME_RE =
  /^[^.;]{0,60}?\b(?:accused|blamed|critici[sz]ed|condemned|denounced|slammed|faulted)\b(?:\s+by\s+[^.;]{0,60}?)?(?=\s+(?:of|for|over)\b)/i;

// Right after the accused, a harm it owns or qualifies, with whom or what it struck ("the
// coalition's massacre of civilians", "the regime's bombardment of the Ghouta suburbs").
const OWNED_HARM_RE = new RegExp(
  `^\\s*(?:'s|’s|s')?\\s+(?:(?!(?:of|for|over|in|on|at|by|with|and|or|to|that|which)\\s)[a-z][\\w-]*\\s+){0,2}?(?=(?:${HARM_NOUN_RE.source})\\s+of\\s)`,
  'i',
);

// A harm phrase that names no more than one word of harm: "harm", "attack", "bombing in Hama".
// "chemical attacks" or "air strikes" already tell the reader what was done.
const BARE_HARM_RE = /^[a-z]+(?:\s+in\s+[^\s].*)?$/;
// How far back an anaphoric blame may look for its harm.
const HARM_LOOKBACK = 3;

/**
 * The harm of a sentence an anaphoric blame points to: its own unless that is bare, else the
 * first sentence before (nearest first) that tells more, else the first bare harm noun before
 * when the sentence named none at all.
 */
function pointedHarm(sentence: string, at: number, before: readonly string[]): string {
  // The harm named nearest the blame: "the chemical weapon use which Washington blames on".
  const here = harmAllegation(sentence, 0, { nounNear: at });
  if (!BARE_HARM_RE.test(here)) return here;
  const told = toldBefore(before);
  if (told) return withNoun(here, told);
  if (!/^harm\b/.test(here)) return here;
  for (const h of harmsBefore(before)) if (!/^harm\b/.test(h)) return h;
  return here;
}

/**
 * "of using toxic gas", "for the attack on Aleppo": what an explicit blame is for. `before`, the
 * sentences before (nearest first), tell the harm an anaphoric blame points back to ("Damascus
 * blamed it on rebels").
 */
export function blameAllegation(
  sentence: string,
  accusedEnd: number,
  before: readonly string[] = [],
): string {
  const tail = sentence.slice(accusedEnd);
  // "condemned the coalition's massacre of civilians": the "of" is the harm's, not the blame's.
  const owned = OWNED_HARM_RE.exec(tail);
  const ownedPhrase = owned ? cleanPhrase(tail.slice(owned[0].length)) : '';
  if (ownedPhrase) return ownedPhrase;
  const after = tail.slice(PASSIVE_BLAME_RE.exec(tail)?.[0].length ?? 0);
  // The "of" or "for" of the blame itself, not of an aside ("blamed 'terrorists' - a catch-all
  // term for its opponents").
  const of = /^(?:(?!\s[-–—]\s|,\s)[^.;]){0,40}?\b(?:of|for|over)\s+(.*)$/is.exec(after);
  const phrase = of ? cleanPhrase(of[1] ?? '') : '';
  if (phrase && !ANAPHORIC_HARM_RE.test(phrase)) return phrase;
  // "accusations that Turkey was supporting the group": the accused's own verb.
  const verb = phrase ? '' : verbPhrase(after);
  if (verb) return verb;
  // "blaming the army for the incident": the sentence tells what the incident was, else one
  // before it does.
  return pointedHarm(sentence, accusedEnd, before) || phrase;
}

/** A clean phrase from the words after offset `from` (the generic allegation). */
export function allegationFrom(sentence: string, from: number): string {
  // "blamed each other for chlorine attacks": what they are blamed for.
  const rest = sentence.slice(from).replace(/^\s*(?:of|for|over)\s+/i, '');
  return cleanPhrase(rest) || harmAllegation(sentence, from);
}
