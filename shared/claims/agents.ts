// Agents of harm: whether an actor mention is the one doing harm in its sentence ("coalition jets
// killed", "shelling by regime forces", "Russia's crimes", "X's warplanes"), not its victim,
// its place ("areas held by IS") or an undecided alternative ("whether ... Russian aircraft").

import { asideSource, LISTENER_BEFORE_RE, SPEECH } from './accusation-patterns.ts';
import type { ActorHit } from './actors.ts';

const MODIFIERS =
  "(?:(?!(?:a|an|the|and|or|of|on|in|to|for|with|at|by|from|said|says|say|told|reported|added|claimed)\\b)[a-z][\\w'’-]*\\s+){0,2}?";
// "on Friday", "meanwhile", "late on Monday": what may sit between an agent and its verb.
const WHEN =
  '(?:(?:early|late)\\s+)?on\\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|(?:last|this)\\s+(?:week|month|night|morning)|in\\s+recent\\s+(?:days|weeks|months)|meanwhile|overnight|earlier|yesterday|today|tonight';
const HARM_NOUN_AFTER_RE = new RegExp(
  `^["”’]?\\s*[)\\]]?(?:\\s*\\([^)]{0,40}\\))?\\s*(?:'s|’s|s')?\\s*(?:-?led\\s+)?${MODIFIERS}(?:air\\s*strikes?|strikes?|raids?|bombings?|bombardments?|shelling|attacks?|assault|crimes|massacres?|atrocities|mistakes|presence|aggression|violations|occupation|invasion|incursion|intervention|advance|barrages?|barrel\\s+bombs|explosions?|blasts?|bombings?|suicide\\s+attacks?|shells|rockets|missiles|mortars?|snipers?|gunfire|policy|policies|campaign|brutality|terrorism|support|onslaught|backing|lies|propaganda|rockets?|fire|attempts|suicide\\s+bombers?|suicide\\s+bombings?|car\\s+bombs?|bombers?|snipers?|silence|inaction|impunity|complicity|failure|indifference|crimes?|offensive|siege|blockade|cluster\\s+bombs?|barrel\\s+bomb|bombs|missile\\s+strikes?|drone\\s+strikes?|chemical\\s+attacks?)\\b`,
  'i',
);
const FORCE_NOUN_AFTER_RE = new RegExp(
  `^\\s*(?:'s|’s|s')?\\s*(?:-?led\\s+)?${MODIFIERS}(?:jets?|warplanes?|war\\s+planes?|aircraft|planes?|aviation|helicopters?|gunships?|artillery|forces|troops|militias?|soldiers|army|fighters|militants|members|terrorists|tanks|drones?|air\\s+forces?|military|group|organi[sz]ation|cells?|gunmen|bombers|units|elements|affiliate|offshoot|branch|wing|allies|ally|proxies|militiamen)\\b`,
  'i',
);
const HARM_VERB_SRC =
  '(?:killed|kills|kill|killing|bombed|bombs|bombing|targeted|targets|targeting|shelled|shelling|struck|strike|strikes|hit|hits|attacked|attacks|attack|attacking|fired|fires|firing|executed|executes|executing|dropped|drop|launched|committed|commits|carried\\s+out|carries\\s+out|slaughtered|massacred|besieged|besieging|destroyed|destroys|violated|violates|violating|gassed|gassing|wiped|wiping|obstruct\\w*|hamper\\w*|(?:used|uses|using)(?=\\s+(?:\\w+\\s+){0,3}?(?:chemical|toxic|poison|gas|chlorine|sarin|mustard|nerve|weapons|barrel|cluster|phosphorus|napalm|incendiary|vacuum|civilians|human\\s+shields|starvation|sieges?|force|ceasefires?|truces?|the\\s+ceasefire|the\\s+truce))|possess(?:es|ed|ing)?(?=\\s+(?:\\w+\\s+){0,2}?(?:chemical|toxic|poison|gas|sarin|chlorine|nerve))|supports?|supported|supporting|sponsor\\w*|arms|armed|arming|funds|funded|(?:is|are|was|were)\\s+(?:\\w+ly\\s+)?responsible|is\\s+responsible|are\\s+responsible|(?:been|be)\\s+(?:largely\\s+|directly\\s+|fully\\s+)?responsible|was\\s+responsible|were\\s+responsible|(?:bears?|bore)\\s+(?:(?:full|direct|the|legal|moral|primary|sole|entire|political|complete)\\s+){0,2}responsibility|were\\s+behind|was\\s+behind|is\\s+behind|are\\s+behind|(?:is|are|was|were)\\s+to\\s+blame|(?:has|have|had)\\s+(?:been\\s+)?(?:killing|bombing|targeting|shelling|attacking|firing|besieging|using|supporting|keeping|holding|spreading|committing)|continues?\\s+(?:to|its|their)|continued\\s+(?:to|its|their)|ignor\\w+|protect(?:s|ed|ing)?|shield(?:s|ed|ing)?|cover(?:s|ed|ing)?\\s+(?:up|for)|hitting|slit|beheaded|tortured|hanged|kidnapped|abducted|planted|shot|stormed|seized(?!\\s+control)|looted|burned|displaced|starv\\w+|blocked|prevented|refus\\w+|failed|fails|resorted|embarked|launching|regroup\\w*|trying|tried|released|intensified|stepped\\s+up|ramped\\s+up|(?:escalat(?:ed|es|ing)|resum(?:ed|es|ing)|renew(?:ed|s|ing))(?=\\s+(?:its\\s+|their\\s+|the\\s+)?(?:[\\w-]+\\s+){0,2}?(?:bombardment|bombing|shelling|(?:air\\s*)?strikes|airstrikes|raids|attacks|assault|offensive|campaign)\\b)|pounded|pounding|pounds|bombarded|bombarding|raided|unleashed|staged|mounted|waged|perpetrated|orchestrated|conducted|pursu\\w+|insist\\w*|was\\s+keeping|keeps|keeping|holds|spreading|spread|(?:responded|retaliated|reacted)\\s+by\\s+(?:launching|bombing|shelling|firing|targeting|striking|attacking|pounding|raiding)|retaliated|detained|detains|arrested|suppressed|crushed|(?:blew|blown|blowing)\\s+(?:themselves|himself|herself)\\s+up|detonated|(?:shipping|ships|shipped|sending|sends|sent|supplying|supplies|supplied|providing|provides|provided|smuggling|smuggled|delivering|delivered)(?=\\s+(?:\\w+\\s+){0,3}?(?:weapons|arms|missiles|ammunition|militants|militias|fighters|mercenaries|terrorists)\\b))';
