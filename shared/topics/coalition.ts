// The built-in `coalition-strikes-syria` classifier: is this article about strikes by the
// US-led coalition or US forces in Syria? Evidence is counted per sentence, where a coalition/US
// actor and a strike word co-occur; a passing background mention yields one weak sentence and
// does not reach the threshold, a story about such strikes yields several or a headline. Sentences
// that recall the campaign's history count half, a strike with civilian dead counts one and a half,
// and a lede (first body sentence) reporting such strikes adds one.

import { splitSentences } from '../claims/sentences.ts';

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
  /\b(?:since\s+(?:(?:late|early|mid-?)\s*)?(?:\d{4}|(?:January|February|March|April|May|June|July|August|September|October|November|December)\b|the\s+(?:start|beginning|summer|autumn|fall)|it\s+(?:began|started))|in\s+(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+)?(?:19|20)\d\d\b|last\s+(?:year|month)|in\s+the\s+past(?!\s+(?:\d+|few|several|two|three|four)\s+(?:hours|days))|(?:has|have)\s+(?:also\s+|repeatedly\s+|previously\s+)?(?:been\s+)?(?:carried\s+out|carrying\s+out|conducting|conducted|bombing|launched|struck|hit)|pretext|previously|(?:is|are)\s+(?:backed|supported)\s+by|with\s+the\s+support\s+of|backed\s+by\s+(?:US|U\.S\.|American|the\s+US|the\s+U\.S\.|coalition))\b/i;
// A strike that has not happened ("bracing for a possible US attack", "American missiles might
// strike", "threatening to bomb") is no report of one.
const HYPOTHETICAL_RE =
  /\b(?:possible|potential|prospective|impending|looming|imminent|threat(?:en(?:s|ed|ing)?)?\s+(?:of|to)|might|brac(?:e|es|ing)\s+for|prepar(?:e|es|ing)\s+for|anticipat\w+|in\s+case\s+of|considering|weighing|contemplat\w+|mull\w*)\b/i;
// A strike with civilian dead: the story the topic is for.
const CIVILIAN_TOLL_RE =
  /\b(?:killed|killing|kills?|dead|deaths?|died)\b[^.]{0,80}\b(?:civilians?|children|women|residents|families|villagers)\b|\b(?:civilians?|children|women|residents|families|villagers)\b[^.]{0,80}\b(?:killed|dead|died)\b/i;
// Scraped boilerplate glued to the lede ("Print Tweet Views 2494 Related ...").
const BOILERPLATE_RE = /\bRelated\b|\bPrint\s+Tweet\b|\bGet\s+short\s+URL\b/;
const IRAQ_ONLY_RE = /\b(?:Iraq|Iraqi|Mosul|Fallujah|Ramadi|Tikrit|Anbar|Kirkuk|Baghdad)\b/i;

export interface CoalitionEvidence {
  score: number;
  titleHit: boolean;
  sentences: number;
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

/** How strongly an article is about coalition/US strikes in Syria. */
export function coalitionEvidence(title: string, text: string): CoalitionEvidence {
  // Headlines are Title Case ("US Warplanes Bombardments"); lower-case the capitalised words so
  // the case-sensitive US patterns still see "US warplanes bombardments".
  const headline = title.replace(/\b([A-Z])([a-z]+)\b/g, (w) => w.toLowerCase());
  const titleHit = hasCoalitionActor(headline) && STRIKE_RE.test(headline);
  // A headline naming another perpetrator ("Russian airstrike kills 38") makes coalition
  // sentences in the body background, so they must be more numerous to count.
  let otherPerpetrator =
    !titleHit &&
    OTHER_PERPETRATOR_RE.test(title) &&
    STRIKE_RE.test(title) &&
    !OTHER_SPEAKER_RE.test(title);
  let sentences = 0;
  let lead = false;
  let firstBody = true;
  const t = title.trim();
  let syria = SYRIA_RE.test(title);
  // In an article about the Syrian National Coalition, "the Coalition" is that body.
  const coalitionRe = SYRIAN_COALITION_RE.test(text) ? NAMED_COALITION_RE : COALITION_RE;
  for (const { text: s, line } of splitSentences(text)) {
    if (!syria && SYRIA_RE.test(s)) syria = true;
    // The first sentence of the body (the lede) says what the story is about.
    const restatesTitle = t.length > 0 && s.includes(t) && s.length < t.length + 40;
    const isLead = firstBody && line > 0 && !restatesTitle;
    if (isLead) firstBody = false;
    if (isHeadlineList(s)) continue;
    if (!(coalitionRe.test(s) || US_MILITARY_RE.test(s)) || !STRIKE_RE.test(s)) continue;
    // A sentence only about Iraq ("coalition strikes in Mosul") is not about Syria.
    if (IRAQ_ONLY_RE.test(s) && !SYRIA_RE.test(s)) continue;
    if (HYPOTHETICAL_RE.test(s)) continue;
    const background = BACKGROUND_RE.test(s);
    sentences += background ? 0.5 : CIVILIAN_TOLL_RE.test(s) ? 1.5 : 1;
    if (isLead && !background && s.length < 400 && !BOILERPLATE_RE.test(s)) lead = true;
  }
  if (!syria) return { score: 0, titleHit, sentences };
  // A lede reporting coalition strikes makes another party in the headline a co-perpetrator.
  if (lead) otherPerpetrator = false;
  const score = (titleHit ? 2 : 0) + (lead ? 1 : 0) + sentences - (otherPerpetrator ? 1 : 0);
  return { score, titleHit, sentences };
}

/** Threshold on coalitionEvidence().score; tuned on the dev labels, see scripts/eval/main.ts. */
export const COALITION_THRESHOLD = 2;

export function isCoalitionStrikeArticle(title: string, text: string): boolean {
  return coalitionEvidence(title, text).score >= COALITION_THRESHOLD;
}
