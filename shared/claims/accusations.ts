// Accusations: who publicly blames whom. Two routes, both sentence-local:
//  1. an explicit verb of blame ("X accused Y of", "X condemned Y", "blaming Y for"), and
//  2. attributed speech that presents another party as the agent of harm ("the Observatory said
//     coalition jets killed 15 civilians", "Russia: US-led strike killed 62 Syrian troops").
// Neutral reporting by the journalist (no speaker) and denials yield nothing.

import type { Accusation, Actor, ArticleContext } from '../domain/claims.ts';
import { type ActorHit, findActors } from './actors.ts';
import { findPlace } from './places.ts';
import type { Sentence } from './sentences.ts';

const SPEECH =
  '(?:said|says|say|saying|reported|reports|reporting|stated|states|claimed|claims|claiming|told|tells|added|adds|noted|notes|stressed|stresses|warned|warns|insisted|insists|confirmed|confirms|announced|announces|alleged|alleges|documented|documents|revealed|tweeted|wrote|writes|argued|argues|explained|pointed\\s+out|believes|asserted|asserts|declared|declares|demanded|demands|urged|urges|called\\s+(?:on|for)|calls\\s+(?:on|for)|complained|complains|denounced|denounces|accused|accuses|blamed|blames|condemned|condemns|criticized|criticised|slammed|blasted|charged|affirmed|affirms|emphasized|emphasised|underlined|highlighted|indicated|mentioned|continued|went\\s+on|reiterated|reiterates|described|describes|considers|considered|views|sees|regards|dismissed|questioned|demanded|lashed\\s+out|expressed|voiced|echoed|responded|replied|remarked|observed|estimated|estimates|recorded|counted|put\\s+the|gave\\s+a|issued|published|released|quoted|cited|believed|thinks|think|feared|fears|vowed|pledged)';

const PRONOUN_SPEAKER_RE = new RegExp(
  `\\b(?:he|she|they|the\\s+(?:diplomat|minister|ministry|spokesman|spokeswoman|spokesperson|official|officials|statement|general|envoy|ambassador|president|agency|group|monitor|observatory|organization|organisation|report|coalition|body|source|sources|commander|colonel|army|military))\\s+(?:also\\s+|further\\s+|then\\s+|later\\s+)?${SPEECH}\\b`,
  'i',
);
const ACCUSE_RE =
  /\b(?:accus(?:ed|es|e|ing|ations?)|blam(?:ed|es|e|ing)|condemn(?:ed|s|ing|ation)?|denounc(?:ed|es|e|ing)|criticiz(?:ed|es|e|ing)|criticis(?:ed|es|e|ing)|slamm?(?:ed|s|ing)?|blast(?:ed|s|ing)|lambast(?:ed|s|ing)?|chastis(?:ed|es|ing)|castigat(?:ed|es|ing)|held|holds?|holding|pointed\s+the\s+finger\s+at|charged)\b/gi;
const HARM_RE =
  /\b(?:kill\w*|dead|deaths?|died|civilians?|casualt\w*|massacres?|crimes?|criminal|destr\w+|illegal\w*|barbar\w+|terror\w*|atrocit\w+|violat\w+|chemical|gas(?:sing|sed)?|poison\w*|siege|besieg\w+|obstruct\w*|bomb\w*|shell\w*|strikes?|airstrikes?|struck|raids?|attack\w*|target\w*|mistakes?|cover(?:ed|ing)?\s+up|lies|lying|fabricat\w+|support\w*|backs?|backing|arm(?:s|ed|ing)\b|fund\w*|execut\w+|slaughter\w*|murder\w*|genocide|cleansing|occup\w+|aggression|invasion|encroach\w*|responsib\w+|behind|hamper\w*|unwilling\w*|hypocri\w+|cynical|suffer\w*|catastroph\w+|disaster|wip\w+|rocket\w*|fired|sniper|tortur\w+|starv\w+|displac\w+|ignore\w*|silence|inaction|impunity|pretext|sponsor\w*|harbou?r\w*|regroup\w*|breach\w*|provocat\w+|aggress\w+)/i;
const DENIAL_RE =
  /\b(?:denied|denies|deny|denying|rejected\s+(?:the\s+)?(?:claims?|accusations?|allegations?|reports?)|dismissed\s+(?:the\s+)?(?:claims?|accusations?|allegations?)|refuted|no\s+evidence)\b/i;
interface SentenceActors {
  hits: ActorHit[];
  speaker: ActorHit | null;
}

