// Names whose meaning depends on the article: a "monitoring group" named earlier, a bare "the
// Coalition" in a story about the Syrian opposition, "terrorists" in the mouth of Damascus, and
// outlets that speak for a party.

import type { Actor, ArticleContext } from '../domain/claims.ts';
import { GOVERNMENT_SIDE } from './accusation-patterns.ts';
import type { ActorHit } from './actors.ts';

// Outlets that speak for a party: their unattributed claims are that party's.
const PARTY_OUTLETS: [RegExp, Actor][] = [
  [/\bsana\b|syrian\s+arab\s+news\s+agency/i, 'syria_gov'],
  [/\betilaf\b|syrian\s+(?:national\s+)?coalition/i, 'opposition'],
];

export function outletParty(outlet: string | undefined): Actor | null {
  if (!outlet) return null;
  return PARTY_OUTLETS.find(([re]) => re.test(outlet))?.[1] ?? null;
}
/** Speakers for whom "terrorists" and "armed groups" mean the rebels. */

export interface ArticleInfo {
  /** The named monitor that "a monitoring group" / "the rights group" refers to. */
  monitor: Actor | null;
  /** The article is about the Syrian National Coalition: a bare "the Coalition" is it. */
  syrianCoalition: boolean;
  /** IS is the armed group the article is about: a neutral speaker's "militants" are IS. */
  isisStory: boolean;
  /** A pro-government outlet relaying state media: unattributed claims are the state's. */
  relaysStateMedia: boolean;
}

const ISIS_NAME_RE = /\b(?:Islamic\s+State|ISIS|ISIL|IS|Daesh|DAESH)\b/g;
const REBEL_NAME_RE =
  /\b(?:rebels?|opposition\s+fighters|Free\s+Syrian\s+Army|FSA|Nusra|armed\s+opposition)\b/gi;
const PRO_GOVERNMENT_OUTLET_RE = /\b(?:al-?alam|al-?manar|sana)\b/i;

export function articleInfo(text: string, ctx: ArticleContext): ArticleInfo {
  const isis = text.match(ISIS_NAME_RE)?.length ?? 0;
  const rebels = text.match(REBEL_NAME_RE)?.length ?? 0;
  const sohr = text.search(/Syrian\s+Observatory|SOHR|\bObservatory\b/);
  const hrw = text.search(/Human\s+Rights\s+Watch|\bHRW\b/);
  const amnesty = text.search(/\bAmnesty\b/);
  const firsts: [number, Actor][] = [
    [sohr, 'sohr'],
    [hrw, 'hrw'],
    [amnesty, 'amnesty'],
  ];
  const named = firsts.filter(([i]) => i >= 0).sort((a, b) => a[0] - b[0]);
  return {
    monitor: named[0]?.[1] ?? null,
    syrianCoalition:
      outletParty(ctx.outlet) === 'opposition' || /\b(?:Syrian|National)\s+Coalition\b/.test(text),
    isisStory: isis >= 2 && isis > rebels,
    relaysStateMedia: PRO_GOVERNMENT_OUTLET_RE.test(ctx.outlet ?? '') && /\bSANA\b/.test(text),
  };
}

// Russian outlets' boilerplate "(a terrorist group banned in Russia)" names no party.
const BANNED_IN_RE = /\b(?:banned|outlawed|prohibited|illegal)\s+in\s+(?:the\s+)?$/i;

export function resolveHits(sentence: string, found: ActorHit[], info: ArticleInfo): ActorHit[] {
  const hits = found.filter(
    (h) => !BANNED_IN_RE.test(sentence.slice(Math.max(0, h.index - 30), h.index)),
  );
  for (const [i, h] of hits.entries()) {
    const prev = hits[i - 1];
    const generic =
      h.actor === 'ngo' &&
      /rights\s+group(?!s)|monitor(?!s)|watchdog(?!s)|activist\s+(?:group|network)(?!s)/i.test(
        h.name,
      );
    if (generic && prev && /^\s*$/.test(sentence.slice(prev.end, h.index))) {
      // "The Syrian Observatory for Human Rights monitoring group": the name before it.
      h.actor = prev.actor;
    } else if (
      generic &&
      info.monitor &&
      // "The DeirEzzor 24 monitoring group", "Another monitoring group": another group.
      !/(?:\b(?!(?:A|An|The)\s)[A-Z][\w-]*|\d+)\s+$/.test(
        sentence.slice(Math.max(0, h.index - 30), h.index),
      )
    ) {
      h.actor = info.monitor;
    } else if (h.actor === 'sohr' && /^(?:the\s+)?[Mm]onitor/.test(h.name) && info.monitor) {
      h.actor = info.monitor;
    } else if (
      h.actor === 'coalition' &&
      info.syrianCoalition &&
      /^(?:the\s+)?[Cc]oalition(?:'s|’s|s)?$/.test(h.name)
    ) {
      h.actor = 'opposition';
    }
  }
  return hits;
}

export function resolveGeneric(
  h: ActorHit,
  speaker: Actor | null,
  info?: ArticleInfo,
): Actor | null {
  if (!h.generic) return h.actor;
  if (speaker && GOVERNMENT_SIDE.has(speaker)) return 'rebels';
  return info?.isisStory && /militants|terrorists|jihadists|extremists|takfiri/i.test(h.name)
    ? 'isis'
    : null;
}
