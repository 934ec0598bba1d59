// Casualty figures: a number phrase, the victims it counts, and what happened to them. The
// grammar is deliberately local (a few words either side of the number) because news copy puts
// the figure, the victims and the verb next to each other; sub-figures ("including 30 children")
// and coordinated figures ("killed 5 and wounded 12") borrow the verb of their neighbour.

import type { Outcome, Qualifier, Victims } from '../domain/claims.ts';
import { MONTH_SOURCE } from './dates.ts';
import {
  CIVILIAN_MARKERS,
  FIGHTER_MARKERS,
  HARM_ONLY_NOUNS,
  INJURED_CASES_RE,
  KILLED_NOUNS,
  OUTCOME_SOURCE,
  outcomeOf,
  SOLDIER_MARKERS,
  VICTIM_NOUNS,
} from './lexicon.ts';
import { NUMBER_SOURCE, parseNumber } from './numbers.ts';
import { allMatches } from './regex.ts';

const SINGULAR_NOUNS =
  'brother|sister|son|daughter|father|husband|wife|mother|paramedic|rescuer|protester|passenger|engineer|lawyer|priest|imam|shepherd|foreigner|refugee|prisoner|hostage|detainee|child|woman|man|civilian|soldier|person|boy|girl|baby|infant|fighter|militant|rebel|policeman|doctor|nurse|journalist|medic|resident|officer|member|toddler|teenager|pilot|volunteer|teacher|student|citizen|terrorist|jihadist|extremist|commander|leader|official|employee|reporter|photographer|cameraman|worker|driver|dustman|activist|bomber|adult|farmer';

// "a civilian death toll", "a civilian area": the noun is an adjective there, not a person.
const NOUN_AS_ADJECTIVE =
  '(?:death|deaths|toll|casualties|population|areas?|infrastructure|targets?|sites?|homes?|houses?|buildings?|neighbou?rhoods?|vehicles?|cars?|facilit\\w+|objects?|convoys?|planes?|aircraft|helicopters?|jets?|base|camp|hospital|school|attacks?|groups?|organi[sz]ations?|cells?|networks?|explosions?|bombings?)\\b';
// One relative told without an article: "a woman and her child", "a man and child".
const KIN_NOUNS =
  'son|daughter|child|baby|infant|toddler|wife|husband|mother|father|brother|sister|girl|boy';
const KIN_SOURCE =
  `(?<=\\b(?:and|with)\\s+)(?:his|her|their)(?=\\s+(?:${KIN_NOUNS})\\b)` +
  `|(?<=\\b(?:a|an)\\s+(?:[\\w-]+\\s+)?(?:woman|man|mother|father|girl|boy)\\s+)and(?=\\s+(?:${KIN_NOUNS})\\b)`;
// A number phrase, "a"/"an"/"another" standing for one before a singular victim noun ("a child"),
// or the possessive or "and" before a relative told without one.
const CANDIDATE_RE = new RegExp(
  `(?<![\\w$£€.,:/+-])(?:${NUMBER_SOURCE}|(?:a|an|another)(?=\\s+(?:(?!(?:and|or|of|in|on|at|by|the|was|were|is)\\b)[\\w-]+\\s+){0,3}?(?:${SINGULAR_NOUNS})\\b(?!\\s+${NOUN_AS_ADJECTIVE}))|${KIN_SOURCE})(?![\\w%]|-(?:year|month|week|day|hour|km|mile|meter|metre|storey|story|point|member|strong|ton)|[.,]\\d)`,
  'gi',
);

const SINGULAR_HEAD_RE = new RegExp(`^(?:${SINGULAR_NOUNS})$`, 'i');
const HEADS = Object.keys(VICTIM_NOUNS)
  .sort((a, b) => b.length - a.length)
  .join('|');
// Words that cannot sit between a number and its head noun: verbs, prepositions, conjunctions.
const PHRASE_STOP =
  '(?:a|an|were|was|are|be|been|being|have|has|had|in|on|at|by|from|and|or|with|to|for|who|that|which|after|when|as|during|including|among|since|mostly|mainly|many|most|than|per|into|across|near|inside|outside|while|but|the|this|these|those|its|their|his|her|our|said|says|according|killed|killing|dead|died|wounded|injured|people|others)';
