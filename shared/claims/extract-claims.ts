// Claim extraction: casualty figures and accusations from one article's text. Pure and
// synchronous; every regex is compiled at module load (see the sibling modules).

import type { ArticleContext, CasualtyFigure, ClaimSet } from '../domain/claims.ts';
import { findAccusations } from './accusations.ts';
import { type ActorHit, findActors, sourceName } from './actors.ts';
import { quoteOf } from './allegation.ts';
import { figuresInSentence, inheritVictims, isBackgroundSentence } from './casualties.ts';
import { findDate } from './dates.ts';
import { findPlace } from './places.ts';
import { isHeadlineJunk, type Sentence, splitSentences } from './sentences.ts';

export type { Accusation, ArticleContext, CasualtyFigure, ClaimSet } from '../domain/claims.ts';

// Attribution of a figure: "according to X", "X said", "said X", "X reported".
const ATTRIBUTION_AFTER_RE =
  /^[\s,()]*(?:[\w'’.-]+[\s,()]+){0,6}?(?:said|says|reported|reports|stated|claimed|told|added|noted|documented|recorded|counted|estimated|confirmed|announced|put\s+the|gave|toll)\b/i;
// "according to X", "figures provided by X": X is the source wherever the clause goes on.
const ATTRIBUTION_BEFORE_RE =
  /\b(?:according\s+to|citing|provided\s+by|figures\s+(?:from|by)|toll\s+(?:by|from)|statement\s+(?:by|from)|report\s+(?:by|from))(?:\s+(?:numbers|figures|data|a\s+statement|a\s+report)\s+(?:provided\s+by|from|by|of))?\s+(?:(?:the|a|an)\s+)?(?:[\w'’-]+\s+){0,2}$/i;
// "..., said the Syrian Observatory." X after the verb only when the clause ends with it.
const SAID_BEFORE_RE =
  /\b(?:said|says|reported|told|added)\s+(?:(?:the|a|an)\s+)?(?:[A-Z][\w'’.-]*\s+){0,2}$/;
const CLAUSE_END_RE =
  /^\s*(?:$|[,.;:)"”’]|(?:on|in|at|late|early|last|this|today|yesterday|which|who|that|citing|adding)\b)/i;
const PRONOUN_ATTRIBUTION_RE =
  /\b(?:he|she|the\s+(?:diplomat|minister|ministry|spokesman|spokeswoman|official|statement|general|envoy|agency|group|monitor|observatory|report))\s+(?:also\s+)?(?:said|says|added|noted|told|stressed)\b/i;
// Actors that can be the source of a figure (not e.g. a victim group).
const NOT_SOURCES = new Set(['isis', 'nusra', 'rebels']);

function attribution(sentence: string, hits: ActorHit[]): ActorHit | null {
  // Headline "Russia: US-led strike killed 62 Syrian troops".
  const first = hits[0];
  if (first && first.index < 3 && /^\s*:/.test(sentence.slice(first.end))) return first;
  for (const h of hits) {
    if (h.generic) continue;
    const before = sentence.slice(Math.max(0, h.index - 70), h.index);
    if (ATTRIBUTION_BEFORE_RE.test(before)) return h;
    if (SAID_BEFORE_RE.test(before) && CLAUSE_END_RE.test(sentence.slice(h.end))) return h;
  }
  for (const h of hits) {
    if (h.generic || NOT_SOURCES.has(h.actor)) continue;
    const after = sentence.slice(h.end, h.end + 80);
    if (ATTRIBUTION_AFTER_RE.test(after) && !/^\s*(?:-?led|-?backed)/.test(after)) return h;
  }
  return null;
}

/**
 * An approximate figure that restates an exact one ("over 60 troops" after "62 troops") is the
 * same figure told twice, not a second incident.
 */
function restates(approx: CasualtyFigure, exact: CasualtyFigure): boolean {
  if (approx.outcome !== exact.outcome || approx.victims !== exact.victims) return false;
  if (approx.background !== exact.background || approx.count === exact.count) return false;
  if (approx.qualifier === 'more_than' || approx.qualifier === 'at_least') {
    return (
      exact.count > approx.count && exact.count <= approx.count * 1.1 && approx.count % 10 === 0
    );
  }
  if (approx.qualifier === 'about') {
    return Math.abs(exact.count - approx.count) <= approx.count * 0.1 && approx.count % 10 === 0;
  }
  return false;
}

interface Occurrence {
  figure: CasualtyFigure;
  /** "another 12": never the same figure as an earlier 12. */
  another: boolean;
  /** A bare number with no victim noun ("Three killed"). */
  bare: boolean;
  /** "two others": people other than those of the figure just before it in the sentence. */
  others: boolean;
  /** Index of the figure within its sentence. */
  pos: number;
  /** The figure is (also) told in the headline. */
  headline: boolean;
  /** The figure's fields come from the body, not only the headline. */
  fromBody: boolean;
  /** Index of the sentence the figure comes from (the first one, once merged). */
  sentence: number;
  /** Index of the latest sentence that retold it. */
  last: number;
}

function casualties(
  sentences: Sentence[],
  ctx: ArticleContext,
  actors: ActorHit[][],
): CasualtyFigure[] {
  const outlet = ctx.outlet ?? 'the outlet';
  const found: Occurrence[] = [];
  let lastSource: string | null = null;
  let lastVictims: CasualtyFigure['victims'] | null = null;
  for (const [si, sent] of sentences.entries()) {
    const raw = isHeadlineJunk(sent) ? [] : figuresInSentence(sent.text);
    const hits = actors[si] ?? [];
    const attr = attribution(sent.text, hits);
    let source = attr ? sourceName(attr) : null;
    if (!source && lastSource && PRONOUN_ATTRIBUTION_RE.test(sent.text)) source = lastSource;
    if (attr) lastSource = sourceName(attr);
    if (raw.length === 0) continue;
    const background = isBackgroundSentence(sent.text);
    for (let i = 0; i < raw.length; i++) {
      const f = raw[i];
      if (!f?.outcome) continue;
      let victims = f.victims;
      if (f.inherit && i === 0 && lastVictims) victims = inheritVictims(lastVictims);
      found.push({
        figure: {
          count: f.count,
          max: f.max,
          outcome: f.outcome,
          victims,
          qualifier: f.qualifier,
          background: background || f.count >= 50_000,
          source: source ?? outlet,
          place: findPlace(sent.text, f.numberStart),
          date: findDate(sent.text, ctx.publishedAt, f.numberStart),
          quote: quoteOf(sent.text, f.start, f.end),
        },
        another: f.another,
        bare: !f.hasHead,
        others: f.inherit,
        pos: i,
        headline: sent.line === 0,
        fromBody: sent.line !== 0,
        sentence: si,
        last: si,
      });
      lastVictims = victims;
    }
  }
  return merge(found, outlet);
}

/**
 * Whether a later occurrence restates an earlier one. Headline and body always restate each
 * other; in the body, small counts (1-4) repeat across distinct incidents ("two persons were
 * injured" in two villages), so they only merge when victims and place agree too.
 */
function sameOccurrence(a: Occurrence, b: Occurrence): boolean {
  if (a.figure.count !== b.figure.count || a.figure.outcome !== b.figure.outcome) return false;
  if (b.another) return false;
  const va = a.figure.victims;
  const vb = b.figure.victims;
  // Two figures of one sentence ("a woman and a child") are two figures unless they repeat
  // each other, which happens where scraped text glued the headline to the first paragraph.
  // A sub-headline glued to its paragraph ("Three killed two injured in Hama Three citizens were
  // killed") repeats a bare number with its victims.
  const bareRepeat = (a.bare && va === 'people') || (b.bare && vb === 'people');
  if (a.sentence === b.sentence) {
    if (va !== vb && !bareRepeat) return false;
    // "crucified two citizens ... executed two others".
    if (b.others && b.pos === a.pos + 1) return false;
  }
  if (a.headline || b.headline || a.figure.count >= 5) return true;
  // Small counts: the lead and the next sentence often retell one incident ("One civilian was
  // killed ... A source said terrorists fired shells killing one person"); farther apart they
  // are usually distinct incidents.
  const compatible = va === vb || va === 'people' || vb === 'people';
  const pa = a.figure.place;
  const pb = b.figure.place;
  if (!compatible || (pa !== null && pb !== null && pa !== pb)) return false;
  return b.sentence - a.last <= 1 || (pa !== null && pa === pb && va === vb);
}

function merge(found: Occurrence[], outlet: string): CasualtyFigure[] {
  const kept: Occurrence[] = [];
  for (const o of found) {
    const prev = kept.find((k) => sameOccurrence(k, o));
    if (!prev) {
      kept.push({ ...o, fromBody: !o.headline });
      continue;
    }
    // One figure told twice: keep the most informative reading of each field.
    const p = prev.figure;
    const f = o.figure;
    if (p.victims === 'people' && f.victims !== 'people') p.victims = f.victims;
    if (p.background && !f.background) p.background = false;
    if (p.source === outlet && f.source !== outlet) p.source = f.source;
    p.place ??= f.place;
    p.date ??= f.date;
    if (p.max === null) p.max = f.max;
    // Headlines drop qualifiers: "kill 11 civilians" over "at least 11 civilians were killed".
    if (p.qualifier === 'exact' && f.qualifier !== 'exact' && !o.headline) {
      p.qualifier = f.qualifier;
      p.quote = f.quote;
    }
    if (!prev.fromBody && !o.headline) {
      // The body tells the figure with more context than the headline.
      prev.fromBody = true;
      p.quote = f.quote;
      p.place = f.place ?? p.place;
      p.date = f.date ?? p.date;
      p.qualifier = f.qualifier;
      if (f.source !== outlet) p.source = f.source;
    }
    prev.headline ||= o.headline;
    prev.last = o.sentence;
  }
  const out = kept.map((k) => k.figure);
  return out.filter((f) => !out.some((g) => g !== f && restates(f, g)));
}

/** Casualty figures and accusations stated in one article. */
export function extractClaims(text: string, ctx: ArticleContext = {}): ClaimSet {
  const sentences = splitSentences(text);
  // Both extractors read the same actor mentions; find them once.
  const actors = sentences.map((s) => findActors(s.text));
  return {
    casualties: casualties(sentences, ctx, actors),
    accusations: findAccusations(sentences, ctx, text, actors),
  };
}
