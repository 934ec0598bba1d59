// Accusations: who publicly blames whom. Three routes, all sentence-local:
//  1. an explicit verb of blame ("X accused Y of", "X condemned Y", "blaming Y for");
//  2. attributed speech that presents another party as the agent of harm ("the Observatory said
//     coalition jets killed 15 civilians", "Russia: US-led strike killed 62 Syrian troops");
//  3. a speaker calling on a party to stop, halt or investigate its strikes.
// Neutral reporting by the journalist (no speaker), denials and uncertainty yield nothing.

import type { Accusation, Actor, ArticleContext } from '../domain/claims.ts';
import { type ActorHit, findActors } from './actors.ts';
import { findPlace } from './places.ts';
import { allMatches } from './regex.ts';
import { isHeadlineJunk, type Sentence } from './sentences.ts';

const SPEECH =
  '(?:said|says|say|saying|reported|reports|reporting|stated|states|claimed|claims|claiming|told|tells|added|adds|noted|notes|stressed|stresses|warned|warns|warning|insisted|insists|confirmed|confirms|announced|announces|alleged|alleges|documented|documents|revealed|tweeted|wrote|writes|argued|argues|explained|pointed\\s+out|believes|asserted|asserts|demanded|demands|urged|urges|called\\s+(?:on|for)|calls\\s+(?:on|for)|complained|complains|denounced|denounces|accused|accuses|blamed|blames|condemned|condemns|criticized|criticised|slammed|blasted|charged|affirmed|affirms|emphasized|emphasised|emphasizes|emphasises|underlined|highlighted|indicated|mentioned|went\\s+on|reiterated|reiterates|described|describes|considers|considered|views|sees|regards|dismissed|questioned|lashed\\s+out|expressed|voiced|echoed|responded|replied|remarked|observed|estimated|estimates|concluded|concludes|recorded|registered|counted|put\\s+the|gave\\s+a|issued|published|released|believed|thinks|think|feared|fears|vowed|pledged|spoke|speaking|repeated\\s+(?:the|its|his|her|their|that)|according)';

const PRONOUN_SPEAKER_RE = new RegExp(
  `(?:^["“]?\\s*(?:It|Its\\s+(?:statement|report))|\\bit(?=\\s+(?:also\\s+)?(?:said|says|reported|added)(?:\\s+(?:on\\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|earlier|late|later))?(?:\\s*[.,;"”]|\\s*$|\\s+(?:adding|blaming|citing|accusing|noting)\\b))|\\b(?:he|she|they|the\\s+(?:diplomat|minister|ministry|spokesman|spokeswoman|spokesperson|official|officials|statement|general|envoy|ambassador|president|agency|group|monitor|observatory|organization|organisation|report|coalition|body|source|sources|commander|colonel|army|military|country|government)))\\s+(?:also\\s+|further\\s+|then\\s+|later\\s+)?${SPEECH}\\b`,
  'i',
);
const ACCUSE_RE =
  /\b(?:accus(?:ed|es|e|ing|ations?)|blam(?:ed|es|e|ing)|condemn(?:ed|s|ing|ation)?|denounc(?:ed|es|e|ing)|criticiz(?:ed|es|e|ing)|criticis(?:ed|es|e|ing)|slamm?(?:ed|s|ing)?|blast(?:ed|s|ing)|lambast(?:ed|s|ing)?|chastis(?:ed|es|ing)|castigat(?:ed|es|ing)|deplor(?:ed|es|e|ing)|decr(?:ied|ies|y|ying)|rebuk(?:ed|es|e|ing)|censur(?:ed|es|e|ing)|(?:lash|hit)(?:es|ed|s|ting)?\s+out\s+(?:at|against)|held|holds?|holding|point(?:ed|s|ing)?\s+(?:the|their|an\s+accusing)\s+fingers?\s+at|charged)\b/gi;
const HARM_RE =
  /\b(?:kill\w*|dead|deaths?|died|civilians?|casualt\w*|massacres?|crimes?|criminal|destr\w+|illegal\w*|barbar\w+|terror\w*|atrocit\w+|violat\w+|chemical|gas(?:sing|sed)?|toxic|poison\w*|siege|besieg\w+|obstruct\w*|bomb\w*|shell\w*|strikes?|airstrikes?|struck|raids?|attack\w*|target\w*|mistakes?|cover(?:ed|ing)?\s+up|lies|lying|fabricat\w+|support\w*|arm(?:s|ed|ing)\b|fund\w*|execut\w+|slaughter\w*|murder\w*|genocide|cleansing|occup\w+|aggression|invasion|encroach\w*|responsib\w+|behind|hamper\w*|unwilling\w*|hypocri\w+|cynical|suffer\w*|catastroph\w+|disaster|wip\w+|rocket\w*|fired|sniper|tortur\w+|starv\w+|displac\w+|ignor\w*|silence|inaction|impunity|pretext|sponsor\w*|harbou?r\w*|regroup\w*|breach\w*|provocat\w+|aggress\w+|mines?|planted|slit|behead\w*|brutal\w*|heinous|onslaught|indiscriminate\w*|abuses?|misinformation|rumou?rs)\b/i;
const DENIAL_RE =
  /\b(?:denied|denies|deny|denying|denial|rejected\s+(?:the\s+)?(?:claims?|accusations?|allegations?|reports?)|dismissed\s+(?:the\s+)?(?:claims?|accusations?|allegations?)|refuted|no\s+evidence|(?:was|is|remains)\s+(?:unclear|not\s+clear|unknown)|it\s+(?:was|is)\s+not\s+(?:immediately\s+)?(?:clear|known))\b/i;
// Harm done to armed enemies ("strikes kill 35 jihadists") is reported, not alleged, unless
// civilians are also involved.
const MILITANT_VICTIMS_RE =
  /\b(?:[Kk]ill\w*|dead|[Ee]liminat\w+|[Dd]estroy\w*)\s+(?:[\w-]+\s+){0,4}?(?:[Jj]ihadists|[Mm]ilitants|[Tt]errorists|[Cc]ommanders|[Ll]eaders|jihadists|militants|extremists|terrorists|Daesh|IS|ISIS|ISIL|gunmen|insurgents|members)\b|\b(?:[Jj]ihadists|[Mm]ilitants|[Ee]xtremists|[Tt]errorists|[Ff]ighters|[Mm]embers|[Gg]unmen|[Ii]nsurgents|[Cc]ommanders|[Ll]eaders)\s+(?:were|have\s+been|had\s+been|[Kk]illed)\b|\b(?:death|deaths|killing)\s+of\s+(?:\w+\s+){0,4}?(?:IS|ISIS|ISIL|Daesh|jihadist|militant|Nusra)\b|\b(?:destroyed|targeted|struck|hit|bombed|attacked|pounded|pounding|targeting|hitting)\s+(?:(?!while\b|when\b|as\b|after\b|before\b|who\b|which\b)\w+\s+){0,5}?(?:of\s+)?(?:ISIS|ISIL|IS|Daesh|terrorists|militants|jihadists|Nusra)\b/;
