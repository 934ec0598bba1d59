// Accusations: who publicly blames whom. Three routes, all sentence-local:
//  1. an explicit verb of blame ("X accused Y of", "X condemned Y", "blaming Y for"), in
//     explicit-blame.ts;
//  2. attributed speech that presents another party as the agent of harm ("the Observatory said
//     coalition jets killed 15 civilians", "Russia: US-led strike killed 62 Syrian troops"), and
//  3. a speaker calling on a party to stop, halt or investigate its strikes, in
//     attributed-harm.ts.
// Who speaks comes from speakers.ts, who does harm from agents.ts. Neutral reporting by the
// journalist (no speaker), denials and uncertainty yield nothing.

import type { Accusation, Actor, ArticleContext } from '../domain/claims.ts';
import { AccusationSink, type SentenceFrame } from './accusation-frame.ts';
import { ACCUSATION_MODEL } from './accusation-model.ts';
import { COUNTER_CLAIM_RE, DENIAL_RE, HARM_RE } from './accusation-patterns.ts';
import { scoredAccusations } from './accusation-scorer.ts';
import { type ArticleInfo, outletParty } from './actor-context.ts';
import type { ActorHit } from './actors.ts';
import { isAgent } from './agents.ts';
import type { ArticleAnalysis } from './article-analysis.ts';
import { attributedHarm } from './attributed-harm.ts';
import { discreditedAccounts } from './discredited-account.ts';
import { explicitBlame } from './explicit-blame.ts';
import { namedSpeakers } from './named-speakers.ts';
import { isHeadlineJunk } from './sentences.ts';
import {
  ACCORDING_ANAPHOR_START_RE,
  findSpeakers,
  pronounKind,
  type Speaker,
  STATE_MEDIA_SOURCE_RE,
  sentenceSubject,
} from './speakers.ts';

