// The cues the topic model reads beside its word features: which sentences name the coalition
// or the US, whether a strike word is with them, and what kind of sentence it is (a report, a
// report with civilian dead, the campaign's history, a threat, Iraq only). These rules were once
// the whole classifier (a hand-set score with a threshold); that score is kept as one cue.

import type { TopicSentence } from './topic-text.ts';

const NAMED_COALITION_SRC =
  '(?:Belgian|French|British|Jordanian|Australian|Danish|Dutch|Canadian|Emirati|UAE|Bahraini|German)\\s+(?:[\\w-]+\\s+){0,2}?(?:jets|warplanes|war\\s+planes|aircraft|planes|F-16s?|Rafales?|Tornados?|drones?|air\\s+force)|\\bRAF\\b|Royal\\s+Air\\s+Force|(?:US|U\\.S\\.?|American|Washington)[- ]?led\\s+(?:international\\s+|military\\s+|anti-[\\w-]+\\s+|Western\\s+|air\\s+)?(?:coalition|alliance)|(?:international|anti-(?:IS|ISIS|ISIL|Daesh|jihadist|terror(?:ist)?|terrorism|Islamic\\s+State))\\s+(?:military\\s+)?(?:coalition|alliance)|Operation\\s+Inherent\\s+Resolve|CJTF-OIR|CENTCOM|Central\\s+Command|Pentagon';
// The bare word, unless it is the Syrian National Coalition or a Saudi/Arab one.
const BARE_COALITION_SRC =
  '(?<!(?:Syrian|National|opposition|Saudi-led|Arab|Saudi|ruling|Islamic|Sunni)\\s)(?<!(?:Saudi|Arab)-led\\s)\\bcoalition(?!\\s+of\\b|\\s+for\\s+Syrian)';
const US_MILITARY_SRC =
  "(?:\\bUS\\b|\\bU\\.S\\.?|\\bUSA\\b|American|Washington's|Pentagon|United\\s+States')\\s*(?:-|\\s)\\s*(?:led\\s+)?(?:military\\s+|air\\s+force\\s+|Air\\s+Force\\s+|army\\s+|navy\\s+|Navy\\s+|special\\s+)?(?:air\\s*strikes?|strikes?|raids?|warplanes|war\\s+planes|jets|fighter\\s+jets|aircraft|drones?|bombers|bombing|bombardments?|missiles?|Tomahawks?|cruise\\s+missiles|forces|troops|soldiers|military|commandos|special\\s+forces|aviation|attacks?|helicopters|B-52s?|F-\\d+s?)|(?:United\\s+States|Washington|US|U\\.S\\.|Pentagon|Trump|Obama)\\s+(?:has\\s+|had\\s+|have\\s+)?(?:launched|fired|bombed|struck|carried\\s+out|conducted|attacked|hit|targeted|strikes|bombs|killed|ordered)";
const STRIKE_SRC =
  '\\b(?:air\\s*strikes?|strikes?|struck|raids?|bomb\\w*|shell\\w*|drones?|missiles?|Tomahawks?|warplanes|war\\s+planes|jets|aircraft|aviation|sorties|attack\\w*|targeted|targeting|hit|kills?|killed|killing|dead|casualties|civilian\\s+deaths|sorties|operations?)\\b';
const SYRIA_SRC =
  '\\b(?:Syria\\w*|Raqq?a\\w*|Deir\\s+(?:ez|al|el)[- ]?Z\\w+|Aleppo|Idlib|Homs|Hama|Daraa|Damascus|Manbij|Kobani|Kobane|Hasakah?|Tabqa|Palmyra|al-Bab|Shadadi|Tokhar|Shayrat|Mayadin|Albu\\s+Kamal|Euphrates)\\b';

const COALITION_RE = new RegExp(`${NAMED_COALITION_SRC}|${BARE_COALITION_SRC}`, 'i');
const NAMED_COALITION_RE = new RegExp(NAMED_COALITION_SRC, 'i');
const SYRIAN_COALITION_RE = /\b(?:Syrian|National)\s+Coalition\b/;
const US_MILITARY_RE = new RegExp(US_MILITARY_SRC);
const STRIKE_RE = new RegExp(STRIKE_SRC, 'i');
const SYRIA_RE = new RegExp(SYRIA_SRC, 'i');
const OTHER_PERPETRATOR_RE =
  /\b(?:Russian?|Moscow|regime|Assad\w*|Syrian\s+(?:army|government|warplanes?|jets|air\s+force|troops|forces)|Turk(?:ey|ish)|Israeli?)\b/;
// Another party named as the speaker of a headline ("Turkish military says 31 militants killed")
// is not named as the perpetrator.
const OTHER_SPEAKER_RE =
  /\b(?:Russian?|Moscow|regime|Assad\w*|Syrian?|Turk(?:ey|ish)|Israeli?)\s+(?:[\w-]+\s+){0,2}(?:says|said|claims|claimed|reports|announces|confirms)\b/i;
