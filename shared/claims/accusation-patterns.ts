// The vocabulary of accusations shared by its routes: verbs of speech and of blame, words of
// harm, denials, the victims that make harm news rather than combat, and the sides of the war.

import type { Actor } from '../domain/claims.ts';

export const SPEECH =
  '(?:said|says|say|saying|showed|shows|found|suspect|suspects|believe|calling\\s+(?:on|for)|demanding|reported|reports|reporting|stated|states|claimed|claims|claiming|told|tells|added|adds|noted|notes|stressed|stresses|warned|warns|warning|insisted|insists|confirmed|confirms|announced|announces|alleged|alleges|documented|documents|revealed|tweeted|wrote|writes|argued|argues|explained|pointed\\s+out|believes|asserted|asserts|demanded|demands|urged|urges|called\\s+(?:on|for)|calls\\s+(?:on|for)|complained|complains|denounced|denounces|accused|accuses|blamed|blames|condemned|condemns|criticized|criticised|slammed|blasted|charged|affirmed|affirms|emphasized|emphasised|emphasizes|emphasises|underlined|highlighted|indicated|mentioned|went\\s+on|reiterated|reiterates|described|describes|considers|considered|views|sees|regards|dismissed|questioned|lashed\\s+out|expressed|voiced|echoed|responded(?!\\s+(?:by|with)\\b)|replied(?!\\s+(?:by|with)\\b)|remarked|observed|estimated|estimates|concluded|concludes|recorded|registered|counted|put\\s+the|gave\\s+a|issued|published|released|believed|thinks|think|feared|fears|vowed|pledged|spoke|speaking|repeated\\s+(?:the|its|his|her|their|that)|according)';

export const ACCUSE_RE =
  /\b(?:accus(?:ed|es|e|ing|ations?)|protest(?:ed|s|ing)?(?=\s+(?:by|against|at|over)\b|\s+(?:the|its|their|his|her)\s)|blam(?:ed|es|e|ing)|condemn(?:ed|s|ing|ation)?|denounc(?:ed|es|e|ing)|criticiz(?:ed|es|e|ing)|criticis(?:ed|es|e|ing)|slamm?(?:ed|s|ing)?|blast(?:ed|s|ing)|lambast(?:ed|s|ing)?|chastis(?:ed|es|ing)|castigat(?:ed|es|ing)|deplor(?:ed|es|e|ing)|decr(?:ied|ies|y|ying)|rebuk(?:ed|es|e|ing)|censur(?:ed|es|e|ing)|(?:lash|hit)(?:es|ed|s|ting)?\s+out\s+(?:at|against)|held|holds?|holding|point(?:ed|s|ing)?\s+(?:the|their|an\s+accusing)\s+fingers?\s+at|charged|fault(?:ed|ing)|attribut(?:ed|es|ing)(?=\s+(?:the|this|that|it|these|those|a|an)\s))\b/gi;
export const HARM_RE =
  /\b(?:kill\w*|wound\w*|injur\w*|hit|fire|fired|shot|shoot\w*|war\s*planes|jets|helicopters|aircraft|artillery|mortars?|missiles?|explo\w+|blasts?|suicide|weapons|dead|deaths?|died|civilians?|casualt\w*|massacres?|crimes?|criminal|destr\w+|illegal\w*|barbar\w+|terror\w*|atrocit\w+|violat\w+|chemical|gas(?:sing|sed)?|toxic|poison\w*|chlorine|sarin|mustard|napalm|phosphorus|siege|besieg\w+|obstruct\w*|bomb\w*|shell\w*|strikes?|airstrikes?|struck|raids?|attack\w*|target\w*|mistakes?|cover(?:ed|ing)?\s+up|lies|lying|fabricat\w+|support\w*|arm(?:s|ed|ing)\b|fund\w*|execut\w+|slaughter\w*|murder\w*|genocide|cleansing|occup\w+|aggression|invasion|encroach\w*|responsib\w+|behind|hamper\w*|unwilling\w*|hypocri\w+|cynical|suffer\w*|catastroph\w+|disaster|wip\w+|rocket\w*|fired|sniper|tortur\w+|starv\w+|displac\w+|ignor\w*|silence|inaction|impunity|pretext|sponsor\w*|harbou?r\w*|regroup\w*|breach\w*|provocat\w+|aggress\w+|mines?|planted|slit|behead\w*|brutal\w*|heinous|onslaught|indiscriminate\w*|abuses?|misinformation|rumou?rs|detain\w*|arrest\w*|kidnap\w*|abduct\w*|suppress\w*|blew|blown|blowing|detonat\w*|munitions|blocked|blocking|blockade\w*|loot(?:ed|ing)|burn(?:ed|t|ing)|hanged)\b/i;
export const DENIAL_RE =
  /\b(?:denied|denies|deny|denying|denial|rejected\s+(?:the\s+)?(?:claims?|accusations?|allegations?|reports?)|dismissed\s+(?:the\s+)?(?:claims?|accusations?|allegations?)|refuted|no\s+evidence|(?:was|is|remains)\s+(?:unclear|not\s+clear|unknown)|it\s+(?:was|is)\s+not\s+(?:immediately\s+)?(?:clear|known))\b/i;