const HARM_VERB_AFTER_RE = new RegExp(
  `^\\s*\\)?\\s*["“]?\\s*(?:'s|’s)?\\s*(?:,[^,]{0,60},\\s*)?(?:\\s*-\\s*(?:along|together)\\s+with\\s+[^-]{1,40}-\\s*)?(?:and\\s+(?:its|their|his)\\s+(?:\\w+\\s+)?(?:allies|ally|backers|supporters|militias)\\s+)?(?:(?:has|have|had|was|were|is|are|also|reportedly|allegedly|deliberately|intentionally|repeatedly|systematically|indiscriminately|heavily|then|again|still|recently|now|apparently|often|who|that|which|may\\s+have|might\\s+have|must\\s+have|could\\s+have|had\\s+been|have\\s+been|has\\s+been|${WHEN}|\\w+ly)\\s+){0,3}${HARM_VERB_SRC}\\b`,
  'i',
);
// After an armed noun ("Russian jets", "regime forces"), its verb: a few adverbs and auxiliaries,
// allied forces joined to it, then the harm ("regime forces and allied militias have shelled").
const FORCE_THEN_HARM_RE = new RegExp(
  `^\\s*(?:'s|’s|s')?(?:\\s*\\([^)]*\\))?(?:\\s+and\\s+(?:allied\\s+|its\\s+|their\\s+)?(?:\\w+\\s+)?(?:militias|allies|forces|jets)\\b)?(?:\\s+(?:has|have|had|also|reportedly|allegedly|deliberately|repeatedly|heavily|then|again|still|recently|now|who|that|which|${WHEN}|\\w+ly))*\\s+(?:their\\s+|its\\s+)?(?:${HARM_VERB_SRC}|bombardment|bombing|raids?|strikes?|airstrikes?)\\b`,
  'i',
);
const UNDECIDED_BEFORE_RE =
  /\b(?:whether|determine\w*\s+(?:who|which)|unclear\s+(?:who|which))\b[^.;]*$/i;