const VICTIM_PHRASE_RE = new RegExp(
  `^((?:\\s+(?!${PHRASE_STOP}\\b|(?:${NUMBER_SOURCE})(?![\\w-])|\\(\\w+\\)\\s+[A-Z])[\\w'’()-]+){0,4}?)\\s+(?:\\(\\w+\\)\\s+)?(${HEADS})(?![\\w-])`,
  'i',
);
// After a year-like number ("2000 civilians"), the victim noun must follow at once: "2016
// Aleppo's civilian massacre" is a date line.
const YEAR_HEAD_RE = new RegExp(`^\\s+(?:${HEADS})(?![\\w-])`, 'i');
const OF_HEAD_RE = new RegExp(
  `^\\s+(?:of|from)\\s+(?:the\\s+|them\\s+)?(?:(?!(?:were|was|are|is|whom|which)\\b)[\\w'’()-]+\\s+){0,3}?(${HEADS})(?![\\w-])`,
  'i',
);
// "(of whom / of the town) were killed": fillers allowed between the victims and the verb.
// "killing, according to the latest toll, 44 civilians" with the commas stripped.
const ACCORDING_TO = `according\\s+to(?:\\s+(?!(?:were|was|had|have|killed|died|wounded|injured)\\b)[\\w'’-]+){1,6}?`;
const FILLER = `(?:${ACCORDING_TO}|(?:who|which|that)(?=\\s+(?:sustained|suffered)\\s)|who\\s+(?:were|was|had\\s+been)\\s+(?!killed|wounded|injured)\\w+(?:\\s+(?!were\\b|was\\b)[\\w-]+){0,5}|(?:rounded\\s+up|arrested|abducted|kidnapped|captured|detained|tortured|seized)\\s+and|many\\s+of\\s+whom\\s+were\\s+\\w+|(?:may|might|could)\\s+have\\s+been|(?:are|were|is|was)\\s+(?:estimated|believed|feared|thought)\\s+to\\s+have\\s+been|total|were|was|are|is|have|has|had|been|being|be|got|reportedly|also|all|later|subsequently|allegedly|previously|so\\s+far|in\\s+total|overall|altogether|mostly|either|both|among|those|the|still|now|again|already|said\\s+to\\s+have|believed\\s+to\\s+have|feared|thought|to\\s+have|to\\s+be|found|confirmed|reported|recorded|documented|were\\s+reported|who|that|which|as|being|left|have\\s+gone|gone|were\\s+either|critically|seriously|severely|slightly|lightly|badly|fatally|mortally|remain|remains|remained|went|listed\\s+as|others|more|people|civilians|children|women|yesterday|today|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|ISIS|IS|Daesh)`;
const RIGHT_OUTCOME_RE = new RegExp(
  `^(?:\\s*[-–—](?=\\s))?(?:\\s+(?:of|from|in|near|at|inside|on|for|with)\\s+(?:the\\s+|a\\s+)?[\\w'’-]+(?:\\s+[\\w'’-]+)?(?=\\s+(?:were|was|had|have|are|is)\\b))?(?:,\\s+(?:including|among\\s+them|among\\s+whom)\\s+[^,.;:]{1,60}?,|,\\s+(?!(?:and|or|killing|wounding|injuring|leaving)\\b)(?:(?!\\b(?:killed|wounded|injured|dead|died)\\b)[^,.;:\\d]){1,60}?,(?=\\s+(?:were|was|have\\s+been|had\\s+been|are|died|perished)\\b)|,?\\s+(?:mostly|mainly|(?:many|most|some|all)\\s+of\\s+them|including|among\\s+them)(?:\\s+(?!(?:were|was|are|is|have|has|had|and|who|which|that|killed|died|dead|wounded|injured|${NUMBER_SOURCE})(?![\\w-]))[\\w'’-]+){1,6}?(?:\\s+and\\s+[\\w'’-]+)?,?)?(?:\\s+and\\s+(?:a\\s+)?(?:child|baby|son|daughter|husband|wife)\\b|\\s+and\\s+(?:their|his|her)\\s+(?:mother|father|parents|wife|husband|brother|sister|children|son|daughter)s?|\\s+and\\s+(?:(?:pro-[\\w-]+|allied|regime|government|army|Syrian|Iraqi|Kurdish|Shiite|Shia|local|foreign|rebel|opposition)\\s+)?(?:militia|militias|militiamen|allies|loyalists|civilians|soldiers|troops|fighters|rebels|militants|policemen|officers|guards))?(?:\\s+(?:aged\\s+)?(?:between\\s+)?\\d{1,2}\\s+(?:and|to|-)\\s+\\d{1,2}\\s+years?(?:\\s+old)?)?(?:\\s+${FILLER}){0,4}\\s+(?!(?:injuring|wounding|killing)\\b)(?:${OUTCOME_SOURCE})(?![\\w-])`,
  'i',
);
// "... of the slain", "of the dead", "were among the victims", "was also among Wednesday's dead".
const OF_THE_OUTCOME_RE = new RegExp(
  `^\\s+(?:(?:were|was|are|is)\\s+(?:also\\s+)?)?(?:of|among)\\s+(?:the|those|[A-Z]\\w+(?:'s|s)?)\\s+(?:${OUTCOME_SOURCE}|(?<victims>victims))(?![\\w-])`,
  'i',
);
// Outcome before the number: "killing at least 84", "the death toll rose to 85", "left 12".
const LEFT_OUTCOME_RE = new RegExp(
  `(?:(?<verb>killed|killing|kill|kills|lost|losing|wounded|wounding|wounds|injured|injuring|injures|injure|executed|executing|execute|slaughtered|massacred|claimed\\s+(?:the\\s+)?li(?:fe|ves)\\s+of|claiming\\s+(?:the\\s+)?li(?:fe|ves)\\s+of|cost\\s+(?:the\\s+)?li(?:fe|ves)\\s+of|costing\\s+(?:the\\s+)?li(?:fe|ves)\\s+of|bodies\\s+of|eliminated|eliminating|neutrali[sz]ed|destroyed|destroying|liquidated|liquidating|annihilated|annihilating|(?:victims|dead|fatalities|(?:those|the)\\s+(?:killed|wounded|injured))\\s+(?:included|include|were|are)|claimed|claiming|took\\s+the\\s+lives\\s+of|death\\s+of|deaths\\s+of|massacre\\s+of|killing\\s+of|murder\\s+of|murdered|beheaded|crucified|crucifying|crucifies|injury\\s+(?:of|to)|martyrdom\\s+of|injuries\\s+(?:of|to)|(?:suffocation|asphyxiation)(?:\\s+and\\s+\\w+)?\\s+cases\\s+(?:for|among|to)|cases\\s+of\\s+(?:suffocation|asphyxiation|asphyxia|poisoning|choking)\\s+(?:to|among|for|in)|wounding\\s+of|shot\\s+dead|gunned\\s+down)` +
    `|(?<toll>(?:death|casualty|fatality|civilian|final|overall|total)?\\s*toll(?:\\s+[\\w'’()-]+){0,14}?\\s+(?:to|at|of|reached|hit|is|was|stands\\s+at|stood\\s+at|climbed\\s+to|rose\\s+to|risen\\s+to|jumped\\s+to|now)|(?:number|total)\\s+of\\s+(?:(?:people|civilians|those|Syrians|victims|fatalities|deaths|dead|casualties|members|soldiers|fighters|troops|[\\w-]+)\\s+){0,6}?(?:killed|dead|deaths|died|wounded|injured|casualties)(?:\\s+(?!(?:and|were|was|but|while)\\b)[\\w'’()-]+){0,14}?\\s+(?:to|at|is|was|reached|stands\\s+at|stood\\s+at|rose\\s+to)))` +
    `(?:\\s+(?:a\\s+total\\s+of|another|a\\s+further|an\\s+additional|an\\s+estimated|all|the|some|as\\s+many\\s+as|as\\s+high\\s+as|at\\s+least|more\\s+than|over|up\\s+to|nearly|almost|about|around|roughly|approximately|no\\s+fewer\\s+than|no\\s+less\\s+than|not\\s+less\\s+than|at\\s+least|upwards\\s+of|in\\s+excess\\s+of|well\\s+over|close\\s+to|between|least|than|to|${ACCORDING_TO}))*\\s*["“‘]?$`,
  'i',
);
const QUALIFIER_RE =
  /(?:(?<at_least>at\s+least|no\s+fewer\s+than|no\s+less\s+than|not\s+less\s+than|a\s+minimum\s+of|at\s+a\s+minimum)|(?<more_than>more\s+than|over|upwards\s+of|in\s+excess\s+of|well\s+over|above|exceeding|beyond)|(?<up_to>up\s+to|as\s+many\s+as|not\s+more\s+than|no\s+more\s+than|at\s+most|a\s+maximum\s+of)|(?<about>about|around|nearly|almost|some|roughly|approximately|an\s+estimated|estimated|close\s+to|circa|approx\.?|just\s+under|just\s+over|an\s+approximate))\s*$/i;
const RANGE_RE = new RegExp(`^\\s*(?:-|–|to|and|or)\\s*(${NUMBER_SOURCE})(?![\\w%-])`, 'i');
const MONEY_BEFORE_RE = /(?:\$|US\$|USD|£|€|SYP|SP)\s*$/;
const UNIT_AFTER_RE = new RegExp(
  `^(?:\\s*-\\s*|\\s+)?(?:years?|yrs?|year-old|months?|weeks?|days?|hours?|minutes?|seconds?|km|kilomet(?:er|re)s?|miles?|met(?:er|re)s?|feet|percent|per\\s+cent|%|a\\.m|p\\.m|am|pm|GMT|times|dollars?|euros?|pounds|billion|tons?|tonnes|kg|mm|th|st|nd|rd|sorties|strikes|airstrikes|air\\s+strikes|raids|missiles|rockets|bombs|shells|barrel|warplanes|jets|aircraft|planes|helicopters|tanks|vehicles|villages|towns|buildings|homes|houses|hospitals|schools|families|trucks|convoys|kilograms|litres|liters|cases|votes|seats|countries|nations|states|resolutions?|provinces|locations|positions|targets|sites|areas|neighbou?rhoods|fronts|points|brigades|battalions|groups|factions)\\b|^\\s*(?:${MONTH_SOURCE})(?![\\w])`,
  'i',
);
const MONTH_BEFORE_RE = new RegExp(`(?:${MONTH_SOURCE})\\s*$`, 'i');
const MONTH_DAY_BEFORE_RE = new RegExp(
  `(?:(?:${MONTH_SOURCE})\\s+\\d{1,2}(?:st|nd|rd|th)?|\\d{1,2}(?:st|nd|rd|th)?\\s+(?:${MONTH_SOURCE})),?\\s+$`,
  'i',
);
const AGE_BEFORE_RE =
  /(?:aged|age\s+of|ages\s+of|since|in|of\s+the\s+year|year|until|from|by|before|after|early|late|mid|summer|winter|spring|autumn|resolution|No\.?|number|page|Article|Chapter|Route|Highway|flight)\s*$/i;