// After a denial, the denier's own account of who did it: "Russia denied its jets were involved,
// saying the convoy was shelled by rebels", "the army denied the claims and said rebels had
// shelled the district". Only a denial by a verb ("denied", "rejected the claims") has one.
export const COUNTER_CLAIM_RE =
  /^(?:denied|denies|deny|denying|rejected|dismissed|refuted)\b[^.;:"“”]*?\b(?:and\s+(?:said|says|added|insisted|claimed|blamed|accused)|saying|adding|insisting|claiming|blaming|accusing|instead)\b/i;
// Harm done to armed enemies ("strikes kill 35 jihadists") is reported, not alleged, unless
// civilians are also involved.
export const MILITANT_VICTIMS_RE =
  /\b(?:[Kk]ill\w*|dead|[Ee]liminat\w+|[Dd]estroy\w*)\s+(?:(?!by\b|in\s+(?:a|an|the)\b)[\w-]+\s+){0,4}?(?:[Jj]ihadists|[Mm]ilitants|[Tt]errorists|[Cc]ommanders|[Ll]eaders|jihadists|militants|extremists|terrorists|Daesh|IS|ISIS|ISIL|gunmen|insurgents|members)\b|\b(?:[Jj]ihadists|[Mm]ilitants|[Ee]xtremists|[Tt]errorists|[Ff]ighters|[Mm]embers|[Gg]unmen|[Ii]nsurgents|[Cc]ommanders|[Ll]eaders)\s+(?:(?:among\s+them|including)\s+(?:\w+\s+){1,3}?)?(?:(?:were|have\s+been|had\s+been)(?!\s+(?:\w+\s+)?(?:responsible|behind|to\s+blame)\b)|Killed|killed(?!\s+(?:one|two|three|four|five|six|seven|eight|nine|ten|\d+|at\s+least|more\s+than|dozens|scores|hundreds|many|several|some|a|an|the|their|his|her|civilians?|people|residents|children|women|men)\b))\b|\b(?:death|deaths|killing)\s+of\s+(?:\w+\s+){0,4}?(?:IS|ISIS|ISIL|Daesh|jihadist|militant|Nusra)\b|\b(?:destroyed|targeted|struck|hit|bombed|attacked|pounded|pounding|targeting|hitting|shelled|shelling|strikes\s+(?:against|on))\s+(?:(?!while\b|when\b|as\b|after\b|before\b|who\b|which\b)\w+\s+){0,5}?(?:of\s+|onto\s+|on\s+)?(?:the\s+)?(?:ISIS|ISIL|IS|Daesh|terrorists?|militants|jihadists|Nusra|al-Nusra)\b/;
// Combat deaths of armed men ("killed five pro-regime forces"), which monitors report neutrally.
export const COMBATANT_VICTIMS_RE =
  /\b(?:kill\w*|dead)\s+(?:[\w-]+\s+){0,4}?(?:forces|fighters|members|soldiers|troops|militiamen|officers|commanders?)\b|\b(?:forces|fighters|members|soldiers|troops|militiamen)\s+(?:were|have\s+been|had\s+been)\s+killed\b|\b(?:attack\w*|ambush\w*|clash\w*|fought|fighting|battl\w+|fired\s+on|bombard\w*|(?:air\s*)?strikes?|airstrikes?|raids?|repel\w*|pound\w*|shell(?:ed|ing)|bombed|struck|targeted|hit)\s+(?:with\s+|on\s+|against\s+)?(?:the\s+)?(?:(?!by\b)[\w-]+\s+){0,2}?(?:forces|fighters|soldiers|troops|militiamen|positions|militants|checkpoints?|posts?)\b/;
export const NEUTRAL_REPORTERS = new Set<Actor>([
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
// What makes harm news to a neutral reporter: people hurt, civilian places, banned weapons, sieges
// ("government air strikes on the battlefield" alone is combat).
export const VICTIM_HARM_RE =
  /\b(?:kill\w*|dead|deaths?|died|wound\w*|injur\w*|casualt\w*|massacre\w*|victims?|martyr\w*|lives|toll|civilians?|children|women|people|residents|hospitals?|schools?|markets?|homes|houses|mosques?|bakery|bakeries|neighbou?rhoods?|villages?|towns?|camps?|aid|convoys?|chemical|chlorine|sarin|gas|toxic|phosphorus|napalm|cluster|barrel\s+bombs?|execut\w+|behead\w+|tortur\w+|kidnap\w+|abduct\w+|crucif\w+|sieges?|besieg\w+|starv\w+|displac\w+|destroy\w*|destruction|damage\w*)\b/i;
// The words of a battle report: "ongoing fighting as well as government air strikes on the
// battlefield", "launched a counter attack and recovered lost ground".
export const BATTLE_RE =
  /\b(?:battlefield|front\s*lines?|frontlines?|counter[- ]?attacks?|counter[- ]?offensive|recaptur\w+|regain\w*|recover\w*\s+(?:some\s+)?(?:lost\s+)?ground|advanc\w+|fighting|clashes|positions|during\s+the\s+(?:month-long\s+)?campaign)\b/i;
export const CIVILIAN_RE =
  /\b(?:civilians?|citizens?|children|child|boys?|girls?|babies|women|woman|men|man|people|persons?|residents|hospitals?|schools?|markets?|homes|neighbou?rhoods?|patients|medical|humanitarian|infrastructure|refugees|families|villagers|innocent)\b/i;

export const GOVERNMENT_SIDE = new Set<Actor>(['syria_gov', 'russia', 'iran', 'hezbollah']);

export const TERROR_LABEL_RE =
  /\b(?:(?:are|is|as|considers?|sees?|regards?|designated?|designates|labels?|brands?|calls?)\s+(?:a\s+|an\s+)?(?:\w+\s+){0,3}?(?:terrorist|terror)\s+(?:organi[sz]ation|group|outfit|entity)|(?:national\s+)?security\s+threat|extension\s+of)/i;
// Groups whose terrorist status is itself contested; calling IS or Nusra terrorists is not news.
export const TERROR_LABELLED = new Set<Actor>(['sdf', 'rebels', 'opposition', 'hezbollah']);

// "X called on / urged Y to stop, halt, investigate ...".
export const CALL_ON_RE =
  /\b(?:call(?:ed|s|ing)?\s+on|urg(?:ed|es|ing)|demand(?:ed|s|ing)|press(?:ed|es|ing)|ask(?:ed|s|ing))["”]?\s+(?:that\s+)?(?:the\s+)?$/i;
export const CALL_WHAT_RE =
  /^(?:(?!\bto\b)[^.]){0,80}\bto\s+(?:\w+\s+){0,3}?(?:stop|halt|suspend|end|cease|investigate|prevent|avoid|be\s+more\s+careful|refrain|withdraw|leave|redouble|respect|abide|take\s+(?:all|necessary))\b|^(?:\s+and\s+(?:its|their)\s+[\w\s]{0,30}?)?\s+(?:must\s+|should\s+)?(?:immediately\s+)?(?:stop|halt|end|cease)\s+(?:its|their|the)\b/i;

// Parties on one side report each other's strikes; that is not blame ("US-led coalition airstrike
// kills 18 partner forces, Pentagon says"). Explicit verbs of blame still count.
const SIDES: Actor[][] = [
  ['us', 'coalition'],
  ['syria_gov', 'russia', 'iran', 'hezbollah'],
];

export function allied(a: Actor, b: Actor): boolean {
  return SIDES.some((side) => side.includes(a) && side.includes(b));
}

// Harm told without its agent: "15 civilians were killed in raids on Manbij", "air strikes on
// Eastern Ghouta have killed 66 civilians".
export const AGENTLESS_HARM_RE =
  /\b(?:killed|wounded|injured|died|dead)\b[^.;]{0,60}?\b(?:in|by|during|from)\s+(?:\w+\s+){0,3}?(?:air\s*strikes?|airstrikes?|air\s+raids?|raids?|strikes|shelling|bombardment|bombing|barrel\s+bombs?|artillery\s+fire)\b|\b(?:air\s*strikes?|airstrikes?|air\s+raids?|raids|strikes|shelling|bombardment|bombing|artillery\s+fire)\b[^.;]{0,80}?\b(?:killed|kill|wounded|injured|left\s+(?:\w+\s+){1,4}dead)\b/i;

// "told AFP that ...", "speaking to Reuters" (no i flag: the names after it are capitalised): the party told listens; it neither does the harm nor
// (when the sentence names a speaker) states the figure.
export const LISTENER_BEFORE_RE =
  /\b(?:told|tells|telling|tell|speaking\s+to|talking\s+to|(?:an\s+)?interview\s+with|quoted\s+by)\s+(?:(?:the|a|an)\s+)?(?:[A-Z][\w'’.-]*\s+){0,2}$/;

// What a party's account is called when it is called false ("the Russian claims were false").
export const FALSE_VERDICT =
  '(?:false|incorrect|untrue|inaccurate|wrong|baseless|groundless|unfounded|exaggerated|fabricated|fabrications?|lies|a\\s+lie|fake|misinformation|disinformation|propaganda)';

/**
 * An aside a reader skips between a name and its verb: set off by commas (not opening with a word
 * of `notOpening`: "and", "or", ...), by dashes, or in brackets; `then` is what must follow it.
 */
export function asideSource(notOpening: string, then = '(?=\\s)'): string {
  return `(?:\\s*,\\s+(?!(?:${notOpening})\\b)[^,.;:"“”]{1,60}?,|\\s+[—–-]\\s+[^—–.;:"“”]{1,60}?\\s+[—–-]|\\s*\\([^()]{1,60}\\))${then}`;
}
