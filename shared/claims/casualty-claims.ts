// Casualty figures of an article: each sentence's figures (casualties.ts) with who states them,
// where, when (stated, relative to the publication date, or the publication date itself) and who
// carried out the harm when the text names them, then merged across the article
// (figure-merge.ts).

import type { Actor, ArticleContext, CasualtyFigure } from '../domain/claims.ts';
import { AGENTLESS_HARM_RE, allied, LISTENER_BEFORE_RE } from './accusation-patterns.ts';
import { outletParty, resolveGeneric } from './actor-context.ts';
import { type ActorHit, sourceName } from './actors.ts';
import { harmAgents } from './agents.ts';
import { quoteOf } from './allegation.ts';
import type { ArticleAnalysis } from './article-analysis.ts';
import {
  figuresInSentence,
  inheritVictims,
  isBackgroundSentence,
  type RawFigure,
} from './casualties.ts';
import { findDateHit } from './dates.ts';
import { merge, type Occurrence } from './figure-merge.ts';
import { findPlace } from './places.ts';
import { allMatches } from './regex.ts';
import { isHeadlineJunk, restatedHeadlineEnd, type Sentence } from './sentences.ts';
import { ARMED_PARTIES, victimSideOf } from './victim-side.ts';

// Attribution of a figure: "according to X", "X said", "said X", "X reported".
const ATTRIBUTION_AFTER_RE =
  /^[\s,()]*(?:[\w'’.-]+[\s,()]+){0,6}?(?:said|says|reported|reports|stated|claimed|told|added|noted|documented|recorded|counted|estimated|confirmed|announced|put\s+the|gave|toll)\b/i;
// "according to X", "figures provided by X": X is the source wherever the clause goes on.
const ATTRIBUTION_BEFORE_RE =
  /\b(?:according\s+to|citing|provided\s+by|figures\s+(?:from|by)|toll\s+(?:by|from)|statement\s+(?:by|from)|report\s+(?:by|from))(?:\s+(?:numbers|figures|data|a\s+statement|a\s+report)\s+(?:provided\s+by|from|by|of))?\s+(?:(?:the|a|an)\s+)?(?:[\w'’-]+\s+){0,2}$/i;
// "..., said the Syrian Observatory." X after the verb only when the clause ends with it.
const SAID_BEFORE_RE =
  /\b(?:said|says|reported|added)\s+(?:(?:the|a|an)\s+)?(?:[A-Z][\w'’.-]*\s+){0,2}$/;
// "... told Reuters": who heard it, the source only when the sentence names no speaker (an
// unnamed activist's account is Reuters' to vouch for; "a source at the Police Command told
// SANA" is the police's).
const CLAUSE_END_RE =
  /^\s*(?:$|[,.;:)"”’]|(?:on|in|at|late|early|last|this|today|yesterday|which|who|that|citing|adding|director|head|chief|spokes\w+|of\s+the)\b)/i;
const PRONOUN_ATTRIBUTION_RE =
  /\b(?:he|she|it|they|the\s+(?:diplomat|minister|ministry|spokesman|spokeswoman|official|statement|general|envoy|agency|group|monitor|observatory|report))\s+(?:also\s+)?(?:said|says|added|noted|told|stressed)\b/i;
// A sentence that is one quotation and nothing else: no attribution of its own.
const WHOLLY_QUOTED_RE = /^\s*["“][^"“”]{10,}["”]\s*[.!?]?\s*$|^\s*["“][^"“”]{10,}[.!?]["”]\s*$/;
// After an actor, words that make it the one who struck ("US-led coalition strikes near Raqqa -
// reports"), not the one who reports.
const PERPETRATOR_AFTER_RE =
  /^\s*(?:-?led|-?backed|(?:air\s*|missile\s+)?strikes?|airstrikes?|air\s+raids?|raids?|warplanes?|jets|aircraft|drones?|shelling|bombardments?|bombing|bombs?|attacks?|missiles?)\b/i;
// Actors that can be the source of a figure (not e.g. a victim group).
const NOT_SOURCES = new Set(['isis', 'nusra', 'rebels']);
const PLACE_PHRASE_AFTER_RE = /^\s+(?:in|at|on|near|across|around|over|from|inside)\s/i;

function attribution(sentence: string, hits: ActorHit[]): ActorHit | null {
  // Headline "Russia: US-led strike killed 62 Syrian troops".
  const first = hits[0];
  if (first && first.index < 3 && /^\s*:/.test(sentence.slice(first.end))) return first;
  let listener: ActorHit | null = null;
  for (const h of hits) {
    if (h.generic) continue;
    const before = sentence.slice(Math.max(0, h.index - 70), h.index);
    if (ATTRIBUTION_BEFORE_RE.test(before)) return h;
    if (!CLAUSE_END_RE.test(sentence.slice(h.end))) continue;
    if (SAID_BEFORE_RE.test(before)) return h;
    if (LISTENER_BEFORE_RE.test(before)) listener ??= h;
  }
  for (const [i, h] of hits.entries()) {
    if (h.generic || NOT_SOURCES.has(h.actor)) continue;
    const after = sentence.slice(h.end, h.end + 80);
    const verb = ATTRIBUTION_AFTER_RE.exec(after);
    if (!verb || PERPETRATOR_AFTER_RE.test(after)) continue;
    // "killed in strikes by coalition warplanes in the same areas the military said": past a
    // phrase of place, a name nearer the verb is its subject.
    const next = hits[i + 1];
    if (next && next.index < h.end + verb[0].length && PLACE_PHRASE_AFTER_RE.test(after)) continue;
    if (h !== listener) return h;
  }
  return listener;
}

interface Perpetrator {
  /** Null when the name is generic and the text does not say whose ("terrorist groups"). */
  actor: Actor | null;
  name: string;
}

// Where one clause of a sentence ends and another begins: "The rebel barrage killed 10 people
// while government air strikes killed 82".
const CLAUSE_BREAK_RE =
  /[;:]|\s[-–—]\s|\b(?:while|whereas|but|meanwhile|and\s+(?:in|on)\s+[A-Z])\b/g;

/** The part of the sentence that holds offset `at`, between clause breaks. */
function clauseAround(sentence: string, at: number): [number, number] {
  let start = 0;
  let end = sentence.length;
  for (const m of allMatches(CLAUSE_BREAK_RE, sentence)) {
    if (m.index < at) start = m.index + m[0].length;
    else if (m.index < end) {
      end = m.index;
      break;
    }
  }
  return [start, end];
}

/** The party doing the harm a figure counts, when its clause names one and only one side. */
function perpetratorOf(
  sentence: string,
  hits: ActorHit[],
  speaker: Actor | null,
  a: ArticleAnalysis,
  numberAt: number,
): Perpetrator | null {
  const [from, to] = clauseAround(sentence, numberAt);
  const agents = [...harmAgents(sentence, hits)]
    .filter((h) => (h.actor !== speaker || h.generic) && h.index >= from && h.end <= to)
    .sort((x, y) => x.index - y.index);
  const first = agents[0];
  if (!first) return null;
  const actors = agents.map((h) => resolveGeneric(h, speaker, a.info));
  const actor = actors[0] ?? null;
  // "mutual shelling between regime forces and IS": the text does not say whose figure it is.
  if (actors.some((x) => x !== null && actor !== null && x !== actor && !allied(x, actor))) {
    return null;
  }
  // "Syrian government and Russian warplanes": the coordinated names together.
  let end = first.end;
  for (const h of agents.slice(1)) {
    if (!COORDINATED_GAP_RE.test(sentence.slice(end, h.index))) break;
    end = h.end;
  }
  const name = sentence
    .slice(first.index, end)
    .replace(/^the\s+/i, '')
    .replace(/(?:'s|’s|s')$/, '');
  return { actor, name };
}

function namesAgent(sentence: string, hits: ActorHit[]): boolean {
  return harmAgents(sentence, hits).size > 0;
}

const COORDINATED_GAP_RE = /^\s*(?:,\s*|\s+and\s+|\s*-\s*along\s+with\s+)(?:the\s+)?$/i;

const LIST_GAP_RE = /^[\s,;]*(?:and\s+|as\s+well\s+as\s+)?$/i;

// Words that tell a figure as another incident than one told before.
const DISTINCT_RE =
  /\b(?:also|another|other|more(?!\s+than)|further|additional|separate|similar|elsewhere|as\s+well)\b/i;

// "A second rocket attack hit a house killing three brothers": the sentence tells another incident.
const ORDINAL_INCIDENT_RE =
  /\b(?:second|third|fourth|fifth|separate)\s+(?:[\w-]+\s+)?(?:attack|strike|airstrike|raid|blast|explosion|bombing|shelling|incident)s?\b/i;

const MORE_AFTER_RE = /^\S+\s+more\s+(?!than\b)[a-z]/i;

interface SentenceContext {
  si: number;
  sent: Sentence;
  source: string | null;
  speaker: Actor | null;
  background: boolean;
  /** The perpetrator the sentence before named, for harm this one tells without one. */
  before: Perpetrator | null;
}

function occurrenceOf(
  a: ArticleAnalysis,
  ctx: ArticleContext,
  c: SentenceContext,
  f: RawFigure,
  victims: CasualtyFigure['victims'],
  victimSide: Actor | null,
): Occurrence {
  const text = c.sent.text;
  const dated = c.background ? null : findDateHit(text, a.referenceDate, f.numberStart);
  const published =
    !dated && !c.background && a.referenceDate ? a.referenceDate.slice(0, 10) : null;
  // "Coalition jets struck Manbij. At least 15 civilians were killed in the raids."
  const perpetrator =
    perpetratorOf(text, a.hits[c.si] ?? [], c.speaker, a, f.numberStart) ??
    (AGENTLESS_HARM_RE.test(text) && !namesAgent(text, a.hits[c.si] ?? []) ? c.before : null);
  return {
    figure: {
      count: f.count,
      max: f.max,
      outcome: f.outcome ?? 'killed',
      victims,
      victimSide,
      qualifier: f.qualifier,
      background: c.background || f.count >= 50_000,
      source: c.source ?? ctx.outlet ?? 'the outlet',
      place: findPlace(text, f.numberStart),
      date: dated?.iso ?? published,
      quote: quoteOf(text, f.start, f.end),
      perpetrator: perpetrator?.actor ?? null,
      perpetratorName: perpetrator?.name ?? null,
      subFigureOf: null,
      dateBasis: dated?.basis ?? (published ? 'published' : null),
    },
    // "two more people were killed": more than any figure told before, never a retelling of it.
    another: f.another || MORE_AFTER_RE.test(text.slice(f.numberStart, f.numberStart + 40)),
    bare: !f.hasHead,
    distinct:
      DISTINCT_RE.test(text.slice(Math.max(0, f.start - 40), f.end + 30)) ||
      ORDINAL_INCIDENT_RE.test(text.slice(0, f.start)),
    listed: false,
    others: f.inherit,
    pos: 0,
    headline: c.sent.line === 0,
    beforeDateline: restatedHeadlineEnd(text.trim(), f.end) > 0,
    fromBody: c.sent.line !== 0,
    sentence: c.si,
    last: c.si,
    partOf: null,
  };
}

/** The sides told so far in an article: of the figure just before, and the last per victims. */
interface SidesSeen {
  lastSide: Actor | null;
  byVictims: Map<CasualtyFigure['victims'], Actor>;
}

// "22 of the jihadists": a part of a group told before.
const OF_THE_RE = /^\s+of\s+(?:the|these|those)\s/i;

/**
 * Whose fighters or soldiers a figure counts (victim-side.ts), read in its own phrase up to the
 * next figure; "others" and a bare number ("4 YPG fighters were killed and 10 others wounded")
 * count the same side as the figure before them, and "22 of the jihadists" the side of the
 * last such victims told ("35 Islamic State jihadists were killed ...").
 */
function sideOfFigure(
  text: string,
  hits: ActorHit[],
  f: RawFigure,
  next: RawFigure | undefined,
  victims: CasualtyFigure['victims'],
  lastVictims: CasualtyFigure['victims'] | null,
  seen: SidesSeen,
): Actor | null {
  const to = Math.min(f.phraseEnd, next?.numberStart ?? f.phraseEnd);
  let side = victimSideOf(text, hits, victims, f.numberEnd, to);
  if (!side && (f.inherit || !f.hasHead) && victims === lastVictims) side = seen.lastSide;
  if (!side && OF_THE_RE.test(text.slice(f.numberEnd, to))) {
    side = seen.byVictims.get(victims) ?? null;
  }
  seen.lastSide = side;
  if (side) seen.byVictims.set(victims, side);
  return side;
}

// "the Turkish military said": a nationality the gazetteer names alone ("Turkish"), and the
// institution after it that speaks.
const NATIONALITY_RE = /^[A-Z][a-z]+(?:ish|ian|an|ese|i|ch)$/;
const INSTITUTION_AFTER_RE =
  /^\s+(?:military|army|armed\s+forces|general\s+staff|defen[cs]e\s+ministry|foreign\s+ministry|ministry|government|authorities|officials?|command|presidency|forces)\b/;

/** The source's name as the sentence gives it: "Turkish military", not "Turkish". */
function attributedName(sentence: string, hit: ActorHit): string {
  const name = sourceName(hit);
  if (!NATIONALITY_RE.test(name)) return name;
  const institution = INSTITUTION_AFTER_RE.exec(sentence.slice(hit.end));
  return institution ? `${name}${institution[0].replace(/\s+/g, ' ')}` : name;
}

/** An armed party named inside a figure's victim phrase: the victims' side, not a speaker. */
const inVictimPhrase = (raw: readonly RawFigure[], h: ActorHit): boolean =>
  ARMED_PARTIES.has(h.actor) && raw.some((f) => h.index >= f.numberEnd && h.index < f.phraseEnd);

/**
 * A source named by a bare common noun ("the army said") after a fuller name it heads ("the
 * Russian army said") is that one: the same speaker, told again the short way.
 */
function fullerName(name: string, named: readonly string[]): string {
  if (!/^[a-z][a-z-]*$/.test(name)) return name;
  const tail = ` ${name}`;
  return named.findLast((earlier) => earlier.toLowerCase().endsWith(tail)) ?? name;
}

/** Casualty figures stated in an analysed article, merged across its sentences. */
export function findCasualties(a: ArticleAnalysis, ctx: ArticleContext = {}): CasualtyFigure[] {
  const outlet = ctx.outlet ?? 'the outlet';
  const found: Occurrence[] = [];
  const byRaw = new Map<RawFigure, Occurrence>();
  const party = outletParty(ctx);
  let lastSource: string | null = null;
  let lastQuoted: string | null = null;
  const sourcesSeen: string[] = [];
  let lastVictims: CasualtyFigure['victims'] | null = null;
  const sides: SidesSeen = { lastSide: null, byVictims: new Map() };
  let before: Perpetrator | null = null;
  for (const [si, sent] of a.sentences.entries()) {
    const named = before;
    before = isHeadlineJunk(sent) ? null : perpetratorOf(sent.text, a.hits[si] ?? [], party, a, 0);
    const raw = isHeadlineJunk(sent) ? [] : figuresInSentence(sent.text);
    const hits = a.hits[si] ?? [];
    // "killed 4 YPG fighters near Kobane, the Observatory said": the victims' side is no speaker.
    const speakers = hits.filter((h) => !inVictimPhrase(raw, h));
    const attr = attribution(sent.text, speakers);
    const attrName = attr ? fullerName(attributedName(sent.text, attr), sourcesSeen) : null;
    if (attrName) sourcesSeen.push(attrName);
    let source = attrName;
    if (!source && lastSource && PRONOUN_ATTRIBUTION_RE.test(sent.text)) source = lastSource;
    // A sentence wholly in quotation marks after an attributed quotation goes on quoting its
    // speaker: '"... air strikes today," the army said. "Sixty-two soldiers were killed."'
    if (!source && lastQuoted && WHOLLY_QUOTED_RE.test(sent.text)) source = lastQuoted;
    if (attrName) lastSource = attrName;
    // The speaker a wholly quoted sentence after this one would go on quoting.
    const quotes = attrName !== null && /["“”]/.test(sent.text);
    lastQuoted = quotes ? attrName : source === lastQuoted ? source : null;
    if (raw.length === 0) continue;
    const c: SentenceContext = {
      si,
      sent,
      source,
      speaker: attr?.actor ?? party,
      background: isBackgroundSentence(sent.text),
      before: named,
    };
    for (const [i, f] of raw.entries()) {
      if (!f.outcome) continue;
      const victims: CasualtyFigure['victims'] =
        f.inherit && i === 0 && lastVictims ? inheritVictims(lastVictims) : f.victims;
      const side = sideOfFigure(sent.text, hits, f, raw[i + 1], victims, lastVictims, sides);
      const o = occurrenceOf(a, ctx, c, f, victims, side);
      o.pos = i;
      const prev = raw[i - 1];
      o.listed = prev !== undefined && LIST_GAP_RE.test(sent.text.slice(prev.phraseEnd, f.start));
      byRaw.set(f, o);
      found.push(o);
      lastVictims = victims;
    }
  }
  // After the loop: a part may come before its total ("Two medics were among 31 killed").
  for (const [f, o] of byRaw) o.partOf = f.partOf ? (byRaw.get(f.partOf) ?? null) : null;
  return merge(found, outlet);
}
