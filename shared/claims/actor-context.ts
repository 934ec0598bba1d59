// Names whose meaning depends on the article: a "monitoring group" named earlier, a bare "the
// Coalition" in a story about the Syrian opposition, "terrorists" in the mouth of Damascus, and
// outlets that speak for a party.

import type { Actor, ArticleContext } from '../domain/claims.ts';
import { GOVERNMENT_SIDE } from './accusation-patterns.ts';
import type { ActorHit } from './actors.ts';

// Outlets that are a party's organ, by feed id (FA-KES `source`) and by name: their own
// unattributed claims are that party's (GUIDELINES: "SANA when speaking for the state").
const PARTY_OUTLET_IDS: Readonly<Record<string, Actor>> = {
  sana: 'syria_gov',
  etilaf: 'opposition',
};
const PARTY_OUTLETS: [RegExp, Actor][] = [
  [/\bsana\b|syrian\s+arab\s+news\s+agency/i, 'syria_gov'],
  [/\betilaf\b|syrian\s+(?:national\s+)?coalition/i, 'opposition'],
];

/** The party an outlet speaks for, from its id when known, else from its name. */
export function outletParty(ctx: ArticleContext): Actor | null {
  const byId = ctx.outletId ? PARTY_OUTLET_IDS[ctx.outletId.toLowerCase()] : undefined;
  if (byId) return byId;
  const outlet = ctx.outlet;
  if (!outlet) return null;
  return PARTY_OUTLETS.find(([re]) => re.test(outlet))?.[1] ?? null;
}

export interface ArticleInfo {
  /** The named monitor that "a monitoring group" / "the rights group" refers to. */
  monitor: Actor | null;
  /** The article is about the Syrian National Coalition: a bare "the Coalition" is it. */
  syrianCoalition: boolean;
  /** IS is the armed group the article is about: a neutral speaker's "militants" are IS. */
  isisStory: boolean;
  /** A pro-government outlet relaying state media: unattributed claims are the state's. */
  relaysStateMedia: boolean;
  /** Whose army a bare "the army" is: Turkey's in stories about its operations, else Syria's. */
  army: Actor;
  /** An outlet on the government's side: its "terrorists" are the rebels whoever speaks. */
  governmentOutlet: boolean;
}

const ISIS_NAME_RE = /\b(?:Islamic\s+State|ISIS|ISIL|IS|Daesh|DAESH)\b/g;
const REBEL_NAME_RE =
  /\b(?:rebels?|opposition\s+fighters|Free\s+Syrian\s+Army|FSA|Nusra|armed\s+opposition)\b/gi;
// Syria's state media by name: the agency, its television, "state-run" outlets.
const STATE_MEDIA_RE =
  /\bSANA\b|\bSyrian\s+(?:[Ss]tate|[Aa]rab)\s+(?:TV|[Tt]elevision|[Mm]edia|[Nn]ews\s+[Aa]gency)\b|\bSyrian\s+state-run\b/;
const PRO_GOVERNMENT_OUTLET_RE = /\b(?:al-?alam|al-?manar|sana)\b/i;
// Syrian, Hezbollah and Iranian state outlets ("terrorists" in Russian copy is as often IS).
const GOVERNMENT_SIDE_OUTLET_RE = /^(?:sana|manar|al-?manar|alalam|al-?alam|presstv)$/i;
const TURKISH_ARMY_RE =
  /\b(?:Turkish\s+(?:army|military|armed\s+forces|troops|soldiers|forces)|TSK)\b/gi;
const SYRIAN_ARMY_RE =
  /\b(?:Syrian\s+(?:army|military|troops|soldiers|government\s+forces)|regime\s+forces|government\s+forces|pro-government)\b/gi;

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
      outletParty(ctx) === 'opposition' || /\b(?:Syrian|National)\s+Coalition\b/.test(text),
    isisStory: isis >= 2 && isis > rebels,
    relaysStateMedia:
      PRO_GOVERNMENT_OUTLET_RE.test(ctx.outletId ?? ctx.outlet ?? '') && STATE_MEDIA_RE.test(text),
    army:
      (text.match(TURKISH_ARMY_RE)?.length ?? 0) > (text.match(SYRIAN_ARMY_RE)?.length ?? 0)
        ? 'turkey'
        : 'syria_gov',
    governmentOutlet: GOVERNMENT_SIDE_OUTLET_RE.test(ctx.outletId ?? ''),
  };
}

const HARM_BY_GAP_RE = /^\s+(?:[\w-]+\s+){1,3}(?:by|of)\s+(?:the\s+)?$/i;
// "Jabhat al-Nusra-linked terrorist groups", "Fatah al-Sham (formerly Al-Nusra Front) terrorists".
const NAMED_BEFORE_GAP_RE = /^\s*-\s*(?:linked|affiliated)\s+$|^\s*\)\s*$/i;
const AFFILIATED_GAP_RE =
  /^\s+(?:affiliated\s+(?:with|to)|linked\s+to|loyal\s+to|belonging\s+to|of|from)\s+(?:the\s+)?(?:so-?\s?called\s+)?$/i;

// Russian outlets' boilerplate "(a terrorist group banned in Russia)" names no party.
const BANNED_IN_RE = /\b(?:banned|outlawed|prohibited|illegal)\s+in\s+(?:the\s+)?$/i;