// A phrase of people who count only beside a verb of harm ("three displaced people were killed").
const HARM_ONLY_PHRASE_RE = /\b(?:refugees|displaced|evacuees|detainees|prisoners|hostages)\b/i;
const EXCLUDED_PHRASE_RE =
  /\b(?:homeless|families|houses|homes|buildings|strikes|airstrikes|raids|missiles|rockets|aircraft|planes|jets|sorties|trucks|tonnes|tons|dollars|euros)\b/i;
const BACKGROUND_RE = new RegExp(
  `\\bsince\\s+(?:the\\s+(?:start|beginning|outbreak|onset|eruption)|(?:early\\s+|mid-?|late\\s+)?(?:\\d{1,2}\\s+)?(?:${MONTH_SOURCE})|(?:early\\s+|mid-?|late\\s+)?(?:19|20)\\d\\d|it\\s+(?:began|started|erupted)|the\\s+(?:conflict|war|uprising|revolution|crisis|campaign)\\s+(?:began|started|erupted)|the\\s+(?:conflict|war|uprising|revolution|crisis)(?!\\s+\\w+\\s+(?:began|erupted))|its\\s+(?:campaign|intervention)|(?:the\\s+)?(?:(?:air|aerial|coalition|US-led|Russian)\\s+)?(?:strikes|airstrikes|raids|bombing|bombardment|operations?|campaign)\\s+(?:began|started)|(?:Russia|Moscow|the\\s+coalition|the\\s+US)\\S*\\s+(?:began|started|launched))` +
    `|\\b(?:conflict|war|uprising|crisis|revolution|fighting|violence|bloodshed)\\s+(?:that\\s+|which\\s+)?(?:has|have|had)\\s+(?:\\w+\\s+)?(?:killed|claimed|left|cost)` +
    `|\\b(?:conflict|war|civil\\s+war)\\s+(?:that\\s+|which\\s+)?(?:killed|claimed|began|erupted|started)` +
    // "the toll for Russian soldiers killed in the Syrian conflict": the whole war's toll.
    `|\\b(?:killed|died|dead|deaths?)\\s+(?:in|during)\\s+(?:the\\s+)?(?:Syrias?\\s+|Syrian\\s+)?(?:[\\w-]+-(?:year|month)(?:-old)?\\s+)?(?:civil\\s+)?(?:war|conflict)\\b(?!\\s+zone)` +
    `|\\b(?:over|during|in|throughout)\\s+(?:the\\s+)?(?:past|last|previous)\\s+(?:(?:two|three|four|five|six|several|few)\\s+)?(?:year|years|month|months|decade)\\b` +
    `|\\b(?:so\\s+far\\s+this\\s+year|this\\s+year|last\\s+year|in\\s+(?:19|20)\\d\\d\\s+alone|since\\s+the\\s+beginning\\s+of\\s+the\\s+year|(?:years?|months)\\s+of\\s+(?:war|conflict|fighting|bombing|civil\\s+war))` +
    `|\\b(?:total|overall|cumulative)\\s+(?:number|toll|death\\s+toll)\\b(?!\\s+(?:from|in)\\s+(?:the\\s+)?(?:attack|strike|raid|blast|bombing|explosion))` +
    `|\\b(?:documented|recorded)\\s+(?:the\\s+)?(?:killing|deaths?)\\s+of` +
    // "its raids there and in Iraq killed at least 220 civilians": a campaign's toll in two
    // countries is no single incident.
    `|\\b(?:raids|strikes|airstrikes|operations|campaign|bombing)\\s+(?:there\\s+and\\s+in\\s+(?:Iraq|Syria)|(?:in|across)\\s+(?:both\\s+)?(?:Iraq\\s+and\\s+Syria|Syria\\s+and\\s+Iraq))\\b` +
    `|\\b(?:in|of|to)\\s+(?:the\\s+)?(?:\\w+\\s+)?(?:Syrian\\s+)?(?:civil\\s+)?(?:war|conflict)\\s+(?:since|so\\s+far)`,
  'i',
);

/**
 * Counts above this are not casualty figures whatever the text says ("1e30 civilians killed" in
 * a hostile page): above the toll of any war, and far inside the safe-integer range the store
 * and the alerts rely on.
 */
export const MAX_CASUALTY_COUNT = 100_000_000;

/** One figure before merging, with the positions the grammar needs. */
export interface RawFigure {
  count: number;
  max: number | null;
  outcome: Outcome | null;
  victims: Victims;
  /** True when the victims came from "others"/"more" and should copy the neighbour's. */
  inherit: boolean;
  /** "another 12", "a further five": a new figure even when the count repeats an earlier one. */
  another: boolean;
  /** The outcome came from a verb before the number ("killing two men and three boys"). */
  viaLeft: boolean;
  /** The total this figure is part of ("84 civilians including 30 children"), in this sentence. */
  partOf: RawFigure | null;
  hasHead: boolean;
  qualifier: Qualifier;
  /** Offsets inside the sentence. */
  start: number;
  numberStart: number;
  numberEnd: number;
  /** End of the victim phrase (or of the number when there is none). */
  phraseEnd: number;
  end: number;
}

function qualifierOf(before: string): { qualifier: Qualifier; length: number } {
  const m = QUALIFIER_RE.exec(before);
  if (!m?.groups) return { qualifier: 'exact', length: 0 };
  const g = m.groups;
  const qualifier: Qualifier = g.at_least
    ? 'at_least'
    : g.more_than
      ? 'more_than'
      : g.up_to
        ? 'up_to'
        : 'about';
  return { qualifier, length: m[0].length };
}

function victimsOf(head: string, phrase: string, tail: string): Victims {
  const h = head.toLowerCase();
  let v: Victims = VICTIM_NOUNS[h] ?? 'people';
  const text = `${phrase} ${head} ${tail}`;
  if (h === 'members' || h === 'member' || h === 'forces' || h === 'people' || h === 'persons') {
    if (SOLDIER_MARKERS.test(text) && !/pro-(?:regime|government)/i.test(text)) v = 'soldiers';
    else if (FIGHTER_MARKERS.test(`${phrase} ${tail}`)) v = 'fighters';
    else if (CIVILIAN_MARKERS.test(text)) v = 'civilians';
    else if (h === 'members' || h === 'member') {
      v = /famil|tribe|clan|communit/i.test(text) ? 'people' : 'fighters';
    }
  } else if (v === 'men' || v === 'people') {
    if (FIGHTER_MARKERS.test(`${phrase} ${tail}`) && !/tribes/i.test(h)) v = 'fighters';
    else if (SOLDIER_MARKERS.test(text)) v = 'soldiers';
  } else if (v === 'soldiers') {
    if (
      /\b(?:rebels?|opposition|FSA|Free Syrian Army|militia|IS|ISIS|Daesh|Kurdish|SDF|YPG)\b/.test(
        phrase + tail,
      )
    ) {
      v = 'fighters';
    }
  }
  return v;
}

// "three suicide bombers killed at least two people": armed men doing the killing are its subject.
const AGENT_HEAD_RE =
  /^(?:bombers?|suicide\s+bombers?|gunm[ae]n|attackers?|assailants|militants|terrorists|jihadists|fighters|jets|warplanes|drones|raids|strikes|airstrikes)$/i;