// A sentence that recalls the campaign's history or context rather than reporting a strike
// ("has been carrying out air strikes since 2014", "a pretext for US missile strikes",
// "in March 2016 the Pentagon announced") is half the evidence of a report.
const BACKGROUND_RE =
  /\b(?:since\s+(?:(?:late|early|mid-?)\s*)?(?:\d{4}|(?:January|February|March|April|May|June|July|August|September|October|November|December)\b|the\s+(?:start|beginning|summer|autumn|fall)|it\s+(?:began|started))|in\s+(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+)?(?:19|20)\d\d\b|last\s+(?:year|month)|in\s+the\s+past(?!\s+(?:\d+|few|several|two|three|four)\s+(?:hours|days))|(?:has|have)\s+(?:also\s+|repeatedly\s+|previously\s+)?(?:been\s+)?(?:carried\s+out|carrying\s+out|conducting|conducted|bombing|launched|struck|hit)|pretext|previously|(?:is|are|was|were)\s+(?:backed|supported)\s+by|with\s+the\s+support\s+of|(?:backed|supported)\s+by\s+(?:US|U\.S\.|American|the\s+US|the\s+U\.S\.|(?:the\s+)?(?:US|U\.S\.)-led|coalition))\b/i;
// A strike that has not happened ("bracing for a possible US attack", "American missiles might
// strike", "threatening to bomb") is no report of one.
const HYPOTHETICAL_RE =
  /\b(?:possible|potential|prospective|impending|looming|imminent|threat(?:en(?:s|ed|ing)?)?\s+(?:of|to)|might|brac(?:e|es|ing)\s+for|prepar(?:e|es|ing)\s+for|anticipat\w+|in\s+case\s+of|considering|weighing|contemplat\w+|mull\w*)\b/i;
// A strike with civilian dead: the story the topic is for.
const CIVILIAN_TOLL_RE =
  /\b(?:killed|killing|kills?|dead|deaths?|died)\b[^.]{0,80}\b(?:civilians?|children|women|residents|families|villagers)\b|\b(?:civilians?|children|women|residents|families|villagers)\b[^.]{0,80}\b(?:killed|dead|died)\b/i;
// A figure of dead or wounded ("killed at least 18", "287 fighters ... had been killed", "six
// civilians dead"): a report of a specific strike rather than of the campaign.
const TOLL_RE =
  /\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens|scores|hundreds)\b[^.;]{0,60}\b(?:killed|killing|dead|died|wounded|injured|casualties)\b|\b(?:killed|killing|killing|wounded|injuring|injured)\s+(?:at\s+least\s+|more\s+than\s+|some\s+|about\s+|nearly\s+|up\s+to\s+)?(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens|scores|hundreds)\b/i;
// A day or time of its own ("on Tuesday", "overnight", "yesterday"): a report of a strike that
// just happened rather than of the campaign's history.
const DATED_RE =
  /\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|overnight|tonight|this\s+(?:morning|week)|last\s+(?:night|week)|(?:past|last)\s+(?:\d+|24|48|few|several|two|three)\s+(?:hours|days))\b/i;
// Scraped boilerplate glued to the lede ("Print Tweet Views 2494 Related ...").
const BOILERPLATE_RE = /\bRelated\b|\bPrint\s+Tweet\b|\bGet\s+short\s+URL\b/;
// Any word that names the coalition or the US, whatever the phrasing around it: wider than the
// actor patterns above, so that the model also reads the sentences those miss.
const ANY_ACTOR_RE =
  /\b(?:US|U\.S\.?|USA|CENTCOM|RAF)\b|\b(?:[Aa]merican|[Ww]ashington|[Pp]entagon|[Cc]oalition|Trump|Obama)/;
const IRAQ_ONLY_RE = /\b(?:Iraq|Iraqi|Mosul|Fallujah|Ramadi|Tikrit|Anbar|Kirkuk|Baghdad)\b/i;

export type SentenceKind =
  | 'no-strike'
  | 'iraq'
  | 'hypothetical'
  | 'background'
  | 'civilian'
  | 'report';

/** What the cue rules say about one sentence that names the coalition or the US. */
export interface SentenceCues {
  /** Index into the sentences given. */
  index: number;
  /** With a strike word: report, report with civilian dead, history, threat, Iraq only. */
  kind: SentenceKind;
  /** A figure of dead or wounded. */
  toll: boolean;
  /** A day or time of its own. */
  dated: boolean;
  /** The title line. */
  title: boolean;
  /** The lede, the first body sentence. */
  lead: boolean;
  /** The actor patterns match it (not only a word such as "Washington" or "coalition"). */
  namedActor: boolean;
}

/** What the cue rules found in one article. */
export interface CoalitionCues {
  /** The headline names a coalition/US actor and a strike. */
  titleHit: boolean;
  /** The lede (first body sentence) reports coalition/US strikes. */
  lead: boolean;
  /** The headline names another perpetrator of a strike (Russia, the regime, Turkey...). */
  otherPerpetrator: boolean;
  /** Syria or a Syrian place is named anywhere. */
  syria: boolean;
  /** The article is about the Syrian National Coalition (so "the Coalition" is that body). */
  syrianNationalCoalition: boolean;
  /** Sentences the actor patterns match that report a strike (civilian-toll ones included). */
  reports: number;
  /** Of those, the ones with civilian dead. */
  civilianReports: number;
  /** Sentences the actor patterns match that recall the campaign's history. */
  background: number;
  /** The former hand-set score: headline 2, lede 1, report 1 (civilian dead 1.5), history 0.5. */
  ruleScore: number;
  /** Every sentence that names the coalition or the US, in order. */
  actorSentences: SentenceCues[];
}

