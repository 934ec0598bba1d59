// Route 1 of the accusations: an explicit verb of blame ("X accused Y of", "X condemned Y",
// "blaming Y for", "Y was accused by X"), mutual blame ("traded accusations") and rejected calls
// ("the US rejected calls by X to halt the bombing").

import type { Actor } from '../domain/claims.ts';
import type { AccusationSink, SentenceFrame } from './accusation-frame.ts';
import { ACCUSE_RE, allied, HARM_RE, TERROR_LABELLED } from './accusation-patterns.ts';
import { resolveGeneric } from './actor-context.ts';
import type { ActorHit } from './actors.ts';
import { harmAgents, isAgent } from './agents.ts';
import {
  allegationFrom,
  blameAllegation,
  cleanPhrase,
  harmAllegation,
  quoteOf,
} from './allegation.ts';
import { allMatches } from './regex.ts';
import { type Speaker, sentenceSubject } from './speakers.ts';

// Between a verb of blame and its object: a few words, "the attack on", "the government of".
const OBJECT_GAP_RE =
  /^\s*["“‘']?\s*(?:(?!\w+ing\b)[\w'’-]+\s+){0,4}(?:(?:on|at)\s+(?:the\s+)?)?(?:(?:government|forces|regime|troops|militias?|allies|army)\s+(?:of|loyal\s+to)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2})?["“‘']?$/;
// "blamed the August 21 gas attack on rebel forces": the thing blamed can be longer.
// "... blamed the delay partly on the fact that a smaller number of pro-government fighters left".
const BLAME_ON_GAP_RE =
  /^\s*(?:[\w'’-]+\s+){1,7}on\s+(?:the\s+fact\s+that\s+)?(?:(?:the|a|an)\s+)?(?:(?:[a-z][\w-]*\s+){1,3}of\s+)?["“‘']?$/;
// "attributed the bombing to the YPG".
const ATTRIBUTED_TO_GAP_RE = /^\s*(?:[\w'’-]+\s+){1,7}to\s+(?:(?:the|a|an)\s+)?["“‘']?$/;
// What "blamed X on Y" / "attributed X to Y" lays on Y: X, unless it points back ("blamed it on").
const THING_BLAMED_RE =
  /^\s*(?!\s)(?!(?:it|this|that|them|these|those)\b)(.+?)\s+(?:\w+ly\s+)?(?:on|to)\s+(?:the\s+fact\s+that\s+)?(?:(?:the|a|an)\s+)?(?:(?:[a-z][\w-]*\s+){1,3}of\s+)?["“‘']?$/i;
const MUTUAL_BLAME_RE =
  /\b(?:have\s+|has\s+)?(?:traded|exchanged)\s+(?:accusations|blame)|\b(?:blamed|accused|blame|accuse)\s+(?:each\s+other|one\s+another)\b/i;
const REJECTED_CALLS_RE =
  /\b(?:rejected|rejects|rejecting|dismissed|ignored|ignores|ignoring|brushed\s+aside)\s+(?:the\s+|repeated\s+)?(?:calls?|demands?|appeals?|requests?)\s+(?:by|from)\s+/i;
const THIS_CRIME_RE =
  /^\s+(?:this|these|that|those|the|today's|yesterday's|what\s+(?:it|they|he|she)\s+(?:said|says|called|calls|described\s+as)\s+(?:was|were|is|are)?\s*(?:a|an|the)?)\s+["“]?(?:\w+\s+){0,2}(?:attacks?|crimes?|massacres?|bombings?|strikes?|airstrikes?|shelling|assaults?|atrocit\w+|killings?|raids?|bombardments?)\b/i;
const ANAPHORIC_CRIME_RE = /^\s+(?:this|these|that|those)\s/i;
// "The UN condemned the air strikes": "the" points back only to harm told just before.
const DEFINITE_CRIME_RE = /^\s+the\s/i;
const RECENT_AGENT = 2;
// The agent of a passive verb of blame later in its clause; "areas held by rebels" is not it.
const LATER_BY_RE =
  /^\s+(?:of|for)\s+[^.;]{0,80}?(?<!\b(?:held|controlled|run|led|backed|occupied|besieged|seized|captured|used|carried\s+out|committed|launched|supported|funded|armed|\w+ed))\s+by\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}$/i;
// "The government and its ally Russia have blamed": the ally blames with it.
// "The Syrian National Coalition of Revolutionary and Opposition Forces as well as a number of
// Western states accused": the rest of the first name, and a quantity before the second.
const COACCUSER_GAP_RE =
  /^\s*(?:(?:of|for)\s+(?:(?:[A-Z][\w'’-]*|and|the)\s+){1,6})?(?:,\s*)?(?:and\s+|as\s+well\s+as\s+|-?\s*(?:along|together)\s+with\s+)?(?:the\s+|(?:its|their)\s+(?:[\w-]+\s+){0,2}|(?:a\s+number\s+of|several|some|other|many)\s+)?$/;
const CO_AFTER_GAP_RE =
  /^\s*(?:-\s*)?(?:(?:along|together)\s+with|(?:has\s+|have\s+)?joined)\s+(?:the\s+|its\s+(?:[\w-]+\s+){0,2})?$/i;
// What may follow such a name before the verb: "- have", "in", another joined name.
const JOINED_TAIL_RE =
  /^\s*(?:-\s*)?(?:(?:has|have|had|also|both|all|\w+ly)\s+){0,3}(?:in\s+)?$|^\s*(?:-\s*)?(?:along|together)\s+with\b|^\s+and\b/i;
const LIST_GAP_RE = /^\s*(?:,\s*)?(?:and\s+|or\s+|as\s+well\s+as\s+)?(?:the\s+)?$/i;
const NEGATED_RE = /\b(?:never|not|n't|refused\s+to|declined\s+to|without)\b[^.]{0,50}$/i;

/** "The Syrian regime and rebels have traded accusations": blame runs both ways. */
function mutualBlame(f: SentenceFrame, sink: AccusationSink): void {
  const { s, hits } = f;
  const mutual = MUTUAL_BLAME_RE.exec(s);
  if (!mutual) return;
  const [a, b] = hits.filter((h) => h.end <= mutual.index && !h.generic).slice(-2);
  if (!a || !b || a.actor === b.actor) return;
  const end = mutual.index + mutual[0].length;
  const quote = quoteOf(s, a.index, end);
  sink.add(s, a, b.actor, b, allegationFrom(s, end), quote);
  sink.add(s, b, a.actor, a, allegationFrom(s, end), quote);
}

/** "The US has rejected calls by Syrian opposition figures to halt the bombings". */
function rejectedCalls(f: SentenceFrame, sink: AccusationSink): void {
  const { s, hits } = f;
  const rejected = REJECTED_CALLS_RE.exec(s);
  if (!rejected || !HARM_RE.test(s.slice(rejected.index))) return;
  const ri = rejected.index;
  const re = ri + rejected[0].length;
  // The callers blame the party that rejects them.
  const target = [...hits].reverse().find((h) => h.end <= ri && !h.generic) ?? null;
  const caller = hits.find((h) => h.index >= re && h.index - re < 40 && !h.generic) ?? null;
  if (!target || !caller) return;
  const quote = quoteOf(s, target.index, caller.end);
  const allegation =
    cleanPhrase(`rejecting calls ${s.slice(caller.end)}`) || 'rejecting calls to stop';
  sink.add(s, caller, target.actor, target, allegation, quote);
}

interface BlameVerb {
  vi: number;
  ve: number;
  verb: string;
  /** Actors before the verb (not generic) and after it (within reach, not its speaker). */
  beforeHits: ActorHit[];
  afterHits: ActorHit[];
}

interface Parties {
  accuser: Speaker | null;
  accused: ActorHit | null;
  /** Other parties blamed with the accused ("X and its Russian ally have been criticised"). */
  also?: ActorHit[];
}

/** The names joined to the accused before a passive verb of blame. */
function coordinatedBefore(s: string, v: BlameVerb): ActorHit[] {
  const out: ActorHit[] = [];
  for (let i = v.beforeHits.length - 1; i > 0; i--) {
    const h = v.beforeHits[i];
    const prev = v.beforeHits[i - 1];
    if (!h || !prev) break;
    const gap = s.slice(prev.end, h.index);
    const joined =
      /^\s*(?:forces\s+|troops\s+)?(?:,\s*)?(?:and|as\s+well\s+as)\s+(?:the\s+|its\s+|their\s+)?(?:\w+\s+)?$/i;
    if (!joined.test(gap)) break;
    out.push(prev);
  }
  return out;
}

/** "Y was accused (by X) of ...": the accused before the verb, the accuser after "by". */
function passiveParties(f: SentenceFrame, v: BlameVerb): Parties {
  const { s } = f;
  const accused = v.beforeHits[v.beforeHits.length - 1] ?? null;
  const by = /^\s+by\s+/i.exec(s.slice(v.ve));
  if (by) return { accused, accuser: v.afterHits[0] ?? null, also: coordinatedBefore(s, v) };
  // "has been accused of committing war crimes by insurgent groups": the agent comes later.
  const laterBy = v.afterHits.find(
    (h) =>
      !h.generic &&
      LATER_BY_RE.test(s.slice(v.ve, h.index)) &&
      !/[.;:]/.test(s.slice(v.ve, h.index)),
  );
  return { accused, accuser: laterBy ?? f.speaker };
}

/** Who blames in an active clause: its speaker, its subject or the sentence's subject. */
function activeAccuser(f: SentenceFrame, v: BlameVerb): Speaker | null {
  const { s, hits, speaker } = f;
  const { vi, ve, verb } = v;
  // "X said ..., blaming it for" / "Putin, an ally of Assad, ... accused rebels": the clause's
  // speaker is the accuser; otherwise the nearest actor before the verb.
  const participle = /ing$/.test(verb);
  // In "ministers who blamed", the relative pronoun's antecedent is the subject; a name further
  // back ("Saudi Arabia ... with European ministers who blamed") is not.
  const near = v.beforeHits[v.beforeHits.length - 1] ?? null;
  const relative = /\b(?:who|which|that)\s+(?:\w+\s+)?$/i.test(s.slice(Math.max(0, vi - 25), vi));
  const subject =
    near && (!relative || /^\s*,?\s*(?:who|which|that)\b/i.test(s.slice(near.end, vi)))
      ? near
      : null;
  const speakerBefore = speaker && (speaker.end === 0 || speaker.index < vi) ? speaker : null;
  // "Russia has been Assad's backer ... blocking resolutions in the Security Council and blaming
  // the attack on rebels": a participle's subject is the sentence's subject.
  const main = participle ? sentenceSubject(s, hits)?.hit : undefined;
  const clauseSubject = main && main.end <= vi ? main : subject;
  let accuser =
    speakerBefore && (participle || speakerBefore.end > 0) ? speakerBefore : clauseSubject;
  // "Western countries say ... and Washington has accused Moscow": a finite verb's own subject
  // right before it blames, not the sentence's speaker.
  if (
    !participle &&
    subject &&
    speakerBefore &&
    subject.index > speakerBefore.index &&
    /^\s*(?:(?:has|have|had|also|again|repeatedly|\w+ly)\s+){0,3}$/i.test(s.slice(subject.end, vi))
  ) {
    accuser = subject;
  }
  accuser ??= speakerBefore;
  // Headline "Blaming Assad Trump says ...": the clause's speaker follows the participle.
  if (!accuser && participle && /^\W*$/.test(s.slice(0, vi))) accuser = speaker;
  // "an attack blamed on Daesh killed 26 people, the Observatory said".
  if (!accuser && /^blam/.test(verb) && /^\s+on\b/i.test(s.slice(ve))) accuser = speaker;
  return accuser;
}

/** The object of an active verb of blame: only a few words may separate them. */
function activeAccused(f: SentenceFrame, v: BlameVerb, accuser: Speaker | null): ActorHit | null {
  const { s, hits, info } = f;
  const { vi, ve, verb } = v;
  const object = v.afterHits.find(
    (h) =>
      h.actor !== accuser?.actor &&
      resolveGeneric(h, accuser?.actor ?? null, info) !== null &&
      (OBJECT_GAP_RE.test(s.slice(ve, h.index)) ||
        (/^blam/.test(verb) && BLAME_ON_GAP_RE.test(s.slice(ve, h.index))) ||
        (/^attribut/.test(verb) && ATTRIBUTED_TO_GAP_RE.test(s.slice(ve, h.index)))),
  );
  if (object) return object;
  // "blaming it for killing ..." / "accused them of": the pronoun points back.
  if (/^\s+(?:it|them|him|her)\b/i.test(s.slice(ve))) {
    const back = [...hits]
      .reverse()
      .find((h) => h.end <= vi && h.actor !== accuser?.actor && !h.generic);
    if (back) return back;
  }
  // "condemned the massacre committed by Russian aircraft": the agent later in the sentence.
  if (!THIS_CRIME_RE.test(s.slice(ve))) return null;
  return (
    v.afterHits.find((h) => !h.generic && h.actor !== accuser?.actor && isAgent(s, h)) ??
    // "The Syrian Coalition condemned this heinous crime": the perpetrator named before.
    (ANAPHORIC_CRIME_RE.test(s.slice(ve)) ||
    (DEFINITE_CRIME_RE.test(s.slice(ve)) && f.lastAgentAge <= RECENT_AGENT)
      ? f.lastAgent
      : null)
  );
}

function blameVerbAt(f: SentenceFrame, m: RegExpExecArray): BlameVerb | null {
  const { s, hits, found } = f;
  const vi = m.index;
  const ve = vi + m[0].length;
  const verb = m[0].toLowerCase();
  // "held": only "held X responsible".
  if (
    /^(?:held|holds?|holding)$/.test(verb) &&
    !/^\s+\S+(?:\s+\S+){0,3}\s+responsible/i.test(s.slice(ve))
  ) {
    return null;
  }
  if (NEGATED_RE.test(s.slice(Math.max(0, vi - 60), vi))) return null;
  const isSpeakerHit = (h: ActorHit): boolean => found.includes(h) && h.index > ve;
  return {
    vi,
    ve,
    verb,
    beforeHits: hits.filter((h) => h.end <= vi && !h.generic),
    afterHits: hits.filter((h) => h.index >= ve && h.index - ve < 90 && !isSpeakerHit(h)),
  };
}

/** "The United States France and Britain all pointed the finger at Assad": every accuser. */
function coAccusers(f: SentenceFrame, accuser: Speaker, vi: number): ActorHit[] {
  // "Assad's regime and Russia have accused rebels": every named speaker of the verb.
  const co: ActorHit[] = f.found.filter((h) => h !== accuser && h.end <= vi);
  if (accuser.end === 0) return co;
  let first: Speaker = accuser;
  for (let i = f.hits.indexOf(accuser as ActorHit) - 1; i >= 0; i--) {
    const h = f.hits[i];
    if (!h || h.generic || !COACCUSER_GAP_RE.test(f.s.slice(h.end, first.index))) break;
    if (!co.includes(h)) co.push(h);
    first = h;
  }
  // "Russia along with Syria accused", "Iran joined Russia in accusing": the names joined to
  // the accuser between it and the verb blame with it.
  let last: Speaker = accuser;
  for (const h of f.hits.slice(f.hits.indexOf(accuser as ActorHit) + 1)) {
    if (h.end > vi || h.generic || !CO_AFTER_GAP_RE.test(f.s.slice(last.end, h.index))) break;
    if (!JOINED_TAIL_RE.test(f.s.slice(h.end, vi))) break;
    if (!co.includes(h)) co.push(h);
    last = h;
  }
  return co;
}

function blameOne(f: SentenceFrame, sink: AccusationSink, v: BlameVerb): void {
  const { s, hits, info } = f;
  const passive =
    /\b(?:was|were|been|being|is|are)\s+$/i.test(s.slice(0, v.vi)) ||
    /^\s+by\b/i.test(s.slice(v.ve));
  let parties: Parties;
  if (passive) parties = passiveParties(f, v);
  else {
    const accuser = activeAccuser(f, v);
    parties = { accuser, accused: activeAccused(f, v, accuser) };
  }
  const { accuser, accused } = parties;
  if (!accuser || !accused) return;
  if (/^accusations?$/.test(v.verb) && f.denial && f.denialAt < v.ve) return;
  const accusedActor: Actor | null = resolveGeneric(accused, accuser.actor, info);
  if (!accusedActor) return;
  const laid =
    /^(?:blam|attribut)/.test(v.verb) && accused.index > v.ve
      ? THING_BLAMED_RE.exec(s.slice(v.ve, accused.index))?.[1]
      : undefined;
  const allegation = (laid ? cleanPhrase(laid) : '') || blameAllegation(s, accused.end, f.before);
  const qs = Math.min(accuser.end > 0 ? accuser.index : v.vi, v.vi, accused.index);
  sink.add(s, accuser, accusedActor, accused, allegation, quoteOf(s, qs, accused.end));
  for (const other of parties.also ?? []) {
    const actor = resolveGeneric(other, accuser.actor, info);
    if (actor) sink.add(s, accuser, actor, other, allegation, quoteOf(s, qs, accused.end));
  }
  for (const c of passive ? [] : coAccusers(f, accuser, v.vi)) {
    sink.add(s, c, accusedActor, accused, allegation, quoteOf(s, c.index, accused.end));
  }
  // "accuse the USA, Turkey and Saudi Arabia of orchestrating": every listed party.
  let last = accused;
  for (const h of hits) {
    if (h.index < last.end) continue;
    if (!LIST_GAP_RE.test(s.slice(last.end, h.index))) break;
    const listed = resolveGeneric(h, accuser.actor, info);
    if (listed) sink.add(s, accuser, listed, h, allegation, quoteOf(s, qs, h.end));
    last = h;
  }
  // "condemned the crimes committed by the Assad regime and its allies as well as by ISIS",
  // "holds Russia responsible for its war crimes and the Assad regime's use of chemical
  // weapons": the agents of the harm blamed are blamed too.
  const agents = harmAgents(s, hits);
  for (const h of hits) {
    if (h.index < accused.end || !agents.has(h) || f.found.includes(h)) continue;
    const actor = resolveGeneric(h, accuser.actor, info);
    if (actor && !allied(accuser.actor, actor)) {
      sink.add(s, accuser, actor, h, allegation, quoteOf(s, qs, h.end));
    }
  }
}

// "described the attack as an aggression", "dismisses the observatory's reporting as biased":
// calling a party's act or word a crime or a lie.
const DESCRIBED_AS_RE =
  /\b(?:described|describes|describing|termed|terms|called|calls|calling|labell?ed|branded|dismiss(?:ed|es|ing))\s+((?:the|this|that|these|those|its|their|his|her|what)\b[^.;]{0,60}?)\s+(?:as\s+(?:an?\s+|the\s+)?|an?\s+)(?:[\w-]+\s+){0,3}?(?:crimes?|aggression|massacres?|terroris[tm]\w*|lies|biased|propaganda|fabricat\w+|false|fake|violations?|atrocit\w+|barbar\w+|genocide|illegal|provocation|murder|cover-?up|unacceptable|blatant)\b/i;
// "The deaths ... prompted criticism from Western countries": the critics blame the agents.
const CRITICISM_FROM_RE =
  /\b(?:criticism|condemnation|outrage|censure|accusations?|anger|protests?|backlash)\s+(?:from|by)\s+/i;
// "is considered a terrorist group by the Syrian government and Russia".
const TERROR_DESIGNATED_RE =
  /\b(?:considered|labell?ed|branded|regarded|deemed)\s+(?:as\s+)?(?:an?\s+)?["“]?(?:\w+\s+){0,2}?(?:terrorist|terror)\s+(?:organi[sz]ation|group|outfit|entity)["”]?\s+by\s+/i;
const ANAPHORIC_ACT_RE =
  /^(?:the|this|that|these|those|its|their)\s+(?:\w+\s+)?(?:attacks?|incident|strikes?|raids?|bombings?|massacre|shelling|killings?|operation|crime|act)\b/i;

/**
 * "X described the attack as aggression", "X dismisses Y's reporting as biased", "X called the
 * coalition strike a flagrant violation of international law".
 */
function describedAs(f: SentenceFrame, sink: AccusationSink): void {
  const { s, hits, info } = f;
  const m = DESCRIBED_AS_RE.exec(s);
  if (!m) return;
  const objectAt = m.index + m[0].indexOf(m[1] ?? '');
  const objectEnd = objectAt + (m[1]?.length ?? 0);
  // "called the strike a flagrant violation": "as" may go but for "described" and "dismissed".
  const as = /^\s+as\s+/i.exec(s.slice(objectEnd));
  if (!as && /^(?:describ|dismiss)/i.test(m[0])) return;
  const before = hits.filter((h) => !h.generic && h.end <= m.index);
  const accuser = before[before.length - 1] ?? f.speaker;
  if (!accuser) return;
  const named = hits.find((h) => h.index >= objectAt && h.end <= objectEnd && h !== accuser);
  const accused = named ?? (ANAPHORIC_ACT_RE.test(m[1] ?? '') ? f.lastAgent : null);
  if (!accused) return;
  const actor = resolveGeneric(accused, accuser.actor, info);
  if (!actor || allied(accuser.actor, actor)) return;
  const at = named ?? { ...accused, index: objectAt, end: objectEnd };
  sink.add(
    s,
    accuser,
    actor,
    at,
    cleanPhrase(s.slice(objectEnd + (as?.[0].length ?? 0))) || 'a crime',
    quoteOf(s, m.index, m.index + m[0].length),
  );
}

/** "The strikes by X and Y prompted criticism from Western countries and rights groups". */
function criticismFrom(f: SentenceFrame, sink: AccusationSink): void {
  const { s, hits, info } = f;
  const m = CRITICISM_FROM_RE.exec(s);
  if (!m) return;
  const from = m.index + m[0].length;
  const critics: ActorHit[] = [];
  let last = from;
  for (const h of hits) {
    if (h.index < from) continue;
    if (
      !/^\s*(?:(?:,\s*)?(?:and|as\s+well\s+as)\s+)?(?:the\s+)?(?:[a-z][\w-]*\s+){0,2}$/i.test(
        s.slice(last, h.index),
      )
    )
      break;
    if (!h.generic) critics.push(h);
    last = h.end;
  }
  const agents = [...harmAgents(s, hits)].filter((h) => !critics.includes(h));
  // No agent named: the owner of what drew the outcry ("Obama's announcement drew protests
  // from ..."), else the agent of harm named just before ("The deaths prompted outrage from ...").
  if (agents.length === 0) {
    const owner = outcryOwner(s, hits, m.index);
    const last = f.lastAgentAge <= 2 ? f.lastAgent : null;
    const target = owner ?? (last ? { ...last, index: m.index, end: m.index } : null);
    if (target) agents.push(target);
  }
  // "criticism from X that the attacks violate its sovereignty": what the critics say.
  const said = /^\s*that\s+(.+)$/is.exec(s.slice(last))?.[1];
  const saidPhrase = said ? cleanPhrase(said) : '';
  for (const critic of critics) {
    for (const h of agents) {
      const actor = resolveGeneric(h, critic.actor, info);
      if (!actor || actor === critic.actor || allied(critic.actor, actor)) continue;
      const owned = OWNED_ACT_RE.exec(s.slice(h.end, h.end + 40))?.[0];
      const allegation =
        saidPhrase ||
        (owned ? cleanPhrase(owned.replace(/^(?:'s|’s|s)?\s+/, '')) : '') ||
        harmAllegation(s, h.end, { before: f.before });
      const qs = Math.min(h.index, m.index);
      sink.add(s, critic, actor, h, allegation, quoteOf(s, qs, critic.end));
    }
  }
}

// "Obama's announcement", "Russia's decision": a party owning the act that drew the outcry.
const OWNED_ACT_RE =
  /^(?:'s|’s|s)?\s+(?:[a-z][\w-]*\s+)?(?:announcement|decision|move|plan|policy|statement|remarks|comments|veto|intervention|deployment|operation|campaign|strikes?|raids?)\b/;

/** The party whose act drew the outcry, named as its owner before the outcry's verb. */
function outcryOwner(s: string, hits: readonly ActorHit[], at: number): ActorHit | null {
  return (
    hits.find((h) => !h.generic && h.end <= at && OWNED_ACT_RE.test(s.slice(h.end, h.end + 40))) ??
    null
  );
}

// "rebel allegations that the regime used chemical weapons", "Russia's claims that ...".
const ALLEGATION_THAT_RE =
  /^(?:'s|’s|s')?\s+(?:(?:repeated|new|earlier)\s+)?(?:allegations?|accusations?|claims?|charges?)\s+that\s+/i;

/** A party's allegation that another did harm: the party accuses the agent of the harm. */
function allegationThat(f: SentenceFrame, sink: AccusationSink): void {
  const { s, hits, info } = f;
  for (const [i, h] of hits.entries()) {
    const m = h.generic ? null : ALLEGATION_THAT_RE.exec(s.slice(h.end));
    if (!m) continue;
    const from = h.end + m[0].length;
    const agent = hits
      .slice(i + 1)
      .find((x) => x.index >= from && x.index - from < 40 && isAgent(s, x));
    const actor = agent ? resolveGeneric(agent, h.actor, info) : null;
    if (!agent || !actor || allied(h.actor, actor)) continue;
    sink.add(
      s,
      h,
      actor,
      agent,
      harmAllegation(s, agent.end, { before: f.before }),
      quoteOf(s, h.index, agent.end),
    );
  }
}

/** "Jaish al-Islam is considered a terrorist group by the Syrian government and Russia". */
function terrorDesignation(f: SentenceFrame, sink: AccusationSink): void {
  const { s, hits, info } = f;
  const m = TERROR_DESIGNATED_RE.exec(s);
  if (!m) return;
  const by = m.index + m[0].length;
  // The sentence's subject is designated ("Jaish al-Islam like the al-Qaida affiliate is
  // considered ..."); only groups whose status is contested make it news.
  const designated = hits.find((h) => h.end <= m.index && !h.generic);
  if (!designated || !TERROR_LABELLED.has(designated.actor)) return;
  let last = by;
  for (const h of hits) {
    if (h.index < by) continue;
    if (
      !/^\s*(?:(?:,\s*)?and\s+)?(?:the\s+)?(?:[a-z][\w-]*\s+){0,2}$/i.test(s.slice(last, h.index))
    )
      break;
    last = h.end;
    const actor = resolveGeneric(designated, h.actor, info);
    if (!h.generic && actor) {
      sink.add(
        s,
        h,
        actor,
        designated,
        'being a terrorist group',
        quoteOf(s, designated.index, h.end),
      );
    }
  }
}

// "Turkish Army killed 25 YPG fighters calling them terrorists".
const CALLING_THEM_RE =
  /\b(?:calling|describing|labell?ing|branding)\s+them\s+["“]?(?:terrorists?|terror\s+\w+)\b/i;

/** An agent who calls its victims terrorists accuses them of being terrorists. */
function callingThem(f: SentenceFrame, sink: AccusationSink): void {
  const { s, hits, info } = f;
  const m = CALLING_THEM_RE.exec(s);
  if (!m) return;
  const before = hits.filter((h) => h.end <= m.index && !h.generic);
  const caller = before[0];
  const called = before[before.length - 1];
  if (!caller || !called || caller === called) return;
  const actor = resolveGeneric(called, caller.actor, info);
  if (!actor || !TERROR_LABELLED.has(actor)) return;
  sink.add(
    s,
    caller,
    actor,
    called,
    'being terrorists',
    quoteOf(s, caller.index, m.index + m[0].length),
  );
}

/** Every explicit accusation of one sentence into `sink`. */
export function explicitBlame(f: SentenceFrame, sink: AccusationSink): void {
  mutualBlame(f, sink);
  rejectedCalls(f, sink);
  describedAs(f, sink);
  criticismFrom(f, sink);
  terrorDesignation(f, sink);
  callingThem(f, sink);
  allegationThat(f, sink);
  for (const m of allMatches(ACCUSE_RE, f.s)) {
    const v = blameVerbAt(f, m);
    if (v) blameOne(f, sink, v);
  }
}