// Combat deaths of armed men ("killed five pro-regime forces"), which monitors report neutrally.
const COMBATANT_VICTIMS_RE =
  /\b(?:kill\w*|dead)\s+(?:[\w-]+\s+){0,4}?(?:forces|fighters|members|soldiers|troops|militiamen|officers|commanders?)\b|\b(?:forces|fighters|members|soldiers|troops|militiamen)\s+(?:were|have\s+been|had\s+been)\s+killed\b|\b(?:attack\w*|ambush\w*|clash\w*|fought|fighting|battl\w+|fired\s+on|repel\w*|pound\w*|shell(?:ed|ing)|bombed|struck|targeted|hit)\s+(?:with\s+|on\s+|against\s+)?(?:the\s+)?(?:(?!by\b)[\w-]+\s+){0,2}?(?:forces|fighters|soldiers|troops|militiamen|positions|militants|checkpoints?|posts?)\b/;
const NEUTRAL_REPORTERS = new Set<Actor>([
  'sohr',
  'ngo',
  'media',
  'other',
  'white_helmets',
  'hrw',
  'amnesty',
  'msf',
  'un',
]);
const CIVILIAN_RE =
  /\b(?:civilians?|children|women|men|people|residents|hospitals?|schools?|markets?|homes|neighbou?rhoods?|patients|medical|humanitarian|infrastructure|refugees|families|villagers|innocent)\b/i;