/**
 * "The DeirEzzor 24 monitoring group", "Another monitoring group": a name before the generic noun
 * makes it another group. An article ("a monitor", "the monitoring group") separates them.
 */
function namedBefore(sentence: string, h: ActorHit): boolean {
  if (/^(?:a|an|the)\s/i.test(h.name)) return false;
  return /(?:\b(?!(?:A|An|The)\s)[A-Z][\w-]*(?<!-based)|\d+)\s+$/.test(
    sentence.slice(Math.max(0, h.index - 30), h.index),
  );
}

/** The states among the actors. */
export const STATE_PARTIES: ReadonlySet<Actor> = new Set<Actor>([
  'russia',
  'us',
  'syria_gov',
  'turkey',
  'iran',
  'israel',
  'uk',
  'france',
  'saudi',
  'qatar',
]);
const OFFICIAL_SOURCE_GAP_RE =
  /^\s+(?:(?:presidential|diplomatic|military|security|government|official|intelligence|ministry|defen[cs]e|foreign\s+ministry)\s+)?$/i;

/** "Turkish presidential sources said": unnamed sources of a state named right before them. */
function isStateSource(sentence: string, h: ActorHit, prev: ActorHit): boolean {
  return (
    h.actor === 'other' &&
    /^sources?$/i.test(h.name) &&
    !prev.generic &&
    STATE_PARTIES.has(prev.actor) &&
    OFFICIAL_SOURCE_GAP_RE.test(sentence.slice(prev.end, h.index))
  );
}

export function resolveHits(sentence: string, found: ActorHit[], info: ArticleInfo): ActorHit[] {
  const hits = found.filter(
    (h) => !BANNED_IN_RE.test(sentence.slice(Math.max(0, h.index - 30), h.index)),
  );
  for (const [i, h] of hits.entries()) {
    const prev = hits[i - 1];
    const next = hits[i + 1];
    // "terrorists affiliated with Jabhat al-Nusra", "militants of the so-called Jaysh al-Islam",
    // "a terrorist attack by ISIS terrorists": the generic word is the named group's men.
    const gap = next ? sentence.slice(h.end, next.index) : '';
    if (
      h.generic &&
      next &&
      !next.generic &&
      (AFFILIATED_GAP_RE.test(gap) || HARM_BY_GAP_RE.test(gap))
    ) {
      h.actor = next.actor;
      h.generic = false;
    }
    if (
      h.generic &&
      prev &&
      !prev.generic &&
      NAMED_BEFORE_GAP_RE.test(sentence.slice(prev.end, h.index))
    ) {
      h.actor = prev.actor;
      h.generic = false;
    }
    // "a report from the UN Secretary General says": the report speaks for its author.
    if (h.actor === 'ngo' && /report$/i.test(h.name) && next) {
      if (
        /^\s+(?:(?:issued|published|released|compiled)\s+)?(?:by|from)\s+(?:the\s+)?$/i.test(
          sentence.slice(h.end, next.index),
        )
      ) {
        h.actor = next.actor;
      }
    }
    if (prev && isStateSource(sentence, h, prev)) h.actor = prev.actor;
    const generic =
      h.actor === 'ngo' && /rights\s+group(?!s)|monitor(?!s)|watchdog(?!s)/i.test(h.name);
    if (
      generic &&
      prev &&
      /^\s*$/.test(sentence.slice(prev.end, h.index)) &&
      !/^(?:a|an|the)\s/i.test(h.name)
    ) {
      // "The Syrian Observatory for Human Rights monitoring group": the name before it.
      h.actor = prev.actor;
    } else if (generic && !namedBefore(sentence, h)) {
      // Unnamed, a single monitor in this war's news is the Syrian Observatory (AFP's "a
      // monitor said"); a rights group stays a rights group.
      h.actor = info.monitor ?? (/monitor/i.test(h.name) ? 'sohr' : h.actor);
    } else if (h.actor === 'sohr' && /^(?:the\s+)?[Mm]onitor/.test(h.name) && info.monitor) {
      h.actor = info.monitor;
    } else if (h.actor === 'syria_gov' && /^(?:the\s+)?(?:army|military|troops)/i.test(h.name)) {
      h.actor = info.army;
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

// Western governments and the coalition call IS "terrorists"; everyone else in this war's news
// who says "terrorists" without naming them means the armed opposition.
const WESTERN = new Set<Actor>(['us', 'coalition', 'uk', 'france']);

export function resolveGeneric(
  h: ActorHit,
  speaker: Actor | null,
  info?: ArticleInfo,
): Actor | null {
  if (!h.generic) return h.actor;
  if (speaker && GOVERNMENT_SIDE.has(speaker)) return 'rebels';
  // "the terrorist groups" stay the rebels; "militants", "the extremist group" are IS there.
  if (
    info?.isisStory &&
    /militants|terrorists\b|jihadist|extremist|takfiri|radical/i.test(h.name)
  ) {
    return 'isis';
  }
  // In a pro-government outlet's copy "terrorists" are the rebels whoever is quoted.
  if (info?.governmentOutlet && /terror/i.test(h.name)) return 'rebels';
  // "The terrorists shelled the square, a Lebanese broadcaster reported": a reporter's word.
  return speaker && !WESTERN.has(speaker) && /terror/i.test(h.name) ? 'rebels' : null;
}