const HYPOTHETICAL_BY_RE = /\b(?:would|could|might|may)\s+(?:not\s+)?be\s+\w+\s+by\s+(?:the\s+)?$/i;
const VIOLENT_VERB =
  '(?:killed|kills|killing|fired|fires|firing|shelled|shelling|attacked|attacks|attack|attacking|targeted|targeting|targets|launched|launching|bombed|struck|hit|executed|planted|detonated|stormed|kidnapped|abducted|besieged|used|breached|violated|committed|opened\\s+fire|blew\\s+up|infiltrated|massacred|slaughtered|murdered|beheaded|crucified|shot|set\\s+off|are\\s+delivering|possess|suppressed|tortured|looted|burned|trapped|bombarded|destroyed|raided|ambushed|opened\\s+(?:\\w+\\s+){0,2}fire)';
// Generic names ("terrorists") only count with a violent verb, not "continue to receive"; the
// words between may not start another clause ("terrorists' movements while attacking").
const VIOLENT_AFTER_RE = new RegExp(
  `^(?:\\s+(?:positioned|located|stationed|holed\\s+up|entrenched|deployed|based|fortif\\w+)\\s+in(?:\\s+(?!by\\b|against\\b|on\\b|of\\b)[\\w'’-]+){1,7}?(?=\\s+(?:\\w+\\s+)?${VIOLENT_VERB}\\b))?(?:\\s+(?!by\\b|against\\b|on\\b|of\\b|while\\b|when\\b|as\\b|after\\b|before\\b|and\\b)[\\w'’-]+){0,4}?\\s+(?:continued\\s+|continue\\s+to\\s+|also\\s+|then\\s+|tried\\s+to\\s+)?${VIOLENT_VERB}\\b`,
  'i',
);
// "... al-Nusra who fortify in Ez-Eddin village fired two mortar shells".
const POSITIONED_THEN_VIOLENT_RE = new RegExp(
  `^\\s+(?:who\\s+|which\\s+|that\\s+)?(?:are\\s+|were\\s+)?(?:positioned|located|stationed|holed\\s+up|entrenched|deployed|based|fortif\\w+)\\s+in(?:\\s+[\\w'’-]+){1,7}?\\s+${VIOLENT_VERB}\\b`,
  'i',
);
const PASSIVE_AFTER_RE =
  /^\s+(?:(?:positions?|posts?|bases?|convoys?|troops|soldiers|headquarters|checkpoints?|(?:[a-z][\w-]*\s+)?(?:group|members|fighters|militants|commanders?|leaders?))\s+)?(?:were|was|have\s+been|has\s+been|had\s+been|being|are|is)\s+(?:\w+\s+)?(?:killed|wounded|injured|targeted|hit|struck|attacked|bombed|shelled|executed|captured|arrested|driven|forced|pushed|defeated|destroyed|dismantled|eliminated|removed|expelled)\b/i;
// "Russia's crimes", "the regime's bombardment": possessing the harm makes the agent.
const POSSESSED_CRIME_RE =
  /^\s*(?:'s|’s|s')?\s+(?:crimes|massacres?|atrocities|aggression|violations|occupation|bombardments?|brutality|terrorism|lies|onslaught|war\s+crimes|use\s+of\s+(?:chemical|toxic|poison|barrel|cluster|incendiary|banned|nerve|chlorine|sarin|force))\b/i;
// "the West was rushing to provide aid to cover up evidence of its own crimes".
const COVER_UP_AFTER_RE = /^[^.;]{0,70}?\bto\s+(?:cover\s+up|cover-up|conceal|whitewash)\b/i;