// Not passive: "had been confirmed dead", "was reported killed".
const SPEECH_RE = new RegExp(
  `(?<![\\w-])(?<!\\b(?:been|be|was|were|is|are)\\s)${SPEECH}\\b(?!\\s+to\\s+(?:be|have)\\b)`,
  'gi',
);
// Words allowed between a speaker and its verb: "Russia's Defence Ministry spokesman Igor
// Konashenkov said", "Human Rights Watch has", "the Observatory, which ..., said".
// A few words ("has also", "spokesman"), an appositive between commas ("the Observatory, which
// has a network of sources, said"), a title and name ("spokesman Major-General Igor
// Konashenkov said") or the rest of the speaker's name ("the Russian center for monitoring of
// the ceasefire registered"); a longer plain clause means the actor is not the speaker.
const SPEAKER_GAP_RE =
  /^[\s()]*(?:[\w'’.-]+[\s()]+){0,4}$|^\s*,[^,]{1,90},\s*(?:[\w'’.-]+\s+){0,2}$|^\s+(?:[a-z][\w-]*\s+){0,4}(?:(?:[A-Z][\w'’.-]*|of|for|the|and|de|al|el)\s+){1,8}$|^\s+(?:for|of|in|at|on)\s+(?:[\w'’-]+\s+){1,9}$/;
// After a post-verb speaker the clause ends: "..., said the Observatory." / "... on Tuesday".
const POST_SPEAKER_END_RE =
  /^\s*(?:$|[,.;:)"”’]|(?:on|in|at|late|early|last|this|today|yesterday|tonight|told|which|who|that|citing|adding|quoted|via|monitor|chief|spokes\w+|\()\b)/i;
// Between a post-verb speech verb and its speaker: "said the head of the Syrian Coalition".
const POST_SPEAKER_GAP_RE =
  /^\s+(?:(?:the|a|an|its|his|her|their)\s+)?(?:(?:head|chief|leader|spokes(?:man|woman|person)|president|director|member|official|representative)\s+(?:of|for|at)\s+(?:the\s+)?)?(?:[A-Z][\w'’.-]*\s+){0,3}$/;
// "... said Aleppo-based activist Abu Omar." - the person's name closes the clause.
const POST_SPEAKER_NAME_END_RE = /^(?:\s+[A-Z][\w'’-]*){1,3}\s*(?:$|[,.;:)"”’])/;
// The speaker's own words reach state media: "a source told SANA", "SANA reporter said".
const STATE_MEDIA_SOURCE_RE =
  /\b(?:told|to|for)\s+(?:the\s+)?SANA\b|\bSANA(?:'s|s)?\s+(?:reporter|correspondent)s?\b/;

// Outlets that speak for a party: their unattributed claims are that party's.
const PARTY_OUTLETS: [RegExp, Actor][] = [
  [/\bsana\b|syrian\s+arab\s+news\s+agency/i, 'syria_gov'],
  [/\betilaf\b|syrian\s+(?:national\s+)?coalition/i, 'opposition'],
];

function outletParty(outlet: string | undefined): Actor | null {
  if (!outlet) return null;
  return PARTY_OUTLETS.find(([re]) => re.test(outlet))?.[1] ?? null;
}
/** Speakers for whom "terrorists" and "armed groups" mean the rebels. */
const GOVERNMENT_SIDE = new Set<Actor>(['syria_gov', 'russia', 'iran', 'hezbollah']);

const OBJECT_POSITION_RE =
  /\b(?:against|on|in|of|by|with|to|from|at|targeting|fighting|for|than|between|toward|towards|into)\s+(?:the\s+)?$/i;

// "the field commander of pro-government troops said": the organisation speaks through him.
const SPOKESMAN_OF_RE =
  /\b(?:commander|spokes(?:man|woman|person)|head|chief|director|member|official|minister|ambassador|envoy|representative|leader|president|statement|office|department|council|committee)\s+(?:of|for|at)\s+(?:the\s+)?$/i;

// "According to (the) report ISIS has executed ...": the report was named before, and the actor
// after it is the subject of the reported clause, not its source.
const ACCORDING_ANAPHOR_SRC =
  '\\baccording\\s+to\\s+(?:the\\s+|a\\s+|this\\s+|that\\s+|its\\s+|their\\s+)?(?:latest\\s+|new\\s+|same\\s+)?(?:report|statement|study|findings|figures|data|document|letter|count|tally)';
const ACCORDING_ANAPHOR_RE = new RegExp(`${ACCORDING_ANAPHOR_SRC}\\s+(?:the\\s+)?$`, 'i');
const ACCORDING_ANAPHOR_START_RE = new RegExp(
  `${ACCORDING_ANAPHOR_SRC}\\b(?!\\s+(?:by|from|of|issued|published|released|compiled)\\b)`,
  'i',
);

// What a pronoun or alias can refer back to: a person ("he", "the spokeswoman"), a body ("it",
// "the ministry") or either ("they", "the statement").
const PERSON_REF_RE =
  /^(?:he|she|the\s+(?:diplomat|minister|spokes(?:man|woman|person)|official|general|envoy|ambassador|president|commander|colonel))$/i;
const BODY_REF_RE =
  /^(?:it|its\s+\w+|the\s+(?:ministry|agency|group|monitor|observatory|organi[sz]ation|coalition|body|army|military|country|government))$/i;
// A sentence's subject: the actor its opening noun phrase names ("Russian Foreign Minister Sergei
// Lavrov met ...", "The Syrian Foreign Ministry sent ..."), titles and names only before it.
const SUBJECT_LEAD_RE =
  /^[\s"“(]*(?:(?:the|a|an|of|for|and|al|el|de|deputy|foreign|defen[cs]e|prime|minister|spokes(?:man|woman|person)|envoy|ambassador|president|general|chief|head|official|senior|top|former|ministry|[A-Z][\w'’.-]*)\s+){0,8}$/;
const SUBJECT_NOT_SPEAKER_RE =
  /(?:forces|troops|jets|warplanes|aircraft|planes|army|military|militants|fighters|helicopters|aviation|rebels?|insurgents?|groups?|factions?)$/i;
const PERSON_TITLE_RE =
  /\b(?:[Mm]inister|[Ss]pokes(?:man|woman|person)|[Pp]resident|[Aa]mbassador|[Ee]nvoy|[Gg]eneral|[Cc]olonel|[Oo]fficial|[Cc]hief|[Hh]ead|[Cc]ommander|[Ss]ecretary|[Ll]eader|[Dd]irector|[Rr]epresentative|Mr|Mrs|Ms|Dr|Gen|Col|Maj|Lt)\.?\s+(?:[A-Z][\w'’.-]*\s+){0,4}$/;
const KNOWN_PERSON_RE =
  /\b(?:Putin|Lavrov|Zakharova|Konashenkov|Syromolotov|Nebenzia|Churkin|Peskov|Shoigu|Ryabkov|Rudskoy|Safronkov|Medvedev|Gerasimov|Obama|Trump|Kerry|Tillerson|Power|Haley|Mattis|Carter|McGurk|Pompeo|Garver|Dorrian|Dillon|Toner|Kirby|Assad|M(?:ou|u|o)a?llem|Jaafari|Mekdad|Shaaban|Erdogan|Cavusoglu|Yildirim|Rouhani|Zarif|Khamenei|Netanyahu|Johnson|Cameron|May|Fallon|Hollande|Macron|Fabius|Drian|Ayrault|Mistura|Ki-?moon|Guterres|Rahman|Abdulrahman)(?:'s|’s|s)?$/;

// "Russian Foreign Ministry spokeswoman Maria Zakharova": a title and a name after the body.
const PERSON_TAIL_RE =
  /^\s+(?:[Ss]pokes(?:man|woman|person)|[Mm]inister|[Hh]ead|[Cc]hief|[Dd]irector|[Cc]ommander|[Oo]fficial|[Aa]mbassador|[Ee]nvoy|[Rr]epresentative)(?:\s+[A-Z][\w'’.-]*){1,4}\b/;

const SUBJECT_VERB_RE =
  /^\s+(?:(?:on|in|last|this|yesterday|today|earlier|later|also|then|\w+ly)\s+(?:[A-Z]?\w+\s+)?)?(?:has|have|had|was|were|is|are|will|would|did|does|[a-z]{2,}ed|sent|met|wrote|spoke|told|made|gave|took|held|said|says|[a-z]{3,}s)\b/;

interface Subject {
  hit: ActorHit;
  person: boolean;
}

function sentenceSubject(sentence: string, hits: ActorHit[]): Subject | null {
  const lead = hits.filter(
    (x) => !x.generic && x.index <= 120 && SUBJECT_LEAD_RE.test(sentence.slice(0, x.index)),
  );
  const h = lead[0];
  const last = lead[lead.length - 1];
  if (!h || !last) return null;
  if (
    !SUBJECT_VERB_RE.test(sentence.slice(last.end)) &&
    !PERSON_TAIL_RE.test(sentence.slice(last.end))
  )
    return null;
  if (
    SUBJECT_NOT_SPEAKER_RE.test(h.name) ||
    /^\s*-?(?:led|backed|based)\b/.test(sentence.slice(h.end))
  )
    return null;
  const person =
    lead.some((x) => KNOWN_PERSON_RE.test(x.name)) ||
    PERSON_TITLE_RE.test(sentence.slice(0, h.index)) ||
    PERSON_TAIL_RE.test(sentence.slice(last.end));
  return { hit: h, person };
}

/** The referring word of a pronoun-speaker sentence and what it can refer to. */
function pronounKind(sentence: string): 'person' | 'body' | 'any' | 'speech' | null {
  const m = PRONOUN_SPEAKER_RE.exec(sentence);
  if (!m) return null;
  const ref = (m[0].match(/^["“]?\s*(?:it|its\s+\w+)|\b(?:it|he|she|they|the\s+\w+)\b/i)?.[0] ?? '')
    .replace(/^["“]?\s*/, '')
    .trim();
  if (/^(?:the\s+(?:source|sources|statement|report)|its\s+\w+)$/i.test(ref)) return 'speech';
  if (PERSON_REF_RE.test(ref)) return 'person';
  if (BODY_REF_RE.test(ref)) return 'body';
  return 'any';
}

type Speaker = Pick<ActorHit, 'actor' | 'name' | 'index' | 'end'>;

function findSpeakers(sentence: string, hits: ActorHit[]): ActorHit[] {
  // Headline "Russia: US-led strike killed 62 Syrian troops".
  const first = hits[0];
  if (first && first.index < 3 && /^\s*:/.test(sentence.slice(first.end))) return [first];
  for (const h of hits) {
    if (h.generic) continue;
    const before = sentence.slice(Math.max(0, h.index - 90), h.index);
    if (ACCORDING_ANAPHOR_RE.test(before)) continue;
    if (/\baccording\s+to\s+(?:(?:the|a|an)\s+)?(?:[\w'’-]+\s+){0,3}$/i.test(before)) return [h];
  }
  for (const v of allMatches(SPEECH_RE, sentence)) {
    const vi = v.index ?? 0;
    const ve = vi + v[0].length;
    if (/^according$/i.test(v[0])) continue;
    // Subject speaker: the nearest actor before the verb within a few words; actors joined to
    // it by "and" speak too ("Rights groups and local activists say").
    let k = -1;
    for (let i = 0; i < hits.length; i++) {
      const h = hits[i];
      if (!h || h.end > vi) break;
      if (h.generic) continue;
      const gap = sentence.slice(h.end, vi);
      // An actor right after a preposition is an object ("air war against IS ... said").
      const lead = sentence.slice(Math.max(0, h.index - 40), h.index);
      const objectOf = OBJECT_POSITION_RE.test(lead) && !SPOKESMAN_OF_RE.test(lead);
      if (
        !objectOf &&
        gap.length < 90 &&
        SPEAKER_GAP_RE.test(gap) &&
        !/^\s*(?:-?led|-?backed)\b/.test(gap)
      )
        k = i;
    }
    let subject = hits[k];
    // Appositive: "Putin, a key ally of Syrian President Assad, said" - Putin speaks.
    const head = hits[k - 1];
    if (
      subject &&
      head &&
      !head.generic &&
      /^\s*,\s+(?:a|an|the|who|which)\b[^,]*$/i.test(sentence.slice(head.end, subject.index)) &&
      /^\s*,/.test(sentence.slice(subject.end))
    ) {
      subject = head;
      k -= 1;
    }
    if (subject) {
      const out = [subject];
      const prev = hits[k - 1];
      if (
        prev &&
        !prev.generic &&
        /^\s+and\s+(?:the\s+)?(?:\w+\s+)?$/i.test(sentence.slice(prev.end, subject.index))
      ) {
        out.unshift(prev);
      }
      return out;
    }
    // Post-verb speaker: "said the Syrian Observatory".
    for (const h of hits) {
      if (h.index < ve || h.generic) continue;
      const gap = sentence.slice(ve, h.index);
      if (!POST_SPEAKER_GAP_RE.test(gap)) break;
      if (/^(?:told|tells)$/i.test(v[0])) break;
      const rest = sentence.slice(h.end);
      if (POST_SPEAKER_END_RE.test(rest) || POST_SPEAKER_NAME_END_RE.test(rest)) return [h];
      break;
    }
  }
  return [];
}

const MODIFIERS =
  "(?:(?!(?:a|an|the|and|or|of|on|in|to|for|with|at|by|from|said|says|say|told|reported|added|claimed)\\b)[a-z][\\w'’-]*\\s+){0,2}?";
const HARM_NOUN_AFTER_RE = new RegExp(
  `^\\s*(?:'s|’s|s')?\\s*(?:-?led\\s+)?${MODIFIERS}(?:air\\s*strikes?|strikes?|raids?|bombings?|bombardments?|shelling|attacks?|assault|crimes|massacres?|atrocities|mistakes|presence|aggression|violations|occupation|invasion|incursion|intervention|advance|barrel\\s+bombs|shells|rockets|missiles|mortars?|snipers?|gunfire|policy|policies|campaign|brutality|terrorism|support|onslaught|backing|lies|propaganda|rockets?|fire|attempts|suicide\\s+bombers?|suicide\\s+bombings?|car\\s+bombs?|bombers?|snipers?|silence|inaction|impunity|complicity|failure|indifference|crimes?)\\b`,
  'i',
);
const FORCE_NOUN_AFTER_RE = new RegExp(
  `^\\s*(?:'s|’s|s')?\\s*(?:-?led\\s+)?${MODIFIERS}(?:jets|warplanes|aircraft|planes|aviation|helicopters|artillery|forces|troops|militias?|soldiers|army|fighters|militants|members|terrorists|tanks|drones?|air\\s+force|military)\\b`,
  'i',
);
const HARM_VERB_SRC =
  '(?:killed|kills|kill|killing|bombed|bombs|bombing|targeted|targets|targeting|shelled|shelling|struck|strike|strikes|hit|hits|attacked|attacks|attack|attacking|fired|fires|firing|executed|executes|executing|dropped|drop|launched|committed|commits|carried\\s+out|carries\\s+out|slaughtered|massacred|besieged|besieging|destroyed|destroys|violated|violates|violating|gassed|gassing|wiped|wiping|obstruct\\w*|hamper\\w*|used|uses|using|supports?|supported|supporting|sponsor\\w*|arms|armed|arming|funds|funded|is\\s+responsible|are\\s+responsible|was\\s+responsible|were\\s+responsible|bears?\\s+responsibility|were\\s+behind|was\\s+behind|is\\s+behind|are\\s+behind|(?:is|are|was|were)\\s+to\\s+blame|(?:has|have|had)\\s+(?:been\\s+)?(?:killing|bombing|targeting|shelling|attacking|firing|besieging|using|supporting|keeping|holding|spreading|committing)|continues?\\s+(?:to|its|their)|continued\\s+(?:to|its|their)|ignor\\w+|protect(?:s|ed|ing)?|shield(?:s|ed|ing)?|cover(?:s|ed|ing)?\\s+(?:up|for)|hitting|slit|beheaded|tortured|kidnapped|abducted|planted|shot|stormed|seized(?!\\s+control)|looted|burned|displaced|starv\\w+|blocked|prevented|refus\\w+|failed|fails|resorted|embarked|launching|regroup\\w*|trying|tried|released|intensified|stepped\\s+up|pounded|raided|unleashed|pursu\\w+|insist\\w*|was\\s+keeping|keeps|keeping|holds|spreading|spread)';
const HARM_VERB_AFTER_RE = new RegExp(
  `^\\s*\\)?\\s*(?:'s|’s)?\\s*(?:,[^,]{0,60},\\s*)?(?:and\\s+(?:its|their|his)\\s+(?:allies|backers|supporters|militias)\\s+)?(?:(?:has|have|had|was|were|is|are|also|reportedly|allegedly|deliberately|intentionally|repeatedly|systematically|indiscriminately|then|again|still|recently|now|apparently|often|who|that|which|may\\s+have|might\\s+have|must\\s+have|could\\s+have|had\\s+been|have\\s+been|has\\s+been|\\w+ly)\\s+){0,3}${HARM_VERB_SRC}\\b`,
  'i',
);
const FORCE_THEN_HARM_RE = new RegExp(
  `^(?:\\s+(?!by\\b|against\\b|on\\b|of\\b|in\\b)[\\w'’-]+){0,4}?\\s+(?:their\\s+|its\\s+)?(?:${HARM_VERB_SRC}|bombardment|bombing|raids?|strikes?|airstrikes?)\\b`,
  'i',
);
const UNDECIDED_BEFORE_RE =
  /\b(?:whether|determine\w*\s+(?:who|which)|unclear\s+(?:who|which))\b[^.;]*$/i;
const HYPOTHETICAL_BY_RE = /\b(?:would|could|might|may)\s+(?:not\s+)?be\s+\w+\s+by\s+(?:the\s+)?$/i;
// Generic names ("terrorists") only count with a violent verb, not "continue to receive".
const VIOLENT_AFTER_RE =
  /^(?:\s+(?:positioned|located|stationed|holed\s+up|entrenched|deployed|based)\s+in(?:\s+(?!by\b|against\b|on\b|of\b)[\w'’-]+){1,7}?(?=\s+(?:fired|targeted|shelled|attacked|launched)\b))?(?:\s+(?!by\b|against\b|on\b|of\b)[\w'’-]+){0,4}?\s+(?:killed|kills|killing|fired|fires|firing|shelled|shelling|attacked|attacks|attack|attacking|targeted|targeting|targets|launched|bombed|struck|hit|executed|planted|detonated|stormed|kidnapped|abducted|besieged|used|breached|violated|committed)\b/i;
const PASSIVE_AFTER_RE =
  /^\s+(?:(?:positions?|posts?|bases?|convoys?|troops|soldiers|headquarters|checkpoints?)\s+)?(?:were|was|have\s+been|has\s+been|had\s+been|being|are|is)\s+(?:\w+\s+)?(?:killed|wounded|injured|targeted|hit|struck|attacked|bombed|shelled|executed|captured|arrested|driven|forced|pushed|defeated)\b/i;
// "Russia's crimes", "the regime's bombardment": possessing the harm makes the agent.
const POSSESSED_CRIME_RE =
  /^\s*(?:'s|’s|s')?\s+(?:crimes|massacres?|atrocities|aggression|violations|occupation|bombardments?|brutality|terrorism|lies|onslaught|war\s+crimes)\b/i;
// "the West was rushing to provide aid to cover up evidence of its own crimes".
const COVER_UP_AFTER_RE = /^[^.;]{0,70}?\bto\s+(?:cover\s+up|cover-up|conceal|whitewash)\b/i;
const TERROR_LABEL_RE =
  /\b(?:(?:are|is|as|considers?|sees?|regards?|designated?|designates|labels?|brands?|calls?)\s+(?:a\s+|an\s+)?(?:\w+\s+){0,3}?(?:terrorist|terror)\s+(?:organi[sz]ation|group|outfit|entity)|(?:national\s+)?security\s+threat|extension\s+of)/i;
// Groups whose terrorist status is itself contested; calling IS or Nusra terrorists is not news.
const TERROR_LABELLED = new Set<Actor>(['sdf', 'rebels', 'opposition', 'hezbollah']);
// Agent after "by": "the bombing carried out by the coalition", "breaches by terrorist groups".
const BY_BEFORE_RE =
  /\b(?:assault|onslaught|offensive|campaign|siege|sieges|barrages?|killed|carried\s+out|committed|launched|fired|dropped|conducted|perpetrated|bombing|bombardments?|strikes?|airstrikes?|attacks?|shelling|raids?|massacres?|planted|breaches|violations|executed|targeted|hit|struck|bombed|shelled|caused|weapons|gas|policy|killings|destruction|displacement|crimes?)\s+(?:\w+\s+){0,2}?by\s+(?:the\s+|a\s+)?(?:[\w'’-]+\s+){0,2}(?:of\s+the\s+)?$/i;
const OF_CRIME_BEFORE_RE =
  /\b(?:work|handiwork|crimes?|massacres?|atrocities|aggression|presence|mistakes|occupation|policy|policies|hands|practices|terrorism|brutality|lies)\s+(?:committed\s+|carried\s+out\s+)?(?:of|by|from)\s+(?:the\s+)?$|\b(?:strikes?|airstrikes?|raids?|bombing|bombardments?|attacks?|shelling|violations?|killing)\s+(?:committed\s+|carried\s+out\s+)?(?:by|from)\s+(?:the\s+)?$/i;
// "Responsibility for this crime lies with the international community".
const RESPONSIBILITY_BEFORE_RE =
  /\bresponsib\w*\b[^.]{0,60}\b(?:lies|rests|lie|rest)\s+with\s+(?:the\s+)?$|\b(?:lay|lays|place[sd]?|put|puts|hold|holds|held)\s+(?:the\s+|full\s+)?responsibility\s+(?:for\s+[^.]{0,40}\s+)?(?:on|with|upon)\s+(?:the\s+)?$/i;
const VICTIM_BEFORE_RE =
  /(?:\b(?:on|against|between|targeting|targeted|at|toward|towards|hit|hitting|struck|killed|killing|kill|bombed|attacked|attacking|shelled|fighting|fight|fought|battling|battle|combat|combating|defeat|defeating|supported|support|supporting|backing|backed|arming|helping|aiding|with|to|into|for|among|told|tells|telling|urged|urging|calls?\s+on|called\s+on|asked)\s+(?:the\s+|a\s+)?(?:(?!(?:when|as|after|while|before|in|and|but|that|which|who|by)\b)[\w'’-]+\s+)?|\b(?:member|members|wedding|funeral|home|house|family|relatives|positions?)\s+of\s+(?:the\s+)?|\bbetween\s+(?:the\s+)?(?:[\w'’-]+\s+){0,4}and\s+(?:the\s+)?|\b\d[\d,.]*\s+|\b(?:two|three|four|five|six|seven|eight|nine|ten|dozens\s+of|hundreds\s+of)\s+)$/i;
// "X called on / urged Y to stop, halt, investigate ...".
const CALL_ON_RE =
  /\b(?:call(?:ed|s|ing)?\s+on|urg(?:ed|es|ing)|demand(?:ed|s|ing)|press(?:ed|es|ing)|ask(?:ed|s|ing))\s+(?:the\s+)?$/i;
const CALL_WHAT_RE =
  /^(?:(?!\bto\b)[^.]){0,80}\bto\s+(?:\w+\s+){0,3}?(?:stop|halt|suspend|end|cease|investigate|prevent|avoid|be\s+more\s+careful|refrain|withdraw|leave|redouble|respect|abide|take\s+(?:all|necessary))\b/i;

const COORDINATED_NAME_RE =
  /^\s+(?:or|and)\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+){0,1}[A-Z][\w'’-]*(?=\s+(?:air|war|jets|raids|strikes|airstrikes|forces|troops|helicopters|aircraft|planes|warplanes|bombardment|shelling)\b)/;

/**
 * The words between an actor and its noun must be lower-case ("Russian heavy airstrikes"), else
 * another name intervenes ("AFP Syrian government air strikes"); headlines capitalise everything.
 */
function lowerModifiers(sentence: string, m: RegExpExecArray | null): boolean {
  if (!m) return false;
  const words = m[0].trim().split(/\s+/).slice(0, -1);
  return !words.some((w) => /^[A-Z]/.test(w)) || isTitleCase(sentence);
}

function isTitleCase(s: string): boolean {
  const words = s.split(/\s+/).filter((w) => /^[A-Za-z]/.test(w) && w.length > 3);
  return words.length > 0 && words.filter((w) => /^[A-Z]/.test(w)).length / words.length >= 0.7;
}

function isAgent(sentence: string, h: ActorHit): boolean {
  // "Syrian or Russian air raids", "regime and Russian jets": the harm follows the other name.
  const coordinated = COORDINATED_NAME_RE.exec(sentence.slice(h.end, h.end + 40));
  const after = sentence.slice(h.end + (coordinated?.[0].length ?? 0), h.end + 80);
  const before = sentence.slice(Math.max(0, h.index - 60), h.index);
  // "areas controlled by the Islamic State group": a place, not an agent.
  if (/\b(?:held|controlled|run|occupied|dominated|administered)\s+by\s+(?:the\s+)?$/i.test(before))
    return false;
  // "determines whether strikes were carried out by Syrian Russian or coalition aircraft".
  if (UNDECIDED_BEFORE_RE.test(sentence.slice(Math.max(0, h.index - 90), h.index))) return false;
  if (BY_BEFORE_RE.test(before)) return !HYPOTHETICAL_BY_RE.test(before);
  if (OF_CRIME_BEFORE_RE.test(before) || RESPONSIBILITY_BEFORE_RE.test(before)) return true;
  if (POSSESSED_CRIME_RE.test(after) || COVER_UP_AFTER_RE.test(after)) return true;
  if (PASSIVE_AFTER_RE.test(after)) return false;
  // "killed in US-led strikes": the participle describes the victims, not this actor.
  if (/^\s+(?:killed|wounded|injured)\s+(?:in|by|when|during|as|after)\b/i.test(after))
    return false;
  if (h.generic) return VIOLENT_AFTER_RE.test(after);
  // "a helicopter believed to belong to Syrian government forces dropped barrel bombs".
  if (
    VICTIM_BEFORE_RE.test(before) &&
    !/\bbelong\w*\s+to\s+(?:the\s+)?$|\baccording\s+to\s+(?:[\w'’-]+\s+){0,2}$/i.test(before)
  ) {
    return false;
  }
  if (HARM_VERB_AFTER_RE.test(after)) return true;
  if (lowerModifiers(sentence, HARM_NOUN_AFTER_RE.exec(after))) return true;
  // The hit itself names armed people ("terrorists", "Syrian regime forces", "Russian jets").
  if (
    h.generic ||
    /(?:forces|troops|jets|warplanes|aircraft|army|military|militants|fighters|terrorists|helicopters|aviation)$/i.test(
      h.name,
    )
  ) {
    if (FORCE_THEN_HARM_RE.test(after)) return true;
  }
  const force = FORCE_NOUN_AFTER_RE.exec(after);
  return (
    force !== null &&
    lowerModifiers(sentence, force) &&
    FORCE_THEN_HARM_RE.test(after.slice(force[0].length))
  );
}

/** What an article says about itself that changes how names resolve. */
interface ArticleInfo {
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

function articleInfo(text: string, ctx: ArticleContext): ArticleInfo {
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

function resolveHits(sentence: string, found: ActorHit[], info: ArticleInfo): ActorHit[] {
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

// Parties on one side report each other's strikes; that is not blame ("US-led coalition airstrike
// kills 18 partner forces, Pentagon says"). Explicit verbs of blame still count.
const SIDES: Actor[][] = [
  ['us', 'coalition'],
  ['syria_gov', 'russia', 'iran', 'hezbollah'],
];

function allied(a: Actor, b: Actor): boolean {
  return SIDES.some((side) => side.includes(a) && side.includes(b));
}

function resolveGeneric(h: ActorHit, speaker: Actor | null, info?: ArticleInfo): Actor | null {
  if (!h.generic) return h.actor;
  if (speaker && GOVERNMENT_SIDE.has(speaker)) return 'rebels';
  return info?.isisStory && /militants|terrorists|jihadists|extremists|takfiri/i.test(h.name)
    ? 'isis'
    : null;
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

// Between a verb of blame and its object: a few words, "the attack on", "the government of".
const OBJECT_GAP_RE =
  /^\s*["“‘']?\s*(?:(?!\w+ing\b)[\w'’-]+\s+){0,4}(?:(?:on|at)\s+(?:the\s+)?)?(?:(?:government|forces|regime|troops|militias?|allies|army)\s+(?:of|loyal\s+to)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2})?["“‘']?$/;
// "blamed the August 21 gas attack on rebel forces": the thing blamed can be longer.
const BLAME_ON_GAP_RE = /^\s*(?:[\w'’-]+\s+){1,7}on\s+(?:the\s+)?["“‘']?$/;
const MUTUAL_BLAME_RE =
  /\b(?:have\s+|has\s+)?(?:traded|exchanged)\s+(?:accusations|blame)|\b(?:blamed|accused|blame|accuse)\s+(?:each\s+other|one\s+another)\b/i;
const REJECTED_CALLS_RE =
  /\b(?:rejected|rejects|rejecting|dismissed|ignored|ignores|ignoring|brushed\s+aside)\s+(?:the\s+|repeated\s+)?(?:calls?|demands?|appeals?|requests?)\s+(?:by|from)\s+/i;
const THIS_CRIME_RE =
  /^\s+(?:this|these|that|those|the|today's|yesterday's|what\s+(?:it|they|he|she)\s+(?:said|says|called|calls|described\s+as)\s+(?:was|were|is|are)?\s*(?:a|an|the)?)\s+["“]?(?:\w+\s+){0,2}(?:attacks?|crimes?|massacres?|bombings?|strikes?|airstrikes?|shelling|assaults?|atrocit\w+|killings?|raids?|bombardments?)\b/i;
const ANAPHORIC_CRIME_RE = /^\s+(?:this|these|that|those)\s/i;
// The agent of a passive verb of blame later in its clause; "areas held by rebels" is not it.
const LATER_BY_RE =
  /^\s+(?:of|for)\s+[^.;]{0,80}?(?<!\b(?:held|controlled|run|led|backed|occupied|besieged|seized|captured|used|carried\s+out|committed|launched|supported|funded|armed|\w+ed))\s+by\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}$/i;
const COACCUSER_GAP_RE = /^\s*(?:,\s*)?(?:and\s+|as\s+well\s+as\s+)?(?:the\s+)?$/i;
const LIST_GAP_RE = /^\s*(?:,\s*)?(?:and\s+|or\s+|as\s+well\s+as\s+)?(?:the\s+)?$/i;
const NEGATED_RE = /\b(?:never|not|n't|refused\s+to|declined\s+to|without)\b[^.]{0,50}$/i;

/** Accusations in an article, one per (accuser, accused) pair, in order of appearance. */
export function findAccusations(
  sentences: Sentence[],
  ctx: ArticleContext = {},
  text = sentences.map((s) => s.text).join(' '),
  /** Actor hits per sentence when the caller has them already. */
  actors?: ActorHit[][],
): Accusation[] {
  const out: Accusation[] = [];
  const seen = new Set<string>();
  const outletActor = outletParty(ctx.outlet);
  const info = articleInfo(text, ctx);
  let lastSpeakers: Speaker[] = [];
  // The previous sentence, when it had no speaker: its subject is found only if needed.
  let before: { s: string; hits: ActorHit[] } | null = null;
  let lastAgent: ActorHit | null = null;

  const add = (
    s: string,
    accuser: Speaker,
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

  for (const [si, sent] of sentences.entries()) {
    if (isHeadlineJunk(sent)) continue;
    const s = sent.text;
    const hits = resolveHits(s, actors?.[si] ?? findActors(s), info);
    const found = findSpeakers(s, hits);
    let speakers: Speaker[] = found;
    if (speakers.length === 0 && STATE_MEDIA_SOURCE_RE.test(s)) {
      speakers = [{ actor: 'syria_gov', name: 'SANA', index: 0, end: 0 }];
    }
    // "He said" / "The ministry accused": the actor the previous sentence opened with, if it is
    // the right kind of referent, else the last speaker.
    const prev = before;
    before = found.length > 0 ? null : { s, hits };
    if (speakers.length === 0) {
      const kind = pronounKind(s);
      const prevSubject =
        kind && kind !== 'speech' && prev ? sentenceSubject(prev.s, prev.hits) : null;
      if (kind && prevSubject && (kind === 'any' || (kind === 'person') === prevSubject.person)) {
        speakers = [{ ...prevSubject.hit, index: 0, end: 0 }];
      } else if (
        lastSpeakers.length > 0 &&
        (kind || /^["“]/.test(s) || ACCORDING_ANAPHOR_START_RE.test(s))
      ) {
        speakers = lastSpeakers.map((x) => ({ ...x, index: 0, end: 0 }));
      }
    }
    if (speakers.length === 0 && outletActor) {
      speakers = [{ actor: outletActor, name: ctx.outlet ?? '', index: 0, end: 0 }];
    }
    if (speakers.length === 0 && info.relaysStateMedia) {
      speakers = [{ actor: 'syria_gov', name: 'SANA', index: 0, end: 0 }];
    }
    const speaker = speakers[0] ?? null;
    const denial = DENIAL_RE.test(s);

    // "The Syrian regime and rebels have traded accusations": blame runs both ways.
    const mutual = MUTUAL_BLAME_RE.exec(s);
    if (mutual) {
      const before = hits.filter((h) => h.end <= mutual.index && !h.generic).slice(-2);
      const [a, b] = before;
      if (a && b && a.actor !== b.actor) {
        const quote = quoteSpan(s, a.index, mutual.index + mutual[0].length);
        add(s, a, b.actor, b, allegationFrom(s, mutual.index + mutual[0].length), quote);
        add(s, b, a.actor, a, allegationFrom(s, mutual.index + mutual[0].length), quote);
      }
    }

    // "The US has rejected calls by Syrian opposition figures to halt the bombings": the callers
    // blame the party that rejects them.
    const rejected = REJECTED_CALLS_RE.exec(s);
    if (rejected && HARM_RE.test(s.slice(rejected.index))) {
      const ri = rejected.index;
      const re = ri + rejected[0].length;
      const target = [...hits].reverse().find((h) => h.end <= ri && !h.generic) ?? null;
      const caller = hits.find((h) => h.index >= re && h.index - re < 40 && !h.generic) ?? null;
      if (target && caller) {
        add(
          s,
          caller,
          target.actor,
          target,
          allegationFrom(s, caller.end),
          quoteSpan(s, target.index, caller.end),
        );
      }
    }

    // Route 1: explicit verbs of blame.
    for (const v of allMatches(ACCUSE_RE, s)) {
      const vi = v.index ?? 0;
      const ve = vi + v[0].length;
      const verb = v[0].toLowerCase();
      if (
        /^(?:held|holds?|holding)$/.test(verb) &&
        !/^\s+\S+(?:\s+\S+){0,3}\s+responsible/i.test(s.slice(ve))
      ) {
        continue;
      }
      if (NEGATED_RE.test(s.slice(Math.max(0, vi - 60), vi))) continue;
      const passive =
        /\b(?:was|were|been|being|is|are)\s+$/i.test(s.slice(0, vi)) ||
        /^\s+by\b/i.test(s.slice(ve));
      const beforeHits = hits.filter((h) => h.end <= vi && !h.generic);
      const isSpeakerHit = (h: ActorHit): boolean => found.includes(h) && h.index > ve;
      const afterHits = hits.filter((h) => h.index >= ve && h.index - ve < 90 && !isSpeakerHit(h));
      let accuser: Speaker | null = null;
      let accused: ActorHit | null = null;
      if (passive) {
        accused = beforeHits[beforeHits.length - 1] ?? null;
        const by = /^\s+by\s+/i.exec(s.slice(ve));
        // "has been accused of committing war crimes by insurgent groups": the agent comes later.
        const laterBy = by
          ? null
          : (afterHits.find(
              (h) =>
                !h.generic &&
                LATER_BY_RE.test(s.slice(ve, h.index)) &&
                !/[.;:]/.test(s.slice(ve, h.index)),
            ) ?? null);
        accuser = by ? (afterHits[0] ?? null) : (laterBy ?? speaker);
      } else {
        // "X said ..., blaming it for" / "Putin, an ally of Assad, ... accused rebels": the
        // clause's speaker is the accuser; otherwise the nearest actor before the verb.
        const participle = /ing$/.test(verb);
        // In "ministers who blamed", the relative pronoun's antecedent is the subject; a name
        // further back ("Saudi Arabia ... with European ministers who blamed") is not.
        const near = beforeHits[beforeHits.length - 1] ?? null;
        const relative = /\b(?:who|which|that)\s+(?:\w+\s+)?$/i.test(
          s.slice(Math.max(0, vi - 25), vi),
        );
        const subject =
          near && (!relative || /^\s*,?\s*(?:who|which|that)\b/i.test(s.slice(near.end, vi)))
            ? near
            : null;
        const speakerBefore = speaker && (speaker.end === 0 || speaker.index < vi) ? speaker : null;
        // "Russia has been Assad's backer ... blocking resolutions in the Security Council and
        // blaming the attack on rebels": a participle's subject is the sentence's subject.
        const main = participle ? sentenceSubject(s, hits)?.hit : undefined;
        const clauseSubject = main && main.end <= vi ? main : subject;
        accuser =
          speakerBefore && (participle || speakerBefore.end > 0) ? speakerBefore : clauseSubject;
        accuser ??= speakerBefore;
        // Headline "Blaming Assad Trump says ...": the clause's speaker follows the participle.
        if (!accuser && participle && /^\W*$/.test(s.slice(0, vi))) accuser = speaker;
        // "an attack blamed on Daesh killed 26 people, the Observatory said".
        if (!accuser && /^blam/.test(verb) && /^\s+on\b/i.test(s.slice(ve))) accuser = speaker;
        // The accused is the verb's object: only a few words may separate them.
        accused =
          afterHits.find(
            (h) =>
              h.actor !== accuser?.actor &&
              resolveGeneric(h, accuser?.actor ?? null, info) !== null &&
              (OBJECT_GAP_RE.test(s.slice(ve, h.index)) ||
                (/^blam/.test(verb) && BLAME_ON_GAP_RE.test(s.slice(ve, h.index)))),
          ) ?? null;
        // "blaming it for killing ..." / "accused them of": the pronoun points back.
        if (!accused && /^\s+(?:it|them|him|her)\b/i.test(s.slice(ve))) {
          accused =
            [...hits]
              .reverse()
              .find((h) => h.end <= vi && h.actor !== accuser?.actor && !h.generic) ?? null;
        }
        // "condemned the massacre committed by Russian aircraft": the agent later in the sentence.
        if (!accused && THIS_CRIME_RE.test(s.slice(ve))) {
          accused =
            afterHits.find((h) => !h.generic && h.actor !== accuser?.actor && isAgent(s, h)) ??
            // "The Syrian Coalition condemned this heinous crime": the perpetrator named before.
            (ANAPHORIC_CRIME_RE.test(s.slice(ve)) ? lastAgent : null);
        }
      }
      if (!accuser || !accused) continue;
      if (/^accusations?$/.test(verb) && denial) continue;
      const accusedActor = resolveGeneric(accused, accuser.actor, info);
      if (!accusedActor) continue;
      const of = /\b(?:of|for)\s+(.*)$/i.exec(s.slice(accused.end));
      const allegation = of ? allegationFrom(of[1] ?? '', 0) : allegationFrom(s, accused.end);
      const qs = Math.min(accuser.end > 0 ? accuser.index : vi, vi, accused.index);
      add(s, accuser, accusedActor, accused, allegation, quoteSpan(s, qs, accused.end));
      // "The United States France and Britain all pointed the finger at Assad": every accuser.
      const co: Speaker[] = [];
      if (accuser.end > 0 && !passive) {
        let first: Speaker = accuser;
        for (let i = hits.indexOf(accuser as ActorHit) - 1; i >= 0; i--) {
          const h = hits[i];
          if (!h || h.generic || !COACCUSER_GAP_RE.test(s.slice(h.end, first.index))) break;
          co.push(h);
          first = h;
        }
      }
      for (const c of co) {
        add(s, c, accusedActor, accused, allegation, quoteSpan(s, c.index, accused.end));
      }
      // "accuse the USA, Turkey and Saudi Arabia of orchestrating": every listed party.
      let last = accused;
      for (const h of hits) {
        if (h.index < last.end) continue;
        if (!LIST_GAP_RE.test(s.slice(last.end, h.index))) break;
        const listed = resolveGeneric(h, accuser.actor, info);
        if (listed) add(s, accuser, listed, h, allegation, quoteSpan(s, qs, h.end));
        last = h;
      }
    }

    // Remember who last did harm in the story, for "condemned this crime" later on.
    if (HARM_RE.test(s) && !denial) {
      const agent = hits.find((h) => !h.generic && !found.includes(h) && isAgent(s, h));
      if (agent) lastAgent = agent;
    }
    if (speakers.length === 0 || denial || !HARM_RE.test(s)) {
      if (found.length > 0) lastSpeakers = found;
      continue;
    }
    const civilians = CIVILIAN_RE.test(s);
    const militantOnly = MILITANT_VICTIMS_RE.test(s) && !civilians;
    const combatOnly = COMBATANT_VICTIMS_RE.test(s) && !civilians;
    const terrorLabel = TERROR_LABEL_RE.test(s);
    for (const sp of speakers) {
      for (const h of hits) {
        if (h.actor === sp.actor || found.includes(h)) continue;
        const actor = resolveGeneric(h, sp.actor, info);
        if (!actor || allied(sp.actor, actor)) continue;
        const qs = Math.min(sp.end > 0 ? sp.index : h.index, h.index);
        const qe = Math.max(sp.end, h.end);
        // Route 3: "urged the US-led coalition to suspend its bombardments".
        if (
          CALL_ON_RE.test(s.slice(Math.max(0, h.index - 30), h.index)) &&
          CALL_WHAT_RE.test(s.slice(h.end))
        ) {
          add(s, sp, actor, h, allegationFrom(s, h.end), quoteSpan(s, qs, qe));
          continue;
        }
        // "Turkey says the fighters are a terrorist organization affiliated with the PKK".
        if (terrorLabel && !h.generic && TERROR_LABELLED.has(actor) && h.index > sp.end) {
          add(s, sp, actor, h, allegationFrom(s, h.end), quoteSpan(s, qs, qe));
          continue;
        }
        // Route 2: attributed speech naming an agent of harm.
        if (militantOnly || (combatOnly && NEUTRAL_REPORTERS.has(sp.actor)) || !isAgent(s, h)) {
          continue;
        }
        add(s, sp, actor, h, allegationFrom(s, h.end), quoteSpan(s, qs, qe));
      }
    }
    if (found.length > 0) lastSpeakers = found;
  }
  return out;
}
