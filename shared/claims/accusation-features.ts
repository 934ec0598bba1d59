// Features of a candidate accusation (accusation-candidates.ts) for the learned scorer: which
// rule route found it, how its speaker was resolved, whether the accused is the agent of harm,
// the sentence's cues (harm, victims, combat, denial, hedge, blame verb, call to stop), where the
// two parties stand, the words around the accused and whether the headline names either party.
// Binary features by name; the trained weights (accusation-model.json) say what each is worth.

import type { Candidate } from './accusation-candidates.ts';
import {
  ACCUSE_RE,
  allied,
  BATTLE_RE,
  CALL_ON_RE,
  CIVILIAN_RE,
  COMBATANT_VICTIMS_RE,
  HARM_RE,
  MILITANT_VICTIMS_RE,
  NEUTRAL_REPORTERS,
  TERROR_LABEL_RE,
  VICTIM_HARM_RE,
} from './accusation-patterns.ts';
import type { ActorHit } from './actors.ts';
import { harmAgents, isAgent } from './agents.ts';
import { pronounKind } from './speakers.ts';

export type FeatureVector = Map<string, number>;

const HEDGE_RE = /\b(?:if|would|could|might|may|whether|possibl\w*|perhaps|unclear)\b/i;
const NEGATION_RE = /\b(?:not|never|no|n't|without)\b/i;
const ACCORDING_RE = /\baccording\s+to\b/i;
const ARMED_RE =
  /(?:forces|troops|jets|warplanes|aircraft|army|military|militants|fighters|terrorists|helicopters|aviation|gunmen|group|regime|militias?)$/i;
const WORD_RE = /[A-Za-z][\w'’-]*/g;
// ACCUSE_RE is global (the routes iterate over it); a sticky-free copy for a plain test.
const BLAME_VERB_RE = new RegExp(ACCUSE_RE.source, 'i');

/** Sentence-wide cues, computed once per sentence. */
const sentenceCues = new WeakMap<object, string[]>();

function cuesOf(c: Candidate): string[] {
  const f = c.frame;
  let cues = sentenceCues.get(f);
  if (cues) return cues;
  const s = f.s;
  const civilians = CIVILIAN_RE.test(s);
  const tests: [string, boolean][] = [
    ['s:harm', HARM_RE.test(s)],
    ['s:victims', VICTIM_HARM_RE.test(s)],
    ['s:civilians', civilians],
    ['s:militant-only', MILITANT_VICTIMS_RE.test(s) && !civilians],
    ['s:combat-only', COMBATANT_VICTIMS_RE.test(s) && !civilians],
    ['s:battle', BATTLE_RE.test(s)],
    ['s:denial', f.denial],
    ['s:blame-verb', BLAME_VERB_RE.test(s)],
    ['s:terror-label', TERROR_LABEL_RE.test(s)],
    ['s:hedge', HEDGE_RE.test(s)],
    ['s:negation', NEGATION_RE.test(s)],
    ['s:according', ACCORDING_RE.test(s)],
    ['s:question', s.includes('?')],
    ['s:quote', /["“”]/.test(s)],
    ['s:headline', c.si === 0],
    ['s:long', s.length > 250],
    ['s:many-actors', f.hits.length > 4],
  ];
  cues = tests.filter(([, on]) => on).map(([name]) => name);
  sentenceCues.set(f, cues);
  return cues;
}

interface SentenceAgents {
  /** Agents of harm by themselves. */
  direct: Set<ActorHit>;
  /** With the names coordinated to them. */
  all: Set<ActorHit>;
}
const sentenceAgents = new WeakMap<object, SentenceAgents>();

/** The agents of harm of the candidate's sentence, found once per sentence. */
function agentsOf(c: Candidate): SentenceAgents {
  let agents = sentenceAgents.get(c.frame);
  if (!agents) {
    const { s, hits } = c.frame;
    agents = { direct: new Set(hits.filter((h) => isAgent(s, h))), all: harmAgents(s, hits) };
    sentenceAgents.set(c.frame, agents);
  }
  return agents;
}

/** How the candidate's speaker came to speak. */
function speakerKind(c: Candidate): string {
  const f = c.frame;
  if (f.found.some((h) => h.actor === c.speaker.actor)) return 'sp:named';
  if (c.speaker.end > 0) return 'sp:in-sentence';
  if (pronounKind(f.s) !== null) return 'sp:pronoun';
  if (/^["“]/.test(f.s)) return 'sp:quote-carried';
  if (f.found.length === 0) return 'sp:own-voice';
  return 'sp:carried';
}

function distanceBucket(d: number): string {
  if (d < 30) return 'near';
  if (d < 80) return 'mid';
  if (d < 160) return 'far';
  return 'very-far';
}

/** Where the accused stands: relative to the speaker, in a quotation, as the agent of harm. */
function accusedFeatures(c: Candidate, v: FeatureVector): void {
  const h = c.accused;
  const s = c.frame.s;
  if (!h) {
    v.set('a:implicit', 1);
    return;
  }
  const agents = agentsOf(c);
  if (agents.direct.has(h)) v.set('a:agent', 1);
  else if (agents.all.has(h)) v.set('a:agent-coordinated', 1);
  if (h.generic) v.set('a:generic', 1);
  if (ARMED_RE.test(h.name)) v.set('a:armed-name', 1);
  if (((s.slice(0, h.index).match(/["“”]/g)?.length ?? 0) & 1) === 1) v.set('a:in-quote', 1);
  const sp = c.speaker;
  if (sp.end > 0) {
    const side = h.index < sp.index ? 'before' : 'after';
    const d = h.index < sp.index ? sp.index - h.end : h.index - sp.end;
    v.set(`a:${side}-speaker`, 1);
    v.set(`a:${side}-${distanceBucket(d)}`, 1);
  } else v.set('a:speaker-outside', 1);
  const before = s.slice(Math.max(0, h.index - 40), h.index).match(WORD_RE) ?? [];
  const after = s.slice(h.end, h.end + 40).match(WORD_RE) ?? [];
  const w1 = before[before.length - 1]?.toLowerCase();
  const a1 = after[0]?.toLowerCase();
  if (w1) v.set(`w-1:${w1}`, 1);
  if (a1) v.set(`w+1:${a1}`, 1);
  // Looser than the agent test: a word of harm soon after the accused, or "by" just before it.
  if (HARM_RE.test(s.slice(h.end, h.end + 50))) v.set('a:harm-after', 1);
  if (HARM_RE.test(s.slice(Math.max(0, h.index - 50), h.index))) v.set('a:harm-before', 1);
  if (/\bthat\s+(?:the\s+)?$/i.test(s.slice(Math.max(0, h.index - 12), h.index)))
    v.set('a:that-clause', 1);
  for (const w of before.slice(-4)) v.set(`wb:${w.toLowerCase()}`, 1);
  for (const w of after.slice(0, 4)) v.set(`wa:${w.toLowerCase()}`, 1);
}

/** The feature vector of one candidate. */
export function candidateFeatures(c: Candidate): FeatureVector {
  const v: FeatureVector = new Map();
  if (c.blame) v.set('r:blame', 1);
  if (c.harm) v.set('r:harm', 1);
  if (!c.blame && !c.harm) v.set('r:none', 1);
  v.set(speakerKind(c), 1);
  v.set(`by:${c.accuser}`, 1);
  v.set(`of:${c.accusedActor}`, 1);
  if (NEUTRAL_REPORTERS.has(c.accuser)) v.set('by:neutral-reporter', 1);
  if (allied(c.accuser, c.accusedActor)) v.set('p:allied', 1);
  // What the story is about: the parties its headline names.
  if (c.si > 0 && c.frame.headline.has(c.accusedActor)) v.set('h:accused', 1);
  if (c.si > 0 && c.frame.headline.has(c.accuser)) v.set('h:accuser', 1);
  const at = c.accused?.index ?? 0;
  if (CALL_ON_RE.test(c.frame.s.slice(Math.max(0, at - 30), at))) v.set('a:called-on', 1);
  for (const cue of cuesOf(c)) v.set(cue, 1);
  accusedFeatures(c, v);
  return v;
}

/** Interactions a linear model cannot form by itself: the agent of harm by how its speaker speaks. */
function interactions(v: FeatureVector): void {
  const agent = v.has('a:agent') || v.has('a:agent-coordinated');
  const kind = [...v.keys()].find((k) => k.startsWith('sp:'));
  if (agent && kind) v.set(`x:agent&${kind}`, 1);
  if (agent && v.has('s:victims')) v.set('x:agent&victims', 1);
  if (agent && v.has('s:civilians')) v.set('x:agent&civilians', 1);
  if (agent && v.has('r:none')) v.set('x:agent&no-rule', 1);
  if (agent && v.has('by:neutral-reporter')) v.set('x:agent&neutral-reporter', 1);
  if (agent && v.has('s:combat-only')) v.set('x:agent&combat-only', 1);
}

/**
 * The feature vectors of an article's candidates, with what the article says about each pair
 * elsewhere: in how many sentences the two meet, whether a rule found the accuser blaming anyone,
 * whether a rule found anyone blaming the accused.
 */
export function candidateVectors(cands: readonly Candidate[]): FeatureVector[] {
  const pairSentences = new Map<string, number>();
  const ruledAccusers = new Set<string>();
  const ruledAccused = new Set<string>();
  for (const c of cands) {
    const key = `${c.accuser}>${c.accusedActor}`;
    pairSentences.set(key, (pairSentences.get(key) ?? 0) + 1);
    if (c.blame || c.harm) {
      ruledAccusers.add(c.accuser);
      ruledAccused.add(c.accusedActor);
    }
  }
  return cands.map((c) => {
    const v = candidateFeatures(c);
    const n = pairSentences.get(`${c.accuser}>${c.accusedActor}`) ?? 1;
    if (n >= 2) v.set('n:pair-twice', 1);
    if (n >= 4) v.set('n:pair-often', 1);
    if (ruledAccusers.has(c.accuser)) v.set('n:accuser-blames', 1);
    if (ruledAccused.has(c.accusedActor)) v.set('n:accused-blamed', 1);
    interactions(v);
    return v;
  });
}