const OBJECT_AFTER_RE = new RegExp(
  `^\\s+(?:at\\s+least\\s+|more\\s+than\\s+|over\\s+|nearly\\s+|about\\s+|some\\s+|up\\s+to\\s+)?(?:${NUMBER_SOURCE}|a|an|the|dozens|scores|hundreds)\\b`,
  'i',
);

const COUNT_AFTER_RE = new RegExp(
  `^\\s+(?:at\\s+least\\s+|more\\s+than\\s+|over\\s+|nearly\\s+|about\\s+|some\\s+|another\\s+)?(?:${NUMBER_SOURCE})(?![\\w-])`,
  'i',
);

function findOutcomeRight(after: string, head = ''): { outcome: Outcome; length: number } | null {
  const m = RIGHT_OUTCOME_RE.exec(after) ?? OF_THE_OUTCOME_RE.exec(after);
  const outcome = outcomeOf(m?.groups);
  if (!m || !outcome) return null;
  // "were killed over the past day": a passive verb has no object, its subject is the victim.
  const passive = /\b(?:were|was|been|are|is|be)\s/i.test(m[0]);
  if (AGENT_HEAD_RE.test(head) && !passive && OBJECT_AFTER_RE.test(after.slice(m[0].length))) {
    return null;
  }
  return { outcome, length: m[0].length };
}

const RIGHT_STRICT_RE = new RegExp(
  `^\\s+(?:of\\s+(?:them|whom)\\s+)?(?:${ACCORDING_TO}\\s+)?(?:(?:were|was|have\\s+been|had\\s+been|are|people|others|more|have|had|reportedly|all)\\s+){0,2}(?:${OUTCOME_SOURCE})(?![\\w-])`,
  'i',
);

/** Right-hand verb for a bare number ("20 dead", "50 were wounded"): adjacent, no articles. */
function findOutcomeRightStrict(after: string): { outcome: Outcome; length: number } | null {
  const m = RIGHT_STRICT_RE.exec(after) ?? OF_THE_OUTCOME_RE.exec(after);
  const outcome = outcomeOf(m?.groups);
  if (!m || !outcome || /toll$/i.test(m[0])) return null;
  return { outcome, length: m[0].length };
}

// Affiliation after the head ("two men from (Lebanese Shia group) Hezbollah", "members of
// Syria's (pro-regime militia) National Defence Forces"), stopping before the verb.
const AFFILIATION_RE =
  /^\s+(?:from|of|belonging\s+to)\s+(?:the\s+)?(?:\([^)]*\)\s+)?(?:[\w'’-]+|\([^)]*\))(?:\s+(?!(?:were|was|are|is|have|has|had|in|on|at|near|when|who|which|that|as|after|during|killed|died|dead|wounded|injured|including|among)\b|and\s+[a-z])(?:[\w'’-]+|\([^)]*\))){0,4}/i;
