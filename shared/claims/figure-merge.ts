// Merging the figures of one article: the headline and the body, or two sentences, that tell one
// figure become one, keeping the most informative reading of each field; a figure that only
// restates another approximately ("over 60" after "62") is dropped. Sub-figures keep a link to
// their total ("84 civilians including 30 children").

import type { CasualtyFigure } from '../domain/claims.ts';
import { sidesClash } from './victim-side.ts';

/**
 * An approximate figure that restates an exact one ("over 60 troops" after "62 troops") is the
 * same figure told twice, not a second incident.
 */
function restates(approx: CasualtyFigure, exact: CasualtyFigure): boolean {
  if (approx.outcome !== exact.outcome) return false;
  // "Over 500 civilians killed" in a headline restates "at least 545 people" of the body.
  const general = (v: CasualtyFigure['victims']): boolean => v === 'people' || v === 'civilians';
  if (approx.victims !== exact.victims && !(general(approx.victims) && general(exact.victims))) {
    return false;
  }
  if (approx.background !== exact.background || approx.count === exact.count) return false;
  if (clashingSides(approx, exact)) return false;
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

export interface Occurrence {
  figure: CasualtyFigure;
  /** "another 12": never the same figure as an earlier 12. */
  another: boolean;
  /** A bare number with no victim noun ("Three killed"). */
  bare: boolean;
  /** Told as another incident ("two more people", "also killed", "in another town"). */
  distinct: boolean;
  /** Listed right after the figure before it in its sentence ("a nurse a hospital employee"). */
  listed: boolean;
  /** "two others": people other than those of the figure just before it in the sentence. */
  others: boolean;
  /** Index of the figure within its sentence. */
  pos: number;
  /** The figure is (also) told in the headline. */
  headline: boolean;
  /** Told before a wire dateline in its run of text: in a headline the page restated. */
  beforeDateline: boolean;
  /** The figure's fields come from the body, not only the headline. */
  fromBody: boolean;
  /** Index of the sentence the figure comes from (the first one, once merged). */
  sentence: number;
  /** Index of the latest sentence that retold it. */
  last: number;
  /** The occurrence of the total this figure is part of, when the text links them. */
  partOf: Occurrence | null;
  /** The kept occurrence this one was merged into (itself when kept). */
  into?: Occurrence;
}

type Victims = CasualtyFigure['victims'];

/**
 * Victims no retelling in the body turns into each other: two classes of their own ("six
 * children" and "six teachers", "five civilians" and "five soldiers"); "people" retells any.
 */
function clashingVictims(va: Victims, vb: Victims): boolean {
  return va !== vb && va !== 'people' && vb !== 'people';
}

/** "4 YPG fighters" and "4 IS fighters": two sides' dead are never one figure told twice. */
const clashingSides = (a: CasualtyFigure, b: CasualtyFigure): boolean =>
  sidesClash(a.victimSide, b.victimSide);

/**
 * Whether a later occurrence restates an earlier one. Headline and body always restate each
 * other; in the body, small counts (1-4) repeat across distinct incidents ("two persons were
 * injured" in two villages), so they only merge when victims and place agree too.
 */
function sameOccurrence(a: Occurrence, b: Occurrence, told: Set<number>): boolean {
  if (a.figure.count !== b.figure.count || a.figure.outcome !== b.figure.outcome) return false;
  if (b.another || clashingSides(a.figure, b.figure)) return false;
  // "Three people were also killed in another town": a second incident, unless one of the two
  // is the headline that sums the story up.
  if (b.distinct && !a.headline && !b.headline) return false;
  const va = a.figure.victims;
  const vb = b.figure.victims;
  // Two figures of one sentence ("a woman and a child") are two figures unless they repeat
  // each other, which happens where scraped text glued the headline to the first paragraph.
  // A sub-headline glued to its paragraph ("Three killed two injured in Hama Three citizens were
  // killed") repeats a bare number with its victims.
  const bareRepeat = (a.bare && va === 'people') || (b.bare && vb === 'people');
  if (a.sentence === b.sentence) {
    if (va !== vb && !bareRepeat) return false;
    // "crucified two citizens ... executed two others", "killed a nurse a hospital employee".
    if ((b.others || b.listed) && b.pos === a.pos + 1) return false;
  }
  if (a.headline || b.headline) return true;
  // Larger counts retell one figure, unless the body tells them of two classes of victims
  // ("five civilians" in one sentence, "five soldiers" in another). Places are too often read
  // from different words of one story to separate them.
  // A part of one total ("24 people including five children") is not a total of its own told
  // elsewhere ("five civilians including three children") unless the victims agree.
  if (va !== vb && (a.partOf === null) !== (b.partOf === null)) return false;
  // "a child" among 11 killed and "a child" among five killed: parts of two totals are two.
  if (a.partOf && b.partOf && a.partOf.into !== b.partOf.into) return false;
  // ... and the same part of one total, however far apart its two tellings.
  if (a.partOf && b.partOf && (va === vb || va === 'people' || vb === 'people')) return true;
  if (a.figure.count >= 5) return !clashingVictims(va, vb);
  const pa = a.figure.place;
  const pb = b.figure.place;
  // Small counts: the lead and the next sentence often retell one incident ("One civilian was
  // killed ... A source said terrorists fired shells killing one person"); farther apart they
  // are usually distinct incidents.
  const compatible = va === vb || va === 'people' || vb === 'people';
  if (!compatible || (pa !== null && pb !== null && pa !== pb)) return false;
  if (b.sentence - a.last <= 1 || (pa !== null && pa === pb && va === vb)) return true;
  // "Three citizens were killed ... A source said a device exploded ... The source added that the
  // explosion claimed the lives of three citizens": sentences without a figure between do not
  // start another incident.
  if (b.sentence - a.last > 3) return false;
  for (let s = a.last + 1; s < b.sentence; s++) if (told.has(s)) return false;
  return true;
}

/** `o` tells in the wire copy the figure its run's restated headline told, and was quoted for. */
function copyOfQuotedHeadline(found: Occurrence[], kept: Occurrence, o: Occurrence): boolean {
  if (o.beforeDateline) return false;
  return found.some(
    (x) =>
      x.into === kept &&
      x.beforeDateline &&
      x.sentence === o.sentence &&
      x.figure.quote === kept.figure.quote,
  );
}

export function merge(found: Occurrence[], outlet: string): CasualtyFigure[] {
  const kept: Occurrence[] = [];
  // Sentences that tell a figure.
  const told = new Set(found.map((o) => o.sentence));
  for (const o of found) {
    const prev = kept.find((k) => sameOccurrence(k, o, told));
    if (!prev) {
      o.fromBody = !o.headline;
      o.into = o;
      kept.push(o);
      continue;
    }
    o.into = prev;
    // One figure told twice: keep the most informative reading of each field.
    const p = prev.figure;
    const f = o.figure;
    if (p.victims === 'people' && f.victims !== 'people') p.victims = f.victims;
    if (!p.victimSide && f.victimSide && p.victims === f.victims) p.victimSide = f.victimSide;
    if (p.background && !f.background) p.background = false;
    if (p.source === outlet && f.source !== outlet) p.source = f.source;
    p.place ??= f.place;
    if (p.date === null || (p.dateBasis === 'published' && f.dateBasis !== 'published')) {
      p.date = f.date;
      p.dateBasis = f.dateBasis;
    }
    if (!p.perpetrator && f.perpetrator) {
      p.perpetrator = f.perpetrator;
      p.perpetratorName = f.perpetratorName;
    }
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
      if (f.date !== null && f.dateBasis !== 'published') {
        p.date = f.date;
        p.dateBasis = f.dateBasis;
      }
      p.qualifier = f.qualifier;
      if (f.source !== outlet) p.source = f.source;
    }
    // Told again in the wire copy after a headline the page restated in the same run of text:
    // the copy's quote is the same sentence without that headline (quoted in the headline alone
    // first, cut at the dateline, the copy's quote is kept too).
    if (
      copyOfQuotedHeadline(found, prev, o) ||
      (f.quote.length < p.quote.length && p.quote.endsWith(f.quote))
    )
      p.quote = f.quote;
    prev.headline ||= o.headline;
    prev.last = o.sentence;
  }
  // Only a headline sums the story up in round figures: in the body, "more than 20 wounded"
  // beside "22 wounded" is usually another source's count or another day's.
  const out = kept.filter(
    (k) => !kept.some((g) => g !== k && (g.headline || k.headline) && restates(k.figure, g.figure)),
  );
  linkSubFigures(found, out, outlet);
  return out.map((k) => k.figure);
}

/** `subFigureOf` as an index into the final list, for the occurrences the text linked. */
function linkSubFigures(found: Occurrence[], out: Occurrence[], outlet: string): void {
  for (const o of found) {
    const total = o.partOf?.into;
    const part = o.into;
    if (!total || !part || total === part) continue;
    const at = out.indexOf(total);
    if (at >= 0 && out.includes(part) && part.figure.subFigureOf == null) {
      part.figure.subFigureOf = at;
      // A part of a total shares its source, perpetrator and day when it is not told its own
      // ("20 civilians were killed, media reported ... including four children": media's four).
      const p = part.figure;
      const t = total.figure;
      if (p.source === outlet && t.source !== outlet) p.source = t.source;
      if (!p.perpetrator && !p.perpetratorName) {
        p.perpetrator = t.perpetrator ?? null;
        p.perpetratorName = t.perpetratorName ?? null;
      }
      if (p.dateBasis === 'published' && t.dateBasis !== 'published' && t.date) {
        p.date = t.date;
        p.dateBasis = t.dateBasis;
      }
    }
  }
}
