// Harm nouns in a sentence ("air strikes", "chemical attack", "siege") and what they hit ("air
// strike on a market in Idlib"), for the allegation of an accusation.

import { CLAUSE_END_RE, cleanPhrase } from './clean-phrase.ts';
import { allMatches } from './regex.ts';

// The harm a perpetrator is blamed for, as a noun the allegation can start with.
export const HARM_NOUN_RE =
  /\b(?:chemical\s+(?:weapons?\s+)?(?:attacks?|use)|(?:missile|drone|rocket|artillery|mortar)\s+(?:shells?\s+)?(?:strikes?|attacks?)|(?:poison|toxic|chlorine)\s+gas(?:\s+attacks?)?|sarin(?:\s+(?:nerve\s+)?gas)?|nerve\s+(?:gas|agents?)|gas\s+attacks?|suicide\s+(?:car\s+)?bombings?|car\s+bombs?|barrel\s+bombs?|cluster\s+bombs?|air\s*strikes?|airstrikes?|air\s+raids?|raids?|strikes?|shelling|bombardments?|bombing|artillery\s+fire|rocket\s+fire|rockets?|mortar\s+(?:shells?|fire|rounds?)|mortars?|shells|missiles?|attacks?|assault|offensive|massacres?|killings|killing(?=\s+of\s)|aggression|invasion|incursions?|explosions?|blasts?|siege|executions?|(?:war\s+)?crimes|onslaught|(?:aerial|air|bombing)\s+campaigns?|use\s+of\s+(?:banned\s+|chemical\s+|toxic\s+)?weapons)\b/gi;

export interface HarmNoun {
  text: string;
  /** Where the noun starts in the sentence. */
  index: number;
  /** Where the noun ends in the sentence. */
  end: number;
}

/** Every harm noun of a sentence, lower-cased, in order. */
function harmNouns(sentence: string): HarmNoun[] {
  return allMatches(HARM_NOUN_RE, sentence).map((m) => ({
    text: m[0].toLowerCase().replace(/\s+/g, ' '),
    index: m.index,
    end: m.index + m[0].length,
  }));
}

/** The harm noun nearest to offset `near` (after it preferred), lower-cased. */
export function harmNounNear(sentence: string, near: number): HarmNoun | null {
  let best: { noun: HarmNoun; d: number } | null = null;
  for (const noun of harmNouns(sentence)) {
    const d = noun.index >= near ? noun.index - near : (near - noun.index) * 2;
    if (!best || d < best.d) best = { noun, d };
  }
  return best?.noun ?? null;
}

// What a harm noun hit: "strike on a market in Idlib", "attack against the UN convoy". A time
// ("attack on Sunday") is no target.
const TARGET_LEAD_RE =
  /^\s+(?:on|against|targeting)\s+(?!\w+ly\b|(?:the\s+)?(?:night|morning|evening|eve|day|weekend|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|\d)\b)/i;
// Where the target ends: its agent, its verb, a time, a new clause.
const TARGET_END_RE =
  /\s(?:(?:[a-z]+ed\s+|held\s+|run\s+)?by|was|were|is|are|has|have|had|that|which|who|killing|killed|kill|kills|wounding|wounded|left|leaving|hit|struck|on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|last|this|yesterday|today|overnight|earlier|late|early|as|in\s+(?:response|retaliation|revenge)|and\s+(?:the\s+)?[a-z]+(?:ed|s)\b)\b|[,;:.!?()]/i;
const TARGET_WORDS = 6;

/** The harm noun with what it hit, when the words after it say: "air strike on a market". */
export function harmWithTarget(sentence: string, noun: HarmNoun): string {
  const rest = sentence.slice(noun.end);
  const lead = TARGET_LEAD_RE.exec(rest);
  if (!lead) return noun.text;
  let target = rest.slice(lead[0].length);
  const end = TARGET_END_RE.exec(target);
  if (end) target = target.slice(0, end.index);
  // A headline's capitalised verb ends it too: "Onslaught on Aleppo Failed to ...".
  const titled = /\s(?!United\b)[A-Z][a-z]+(?:ed|ing)\b/.exec(target);
  if (titled) target = target.slice(0, titled.index);
  // An article opens a second noun phrase unless a preposition joins it ("on Deir Ezzor [the
  // sources said]" against "on the market of the town").
  const second = /(?<!\b(?:of|in|at|near|outside|inside|into)|^)\s(?:the|a|an)\s/i.exec(target);
  if (second) target = target.slice(0, second.index);
  const words = target.split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > TARGET_WORDS) return noun.text;
  return cleanPhrase(`${noun.text} ${lead[0].trim().toLowerCase()} ${target}`) || noun.text;
}

// How far before its passive agent a harm noun may stand and still be what the agent did.
const PASSIVE_REACH = 150;

/** The last harm noun before offset `at` in reach, as `harmNounNear` gives it. */
export function harmNounBefore(sentence: string, at: number): HarmNoun | null {
  // In the agent's own clause: "Fresh strikes came as the Pentagon said ... targeted by regime
  // planes" is about another harm.
  const inReach = (n: HarmNoun) =>
    n.end <= at && at - n.end <= PASSIVE_REACH && !CLAUSE_END_RE.test(sentence.slice(n.end, at));
  return harmNouns(sentence).filter(inReach).at(-1) ?? null;
}