/** How far a quotation may run on before its closing mark is taken to be lost. */
const QUOTE_REACH = 4;
const quoteMarks = (s: string): number => s.match(/["“”]/g)?.length ?? 0;

/**
 * For each sentence inside a quotation that runs over several sentences ("The terrorists shelled
 * our homes. They killed my brother" a resident said.), the index of the sentence that closes
 * it, where its speaker is named; -1 elsewhere. A quotation not closed within a few sentences
 * is taken to be an unbalanced mark and ignored.
 */
export function quotationClosers(texts: readonly string[]): number[] {
  const out = texts.map(() => -1);
  let i = 0;
  while (i < texts.length) {
    if (quoteMarks(texts[i] ?? '') % 2 === 0) {
      i++;
      continue;
    }
    let k = i + 1;
    while (k < texts.length && k <= i + QUOTE_REACH && quoteMarks(texts[k] ?? '') % 2 === 0) k++;
    if (k >= texts.length || k > i + QUOTE_REACH) {
      i++;
      continue;
    }
    for (let j = i; j < k; j++) out[j] = k;
    i = k + 1;
  }
  return out;
}

// The sentences a frame keeps from before it, for an anaphoric blame's harm.
const BEFORE_KEPT = 3;

/** What carries over from one sentence to the next. */
interface Discourse {
  lastSpeakers: Speaker[];
  /** The previous sentence, when it had no speaker: its subject is found only if needed. */
  before: { s: string; hits: ActorHit[] } | null;
  lastAgent: ActorHit | null;
  /** Index of the sentence that named `lastAgent`. */
  lastAgentAt: number;
}

const at0 = (x: Pick<Speaker, 'actor' | 'name'>): Speaker => ({ ...x, index: 0, end: 0 });

/**
 * The speakers of a sentence: those it names; else "He said" / "The ministry accused" resolved
 * to the actor the previous sentence opened with (if it is the right kind of referent) or to the
 * last speaker; else the outlet's own voice when the outlet is a party's organ.
 */
function resolveSpeakers(
  s: string,
  hits: ActorHit[],
  found: ActorHit[],
  d: Discourse,
  ctx: ArticleContext,
  info: ArticleInfo,
  closer: ActorHit[] | null,
): Speaker[] {
  // "A source at the Police Command told SANA": state media speak for the state through an
  // unnamed source.
  if (
    STATE_MEDIA_SOURCE_RE.test(s) &&
    found.every((h) => h.actor === 'other' && /\bsources?\b/i.test(h.name))
  ) {
    return [at0({ actor: 'syria_gov', name: 'SANA' })];
  }
  const kind = pronounKind(s);
  // "the ministry said ... RT reports": the outlet relays the ministry.
  const relayOnly = found.length > 0 && kind !== null && found.every((h) => h.actor === 'media');
  if (found.length > 0 && !relayOnly) return found;
  // Inside a quotation that runs on: whoever is named where it closes speaks it all.
  if (closer && closer.length > 0) return closer.map(at0);
  const own = ownSubject(s, hits);
  if (own.length > 0) return own.map(at0);
  const prev = d.before;
  const prevSubject = kind && kind !== 'speech' && prev ? sentenceSubject(prev.s, prev.hits) : null;
  if (kind && prevSubject && (kind === 'any' || (kind === 'person') === prevSubject.person)) {
    return [at0(prevSubject.hit)];
  }
  if (d.lastSpeakers.length > 0 && (kind || closer || ACCORDING_ANAPHOR_START_RE.test(s))) {
    return d.lastSpeakers.map(at0);
  }
  const outletActor = outletParty(ctx);
  if (outletActor) return [at0({ actor: outletActor, name: ctx.outlet ?? '' })];
  if (info.relaysStateMedia) return [at0({ actor: 'syria_gov', name: 'SANA' })];
  return [];
}

// "... the attacks which they say was carried out by the government".
const OWN_PRONOUN_RE =
  /\b(?:which|that|who)\s+(?:they|he|she|it)\s+(?:say|says|said|claim|claims|believe|believes)\b/i;

/**
 * "Britain and France submitted evidence on the attacks which they say ...": a pronoun in a
 * relative clause speaks for the sentence's own subject, with the names joined to it.
 */
function ownSubject(s: string, hits: ActorHit[]): ActorHit[] {
  const m = OWN_PRONOUN_RE.exec(s);
  const subject = m ? sentenceSubject(s, hits)?.hit : undefined;
  if (!m || !subject || subject.end > m.index) return [];
  const out = [subject];
  for (const h of hits.slice(hits.indexOf(subject) + 1)) {
    const last = out[out.length - 1];
    if (
      !last ||
      h.generic ||
      !/^\s*(?:,\s*|\s+and\s+)(?:the\s+)?$/i.test(s.slice(last.end, h.index))
    ) {
      break;
    }
    out.push(h);
  }
  return out;
}

/**
 * In a party's own outlet, a person the text names without saying whose he is ("Barazi said" in
 * SANA, "Nyrabia pointed out" on the Syrian Coalition's site) speaks for that party.
 */
function partyVoices(named: ActorHit[], ctx: ArticleContext, info: ArticleInfo): ActorHit[] {
  const party = outletParty(ctx) ?? (info.relaysStateMedia ? 'syria_gov' : null);
  if (!party) return named;
  // Its unnamed sources too ("a source said", "local sources told SANA"), not its witnesses.
  const voice = (h: ActorHit): boolean =>
    h.actor === 'other' && !/activist|resident|witness|local|people|observer/i.test(h.name);
  return named.map((h) => (voice(h) ? { ...h, actor: party } : h));
}

/** One sentence as the accusation routes read it, with what each rule route found in it. */
export interface FrameOutcome {
  /** Index of the sentence in the article. */
  si: number;
  frame: SentenceFrame;
  /** Found by an explicit verb of blame (route 1). */
  blame: Accusation[];
  /** Found as attributed harm or a call to stop (routes 2 and 3). */
  harm: Accusation[];
}

/** Every sentence's frame and the accusations the rules find in it, in order. */
export function accusationFrames(a: ArticleAnalysis, ctx: ArticleContext = {}): FrameOutcome[] {
  const { info } = a;
  const d: Discourse = { lastSpeakers: [], before: null, lastAgent: null, lastAgentAt: -1 };
  const out: FrameOutcome[] = [];
  const foundAt = a.sentences.map((sent, si) => {
    const hits = a.hits[si] ?? [];
    const known = findSpeakers(sent.text, hits);
    return partyVoices(known.length > 0 ? known : namedSpeakers(sent.text, hits), ctx, info);
  });
  const closers = quotationClosers(a.sentences.map((sent) => sent.text));
  const headline = new Set<Actor>((a.hits[0] ?? []).filter((h) => !h.generic).map((h) => h.actor));
  for (const [si, sent] of a.sentences.entries()) {
    if (isHeadlineJunk(sent)) continue;
    const s = sent.text;
    const hits = a.hits[si] ?? [];
    const found = foundAt[si] ?? [];
    const closer = (closers[si] ?? -1) > si ? (foundAt[closers[si] ?? -1] ?? []) : null;
    const speakers = resolveSpeakers(s, hits, found, d, ctx, info, closer);
    d.before = found.length > 0 ? null : { s, hits };
    const denialAt = s.search(DENIAL_RE);
    const denial = denialAt >= 0;
    const counter = denial ? COUNTER_CLAIM_RE.exec(s.slice(denialAt)) : null;
    const frame: SentenceFrame = {
      s,
      hits,
      found,
      speakers,
      speaker: speakers[0] ?? null,
      denial,
      denialAt,
      counterAt: counter ? denialAt + counter[0].length : -1,
      info,
      lastAgent: d.lastAgent,
      lastAgentAge: si - d.lastAgentAt,
      before: a.sentences
        .slice(Math.max(0, si - BEFORE_KEPT), si)
        .map((x) => x.text)
        .reverse(),
      headline,
    };
    const blame = new AccusationSink();
    explicitBlame(frame, blame);
    // Remember who last did harm in the story, for "condemned this crime" later on.
    if (HARM_RE.test(s) && !denial) {
      const agent = hits.find((h) => !h.generic && !found.includes(h) && isAgent(s, h));
      if (agent) {
        d.lastAgent = agent;
        d.lastAgentAt = si;
      }
    }
    frame.lastAgent = d.lastAgent;
    frame.lastAgentAge = si - d.lastAgentAt;
    const harm = new AccusationSink();
    // First: its allegation ("lying") says more than a harm route's for the same pair.
    discreditedAccounts(frame, harm);
    attributedHarm(frame, harm);
    out.push({ si, frame, blame: blame.out, harm: harm.out });
    if (found.length > 0) d.lastSpeakers = found;
  }
  return out;
}

/** What the rules alone find: one accusation per (accuser, accused) pair, first one kept. */
export function ruleAccusations(frames: readonly FrameOutcome[]): Accusation[] {
  const seen = new Set<string>();
  const out: Accusation[] = [];
  for (const f of frames) {
    for (const x of [...f.blame, ...f.harm]) {
      const key = `${x.accuser}>${x.accused}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(x);
    }
  }
  return out;
}

/** Accusations in an article, one per (accuser, accused) pair, in order of appearance. */
export function findAccusations(a: ArticleAnalysis, ctx: ArticleContext = {}): Accusation[] {
  return scoredAccusations(accusationFrames(a, ctx), ACCUSATION_MODEL);
}