// Agent after "by": "the bombing carried out by the coalition", "breaches by terrorist groups".
const BY_BEFORE_RE =
  /\b(?:assault|onslaught|offensive|campaign|siege|sieges|barrages?|killed|carried\s+out|carried|left\s+behind|committed|launched|fired|dropped|conducted|perpetrated|bombing|bombardments?|strikes?|airstrikes?|attacks?|shelling|raids?|massacres?|planted|breaches|violations|executed|targeted|hit|struck|bombed|shelled|caused|weapons|gas|policy|killings|destruction|displacement|crimes?)\s+(?:\w+\s+){0,2}?by\s+(?:the\s+|a\s+)?(?:(?:forces|troops|militias?|units|fighters|gunmen|soldiers|elements|jets|aircraft)\s+(?:loyal\s+to|belonging\s+to|allied\s+(?:to|with)|backed\s+by)\s+(?:the\s+)?)?(?:[\w'’-]+\s+){0,2}(?:of\s+the\s+)?$/i;
// A passive harm verb further back in the clause: "were killed including seven civilians by the
// insurgents", "had earlier been injured by the army's shelling".
const LONG_BY_BEFORE_RE =
  /\b(?:killed|wounded|injured|hit|targeted|attacked|bombed|shelled|struck|destroyed|damaged|massacred|executed|kidnapped|abducted|besieged|displaced|bombing|bombardment|shelling|attacks?|raids?|strikes)\b(?:\s+(?!(?:which|who|that|after|while|when|as|but|because|before|held|controlled|run|said|says)\b)[\w'’()-]+){1,9}?(?<!\b(?:surrounded|encircled|besieged|backed|supported|led|held|controlled|run|occupied|funded|armed|seized|captured|used|affected))\s+by\s+(?:the\s+|a\s+)?(?:[\w'’-]+\s+){0,2}(?:of\s+the\s+)?$/i;
// "airstrikes of the coalition", "aircraft of the US-led coalition bombed".
const HARM_OF_BEFORE_RE =
  /\b(?:strikes?|airstrikes?|air\s+strikes?|raids?|attacks?|bombing|bombardments?|shelling)\s+of\s+(?:the\s+)?$/i;
// "terrorists affiliated with Jabhat al-Nusra fired", "aircrafts of the coalition bombed": the
// group of an armed noun whose verb follows.
const FORCE_OF_BEFORE_RE =
  /\b(?:aircrafts?|warplanes|jets|planes|forces|troops|fighters|militants|members|gunmen|terrorists|units|elements|militias?|groups|organi[sz]ations)\s+(?:of|from|belonging\s+to|affiliated\s+(?:with|to)|linked\s+to|loyal\s+to|operating\s+under)\s+(?:the\s+)?(?:so-?\s?called\s+)?$/i;
const WEAPON_BEFORE_RE =
  /\b(?:gas|chemicals?|weapons?|shells?|rockets?|missiles?|bombs?|mines?|helicopters?|jets|aircraft|planes|drones?)\b[^.;]{0,100}$/i;
// "jets believed to be Russian", "raids thought to have been Syrian".
const BELIEVED_BEFORE_RE =
  /\b(?:believed|thought|suspected|said|likely|probably|presumably)\s+to\s+(?:be|have\s+been)\s+(?:the\s+)?$/i;
// "mutual shelling between regime forces and ISIS": both sides fire.
const MUTUAL_BEFORE_RE =
  /\b(?:mutual|exchange\s+of|exchanged|cross-?border)\s+(?:\w+\s+)?(?:shelling|fire|bombardment|attacks|rocket\s+fire)\s+between\s+(?:the\s+)?$|\bclashes\s+(?:among|between)\s+(?:the\s+)?$/i;
// "may be a terrorist attack": a guess, not a claim.
const HEDGE_BEFORE_RE =
  /\b(?:may|might|could|would)\s+(?:not\s+)?(?:have\s+)?(?:be|been)\s+(?:an?\s+)?$/i;
// "Syrian or Russian warplanes", "either Russian or regime jets": the text does not say which.
const ALTERNATIVE_AFTER_RE =
  /^\s*(?:,\s*)?or\s+(?:the\s+)?(?:[A-Z][\w'’-]*|regime|government|coalition|rebel|opposition)\b/;
const ALTERNATIVE_BEFORE_RE =
  /(?:\beither\s+(?:the\s+)?|\b(?:[A-Z][\w'’-]*|regime|government|coalition)\s+or\s+(?:the\s+)?)$/;
const OF_CRIME_BEFORE_RE =
  /\b(?:work|handiwork|crimes?|massacres?|atrocities|aggression|presence|mistakes|occupation|policy|policies|hands|practices|terrorism|brutality|lies)\s+(?:committed\s+|carried\s+out\s+)?(?:of|by|from)\s+(?:the\s+)?$|\b(?:strikes?|airstrikes?|raids?|bombing|bombardments?|attacks?|shelling|violations?|killing)\s+(?:committed\s+|carried\s+out\s+)?(?:by|from)\s+(?:the\s+)?$/i;
// "Responsibility for this crime lies with the international community".
const RESPONSIBILITY_BEFORE_RE =
  /\bresponsib\w*\b[^.]{0,60}\b(?:lies|rests|lie|rest)\s+with\s+(?:the\s+)?$|\b(?:lay|lays|place[sd]?|put|puts|hold|holds|held)\s+(?:the\s+|full\s+)?responsibility\s+(?:for\s+[^.]{0,40}\s+)?(?:on|with|upon)\s+(?:the\s+)?$/i;
const VICTIM_BEFORE_RE =
  /(?:\b(?:on|against|between|targeting|targeted|at|toward|towards|hit|hitting|struck|killed|killing|kill|bombed|attacked|attacking|shelled|fighting|fight|fought|battling|battle|combat|combating|defeat|defeating|supported|support|supporting|backing|backed|arming|helping|aiding|with|to|into|for|among|told|tells|telling|urged|urging|calls?\s+on|called\s+on|asked)\s+(?:the\s+|a\s+)?(?:(?!(?:when|as|after|while|before|in|and|but|that|which|who|by|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|April|May|June|July|August|September|October|November|December)\b)[\w'’-]+\s+)?|\b(?:member|members|wedding|funeral|home|house|family|relatives|positions?)\s+of\s+(?:the\s+)?|\bbetween\s+(?:the\s+)?(?:[\w'’-]+\s+){0,4}and\s+(?:the\s+)?|(?<!\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\w*\.?\s+)\b(?!(?:19|20)\d\d\b)\d(?:[\d,.]*\d)?\s+|\b(?:two|three|four|five|six|seven|eight|nine|ten|dozens\s+of|hundreds\s+of)\s+)$/i;

const COORDINATED_NAME_RE =
  /^-(?:Russian|Syrian|regime|Iranian)(?=\s+(?:air|war|jets|raids|strikes|airstrikes|forces|troops|aircraft|planes|warplanes|bombardment|bombing|shelling)\b)|^\s+and\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+){0,1}[A-Z][\w'’-]*(?=\s+(?:air|war|jets|raids|strikes|airstrikes|forces|troops|helicopters|aircraft|planes|warplanes|bombardment|shelling|regimes?|governments?)\b)/;

/**
 * The words between an actor and its noun must be lower-case ("Russian heavy airstrikes"), else
 * another name intervenes ("AFP Syrian government air strikes"); headlines capitalise everything.
 */
// "Al-Qaeda's Syrian affiliate", "Russia's Syrian allies": an adjective of nationality, no name.
const NATIONALITY_RE =
  /^(?:Syrian|Iraqi|Lebanese|Kurdish|Turkish|Russian|Iranian|American|Western|Arab|Islamist|Shiite|Sunni)$/;

function lowerModifiers(sentence: string, m: RegExpExecArray | null): boolean {
  if (!m) return false;
  const words = m[0].trim().split(/\s+/).slice(0, -1);
  const named = (w: string): boolean => /^[A-Z]/.test(w) && !NATIONALITY_RE.test(w);
  return !words.some(named) || isTitleCase(sentence);
}

function isTitleCase(s: string): boolean {
  const words = s.split(/\s+/).filter((w) => /^[A-Za-z]/.test(w) && w.length > 3);
  return words.length > 0 && words.filter((w) => /^[A-Z]/.test(w)).length / words.length >= 0.7;
}

/** Where nothing in the clause can make the actor an agent: a place, an open question, a guess. */
function cannotBeAgent(sentence: string, h: ActorHit, before: string, after: string): boolean {
  // "areas controlled by the Islamic State group": a place, not an agent.
  if (/\b(?:held|controlled|run|occupied|dominated|administered)\s+by\s+(?:the\s+)?$/i.test(before))
    return true;
  // "told AFP that air strikes ...": the one told is listening, not doing.
  if (LISTENER_BEFORE_RE.test(before)) return true;
  // "determines whether strikes were carried out by Syrian Russian or coalition aircraft".
  if (UNDECIDED_BEFORE_RE.test(sentence.slice(Math.max(0, h.index - 90), h.index))) return true;
  if (ALTERNATIVE_AFTER_RE.test(after) || ALTERNATIVE_BEFORE_RE.test(before)) return true;
  return h.generic && HEDGE_BEFORE_RE.test(before);
}

/** The clause names the actor as the doer: "carried out by X", "X's crimes", "jets believed to be X". */
function namedAsDoer(before: string, after: string, clause: string): boolean {
  if (BY_BEFORE_RE.test(before) || LONG_BY_BEFORE_RE.test(before)) {
    return !HYPOTHETICAL_BY_RE.test(before);
  }
  if (OF_CRIME_BEFORE_RE.test(before) || RESPONSIBILITY_BEFORE_RE.test(before)) return true;
  if (HARM_OF_BEFORE_RE.test(before) || BELIEVED_BEFORE_RE.test(before)) return true;
  if (MUTUAL_BEFORE_RE.test(before)) return true;
  if (FORCE_OF_BEFORE_RE.test(before) && VIOLENT_AFTER_RE.test(after)) return true;
  // "the poison gas ... belonged to rebels".
  // "the poison gas in that incident last week ... belonged to rebels": the weapon may stand
  // further back in the clause than the 60 characters read before the name.
  if (/\bbelong\w*\s+to\s+(?:the\s+)?$/i.test(before) && WEAPON_BEFORE_RE.test(clause)) return true;
  return POSSESSED_CRIME_RE.test(after) || COVER_UP_AFTER_RE.test(after);
}

const ARMED_NAME_RE =
  /(?:forces|troops|jets|warplanes|aircraft|army|military|militants|fighters|terrorists|helicopters|aviation|gunmen|group)$/i;

/** Whether actor mention `h` is the one doing harm in `sentence`. */
export function isAgent(sentence: string, h: ActorHit): boolean {
  // The routes and the scorer ask the same question of a mention several times.
  const seen = agentMemo.get(h);
  if (seen && seen.sentence === sentence) return seen.agent;
  const agent = decideAgent(sentence, h);
  agentMemo.set(h, { sentence, agent });
  return agent;
}

const agentMemo = new WeakMap<ActorHit, { sentence: string; agent: boolean }>();

function decideAgent(sentence: string, h: ActorHit): boolean {
  // "regime and Russian jets": the harm follows the other name.
  const coordinated = COORDINATED_NAME_RE.exec(sentence.slice(h.end, h.end + 40));
  const after = sentence.slice(h.end + (coordinated?.[0].length ?? 0), h.end + 80);
  const before = sentence.slice(Math.max(0, h.index - 60), h.index);
  if (cannotBeAgent(sentence, h, before, after)) return false;
  const clause = sentence.slice(Math.max(0, h.index - 140), h.index);
  if (namedAsDoer(before, after, clause)) return true;
  // A passive harm verb further back: "killed ... in bombing of Aleppo on Friday by regime forces".
  if (LONG_BY_BEFORE_RE.test(clause) && !HYPOTHETICAL_BY_RE.test(before)) return true;
  if (PASSIVE_AFTER_RE.test(after)) return false;
  // "killed in US-led strikes": the participle describes the victims, not this actor.
  if (/^\s+(?:killed|wounded|injured)\s+(?:in|by|when|during|as|after)\b/i.test(after))
    return false;
  // "Russian airstrikes", "the regime's barrel bombs", "terrorist attacks": the harm is theirs
  // whatever the clause does with it ("with the regime's notorious barrel bombs").
  if (lowerModifiers(sentence, HARM_NOUN_AFTER_RE.exec(after))) return true;
  // "a helicopter believed to belong to Syrian government forces dropped barrel bombs".
  if (
    VICTIM_BEFORE_RE.test(before) &&
    !/\bbelong\w*\s+to\s+(?:the\s+)?$|\b(?:loyal|affiliated|linked)\s+to\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}$|\baccording\s+to\s+(?:[\w'’-]+\s+){0,2}$/i.test(
      before,
    )
  ) {
    return false;
  }
  const longer = sentence.slice(h.end + (coordinated?.[0].length ?? 0), h.end + 160);
  return verbFollows(sentence, h, after) || verbFollows(sentence, h, withoutAside(longer));
}

// "helicopters, for the second time this week, bombed", "jets - which back Assad - bombed",
// "forces (backed by Iran) shelled": an aside set off by commas, dashes or brackets between the
// doer and its verb (not a list: "jets, helicopters and artillery").
const ASIDE_RE = new RegExp(
  `^(\\s*(?:[a-z][\\w-]*\\s+){0,2}?[a-z][\\w-]*)?${asideSource('and|or', '(?=\\s+(?!(?:and|but|or|while|whereas|although|though)\\b))')}`,
  'i',
);

/** `after` with a leading aside cut out (a force noun before it kept), or '' when it has none. */
function withoutAside(after: string): string {
  const m = ASIDE_RE.exec(after);
  return m ? `${m[1] ?? ''}${after.slice(m[0].length)}` : '';
}

/** The words after the mention go on with what it did: a harm verb, or armed men and one. */
function verbFollows(sentence: string, h: ActorHit, after: string): boolean {
  if (!after) return false;
  if (h.generic) return VIOLENT_AFTER_RE.test(after);
  if (HARM_VERB_AFTER_RE.test(after) || POSITIONED_THEN_VIOLENT_RE.test(after)) return true;
  // The hit itself names armed people ("Syrian regime forces", "Russian jets").
  if (ARMED_NAME_RE.test(h.name) && FORCE_THEN_HARM_RE.test(after)) return true;
  const force = FORCE_NOUN_AFTER_RE.exec(after);
  return (
    force !== null &&
    lowerModifiers(sentence, force) &&
    FORCE_THEN_HARM_RE.test(after.slice(force[0].length))
  );
}

// Names joined into one subject or one "by" phrase share its verb: "the Assad regime - along with
// Russian forces - have bombed", "by regime and Russian forces", "Russia and Syrian regime war
// planes carried out", "government forces backed by Russian warplanes bombed".
const COORDINATION_GAP_RE =
  /^-$|^\s*(?:,\s*|\s+and\s+|\s+including\s+|\s+as\s+well\s+as\s+|\s*-\s*(?:along|together)\s+with\s+|\s+(?:along|together)\s+with\s+|\s+(?:backed|supported|aided)\s+by\s+)(?:the\s+|its\s+|their\s+)?(?:[a-z][\w-]*\s+){0,2}(?:[A-Z][a-z]+\s+)?$/;

const SPEAKS_AFTER_RE = new RegExp(`^\\s+(?:has\\s+|have\\s+|had\\s+)?${SPEECH}\\b`, 'i');

/** The agents of harm among `hits`: each by itself, then shared across coordinated names. */
export function harmAgents(sentence: string, hits: readonly ActorHit[]): Set<ActorHit> {
  const agents = new Set(hits.filter((h) => isAgent(sentence, h)));
  for (let pass = 0; pass < 2; pass++) {
    for (let i = 0; i + 1 < hits.length; i++) {
      const a = hits[i];
      const b = hits[i + 1];
      if (!a || !b || agents.has(a) === agents.has(b)) continue;
      if (!COORDINATION_GAP_RE.test(sentence.slice(a.end, b.index))) continue;
      const other = agents.has(a) ? b : a;
      const before = sentence.slice(Math.max(0, other.index - 60), other.index);
      const after = sentence.slice(other.end, other.end + 80);
      if (cannotBeAgent(sentence, other, before, after) || PASSIVE_AFTER_RE.test(after)) continue;
      // "hit by the coalition, Russia said": the name that speaks is not a second doer.
      if (SPEAKS_AFTER_RE.test(after)) continue;
      agents.add(other);
    }
  }
  return agents;
}

/**
 * Where the names coordinated with agent `h` end, so that what they did is read after all of them:
 * "Assad and Russia were responsible for ..." is "being responsible for ...", not "Russia were
 * responsible" (only agents among `agents` join the chain).
 */
export function coordinatedEnd(
  sentence: string,
  hits: readonly ActorHit[],
  h: ActorHit,
  agents: ReadonlySet<ActorHit>,
): number {
  let end = h.end;
  for (let i = hits.indexOf(h) + 1; i > 0 && i < hits.length; i++) {
    const b = hits[i];
    if (!b || !agents.has(b) || !COORDINATION_GAP_RE.test(sentence.slice(end, b.index))) break;
    end = b.end;
  }
  return end;
}