const GROUP_NAME_REST_RE =
  /^(?:\s+(?!(?:were|was|are|is|have|has|had|in|on|at|near|when|who|which|that|as|after|during|killed|died|dead|wounded|injured|including|among|and|by|from|with)\b)[\w'’-]+){1,3}(?=\s+(?:were|was|had|have|are|is|who)\b)/i;
const ANOTHER_BEFORE_RE = /\b(?:another|a\s+further|an\s+additional|additional)\s*$/i;
// "Among the dead were a woman and a child".
const AMONG_DEAD_RE =
  /\bamong\s+(?:the|those)\s+(?:[\w-]+\s+)?(?:(?<killed>dead|killed|victims|fatalities)|(?<injured>wounded|injured))(?:\s+[\w'’-]+){0,10}?\s+(?:were|was|are|is|included)(?:\s+(?:a|an|the)\s+(?:family|group|number)\s+of)?\s*$/i;

const TWO_OUTCOMES_BEFORE_RE =
  /\b(kill(?:s|ed|ing)?|wound(?:s|ed|ing)?|injur(?:es|ed|ing)?)\s+(?:and\s+|or\s+)?$/i;

function findOutcomeLeft(
  before: string,
): { outcome: Outcome; length: number; active?: boolean; armedOnly?: boolean } | null {
  const among = AMONG_DEAD_RE.exec(before);
  if (among?.groups) {
    return { outcome: among.groups.injured ? 'injured' : 'killed', length: among[0].length };
  }
  const m = LEFT_OUTCOME_RE.exec(before);
  if (!m?.groups) return null;
  const verb = (m.groups.verb ?? '').toLowerCase();
  // "killed and injured five civilians", "Kills Injures over 70": one count of two outcomes.
  const other = TWO_OUTCOMES_BEFORE_RE.exec(before.slice(0, m.index + m[0].search(/\S/)));
  if (verb && other && /^(?:wound|injur)/i.test(other[1] ?? '') !== /^(?:wound|injur)/.test(verb)) {
    return null;
  }
  let outcome: Outcome = 'killed';
  if (/^(?:wound|injur|suffocat|asphyx|cases\s)|^(?:those|the)\s+(?:wounded|injured)/.test(verb)) {
    outcome = 'injured';
  }
  if (m.groups.toll && /wounded|injured/i.test(m.groups.toll)) outcome = 'injured';
  // "killing", "claimed the lives of" take the number as their object; "killed" may be a
  // participle of its own clause ("a child killed 20 people injured").
  // "the war has killed more than 220000 people wounded at least one million": after "has" the
  // verb is finite and governs.
  const finite = /\b(?:has|have|had)\s+(?:\w+\s+)?\w+\s*(?:\w+\s+){0,3}$/i.test(
    before.slice(0, before.length - m[0].length + verb.length + 1),
  );
  const active =
    verb !== '' &&
    (finite ||
      !/^(?:killed|wounded|injured|lost|executed|murdered|slaughtered|massacred|beheaded|crucified)$/.test(
        verb,
      ));
  // "destroyed over 60 terrorists": said of armed men only (of anything else it is no death).
  const armedOnly = /^(?:destroy|liquidat|annihilat)/.test(verb);
  return { outcome, length: m[0].length, active, armedOnly };
}

const CHAIN_FORWARD_RE =
  /^\s*(?:,\s*)?(?:including|among\s+them|among\s+whom|of\s+whom|of\s+them|and|as\s+well\s+as|plus|along\s+with|in\s+addition\s+to|together\s+with|with)\s*$/i;
const CHAIN_BACK_RE =
  /^\s*(?:,\s*)?(?:including|among\s+them|among\s+whom|of\s+whom|of\s+them|as\s+well\s+as|plus|along\s+with|in\s+addition\s+to|together\s+with|most\s+of\s+them|mostly|and\s+(?:another|a\s+further)|among\s+those\s+(?:killed|dead)\s+were|(?:were|was)\s+among(?:\s+the|\s+those)?|(?:one\s+|two\s+)?of\s+(?:them|whom))\s*(?:at\s+least|more\s+than|over|some|about|nearly|another)?\s*$/i;

// "one of their activists", "five of his entourage", "four of the children": the count takes the
// noun after "of".
const PARTITIVE_RE = new RegExp(
  `^\\s+of\\s+(?:the|its|their|his|her)\\s+(?!victims\\b|casualties\\b|dead\\b)(?=(?:[\\w'’-]+\\s+){0,2}?(?:${HEADS})(?![\\w-]))`,
  'i',
);
// "and one in the town of Harasta": a bare number that borrows its neighbour's figure.
const ELLIPTIC_RE = /^\s+(?:in|near|at|outside|inside)\s/i;

/** A number that is a date, an age, money, a measure or a designation, not a count of people. */
function isNotACount(word: string, count: number, before: string, after: string): boolean {
  if (MONEY_BEFORE_RE.test(before) || MONTH_BEFORE_RE.test(before)) return true;
  if (UNIT_AFTER_RE.test(after)) return true;
  // A year unless a victim noun follows at once ("2000 civilians").
  if (/^\d{4}$/.test(word) && count >= 1900 && count <= 2099) {
    if (!YEAR_HEAD_RE.test(after) || AGE_BEFORE_RE.test(before)) return true;
    // "August 12 2016 Terrorists executed ...": the year of a date.
    if (MONTH_DAY_BEFORE_RE.test(before)) return true;
  }
  if (
    /^one$/i.test(word) &&
    /^\s+(?:of|another|day|side|year|time|way)\b/i.test(after) &&
    !PARTITIVE_RE.test(after)
  )
    return true;
  if (/\b(?:no|every|any)\s*$/i.test(before)) return true;
  return /(?:aged|age\s+of|ages\s+of|ages|Resolution|No\.?|number|Article|Chapter|Route|Highway|Flight|Level|Phase|Brigade|Division|Regiment|Corps)\s*$/i.test(
    before,
  );
}

interface NumberSpan {
  count: number;
  max: number | null;
  numberEnd: number;
  qualifier: Qualifier;
  /** Length of the qualifier (and "between") before the number. */
  qualifierLength: number;
}

/** The number with its range ("between 20 and 30", "20-30"), "+" and qualifier. */
function numberSpan(sentence: string, count: number, start: number, end: number): NumberSpan {
  const before = sentence.slice(Math.max(0, start - 160), start);
  let numberEnd = end;
  let after = sentence.slice(numberEnd);
  let max: number | null = null;
  const range = RANGE_RE.exec(after);
  if (range && (/between\s*$/i.test(before) || !/^\s*(?:and|or)/i.test(after))) {
    const upper = parseNumber(range[1] ?? '');
    if (upper !== null && upper > count && !UNIT_AFTER_RE.test(after.slice(range[0].length))) {
      max = upper;
      numberEnd += range[0].length;
      after = sentence.slice(numberEnd);
    }
  }
  // "20+ killed": the plus sign is "more than".
  const plus = max === null && after.startsWith('+');
  if (plus) numberEnd += 1;
  const between = max !== null ? (/\bbetween\s*$/i.exec(before)?.[0].length ?? 0) : 0;
  const q = qualifierOf(before.slice(0, before.length - between));
  const qualifier = plus && q.qualifier === 'exact' ? 'more_than' : q.qualifier;
  return { count, max, numberEnd, qualifier, qualifierLength: q.length + between };
}

interface VictimPhrase {
  head: string;
  /** The head noun as written right after the number, before "of X" replaced it. */
  originalHead: string;
  victims: Victims;
  /** End of the victim phrase with its "of ..." / affiliation tail. */
  phraseEnd: number;
  /** End of the head noun: numbers after it may start figures of their own. */
  headEnd: number;
  /** Refugees, detainees, hostages: people only when a verb of harm stands beside them. */
  harmOnly: boolean;
}

const THING_AFTER_RE =
  /^\s+(?:targets?|positions?|sites?|bases?|headquarters|hideouts?|dens?|vehicles?|cars?|tanks?|areas?|infrastructure|facilities|buildings?|homes?|houses?|camps?|depots?|warehouses?|tunnels?|fortifications?|convoys?|groups?|organi[sz]ations?|cells?|networks?|factions?|gatherings?|strongholds?|nests?|launchers?|workshops?|trucks?|machine\s+guns?)\b/i;

/** The victims a number counts: "12 civilians", "two more children", "members of IS". */
function victimPhrase(sentence: string, numberEnd: number): VictimPhrase | 'excluded' {
  const after = sentence.slice(numberEnd);
  let phraseEnd = numberEnd;
  let head = '';
  let phrase = '';
  const vp = VICTIM_PHRASE_RE.exec(after);
  if (vp) {
    phrase = vp[1] ?? '';
    head = vp[2] ?? '';
    if (EXCLUDED_PHRASE_RE.test(phrase)) return 'excluded';
    phraseEnd = numberEnd + vp[0].length;
  } else if (
    /^\s+(?:(?:of|from)\s+)?(?:refugees|displaced|evacuees|detainees|prisoners|hostages)\b/i.test(
      after,
    )
  ) {
    return 'excluded';
  }
  // "five rebel fighters", "three police officers": the last of the nouns is the head.
  const headNoun = (m: RegExpExecArray | null): RegExpExecArray | null =>
    m &&
    !/^(?:dead|bodies|corpses|lives|martyrs|others|more|victims|casualties)$/i.test(m[0].trim())
      ? m
      : null;
  for (let next = headNoun(YEAR_HEAD_RE.exec(sentence.slice(phraseEnd))); next && head; ) {
    phrase = `${phrase} ${head}`;
    head = next[0].trim();
    phraseEnd += next[0].length;
    next = headNoun(YEAR_HEAD_RE.exec(sentence.slice(phraseEnd)));
  }
  // "23 terrorist targets", "five rebel positions": the victim word is an adjective of a thing.
  if (head && THING_AFTER_RE.test(sentence.slice(phraseEnd))) return 'excluded';
  // "two more civilians": "more" qualifies the noun after it.
  if (/^(?:more|others)$/i.test(head)) {
    const next = YEAR_HEAD_RE.exec(sentence.slice(phraseEnd));
    if (next) {
      head = next[0].trim();
      phraseEnd += next[0].length;
    }
  }
  const originalHead = head;
  let tail = '';
  const rest = sentence.slice(phraseEnd);
  const of = OF_HEAD_RE.exec(rest);
  if (
    of &&
    head &&
    /^(?:members?|bodies|corpses|lives|dozens|others|people|persons)$/i.test(head)
  ) {
    // "members of the rebel alliance were killed": the rest of the group's name, up to the verb.
    tail = of[0] + (GROUP_NAME_REST_RE.exec(rest.slice(of[0].length))?.[0] ?? '');
    const inner = (of[1] ?? '').toLowerCase();
    if (inner !== 'people' || head.toLowerCase() !== 'lives') head = of[1] ?? head;
  } else if (head) {
    // Affiliation after the head ("two men from Hezbollah", "members of the Russian forces").
    tail = AFFILIATION_RE.exec(rest)?.[0] ?? '';
  }
  const victims = head ? victimsOf(head, phrase, tail) : 'people';
  const harmOnly = HARM_ONLY_NOUNS.has(head.toLowerCase()) || HARM_ONLY_PHRASE_RE.test(phrase);
  return {
    head,
    originalHead,
    victims,
    phraseEnd: phraseEnd + tail.length,
    headEnd: phraseEnd,
    harmOnly,
  };
}

interface OutcomeSpan {
  outcome: Outcome | null;
  start: number;
  end: number;
  viaLeft: boolean;
  /** Victims read from the words before the number, when the figure has no head noun. */
  victimsFromLeft: Victims | null;
}

const APPOSITIVE_OPEN_RE =
  /,\s*(?:including|among\s+them|among\s+whom)\s+(?:(?:at\s+least|more\s+than|some|about|nearly)\s+)?$/i;

/** What happened to the victims: the verb after the phrase, else the verb before the number. */
function outcomeSpan(
  sentence: string,
  numberStart: number,
  start: number,
  p: VictimPhrase,
  before: string,
): OutcomeSpan {
  // "12 people, including five children, were killed": the appositive's own figure takes the
  // verb after its closing comma.
  const skip = APPOSITIVE_OPEN_RE.test(before) && /^,\s/.test(sentence.slice(p.phraseEnd)) ? 1 : 0;
  const afterPhrase = sentence.slice(p.phraseEnd + skip);
  let outcome: Outcome | null = KILLED_NOUNS.has(p.originalHead.toLowerCase()) ? 'killed' : null;
  let end = p.phraseEnd;
  let right = p.head
    ? findOutcomeRight(afterPhrase, p.originalHead)
    : findOutcomeRightStrict(afterPhrase);
  const found = findOutcomeLeft(before);
  const left = found?.armedOnly && (!p.head || p.victims !== 'fighters') ? null : found;
  // "claimed the lives of three citizens injured two others" (commas stripped): a bare
  // participle after the phrase starts the next clause; the verb before the number governs.
  // "killed 30 people injured 90": a participle with a number after it is the next clause's
  // verb, whatever the verb before.
  if (
    right &&
    left &&
    (left.active || COUNT_AFTER_RE.test(afterPhrase.slice(right.length))) &&
    left.outcome !== right.outcome &&
    /^\s+(?:killed|wounded|injured|wounding|injuring|killing|wounds|injures|kills)$/i.test(
      afterPhrase.slice(0, right.length),
    )
  ) {
    right = null;
  }
  if (!outcome && right) {
    outcome = right.outcome;
    end = p.phraseEnd + skip + right.length;
  }
  const viaLeft = !outcome && left !== null;
  let victimsFromLeft: Victims | null = null;
  if (!outcome && left) {
    outcome = left.outcome;
    start = Math.min(start, numberStart - left.length);
    // "the number of members of the Russian forces killed in Syria rose to 18".
    if (!p.head)
      victimsFromLeft = victimsOf('people', before.slice(before.length - left.length), '');
  }
  return { outcome, start, end, viaLeft, victimsFromLeft };
}

// "killing a family of five", "an entire family of six was killed".
const FAMILY_OF_BEFORE_RE =
  /\b(?:(?:a|an|the|one)\s+)?(?:(?:entire|whole|same)\s+)?family\s+of\s*$/i;

// "of which at least 96 were children", "Of the dead 12 were women".
const PART_OF_BEFORE_RE =
  /\bof\s+(?:which|whom|them|those(?:\s+(?:killed|dead|wounded|injured))?|the\s+(?:(?<killed>dead|killed|victims|bodies)|(?<injured>wounded|injured)))\s*(?:at\s+least|more\s+than|over|some|about|nearly|almost)?\s*$/i;
const WERE_HEAD_RE = new RegExp(
  `^\\s+(?:were|was|are|is)\\s+(?:all\\s+|also\\s+)?(${HEADS})(?![\\w-])`,
  'i',
);

/** "of which 12 were children": a part whose head follows the verb "were". */
function partHead(
  p: VictimPhrase,
  sentence: string,
  numberEnd: number,
  before: string,
): { p: VictimPhrase; outcome: Outcome | null } {
  const m = p.head ? null : PART_OF_BEFORE_RE.exec(before);
  const h = m ? WERE_HEAD_RE.exec(sentence.slice(numberEnd)) : null;
  if (!m || !h) return { p, outcome: null };
  const head = h[1] ?? '';
  const end = numberEnd + h[0].length;
  const outcome = m.groups?.killed ? 'killed' : m.groups?.injured ? 'injured' : null;
  return {
    p: {
      ...p,
      head,
      originalHead: head,
      victims: victimsOf(head, '', ''),
      phraseEnd: end,
      headEnd: end,
    },
    outcome,
  };
}

const FATE_OF_BEFORE_RE = /\b(?:the\s+)?fate\s+of\s*$/i;
const UNKNOWN_AFTER_RE = /^\s+(?:is|are|was|were|remains?|remained)\s+(?:still\s+)?unknown\b/i;

/** "the fate of eight members of staff is still unknown": they are missing. */
function fateUnknown(sentence: string, phraseEnd: number, before: string): Outcome | null {
  return FATE_OF_BEFORE_RE.test(before) && UNKNOWN_AFTER_RE.test(sentence.slice(phraseEnd))
    ? 'missing'
    : null;
}

/** "a family of five": the family is the head of the count and the verb stands before it. */
function familyOf(p: VictimPhrase, before: string): { p: VictimPhrase; before: string } {
  const m = p.head ? null : FAMILY_OF_BEFORE_RE.exec(before);
  if (!m) return { p, before };
  const head = { ...p, head: 'family', originalHead: 'family', victims: 'people' as const };
  return { p: head, before: before.slice(0, m.index) };
}

/** One candidate number as a raw figure, or null when it counts no people. */
function figureAt(
  sentence: string,
  m: RegExpExecArray,
): { figure: RawFigure; headEnd: number } | null {
  const numberStart = m.index;
  const word = m[0].toLowerCase();
  const article = /^(?:a|an|another|his|her|their|and)$/.test(word);
  const count = article ? 1 : parseNumber(m[0]);
  if (count === null || count <= 0 || count > MAX_CASUALTY_COUNT) return null;
  // "several dozen", "a few hundred": a scale word with no multiplier is vague, not a number.
  if (/^(?:dozen|hundred|thousand)$/i.test(m[0])) return null;
  // Only the last few words matter; a bounded window keeps the end-anchored patterns linear.
  const before = sentence.slice(Math.max(0, numberStart - 160), numberStart);
  const n = numberSpan(sentence, count, numberStart, numberStart + m[0].length);
  const cases = INJURED_CASES_RE.exec(sentence.slice(n.numberEnd));
  if (cases) return gasCases(sentence, n, numberStart, cases[0].length);
  // "brought to 49 the number killed", "raised to 120 the death toll": the toll told inverted.
  const inverted = INVERTED_TOLL_RE.exec(sentence.slice(n.numberEnd));
  if (inverted && TOLL_VERB_BEFORE_RE.test(before.slice(0, before.length - n.qualifierLength))) {
    return invertedToll(n, numberStart, inverted);
  }
  if (isNotACount(m[0], count, before, sentence.slice(numberStart + m[0].length))) return null;
  const partitive = PARTITIVE_RE.exec(sentence.slice(n.numberEnd));
  const vp = victimPhrase(sentence, n.numberEnd + (partitive ? partitive[0].length - 1 : 0));
  if (vp === 'excluded' || (article && !SINGULAR_HEAD_RE.test(vp.originalHead))) return null;
  const found = familyOf(vp, before.slice(0, before.length - n.qualifierLength));
  const part = partHead(found.p, sentence, n.numberEnd, found.before);
  const p = part.p;
  const o = outcomeSpan(
    sentence,
    numberStart - (before.length - found.before.length),
    numberStart - n.qualifierLength,
    p,
    found.before,
  );
  o.outcome ??= part.outcome ?? fateUnknown(sentence, p.phraseEnd, found.before);
  if (p.harmOnly && !o.outcome) return null;
  // Numbers with neither a victim noun nor an adjacent verb are not casualty figures.
  const another =
    word === 'another' ||
    ANOTHER_BEFORE_RE.test(before.slice(0, before.length - n.qualifierLength));
  // "... and another five outside Kobane" may still borrow the verb of the figure before, and so
  // may "... and one in the town of Harasta".
  // "... 4 of them in a critical condition": a part of the figure before.
  const elliptic =
    !p.head &&
    ((/\band\s*$/i.test(before.slice(0, before.length - n.qualifierLength)) &&
      ELLIPTIC_RE.test(sentence.slice(n.numberEnd))) ||
      OF_THEM_RE.test(sentence.slice(n.numberEnd)));
  if (!p.head && !o.outcome && !another && !elliptic) return null;
  const lowerHead = p.head.toLowerCase();
  const inherit = lowerHead === 'others' || lowerHead === 'more' || elliptic;
  const victims = /^(?:dead|lives)$/i.test(lowerHead) ? 'people' : (o.victimsFromLeft ?? p.victims);
  const figure: RawFigure = {
    count,
    max: n.max,
    outcome: o.outcome,
    victims,
    inherit: inherit || (another && !p.head),
    another,
    viaLeft: o.viaLeft,
    partOf: null,
    hasHead: p.head !== '',
    qualifier: n.qualifier,
    start: Math.max(0, o.start),
    numberStart,
    numberEnd: n.numberEnd,
    phraseEnd: p.phraseEnd,
    end: o.end,
  };
  return { figure, headEnd: p.headEnd };
}

const TOLL_VERB_BEFORE_RE =
  /\b(?:brought|brings|bringing|raised|raises|raising|pushed|pushes|pushing|took|takes|taking|put|puts|increased|increasing)\s+to\s*$/i;
const INVERTED_TOLL_RE =
  /^\s+the\s+(?:(?:overall|total|civilian|final)\s+)?(?:(?<killed>death\s+toll|toll|number\s+(?:of\s+(?:people\s+|civilians\s+|those\s+)?)?(?:killed|dead))|(?<injured>number\s+(?:of\s+(?:people\s+|civilians\s+|those\s+)?)?(?:wounded|injured)))\b/i;

/** "brought to 49 the number killed": the count comes before the toll it sets. */
function invertedToll(
  n: NumberSpan,
  numberStart: number,
  m: RegExpExecArray,
): { figure: RawFigure; headEnd: number } {
  const end = n.numberEnd + m[0].length;
  const outcome = m.groups?.injured ? 'injured' : 'killed';
  const victims = /civilians/i.test(m[0]) ? 'civilians' : 'people';
  return headedFigure(n, numberStart, end, outcome, victims);
}

/** A figure whose head (what it counts) ends at `end`: nothing inherited, no sub-figure. */
function headedFigure(
  n: NumberSpan,
  numberStart: number,
  end: number,
  outcome: RawFigure['outcome'],
  victims: RawFigure['victims'],
): { figure: RawFigure; headEnd: number } {
  const figure: RawFigure = {
    count: n.count,
    max: n.max,
    outcome,
    victims,
    inherit: false,
    another: false,
    viaLeft: false,
    partOf: null,
    hasHead: true,
    qualifier: n.qualifier,
    start: Math.max(0, numberStart - n.qualifierLength),
    numberStart,
    numberEnd: n.numberEnd,
    phraseEnd: end,
    end,
  };
  return { figure, headEnd: end };
}

/** "35 cases of suffocation": people hurt by gas, counted by their cases. */
function gasCases(
  sentence: string,
  n: NumberSpan,
  numberStart: number,
  length: number,
): { figure: RawFigure; headEnd: number } {
  const end = n.numberEnd + length;
  const civilians = /^\s+among\s+(?:the\s+)?civilians\b/i.test(sentence.slice(end));
  return headedFigure(n, numberStart, end, 'injured', civilians ? 'civilians' : 'people');
}

/** Figures in one sentence, outcomes resolved, not yet merged across the article. */
export function figuresInSentence(sentence: string): RawFigure[] {
  const figures: RawFigure[] = [];
  let skipUntil = -1;
  for (const m of allMatches(CANDIDATE_RE, sentence)) {
    if (m.index < skipUntil) continue;
    const found = figureAt(sentence, m);
    if (!found) continue;
    figures.push(found.figure);
    skipUntil = found.headEnd;
  }
  resolveChains(sentence, figures);
  markSubFigures(sentence, figures);
  return figures.filter((f) => f.outcome !== null);
}

// Between a total and a part of it: "84 civilians including 30 children", "among them five
// women", "of whom 12 were children", "mostly women".
const SUB_GAP_RE =
  /^\s*(?:,\s*)?(?:including|among\s+them|among\s+whom|of\s+whom|of\s+them|mostly|mainly|most\s+of\s+them)\s*$/i;
const LIST_GAP_RE = /^\s*(?:,\s*)?(?:and\s+)?$/i;
const AMONG_TOTAL_GAP_RE =
  /^\s*(?:(?:were|was|are|is)\s+(?:also\s+)?)?among(?:\s+the|\s+those)?\s*$/i;

/** Links each sub-figure to its total in the same sentence (`partOf`). */
function markSubFigures(sentence: string, figures: RawFigure[]): void {
  for (let i = 1; i < figures.length; i++) {
    const total = figures[i - 1];
    const g = figures[i];
    if (!total || !g || g.outcome === null || g.outcome !== total.outcome) continue;
    const gap = chainGap(sentence, total.phraseEnd, g.numberStart);
    const part = (t: RawFigure): boolean => g.count < t.count && t.outcome === g.outcome;
    // "Two medics were among at least 31 people killed": the part told before its total.
    if (AMONG_TOTAL_GAP_RE.test(gap) && total.count < g.count && !total.partOf) {
      total.partOf = g;
      continue;
    }
    if (
      SUB_GAP_RE.test(gap) ||
      (/^[\s,;:-]*$/.test(gap) && OF_THEM_RE.test(sentence.slice(g.numberEnd)))
    ) {
      if (part(total)) g.partOf = total;
    } else if (total.partOf && LIST_GAP_RE.test(gap) && part(total.partOf)) {
      // "84 civilians including 30 children and 20 women": the list shares its total.
      g.partOf = total.partOf;
    }
  }
}

function resolveChains(sentence: string, figures: RawFigure[]): void {
  // Two passes so that "15 civilians including four children were killed" and
  // "killed three civilians including two children" both resolve, whichever side has the verb.
  // Figures whose outcome a neighbour lent them: a list after them shares it ("killed 40 people
  // including 12 children and nine women").
  const borrowed = new Set<RawFigure>();
  borrowFromTotal(sentence, figures, borrowed);
  for (let pass = 0; pass < 2; pass++) {
    for (let i = figures.length - 2; i >= 0; i--) {
      const f = figures[i];
      const g = figures[i + 1];
      if (!f || !g || f.outcome || !g.outcome) continue;
      const gap = chainGap(sentence, f.phraseEnd, g.numberStart);
      if (CHAIN_FORWARD_RE.test(gap) || CHAIN_BACK_RE.test(gap)) f.outcome = g.outcome;
    }
    for (let i = 1; i < figures.length; i++) {
      const f = figures[i - 1];
      const g = figures[i];
      if (!f || !g || g.outcome || !f.outcome) continue;
      const from = f.end > g.numberStart ? f.phraseEnd : Math.max(f.phraseEnd, f.end);
      const gap = chainGap(sentence, from, g.numberStart);
      if (
        CHAIN_BACK_RE.test(gap) ||
        (CHAIN_FORWARD_RE.test(gap) && !g.hasHead) ||
        // "killed 25 civilians six of them children": a sub-figure told right after its total.
        (/^[\s,;:-]*$/.test(gap) && OF_THEM_RE.test(sentence.slice(g.numberEnd)))
      ) {
        g.outcome = f.outcome;
        borrowed.add(g);
      } else if (
        (g.another && !g.hasHead) ||
        ((f.viaLeft || borrowed.has(f)) && COORDINATED_RE.test(gap)) ||
        // A list with its commas stripped: "including 1733 children 969 women and 3110 men".
        ((borrowed.has(f) || f.viaLeft) && g.hasHead && /^[\s,;]*$/.test(gap))
      ) {
        // "30 jihadists were killed near Shadadi and another five outside Kobane".
        g.outcome = f.outcome;
        borrowed.add(g);
      }
    }
  }
  for (let i = 1; i < figures.length; i++) {
    const f = figures[i - 1];
    const g = figures[i];
    // "killing one person and wounding another nine": "another" sets the figure against its
    // neighbour of another outcome; it is not a new incident of the same outcome.
    if (f && g?.another && f.outcome !== null && g.outcome !== null && f.outcome !== g.outcome) {
      g.another = false;
    }
  }
  for (let i = 1; i < figures.length; i++) {
    const f = figures[i - 1];
    const g = figures[i];
    // "18 civilians were killed; another 50 were wounded": a bare number counts the same people,
    // those of the main figure rather than of a sub-figure ("a woman" in "seven civilians
    // including a woman were killed and 13 others injured").
    if (f && (g?.inherit || (g && !g.hasHead))) {
      const main = figures
        .slice(0, i)
        .reverse()
        .find((x) => x.victims !== 'women' && x.victims !== 'children' && x.victims !== 'men');
      g.victims = main ? main.victims : inheritVictims(f.victims);
    }
  }
}

// A part told after its total, however far: "executed 48 people ... among them 10 children",
// "Seven people were wounded in the raid ... three of them women".
const PART_BEFORE_RE =
  /\b(?:among\s+them|among\s+whom|of\s+whom|of\s+which|of\s+them|including)\s*(?:at\s+least|more\s+than|over|some|about|nearly|almost)?\s*$/i;
// A figure told beside another, however far: "At least 10 Kurdish fighters were killed in the blast
// and the gun battle along with eight IS members".
const BESIDE_BEFORE_RE =
  /\b(?:along\s+with|as\s+well\s+as|in\s+addition\s+to|together\s+with)\s*(?:at\s+least|more\s+than|over|some|about|nearly|almost)?\s*$/i;

function borrowFromTotal(sentence: string, figures: RawFigure[], borrowed: Set<RawFigure>): void {
  for (const [i, g] of figures.entries()) {
    const ofThem = OF_THEM_RE.test(sentence.slice(g.numberEnd));
    if (g.outcome || (!g.hasHead && !ofThem)) continue;
    const before = sentence.slice(Math.max(0, g.numberStart - 40), g.numberStart);
    const beside = BESIDE_BEFORE_RE.test(before);
    if (!PART_BEFORE_RE.test(before) && !ofThem && !beside) continue;
    const total = figures
      .slice(0, i)
      .reverse()
      .find((f) => f.outcome !== null && (beside || f.count > g.count));
    const outcome = total?.outcome ?? (beside ? null : vagueTotalOutcome(sentence, g.numberStart));
    if (!outcome) continue;
    g.outcome = outcome;
    if (total && !beside) g.partOf = total.partOf ?? total;
    borrowed.add(g);
    // "among them a child and two women": the rest of the list is part of the same total.
    let prev = g;
    for (const next of figures.slice(i + 1)) {
      if (next.outcome || !next.hasHead) break;
      if (!LIST_ITEM_GAP_RE.test(chainGap(sentence, prev.phraseEnd, next.numberStart))) break;
      next.outcome = outcome;
      next.partOf = g.partOf;
      borrowed.add(next);
      prev = next;
    }
  }
}

// A total told without a number: "dozens were killed including 12 children", "killing scores of
// people among them seven women".
const VAGUE_TOTAL_RE = new RegExp(
  `(?:\\b(?:dozens|scores|hundreds|tens|thousands|many|several|a\\s+number)(?:\\s+of)?(?:\\s+(?!(?:were|was|have|had)\\b)[\\w'’-]+){0,3}?\\s+(?:(?:were|was|have\\s+been|had\\s+been|are|reportedly|also)\\s+){0,2}(?:${OUTCOME_SOURCE})` +
    `|\\b(?:(?<killing>killing|killed|kills|kill)|(?<wounding>wounding|wounded|injuring|injured|injures|wounds))\\s+(?:at\\s+least\\s+)?(?:dozens|scores|hundreds|tens|thousands|many|several)(?:\\s+(?!(?:including|among)\\b)[\\w'’-]+){0,4}?)` +
    `(?:\\s+(?!(?:and|while|but)\\b)[\\w'’-]+){0,8}?\\s+(?:including|among\\s+them|among\\s+whom)\\s*(?:at\\s+least|more\\s+than|over|some|about|nearly|almost)?\\s*$`,
  'i',
);

function vagueTotalOutcome(sentence: string, numberStart: number): Outcome | null {
  const m = VAGUE_TOTAL_RE.exec(sentence.slice(Math.max(0, numberStart - 140), numberStart));
  if (!m?.groups) return null;
  if (m.groups.killing) return 'killed';
  if (m.groups.wounding) return 'injured';
  return outcomeOf(m.groups);
}

const LIST_ITEM_GAP_RE = /^\s*(?:,\s*)?(?:and\s+|as\s+well\s+as\s+)?$/i;

// A short place or affiliation phrase may sit between chained figures ("40 fighters from rebel
// groups as well as 12 IS fighters").
const GAP_PREFIX_RE =
  /^\s+(?:from|of|in|near|at|around|outside|inside)\s+(?:the\s+)?[\w'’-]+(?:\s+(?!and\b|including\b|as\b|plus\b)[\w'’-]+){0,2}(?=\s+(?:and|including|as\s+well\s+as|plus|along\s+with|among)\b)/i;

// "killing two men from Hezbollah and three men from the popular committees": one verb, two objects.
const COORDINATED_RE =
  /^\s*(?:,\s*)?(?:and|as\s+well\s+as|plus|along\s+with|in\s+addition\s+to)\s*$/i;

function chainGap(sentence: string, from: number, to: number): string {
  if (to < from) return '';
  return (
    sentence
      .slice(from, to)
      .replace(/\s*\([^)]*\)/g, '')
      .replace(/\s[-–—]\s/g, ', ')
      .replace(GAP_PREFIX_RE, '')
      .replace(QUALIFIER_TAIL_RE, '')
      // "a woman and her three children": the possessive belongs to the next figure.
      .replace(/\s+(?:his|her|their)\s*$/i, '')
  );
}

const OF_THEM_RE = /^\s+of\s+(?:them|whom)\b/i;

const QUALIFIER_TAIL_RE =
  /\s*(?:at\s+least|no\s+fewer\s+than|more\s+than|over|up\s+to|as\s+many\s+as|about|around|nearly|almost|some|roughly|approximately|another|a\s+further)\s*$/i;

/** "a woman was killed and 35 others injured": others of a woman are people, of soldiers soldiers. */
export function inheritVictims(v: Victims): Victims {
  return v === 'women' || v === 'children' || v === 'men' ? 'people' : v;
}

/** Whether a sentence frames its figures as a cumulative toll of the war or a period. */
export function isBackgroundSentence(sentence: string): boolean {
  return BACKGROUND_RE.test(sentence);
}