/** Related-headline blocks scraped into the body: mostly capitalised words, other stories. */
function isHeadlineList(s: string): boolean {
  const words = s.split(/\s+/).filter((w) => /^[A-Za-z]/.test(w) && w.length > 3);
  if (words.length < 12) return false;
  return words.filter((w) => /^[A-Z]/.test(w)).length / words.length >= 0.75;
}

function hasCoalitionActor(s: string): boolean {
  return COALITION_RE.test(s) || US_MILITARY_RE.test(s);
}

/** The kind of a sentence that names the coalition or the US. */
function sentenceKind(s: string): SentenceKind {
  if (!STRIKE_RE.test(s)) return 'no-strike';
  // A sentence only about Iraq ("coalition strikes in Mosul") is not about Syria.
  if (IRAQ_ONLY_RE.test(s) && !SYRIA_RE.test(s)) return 'iraq';
  if (HYPOTHETICAL_RE.test(s)) return 'hypothetical';
  if (BACKGROUND_RE.test(s)) return 'background';
  return CIVILIAN_TOLL_RE.test(s) ? 'civilian' : 'report';
}

function headlineCues(title: string): Pick<CoalitionCues, 'titleHit' | 'otherPerpetrator'> {
  // Headlines are Title Case ("US Warplanes Bombardments"); lower-case the capitalised words so
  // the case-sensitive US patterns still see "US warplanes bombardments".
  const headline = title.replace(/\b([A-Z])([a-z]+)\b/g, (w) => w.toLowerCase());
  const titleHit = hasCoalitionActor(headline) && STRIKE_RE.test(headline);
  // Another party named as the perpetrator ("Russian airstrike kills 38"), not as the speaker.
  const otherPerpetrator =
    !titleHit &&
    OTHER_PERPETRATOR_RE.test(title) &&
    STRIKE_RE.test(title) &&
    !OTHER_SPEAKER_RE.test(title);
  return { titleHit, otherPerpetrator };
}

const isReport = (k: SentenceKind): boolean => k === 'report' || k === 'civilian';

/** The cues of an article: `sentences` are the sentences of title + body, title first. */
export function coalitionCues(
  title: string,
  text: string,
  sentences: readonly TopicSentence[],
): CoalitionCues {
  const syrianNationalCoalition = SYRIAN_COALITION_RE.test(text);
  // In an article about the Syrian National Coalition, "the Coalition" is that body.
  const coalitionRe = syrianNationalCoalition ? NAMED_COALITION_RE : COALITION_RE;
  const c: CoalitionCues = {
    ...headlineCues(title),
    lead: false,
    syria: SYRIA_RE.test(title),
    syrianNationalCoalition,
    reports: 0,
    civilianReports: 0,
    background: 0,
    ruleScore: 0,
    actorSentences: [],
  };
  const t = title.trim();
  let firstBody = true;
  sentences.forEach(({ text: s, line }, index) => {
    if (!c.syria && SYRIA_RE.test(s)) c.syria = true;
    // The first sentence of the body (the lede) says what the story is about.
    const lead = firstBody && line > 0 && !(t && s.includes(t) && s.length < t.length + 40);
    if (lead) firstBody = false;
    if (isHeadlineList(s)) return;
    const namedActor = coalitionRe.test(s) || US_MILITARY_RE.test(s);
    if (!namedActor && !ANY_ACTOR_RE.test(s)) return;
    const kind = sentenceKind(s);
    const cue = { index, kind, toll: TOLL_RE.test(s), dated: DATED_RE.test(s), lead, namedActor };
    c.actorSentences.push({ ...cue, title: line === 0 });
    if (namedActor) countRuleCues(c, cue, s);
  });
  c.ruleScore = ruleScore(c);
  return c;
}

/** The former rules' counts, from the sentences their actor patterns match. */
function countRuleCues(
  c: CoalitionCues,
  cue: { kind: SentenceKind; lead: boolean },
  s: string,
): void {
  if (cue.kind === 'background') c.background++;
  if (!isReport(cue.kind)) return;
  c.reports++;
  if (cue.kind === 'civilian') c.civilianReports++;
  if (cue.lead && s.length < 400 && !BOILERPLATE_RE.test(s)) c.lead = true;
}

function ruleScore(c: CoalitionCues): number {
  if (!c.syria) return 0;
  const sentences = c.reports + 0.5 * c.civilianReports + 0.5 * c.background;
  // A lede reporting coalition strikes makes another party in the headline a co-perpetrator.
  const otherPerpetrator = c.otherPerpetrator && !c.lead;
  return (c.titleHit ? 2 : 0) + (c.lead ? 1 : 0) + sentences - (otherPerpetrator ? 1 : 0);
}