const STATE_OUTLETS: Record<string, Actor> = { sana: 'syria_gov' };
/** Speakers for whom "terrorists" and "armed groups" mean the rebels. */
const GOVERNMENT_SIDE = new Set<Actor>(['syria_gov', 'russia', 'iran', 'hezbollah']);

const SPEECH_RE = new RegExp(`(?<![\\w-])${SPEECH}\\b(?!\\s+to\\s+(?:be|have)\\b)`, 'gi');
// Words allowed between a speaker and its verb: "Russia's Defence Ministry spokesman Igor
// Konashenkov said", "Human Rights Watch has", "the Observatory, which ..., said".
const SPEAKER_GAP_RE =
  /^(?:\s*[,(]?\s*(?:[\w'’.-]+|,)){0,7}?\s*(?:has|have|had|also|further|previously|earlier|repeatedly|again|then|later|on\s+\w+)?\s*$/i;
// After a post-verb speaker the clause ends: "..., said the Observatory." / "... on Tuesday".
const POST_SPEAKER_END_RE =
  /^\s*(?:$|[,.;:)"”’]|(?:on|in|at|late|early|last|this|today|yesterday|tonight|told|which|who|that|citing|adding|quoted|via|monitor|chief|spokes\w+|\()\b)/i;

function findSpeaker(sentence: string, hits: ActorHit[]): ActorHit | null {
  // Headline "Russia: US-led strike killed 62 Syrian troops".
  const first = hits[0];
  if (first && first.index < 3 && /^\s*:/.test(sentence.slice(first.end))) return first;
  for (const h of hits) {
    if (h.generic) continue;
    const before = sentence.slice(Math.max(0, h.index - 90), h.index);
    if (/\baccording\s+to\s+(?:(?:the|a|an)\s+)?(?:[\w'’-]+\s+){0,3}$/i.test(before)) return h;
  }
  for (const v of sentence.matchAll(SPEECH_RE)) {
    const vi = v.index ?? 0;
    const ve = vi + v[0].length;
    // Subject speaker: the nearest actor before the verb within a few words.
    let subject: ActorHit | null = null;
    for (const h of hits) {
      if (h.end > vi) break;
      if (h.generic) continue;
      const gap = sentence.slice(h.end, vi);
      if (SPEAKER_GAP_RE.test(gap) && !/^\s*(?:-?led|-?backed)\b/.test(gap)) subject = h;
    }
    if (subject) return subject;
    // Post-verb speaker: "said the Syrian Observatory", "told the UN envoy".
    for (const h of hits) {
      if (h.index < ve || h.generic) continue;
      const gap = sentence.slice(ve, h.index);
      if (!/^\s+(?:(?:the|a|an|its)\s+)?(?:[\w'’-]+\s+){0,3}$/i.test(gap)) break;
      if (POST_SPEAKER_END_RE.test(sentence.slice(h.end))) return h;
      break;
    }
  }
  return null;
}

const HARM_NOUN_AFTER_RE =
  /^\s*(?:'s|’s|s')?\s*(?:-?led\s+)?(?:[\w-]+\s+){0,2}?(?:air\s*strikes?|strikes?|raids?|bombings?|bombardments?|shelling|attacks?|assault|crimes|massacres?|atrocities|mistakes|presence|aggression|violations|occupation|invasion|barrel\s+bombs|shells|rockets|missiles|mortars?|snipers?|gunfire|policy|campaign)\b/i;
const FORCE_NOUN_AFTER_RE =
  /^\s*(?:'s|’s|s')?\s*(?:-?led\s+)?(?:[\w-]+\s+){0,2}?(?:jets|warplanes|aircraft|planes|aviation|helicopters|artillery|forces|troops|militias?|soldiers|army|fighters|militants|members|terrorists|tanks|drones?|air\s+force)\b/i;
const HARM_VERB_SRC =
  '(?:killed|kills|kill|killing|bombed|bombs|bombing|targeted|targets|targeting|shelled|shelling|struck|strikes|hit|hits|attacked|attacks|attacking|fired|fires|firing|executed|executes|executing|dropped|launched|committed|commits|carried\\s+out|carries\\s+out|slaughtered|massacred|besieged|besieging|destroyed|destroys|violated|violates|violating|gassed|gassing|wiped|wiping|obstruct\\w*|hamper\\w*|used|uses|using|supports?|supported|supporting|sponsor\\w*|arms|armed|arming|funds|funded|is\\s+responsible|are\\s+responsible|was\\s+responsible|were\\s+responsible|bears?\\s+responsibility|were\\s+behind|was\\s+behind|is\\s+behind|are\\s+behind|(?:has|have|had)\\s+(?:been\\s+)?(?:killing|bombing|targeting|shelling|attacking|firing|besieging|using|supporting)|continues?\\s+(?:to|its|their)|ignor\\w+|slit|beheaded|tortured|kidnapped|abducted|planted|shot|stormed|seized|looted|burned|displaced|starv\\w+|blocked|prevented|refus\\w+|failed|fails|resorted|embarked|launching|regroup\\w*|trying|tried|seeks?|intends?|wants?|plan(?:s|ned)?)';
const HARM_VERB_AFTER_RE = new RegExp(
  `^\\s*(?:'s|’s)?\\s*(?:,[^,]{0,60},\\s*)?(?:(?:has|have|had|was|were|is|are|also|reportedly|allegedly|deliberately|intentionally|repeatedly|systematically|indiscriminately|then|again|still|recently|now|apparently|of\\s+course|had\\s+been|have\\s+been|has\\s+been|\\w+ly)\\s+){0,3}${HARM_VERB_SRC}\\b`,
  'i',
);
const FORCE_THEN_VERB_RE = new RegExp(`^[^.;]{0,50}?\\b${HARM_VERB_SRC}\\b`, 'i');
const BY_BEFORE_RE = /\bby\s+(?:the\s+|a\s+)?(?:[\w'’-]+\s+){0,2}$/i;
const OF_CRIME_BEFORE_RE =
  /\b(?:crimes?|massacres?|atrocities|strikes?|airstrikes?|raids?|bombing|bombardments?|attacks?|shelling|aggression|violations?|presence|mistakes|occupation|policy|hands|killing|practices|terrorism|brutality|support|backing)\s+(?:committed\s+|carried\s+out\s+)?(?:of|by|from)\s+(?:the\s+)?$/i;
const VICTIM_BEFORE_RE =
  /\b(?:on|against|targeting|targeted|at|toward|towards|hit|hitting|struck|killed|killing|kill|bombed|attacked|attacking|shelled|fighting|fight|fought|battling|battle|combat|combating|defeat|defeating|supported|support|supporting|backing|backed|arming|helping|aiding|with|to|into|for|from|between|among|and)\s+(?:the\s+|a\s+)?(?:[\w'’-]+\s+){0,1}$/i;

function isAgent(sentence: string, h: ActorHit): boolean {
  const after = sentence.slice(h.end, h.end + 80);
  const before = sentence.slice(Math.max(0, h.index - 50), h.index);
  if (BY_BEFORE_RE.test(before) && HARM_RE.test(before)) return true;
  if (OF_CRIME_BEFORE_RE.test(before)) return true;
  if (VICTIM_BEFORE_RE.test(before)) return false;
  if (HARM_VERB_AFTER_RE.test(after)) return true;
  if (HARM_NOUN_AFTER_RE.test(after)) return true;
  const force = FORCE_NOUN_AFTER_RE.exec(after);
  return force !== null && FORCE_THEN_VERB_RE.test(after.slice(force[0].length));
}

function resolveGeneric(h: ActorHit, speaker: Actor | null): Actor | null {
  if (!h.generic) return h.actor;
  return speaker && GOVERNMENT_SIDE.has(speaker) ? 'rebels' : null;
}

function allegationFrom(sentence: string, from: number): string {
  const rest = sentence.slice(from).replace(/^\s*(?:'s|’s)?\s*/, '');
  const words = rest.split(/\s+/).filter(Boolean).slice(0, 10).join(' ');
  return words.replace(/["“”,;:.]+$/g, '').trim();
}

function quoteSpan(sentence: string, from: number, to: number): string {
  let end = sentence.indexOf('.', to);
  if (end < 0 || end - to > 120) end = Math.min(sentence.length, to + 80);
  return sentence.slice(from, end).trim();
}

/** Accusations in an article, one per (accuser, accused) pair, in order of appearance. */
export function findAccusations(sentences: Sentence[], ctx: ArticleContext = {}): Accusation[] {
  const out: Accusation[] = [];
  const seen = new Set<string>();
  const outletActor = ctx.outlet ? (STATE_OUTLETS[ctx.outlet.toLowerCase()] ?? null) : null;
  let lastSpeaker: ActorHit | null = null;

  const add = (
    s: string,
    accuser: ActorHit | { actor: Actor; name: string; index: number; end: number },
    accusedActor: Actor,
    accused: ActorHit,
    allegation: string,
    quote: string,
  ): void => {
    if (accuser.actor === accusedActor) return;
    const key = `${accuser.actor}>${accusedActor}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({
      accuser: accuser.actor,
      accused: accusedActor,
      accuserName: accuser.name.replace(/^the\s+/i, ''),
      accusedName: accused.name.replace(/^the\s+/i, ''),
      allegation,
      place: findPlace(s, accused.index),
      quote,
    });
  };

  for (const sent of sentences) {
    const s = sent.text;
    const hits = findActors(s);
    const sa: SentenceActors = { hits, speaker: findSpeaker(s, hits) };
    let speaker: ActorHit | { actor: Actor; name: string; index: number; end: number } | null =
      sa.speaker;
    if (!speaker && lastSpeaker && (PRONOUN_SPEAKER_RE.test(s) || /^["“]/.test(s))) {
      speaker = { ...lastSpeaker, index: 0, end: 0 };
    }
    if (!speaker && outletActor) {
      speaker = { actor: outletActor, name: ctx.outlet ?? '', index: 0, end: 0 };
    }
    const denial = DENIAL_RE.test(s);

    // Route 1: explicit verbs of blame.
    for (const v of s.matchAll(ACCUSE_RE)) {
      const vi = v.index ?? 0;
      const ve = vi + v[0].length;
      const verb = v[0].toLowerCase();
      if (/^(?:held|holds?|holding)$/.test(verb) && !/^\s+\S+(?:\s+\S+){0,3}\s+responsible/i.test(s.slice(ve))) {
        continue;
      }
      const passive = /\b(?:was|were|been|being|is|are)\s+$/i.test(s.slice(0, vi)) ||
        /^\s+by\b/i.test(s.slice(ve));
      const beforeHits = hits.filter((h) => h.end <= vi && !h.generic);
      const afterHits = hits.filter((h) => h.index >= ve && h.index - ve < 90);
      let accuser: ActorHit | { actor: Actor; name: string; index: number; end: number } | null =
        null;
      let accused: ActorHit | null = null;
      if (passive) {
        accused = beforeHits[beforeHits.length - 1] ?? null;
        const by = /^\s+by\s+/i.exec(s.slice(ve));
        accuser = by ? (afterHits[0] ?? null) : (speaker ?? null);
      } else {
        // "X said ..., blaming it for" / "Putin, an ally of Assad, ... accused rebels": the
        // clause's speaker is the accuser; otherwise the nearest actor before the verb.
        const participle = /ing$/.test(verb);
        const subject = beforeHits[beforeHits.length - 1] ?? null;
        accuser =
          (participle || (speaker && speaker.end > 0 && speaker.index < vi)) && speaker
            ? speaker
            : (subject ?? speaker ?? null);
        accused =
          afterHits.find((h) => h.actor !== accuser?.actor && resolveGeneric(h, accuser?.actor ?? null)) ?? null;
        // "blaming it for killing ..." / "accused them of": the pronoun points back.
        if (!accused && /^\s+(?:it|them|him|her)\b/i.test(s.slice(ve))) {
          accused =
            [...hits].reverse().find((h) => h.end <= vi && h.actor !== accuser?.actor && !h.generic) ?? null;
        }
      }
      if (!accuser || !accused) continue;
      if (/\b(?:never|not|n't|refused\s+to|declined\s+to|without)\s+(?:\w+\s+){0,3}$/i.test(s.slice(Math.max(0, vi - 40), vi))) {
        continue;
      }
      if (/^accusations?$/.test(verb) && denial) continue;
      const accusedActor = resolveGeneric(accused, accuser.actor);
      if (!accusedActor) continue;
      const of = /\b(?:of|for)\s+(.*)$/i.exec(s.slice(accused.end));
      const allegation = of ? allegationFrom(of[1] ?? '', 0) : allegationFrom(s, accused.end);
      const qs = Math.min(accuser.end > 0 ? accuser.index : vi, vi, accused.index);
      add(s, accuser, accusedActor, accused, allegation, quoteSpan(s, qs, accused.end));
    }

    // Route 2: attributed speech naming an agent of harm.
    if (speaker && !denial && HARM_RE.test(s)) {
      for (const h of hits) {
        if (h === speaker || h.actor === speaker.actor) continue;
        if (h.index >= speaker.index && h.end <= speaker.end && speaker.end > 0) continue;
        const actor = resolveGeneric(h, speaker.actor);
        if (!actor) continue;
        if (!isAgent(s, h)) continue;
        const qs = Math.min(speaker.end > 0 ? speaker.index : h.index, h.index);
        const qe = Math.max(speaker.end, h.end);
        add(s, speaker, actor, h, allegationFrom(s, h.end), quoteSpan(s, qs, qe));
      }
    }
    if (sa.speaker) lastSpeaker = sa.speaker;
  }
  return out;
}
