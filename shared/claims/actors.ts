// Actor gazetteer: the names news copy uses for the parties of the Syrian war, mapped to the
// canonical ids of GUIDELINES.md. One combined regex, compiled once; alternatives are ordered so
// that at the same position the more specific name wins ("US-led coalition" before "US",
// "Syrian National Coalition" before "Syrian", "Britain-based monitor" before "Britain").

import type { Actor } from '../domain/claims.ts';
import { GOVERNORATE_SOURCE, isPlaceName } from './places.ts';

export interface ActorHit {
  actor: Actor;
  /** The name as written. */
  name: string;
  index: number;
  end: number;
  /** A generic label ("terrorists", "armed groups") whose meaning depends on who speaks. */
  generic: boolean;
}

interface Entry {
  actor: Actor;
  /** Regex sources of the names, tried in order at each position. */
  names: string[];
  generic?: boolean;
}

const US = '(?:US|U\\.S\\.?|USA|American|America|Washington)';
/** A regex source whose lower-case words also match capitalised, for headlines ("Terrorist Mortar Attacks"). */
function caseless(source: string): string {
  return source.replace(/(?<![\\\w])([a-z])(?=[a-z])/g, (c) => `[${c.toUpperCase()}${c}]`);
}

/**
 * Syria's provinces, whose governors speak for the state ("the Homs governor"): the places
 * gazetteer's spellings of each, and Rif Dimashq's.
 */
const SYRIAN_PROVINCE = `${GOVERNORATE_SOURCE}|Rif\\s+Dimashq|Damascus\\s+Countryside`;
// FA-KES stripped apostrophes, so "Russia's" often arrives as "Russias".
const POSS = "(?:'s|’s|s'|s(?![\\w-]))?";

// What a state does when its bare capital or country name speaks for its government ("Damascus
// denied", "Syria Slams Coalition ..." in a headline); elsewhere "Syria" is the place.
const STATE_VERB =
  '(?:has|have|had|[Ss]ent|[Ss]ubmitted|[Rr]equested|[Aa]ppealed|[Ww]rote|[Aa]sked|[Ss]aid|[Ss]ays|[Aa]ccused|[Aa]ccuses|[Bb]lamed|[Bb]lames|[Cc]ondemned|[Cc]ondemns|[Dd]enounced|[Dd]enounces|[Cc]alled|[Cc]alls|[Ii]nsisted|[Ii]nsists|[Dd]emanded|[Dd]emands|[Rr]ejected|[Rr]ejects|[Cc]laims|[Cc]laimed|[Cc]onsiders|[Rr]egards|[Ss]ees|[Vv]iews|[Dd]enied|[Dd]enies|[Ss]lams|[Ss]lammed|[Bb]lasts|[Bb]lasted|[Cc]riticized|[Cc]riticised|[Cc]riticizes|[Cc]riticises|[Ww]arns|[Ww]arned|[Uu]rges|[Uu]rged|[Hh]olds\\s+(?:\\S+\\s+){1,4}responsible|[Hh]eld\\s+(?:\\S+\\s+){1,4}responsible|[Ll]ash(?:es|ed)\\s+out|[Hh]its?\\s+out|[Dd]eplores|[Dd]eplored|(?:is|was)\\s+(?:to\\s+blame|responsible|behind))';
// "chemical weapons in Syria had been destroyed": after a preposition the name is the place.
const NOT_A_PLACE =
  '(?<!\\b(?:[Ii]n|[Oo]f|[Ff]rom|to|[Aa]cross|[Ii]nside|into|[Tt]hroughout|[Aa]round|[Oo]utside|[Nn]ear|[Oo]n|with|bordering|border)\\s)';
// The object of a verb of blame: "accused Damascus of", "blames the attack on Damascus".
const BLAME_OBJECT_BEFORE =
  "(?<=\\b(?:[Aa]ccus(?:ed|es|e|ing)|[Bb]lam(?:ed|es|e|ing)(?:(?:\\s+[\\w'’-]+){0,6}\\s+on)?|[Cc]ondemn(?:ed|s|ing)?|[Dd]enounc(?:ed|es|e|ing)|[Cc]riticis(?:ed|es|e|ing)|[Cc]riticiz(?:ed|es|e|ing)|[Ss]lamm?(?:ed|s|ing)?|[Bb]last(?:ed|s|ing)?|[Ww]arn(?:ed|s|ing)?|[Uu]rg(?:ed|es|ing)|[Hh]olds?|[Hh]eld|[Pp]ressur(?:ed|es|ing))\\s+)";
// A bare "the government" blaming or denying: in this war's news, the Syrian government.
const GOVERNMENT_BLAMES =
  '[Tt]he\\s+government(?=(?:\\s+and\\s+its\\s+(?:[\\w-]+\\s+){0,2}?(?:ally|allies|[A-Z][\\w-]*))?\\s+(?:has\\s+|have\\s+|had\\s+)?(?:also\\s+|in\\s+turn\\s+|repeatedly\\s+|quickly\\s+|later\\s+|then\\s+)?(?:accused|accuses|blamed|blames|denied|denies|condemned|condemns|denounced|denounces|carried\\s+out|used|uses|dropped|bombed|targeted|shelled|besieged|launched|killed|blocked|obstructed|prevented|attacked|struck|bombarded|detained|arrested|tortured|executed|starved|held\\s+up|(?:been\\s+|is\\s+|was\\s+)responsible))';
// "government airstrikes", "government shelling": the word names the party doing the harm.
const GOVERNMENT_HARM =
  '[Gg]overnment(?=\\s+(?:air\\s*strikes?|airstrikes?|air\\s+raids?|raids?|shelling|bombardments?|bombing|barrel\\s+bombs?|artillery|strikes?|siege|snipers?|rockets?|missiles?|mortars?|fire|attacks?|offensive|helicopters?|war\\s*planes|planes|jets|aircraft|aviation)\\b)';

// "Russian-Syrian air strikes", "Syrian-Russian jets": two parties joined by a hyphen before the
// harm they share. Only there may a name touch a hyphen.
const JOINT = '(?:Russian|Syrian|regime|Iranian)';
const JOINT_HARM =
  '\\s+(?:air\\s*strikes?|airstrikes?|air\\s+raids?|raids?|strikes|jets|warplanes|war\\s*planes|aircraft|planes|bombardments?|bombing|shelling|forces|troops|offensive|attacks?)\\b';

const ENTRIES: Entry[] = [
  // Monitors and NGOs first: "Britain-based Syrian Observatory" must not become uk.
  {
    actor: 'sohr',
    names: [
      `(?:the\\s+)?(?:(?:Britain|UK|London|British)[- ]based\\s+)?Syrian\\s+Observatory(?:\\s+(?:for|of)\\s+Human\\s+Rights)?(?:\\s+\\(SOHR\\))?${POSS}`,
      `SOHR`,
      `(?:the\\s+)?(?:Britain|UK|London)[- ]based\\s+(?:(?:war|conflict|human\\s+rights|rights)\\s+)?(?:monitor(?:ing\\s+group)?|group|watchdog|observatory|organi[sz]ation)`,
      `Rami\\s+Abdel?\\s*-?Rahman`,
      `Rami\\s+Abdulrahman`,
      `(?:the\\s+)?[Oo]bservatory${POSS}`,
      `(?:[Tt]he\\s+)?[Mm]onitor(?=\\s+(?:said|says|reported|added|told))`,
    ],
  },
  { actor: 'hrw', names: [`Human\\s+Rights\\s+Watch${POSS}`, `HRW`] },
  { actor: 'amnesty', names: [`Amnesty(?:\\s+International)?${POSS}`] },
  {
    actor: 'white_helmets',
    names: [
      `(?:the\\s+)?White\\s+Helmets${POSS}`,
      `Raed\\s+(?:al-)?Saleh${POSS}`,
      `(?:Syrian\\s+)?[Cc]ivil\\s+[Dd]efen[cs]e(?:\\s+(?:service|force|forces|workers|teams))?`,
    ],
  },
  {
    actor: 'msf',
    names: [`MSF${POSS}`, `Doctors\\s+Without\\s+Borders`, `M[ée]decins\\s+Sans\\s+Fronti[èe]res`],
  },
  {
    actor: 'ngo',
    names: [
      `Syrian\\s+Network\\s+for\\s+Human\\s+Rights`,
      `SNHR`,
      `Airwars`,
      `Violations\\s+Documentation\\s+Cent(?:er|re)`,
      `Syrian\\s+American\\s+Medical\\s+Society`,
      `SAMS`,
      // Other monitors, medical charities and aid groups of this war.
      `Raqqa\\s+[Ii]s\\s+[Bb]eing\\s+[Ss]laughtered\\s+[Ss]ilently`,
      `Physicians\\s+for\\s+Human\\s+Rights`,
      `Union\\s+of\\s+Medical\\s+Care\\s+and\\s+Relief\\s+Organi[sz]ations`,
      `UOSSM`,
      `Save\\s+the\\s+Children`,
      `(?:[Hh]uman\\s+)?[Rr]ights\\s+(?:groups?|organi[sz]ations?|monitors?|activists?|watchdogs?)`,
      `[Mm]onitoring\\s+groups?`,
      `(?:[Ii]ndependent\\s+)?[Mm]onitors`,
      `(?:[Tt]he|[Aa])\\s+(?:war\\s+)?monitor(?:ing\\s+group)?`,
      `(?:Syrian\\s+|[Ll]ocal\\s+|opposition\\s+|(?:an\\s+)?)?[Aa]ctivist\\s+networks?`,
      `(?:[Aa]\\s+|[Tt]he\\s+)?(?:(?:recent|new|latest|separate)\\s+)?[Rr]eport(?=\\s+(?:(?:issued|published|released|compiled)\\s+)?(?:by|from)\\s)`,
    ],
  },
  // Political opposition before "Syrian ..." and before the bare word "coalition".
  {
    actor: 'opposition',
    names: [
      `(?:the\\s+)?(?:Syrian\\s+)?National\\s+Coalition(?:\\s+(?:for|of)\\s+Syrian\\s+Revolution(?:ary)?\\s+and\\s+Opposition\\s+Forces)?${POSS}`,
      `(?:the\\s+)?Syrian\\s+Coalition${POSS}`,
      `[Oo]pposition\\s+[Cc]oalition`,
      `High\\s+Negotiations?\\s+Committee`,
      `HNC`,
      // Leaders of the Syrian Coalition and the HNC.
      `(?:Anas\\s+)?(?:al-)?Abdah${POSS}`,
      `(?:Hadi\\s+)?al-Bahra${POSS}`,
      `(?:Khaled\\s+)?Khoja${POSS}`,
      `Riy?ad\\s+Hijab${POSS}`,
      `Nasr\\s+al-Hariri${POSS}`,
      `[Ee]tilaf`,
      `(?:the\\s+)?(?:main\\s+)?(?:Western-backed\\s+)?(?:Syrian|Syrias|Syria's|Syria’s)\\s+opposition(?!\\s+(?:fighters|forces|groups|factions|militants|rebels|armed))(?:\\s+(?:group|body|figures|leaders?|officials?|spokes(?:man|woman|person)|delegation|bloc))?`,
      `(?:[Tt]he\\s+)?[Oo]pposition(?:\\s+(?:group|body|figures|leaders?|officials?|spokes(?:man|woman|person)|delegation|bloc|chief|negotiators?))`,
      `[Oo]pponents\\s+of\\s+(?:President\\s+)?(?:Bashar\\s+)?(?:al-)?Assad`,
      `[Tt]he\\s+opposition(?!\\s+(?:fighters|forces|groups?|factions|militants|rebels|armed|held|-held))`,
    ],
  },
  {
    actor: 'rebels',
    names: [
      `(?:a\\s+|the\\s+)?(?:new\\s+)?(?:Islamist\\s+)?(?:[Rr]ebel|[Oo]pposition|Islamist)\\s+(?:coalition|alliance)`,
      `(?:Turkey|Turkish|US|U\\.S\\.|Western|Saudi)[- ]backed\\s+(?:Syrian\\s+)?(?:opposition|rebels?|FSA)(?:\\s+(?:forces|fighters|groups|factions))?`,
      // Turkey's proxies in the north are rebel factions ("Turkey-backed fighters took the town").
      `(?:Turkey|Turkish)[- ]backed\\s+(?:forces|fighters|groups|factions)`,
      `[Oo]pposition\\s+(?:fighters|forces|groups|factions|militants|rebels|armed\\s+groups)`,
      `Free\\s+Syrian\\s+Army`,
      `FSA`,
      `[Aa]rmed\\s+(?:opposition|groups?|factions?)`,
      `J(?:a[iy]|e[iy]|ee)sh\\s+al-Islam`,
      `Ahrar\\s+al[- ]Sham`,
      `Faylaq\\s+al-Rahman`,
      // Jaish al-Islam's leaders.
      `(?:Mohammed\\s+|Mohammad\\s+|Zahran\\s+)?Alloush${POSS}`,
      `Nour\\s+(?:al|[Ee]l)[- ]Din\\s+(?:al|[Ee]l)[- ]Z[ei]n[ck]i`,
      `Jaish\\s+al-Fatah`,
      `Army\\s+of\\s+Conquest`,
      `[Oo]pp?osition\\s+sources?`,
      `[Rr]ebel\\s+(?:sources?|commanders?|officials?|spokes(?:man|woman|person))`,
      `[Rr]ebels?(?:\\s+(?:groups?|fighters|forces|factions))?`,
      `[Ii]nsurgents?`,
      // A faction named by what it is: "the Alwiyat al-Furqan militant group", "the Fastaqim
      // rebel brigade". Not the groups with names of their own (IS, Nusra, the Kurds, Hezbollah).
      `(?<![\\w-])(?!(?:The|A|An|Another|This|That|Its|Their|One|Islamic|IS|ISIS|ISIL|Daesh|DAESH|Nusra|Al-Nusra|al-Nusra|Al-Qaeda|al-Qaeda|Qaeda|Kurdish|Hezbollah|Hizbollah|Palestinian|Shiite|Shia|Iraqi|Lebanese|Afghan)\\b)(?:[A-Z][\\w'’-]*|al-[\\w'’-]+)(?:\\s+(?:[A-Z][\\w'’-]*|al-[\\w'’-]+)){0,3}\\s+(?:rebel|militant|Islamist|opposition)\\s+(?:group|faction|brigade|battalion)(?!s)`,
    ],
  },
  {
    actor: 'rebels',
    generic: true,
    names: [
      `[Tt]errorist\\s+(?:groups?|organi[sz]ations?|factions?|gangs?|militants)`,
      `(?:armed\\s+)?(?:[Tt]akfiri\\s+)?[Tt]errorists`,
      `[Tt]akfiris?`,
      `(?:[Tt]he\\s+)?(?:extremist|jihadist|radical|militant|terrorist|takfiri)\\s+(?:group|organi[sz]ation|militia)(?!s)`,
      // "terrorist attacks", "a terrorist explosion": the harm names its (unnamed) perpetrator.
      `[Tt]errorist(?=["”’]?\\s+${caseless('(?:suicide\\s+|car\\s+|rocket\\s+|mortar\\s+(?:shell\\s+)?)?(?:attacks?|attackers?|bombings?|bombers?|explosions?|blasts?|rockets?|mortars?|shells?|shelling|fire|acts?|chemical|assaults?|aggression|crimes?|massacres?|snipers?)')}\\b)`,
      // "a terrorist stepped down from the car and detonated his belt": one attacker.
      `(?<=\\b(?:[Aa]|[Tt]he|[Oo]ne|[Aa]nother)\\s)[Tt]errorist(?=\\s+(?:who|that|stepped|detonated|blew|opened|fired|drove|tried|wearing|carrying|attacked|killed|shot|threw)\\b)`,
      `[Mm]ilitants`,
      `[Jj]ihadists`,
      `[Ee]xtremists`,
    ],
  },
  {
    actor: 'saudi',
    names: [
      `Saudi[- ]led\\s+(?:Arab\\s+)?coalition`,
      `Arab\\s+coalition`,
      `Saudi(?:\\s+Arabia)?${POSS}`,
      `Riyadh`,
      `(?:Adel\\s+)?(?:al-)?Jubeir${POSS}`,
    ],
  },
  {
    actor: 'sdf',
    names: [
      `${US}[- ]backed\\s+(?:Kurdish(?:-led)?\\s+|Syrian\\s+|Kurdish\\s+and\\s+Arab\\s+|Arab\\s+and\\s+Kurdish\\s+)?(?:Syrian\\s+Democratic\\s+Forces|SDF|YPG|forces|fighters|militias?|alliance)`,
      `(?:the\\s+)?Syrian\\s+Democratic\\s+Forces${POSS}`,
      `SDF`,
      `YPG`,
      `YPJ`,
      `PYD`,
      `PKK`,
      `Kurdistan\\s+Workers'?\\s+Party`,
      `Kurdish(?:-led)?\\s+(?:forces|militias?|fighters|groups|militants|People's\\s+Protection\\s+Units|YPG|SDF|alliance|units)`,
      // The Syrian Kurds' own administration speaks for the same side as its militias.
      `Kurdish(?:-led)?\\s+(?:officials?|authorities|administration|commanders?|spokes(?:man|woman|person)|leaders?)`,
      `People's\\s+Protection\\s+Units`,
      // The SDF's local councils and police.
      `(?:Manbij|Raqqa|Deir\\s+(?:Ezzor|ez-Zor|al-Zor))\\s+Military\\s+Council`,
      `Asayish`,
      // The coalition's name for the SDF: "the strike was requested by partnered forces".
      `(?:[Tt]he\\s+)?(?:coalition\\s+|U\\.?S\\.?\\s+|local\\s+)?[Pp]artner(?:ed)?\\s+forces${POSS}`,
      `Kurdish\\s+(?:sources?|army)`,
      `[Pp]ro-Kurdish\\s+(?:forces|fighters|militias?)`,
    ],
  },
  {
    actor: 'coalition',
    names: [
      `(?:the\\s+)?${US}[- ]?led\\s+(?:international\\s+|military\\s+|anti-[\\w-]+\\s+|Western\\s+|air\\s+)?(?:coalition|Coalition|alliance)${POSS}(?:\\s+(?:jets|aircraft|warplanes|planes|forces|aviation))?`,
      `(?:the\\s+)?(?:[Ii]nternational|[Ww]estern|[Gg]lobal|[Aa]nti-(?:IS|ISIS|ISIL|Daesh|jihadist|terror(?:ist)?|terrorism|Islamic\\s+State))\\s+(?:military\\s+)?(?:[Cc]oalition|alliance)${POSS}`,
      `${US}[- ]led(?=\\s+(?:air\\s*)?(?:strikes?|airstrikes?|raids?|bombing|bombardment|forces|operations?|campaign|jets|aircraft|warplanes|offensive|attacks?))`,
      `(?:the\\s+)?[Cc]oalition${POSS}(?!\\s+of\\s+(?![a-z]+ing\\b))(?:\\s+(?:jets|aircraft|warplanes|planes|forces|aviation))?`,
      // "accused the coalition of war crimes": blamed for a wrong, not "a coalition of rebels".
      `${BLAME_OBJECT_BEFORE}(?:the\\s+)?[Cc]oalition(?=\\s+of\\s+(?:[a-z-]+\\s+){0,2}?(?:crimes?|massacres?|atrocities|killings?|attacks?|strikes?|raids?|bombings?|violations?|aggression|genocide|deaths?|lies|lying)\\b)`,
      `Operation\\s+Inherent\\s+Resolve`,
      `CJTF-OIR`,
      `Combined\\s+Joint\\s+Task\\s+Force`,
    ],
  },
  // Russian officials by name and office.
  {
    actor: 'russia',
    names: [
      `(?:the\\s+)?Russian\\s+(?:[\\w-]+\\s+){0,2}(?:cent(?:er|re)|side|delegation|Aerospace\\s+Forces|[Ee]mbassy|command|reconciliation\\s+cent(?:er|re))`,
      `(?:the\\s+)?Russian\\s+(?:Federation|(?:Defen[cs]e|Foreign)\\s+Ministry|Ministry\\s+of\\s+(?:Defen[cs]e|Foreign\\s+Affairs)|military|army|government|officials?|diplomats?|diplomat|envoy|ambassador|President(?:\\s+Vladimir\\s+Putin)?|Foreign\\s+Minister(?:\\s+Sergei|\\s+Sergey)?(?:\\s+Lavrov)?|air\\s+force|jets|warplanes|aircraft|planes|aviation|forces|troops|General\\s+Staff)`,
      `Russia(?:'s|’s|s)\\s+(?:Defen[cs]e|Foreign)\\s+Ministry`,
      `(?:Russian\\s+)?state\\s+(?:media|television|TV)(?=\\s+(?:RT|Rossiya|channel))`,
      `Russia${POSS}`,
      `Russians?`,
      `Moscow${POSS}`,
      `(?:the\\s+)?Kremlin${POSS}`,
      `(?:Vladimir\\s+)?Putin${POSS}`,
      `(?:Sergei\\s+|Sergey\\s+)?Lavrov${POSS}`,
      `(?:Maria\\s+)?Zakharova${POSS}`,
      `(?:Major[- ]General\\s+)?(?:Igor\\s+)?Konashenkov${POSS}`,
      `(?:Oleg\\s+)?Syromolotov${POSS}`,
      `(?:Vassily\\s+|Vasily\\s+)?Nebenzia${POSS}`,
      `(?:Vitaly\\s+)?Churkin${POSS}`,
      `(?:Dmitry\\s+)?Peskov${POSS}`,
      `(?:Sergei\\s+)?Shoigu${POSS}`,
      `(?:Sergei\\s+)?Ryabkov${POSS}`,
      `Rudskoy${POSS}`,
      `Safronkov${POSS}`,
      `Medvedev${POSS}`,
      `Gerasimov${POSS}`,
    ],
  },
  {
    actor: 'us',
    names: [
      `(?:the\\s+)?United\\s+States${POSS}`,
      `(?:the\\s+)?U\\.S\\.(?:\\s+(?:military|army|government|officials?|Air\\s+Force|forces|troops|State\\s+Department|Defen[cs]e\\s+Department|Ambassador(?:\\s+to\\s+the\\s+(?:United\\s+Nations|UN|U\\.N\\.))?|Secretary\\s+of\\s+State|warplanes|jets|aircraft))?`,
      `(?:the\\s+)?US(?:\\s+(?:military|army|government|officials?|Air\\s+Force|air\\s+force|forces|troops|State\\s+Department|Defen[cs]e\\s+Department|Ambassador(?:\\s+to\\s+the\\s+(?:United\\s+Nations|UN|U\\.N\\.))?|administration|warplanes|jets|aircraft|Central\\s+Command))?${POSS}`,
      `USA`,
      `Americans?(?:\\s+(?:troops|forces|military|officials|jets|warplanes|aircraft|colleagues|partners))?`,
      `Washington${POSS}`,
      `(?:the\\s+)?Pentagon${POSS}`,
      `CENTCOM`,
      `(?:US\\s+)?Central\\s+Command`,
      `(?:the\\s+)?White\\s+House`,
      `(?:the\\s+)?State\\s+Department`,
      `Obama${POSS}`,
      `Trump${POSS}`,
      `(?:John\\s+)?Kerry${POSS}`,
      `Tillerson${POSS}`,
      `(?:Samantha|Ms\\.?|Ambassador)\\s+Power${POSS}`,
      `(?:Nikki\\s+)?Haley${POSS}`,
      `Mattis${POSS}`,
      `Ashton\\s+Carter`,
      `Ash\\s+Carter`,
      // White House and State Department spokespeople.
      `(?:Sean\\s+)?Spicer${POSS}`,
      `(?:Jen\\s+)?Psaki${POSS}`,
      `Ben\\s+Rhodes`,
      `Josh\\s+Earnest`,
      `(?:Heather\\s+)?Nauert${POSS}`,
      `McGurk${POSS}`,
      `Pompeo${POSS}`,
      `(?:Colonel\\s+|Col\\.?\\s+)?(?:Chris\\s+|John\\s+|Ryan\\s+)?(?:Garver|Dorrian|Dillon)${POSS}`,
      `(?:Mark\\s+)?Toner${POSS}`,
      // Pentagon spokesmen.
      `(?:Colonel\\s+|Col\\.?\\s+)?Steve\\s+Warren${POSS}`,
      `(?:Captain\\s+|Capt\\.?\\s+)?Jeff\\s+Davis${POSS}`,
      `(?:John\\s+)?Kirby${POSS}`,
      `Anglo-(?=American)`,
    ],
  },
  {
    actor: 'syria_gov',
    names: [
      `Syrian\\s+(?:Arab\\s+)?(?:state\\s+(?:media|television|TV|news\\s+agency)|government|Government|regime|Regime|army|Army|military|authorities|state|State|Foreign\\s+(?:and\\s+Expatriates\\s+)?Ministry|Ministry\\s+of\\s+(?:Foreign\\s+Affairs|Defen[cs]e|Health|Information)|Defen[cs]e\\s+Ministry|Health\\s+Ministry|troops|forces|officials?|President(?:\\s+Bashar\\s+(?:al-)?Assad)?|president|ambassador|envoy|delegation|state\\s+(?:media|television|TV|news\\s+agency)|air\\s+force|warplanes|jets|helicopters|Arab\\s+News\\s+Agency|leader|leadership)${POSS}`,
      `(?:President\\s+)?(?:Bashar\\s+)?(?:al-|Al-)?Assad${POSS}(?:\\s+(?:regime|government|forces|troops))?`,
      // Headlines capitalise the noun: "Syrian Airstrikes Kill Over 100 Daesh Fighters".
      `Syrian(?=\\s+(?:(?:or|and)\\s+Russian\\s+)?(?:[Aa]ir\\s+[Rr]aids?|[Aa]irstrikes?|[Aa]ir\\s+[Ss]trikes?|[Ss]trikes|[Rr]aids?|[Ww]ar\\s*[Pp]lanes?|[Jj]ets|[Bb]ombardments?|[Bb]ombing|[Ss]helling|[Aa]rtillery|[Hh]elicopters?|[Bb]arrel\\s+[Bb]ombs?|[Aa]ircraft|[Aa]viation)\\b)`,
      `${GOVERNMENT_HARM}`,
      `(?:Syrian|[Rr]egime)(?=-(?:Russian|Iranian)${JOINT_HARM})`,
      // "the army", "the military": the Syrian one unless the article is about another's
      // (resolveHits in actor-context.ts).
      `(?:[Aa]\\s+|[Tt]he\\s+)?(?:Syrian\\s+)?(?:military|army|security|police|government|official)\\s+sources?`,
      `[Tt]he\\s+(?:[Aa]rmy|[Mm]ilitary)${POSS}(?!\\s+(?:of|in|sources?|spokes\\w+|officials?)\\b)`,
      // Bare "troops had executed 48 people": the army the story is about (actor-context.ts).
      `(?:[Tt]he\\s+)?[Tt]roops(?=\\s+(?:had|have|has|were|also|then|reportedly|\\w+ed)\\b)`,
      // Provincial governors are appointed by Damascus: "Homs Governor Talal Barazi".
      `(?:the\\s+)?(?:${SYRIAN_PROVINCE})\\s+[Gg]overnor(?:\\s+[A-Z][\\w'’-]+){0,3}`,
      `(?:the\\s+)?[Gg]overnor\\s+of\\s+(?:${SYRIAN_PROVINCE})(?:\\s+[Pp]rovince)?(?:\\s+[A-Z][\\w'’-]+){0,3}`,
      `SANA(?:\\s+news\\s+agency)?${POSS}`,
      // "state-run news agency said": Syria's, unless another state's ("Turkey's state-run"); in
      // "state news agency SANA" the agency is named by SANA.
      `(?<!\\b(?:Turkey|Russia|Iran|Iraq|Jordan|Lebanon|Egypt|Israel|Qatar|Saudi)(?:'s|’s|s)?\\s)(?:Syrian\\s+)?[Ss]tate(?:-run|-owned|-controlled)?\\s+(?:media|television|TV|news\\s+agency)(?!\\s+SANA\\b)`,
      `(?:the\\s+)?[Pp]resident(?:'s|’s|s)\\s+forces`,
      `(?:the\\s+)?[Rr]egime${POSS}(?:\\s+(?:forces|troops|warplanes|war\\s+planes|jets|aircraft|helicopters|army|air\\s+forces?|artillery))?`,
      `[Gg]overnment\\s+(?:forces|troops|warplanes|jets|aircraft|helicopters|army)`,
      `(?:pro-|Pro-)?(?:regime|government)\\s+(?:forces|troops)`,
      `(?:pro-|Pro-)Assad\\s+(?:forces|troops)`,
      `(?:[Gg]overnment|[Rr]egime)-backed\\s+(?:militias?|militiamen|fighters|forces|gunmen)`,
      `Syrian\\s+soldiers`,
      // "pro-government fighters had left", "pro-regime gunmen": the state's auxiliaries.
      `(?:pro-|Pro-)(?:regime|government|Assad)\\s+(?:fighters|gunmen|militias?|militiamen)`,
      `[Ll]oyalist\\s+forces`,
      // The state's own units and militias.
      `National\\s+Defen[cs]e\\s+Forces`,
      `NDF`,
      `Tiger\\s+Forces`,
      `Desert\\s+Hawks`,
      `Republican\\s+Guard`,
      `Fourth\\s+(?:Armou?red\\s+)?Division`,
      `[Ss]habiha`,
      `(?:Walid\\s+)?(?:al-)?M(?:ou|u|o)a?llem${POSS}`,
      `(?:Bashar\\s+)?(?:al-)?Jaafari${POSS}`,
      `(?:Faisal\\s+)?(?:al-)?Mekdad${POSS}`,
      `(?:Bouthaina\\s+)?Shaaban${POSS}`,
      `(?:Omran\\s+)?al-Zoubi${POSS}`,
      `${NOT_A_PLACE}Damascus${POSS}(?=\\s+${STATE_VERB})`,
      // "Damascus and its Russian and Iranian allies": a capital with allies is a government.
      `${NOT_A_PLACE}Damascus(?=\\s+and\\s+its\\s+(?:[\\w-]+\\s+){0,4}(?:allies|ally|backers)\\b)`,
      `${BLAME_OBJECT_BEFORE}Damascus`,
      // "protests from Damascus": the critic is the state, not a place.
      `(?<=\\b(?:criticism|condemnation|outrage|censure|accusations?|anger|protests?|backlash)\\s+(?:from|by)\\s+)Damascus`,
      `${GOVERNMENT_BLAMES}`,
      `(?<=\\b(?:by|on|blamed|blames|accused|accuses|condemned|condemns)\\s+)[Tt]he\\s+government(?!\\s+in\\b)(?!\\s+of\\s+(?![\\w'’-]+ing\\b))`,
      `(?<=\\b(?:accused|blamed|condemned|criticized|criticised|denounced|protested|rejected|opposed)\\s+by\\s+)Damascus`,
      `(?:the\\s+)?government\\s+in\\s+Damascus`,
      `Syria(?:'s|’s|s)\\s+(?:government|regime|army|armed\\s+forces|military|president|President|foreign\\s+ministry|Foreign\\s+Ministry|air\\s+force)`,
      // "The Syrian interior ministry said", "Syrias Deputy Prime Minister Qadri Jamil told":
      // the state's ministries and ministers in either case.
      `(?:Syrian|Syria(?:'s|’s|s))\\s+(?:[Dd]eputy\\s+)?(?:[Pp]rime|[Ff]oreign|[Dd]efen[cs]e|[Ii]nterior|[Ii]nformation|[Hh]ealth|[Jj]ustice|[Rr]econciliation)\\s+[Mm]inist(?:ry|er)${POSS}`,
      `${NOT_A_PLACE}Syria${POSS}(?=\\s+${STATE_VERB})`,
    ],
  },
  {
    actor: 'isis',
    names: [
      `(?:the\\s+)?Islamic\\s+State\\s+(?:of|in)\\s+Iraq\\s+and\\s+(?:the\\s+)?(?:Levant|Syria|al-Sham|Sham)(?:\\s+\\((?:ISIL|ISIS)\\))?`,
      `(?:the\\s+)?Islamic\\s+State(?:\\s+(?:group|organi[sz]ation))?${POSS}`,
      `ISIS${POSS}`,
      `ISIL${POSS}`,
      // Also in an editor's brackets: "A [IS] suicide bomber".
      `IS(?=[\\s()\\]])`,
      `Daesh${POSS}`,
      `DAESH`,
      `A{1,2}maq(?:\\s+news\\s+agency)?`,
      // "an IS-linked news agency said": its propaganda arm.
      `(?:IS|ISIS|ISIL|Daesh)-(?:linked|affiliated|run)\\s+(?:news\\s+)?agency`,
    ],
  },
  {
    actor: 'nusra',
    names: [
      `(?:Jabhat\\s+|Jabhet\\s+)?(?:al-|Al-)?Nusra(?:\\s+Front)?${POSS}`,
      `(?:Jabhat\\s+)?Fat[ae]h\\s+al-Sham`,
      `HTS`,
      `(?:Hay'?at\\s+)?Tahrir\\s+al-Sham`,
      // Al-Qaeda's own branch after the split.
      `Hurr?as\\s+al-Din`,
      `(?:al-|Al-|al\\s+|Al\\s+)Qa[ei]da${POSS}`,
    ],
  },
  {
    actor: 'turkey',
    names: [
      `Turkey${POSS}`,
      `Turkish`,
      `Ankara${POSS}`,
      `Erdogan${POSS}`,
      `Cavusoglu${POSS}`,
      `Yildirim${POSS}`,
      // The presidential spokesman, the chief of staff and defence minister.
      `(?:Ibrahim\\s+)?Kalin${POSS}`,
      `Hulusi\\s+Akar${POSS}`,
    ],
  },
  {
    actor: 'iran',
    names: [
      `Iran${POSS}`,
      `Iranian`,
      `Tehran${POSS}`,
      `Iran(?:ian)?[- ]backed\\s+(?:Shiite\\s+|Shia\\s+)?(?:militias?|forces|fighters|groups)`,
      `Rouhani${POSS}`,
      `Zarif${POSS}`,
      `Khamenei${POSS}`,
      // Its Guards and the militias they raised.
      `(?:(?:Iran(?:ian)?(?:'s|’s|s)?|the)\\s+)?(?:Islamic\\s+)?Revolutionary\\s+Guards?(?:\\s+Corps)?`,
      `IRGC`,
      `Quds\\s+Force`,
      `Fatemiyoun`,
      `Zainabiyoun`,
      `Harakat\\s+al-Nujaba`,
      // The foreign ministry's spokesman, the Supreme Leader's adviser.
      `(?:Bahram\\s+)?Qassemi${POSS}`,
      `(?:Ali\\s+Akbar\\s+)?Velayati${POSS}`,
    ],
  },
  {
    actor: 'israel',
    names: [
      `Israel${POSS}`,
      `Israeli`,
      `Netanyahu${POSS}`,
      `Tel\\s+Aviv`,
      `IDF`,
      `(?:Avigdor\\s+)?Lieberman${POSS}`,
    ],
  },
  {
    actor: 'uk',
    names: [
      `Britain${POSS}`,
      // "London blamed Damascus": the capital that speaks is the state (never "London-based").
      `${NOT_A_PLACE}London(?=(?:,?\\s+(?:and\\s+)?[A-Z][a-z]+)*,?\\s+${STATE_VERB})`,
      `British`,
      `(?:the\\s+)?UK`,
      `U\\.K\\.`,
      `(?:the\\s+)?United\\s+Kingdom`,
      `Boris\\s+Johnson`,
      `(?:David\\s+)?Cameron${POSS}`,
      `Theresa\\s+May`,
      `(?:Michael\\s+)?Fallon`,
      `(?:William\\s+)?Hague${POSS}`,
      `(?:Matthew\\s+)?Rycroft${POSS}`,
      `(?:the\\s+)?Foreign\\s+Office`,
      `Downing\\s+Street`,
      `Whitehall`,
      `Anglo-American`,
      `Anglo`,
    ],
  },
  {
    actor: 'france',
    names: [
      `France${POSS}`,
      `${NOT_A_PLACE}Paris(?=(?:,?\\s+(?:and\\s+)?[A-Z][a-z]+)*,?\\s+${STATE_VERB})`,
      `(?:the\\s+)?[EÉ]lys[eé]e(?:\\s+[Pp]alace)?`,
      `Quai\\s+d['’]Orsay`,
      `French`,
      `Hollande${POSS}`,
      `Macron${POSS}`,
      `(?:Laurent\\s+)?Fabius${POSS}`,
      `Le\\s+Drian`,
      `(?:Fran[cç]ois\\s+)?Delattre${POSS}`,
      `Ayrault${POSS}`,
    ],
  },
  { actor: 'qatar', names: [`Qatar${POSS}`, `Qatari`, `Doha`] },
  {
    actor: 'hezbollah',
    names: [
      `Hez?b[ou]llah${POSS}`,
      `Hizbull?ah${POSS}`,
      `Hezballah${POSS}`,
      `(?:Hassan\\s+)?Nasrallah${POSS}`,
    ],
  },
  {
    actor: 'un',
    names: [
      `(?:the\\s+)?United\\s+Nations(?:\\s+(?:Security\\s+Council|commission\\s+of\\s+inquiry|envoy|chief|Secretary[- ]General|human\\s+rights\\s+(?:office|chief|council)|Children's\\s+Fund))?${POSS}`,
      `(?:[Aa]\\s+|[Tt]he\\s+)?(?:U\\.N\\.|UN|United\\s+Nations)(?:[- ]led|[- ]backed)?\\s+(?:[Cc]ommission\\s+of\\s+[Ii]nquiry|[Ii]nquiry|[Ii]nvestigation|[Ii]nvestigators|[Pp]anel|[Rr]eport|probe)`,
      `(?:the\\s+)?U\\.N\\.(?:\\s+(?:Security\\s+Council|envoy|chief|officials?))?`,
      `(?:the\\s+)?UN(?:\\s+(?:Security\\s+Council|envoy|chief|officials?|Secretary[- ]General|commission|investigators|human\\s+rights\\s+(?:office|chief|council)))?${POSS}`,
      `(?:the\\s+)?Security\\s+Council`,
      `OCHA`,
      `(?:Staffan\\s+)?de\\s+Mistura${POSS}`,
      `Ban\\s+Ki-?moon${POSS}`,
      `(?:Jan\\s+)?Egeland${POSS}`,
      `Stephen\\s+O['’]Brien${POSS}`,
      // The human rights chief, the commission of inquiry's chair, the aid chief.
      `Zeid\\s+(?:bin\\s+)?Ra['’]?ad(?:\\s+(?:al-|Al\\s+)?Hussein)?${POSS}`,
      `(?:Paulo\\s+(?:S[eé]rgio\\s+)?)?Pinheiro${POSS}`,
      `(?:Mark\\s+)?Lowcock${POSS}`,
      `Guterres${POSS}`,
      `UNICEF`,
      `UNHCR`,
      `OPCW`,
      `Organi[sz]ation\\s+for\\s+the\\s+Prohibition\\s+of\\s+Chemical\\s+Weapons`,
      `(?:the\\s+)?World\\s+Food\\s+Programme`,
      `WFP`,
      `(?:the\\s+)?World\\s+Health\\s+Organi[sz]ation`,
    ],
  },
  {
    actor: 'media',
    names: [
      `Al[- ]Masdar(?:\\s+(?:News|media\\s+outlet))?`,
      `TASS`,
      `RIA\\s+Novosti`,
      `Sputnik(?:\\s+news\\s+agency)?${POSS}`,
      `RT(?=\\s+(?:reports?|reported|said|says|quoted)\\b)`,
      `(?:[Aa]\\s+|[Tt]he\\s+)?(?:Syrian\\s+|local\\s+|pro-government\\s+|Lebanese\\s+)?(?:TV|television)\\s+(?:broadcaster|channel|station)`,
      `(?:[Tt]he|[Aa])\\s+news\\s+(?:outlet|agency|website|channel)(?!\\s+[A-Z])`,
      // A named outlet: "Syria Live Network (SLN)", "the Arabic-language al-Hadas News".
      `(?:(?:the\\s+)?Arabic-language\\s+)?(?:(?:[Aa]l-|[Aa]l\\s+)?[A-Z][\\w'’-]*\\s+){1,4}(?:News(?:\\s+(?:Agency|Network|channel))?|Network|TV(?:\\s+channel)?|Television|Channel|Radio|Agency|[Nn]ewspaper|[Dd]aily|Times|Post|Press|[Bb]roadcaster|[Ww]ebsite)(?!\\s+(?:for|of|on)\\b)(?:\\s+\\([A-Z]{2,6}\\))?`,
      `(?:[Ll]ocal|[Ss]tate-run|[Oo]fficial|Russian|Iranian|Turkish|Western|[Oo]pposition|[Pp]ro-government|[Pp]ro-regime|Kurdish|Lebanese|Syrian|Arab)\\s+media(?:\\s+reports?|\\s+outlets?)?`,
      `[Mm]edia\\s+reports?`,
      // "media reported that", "Other media sources also said": the press at large speaks.
      `(?:[Oo]ther\\s+)?[Mm]edia(?:\\s+sources)?(?=\\s+(?:also\\s+)?(?:said|says|say|reported|reports|report|claimed)\\b)`,
      `(?:opposition\\s+)?(?:news\\s+)?websites?`,
      `[Ll]ocal\\s+and\\s+media\\s+sources`,
      `[Mm]edia\\s+outlets?`,
      `Al\\s+Jazeera`,
      `Al\\s+Arabiya`,
      `Reuters`,
      `AFP`,
      `Associated\\s+Press`,
      `(?:the\\s+)?New\\s+York\\s+Times`,
      `(?:the\\s+)?Washington\\s+Post`,
    ],
  },
  {
    actor: 'other',
    names: [
      `(?:[Ll]ocal\\s+|Syrian\\s+|opposition\\s+|[A-Z][\\w-]*-based\\s+)?[Aa]ctivists?(?:\\s+groups?)?(?!\\s+networks?\\b)`,
      `[Rr]esidents`,
      `(?:[Ee]ye)?[Ww]itnesses`,
      `[Oo]bservers`,
      // Not "the source(s)": that refers back to the source named before (speakers.ts).
      `(?<!\\b[Tt]he\\s+)(?:[Aa]n?\\s+)?(?:informed\\s+|local\\s+|medical\\s+|field\\s+|reliable\\s+|private\\s+)?[Ss]ources?(?:\\s+(?:in|at|from|close\\s+to|inside|within)\\s+(?:the\\s+)?[A-Z][\\w'’-]*(?:\\s+(?:[A-Z][\\w'’-]*|al-[\\w'’-]+)){0,3}(?:\\s+(?:militias?|army|military|government|opposition|forces|ministry|police|command|authorities|faction|movement)){0,2}|(?=\\s+(?:on\\s+the\\s+ground|said|says|say|told|tells|reported|added|confirmed|claimed|stated|noted|indicated)\\b))`,
      `[Ll]ocals`,
      // "a network of activists": the Local Coordination Committees.
      `(?:the\\s+)?Local\\s+Coordination\\s+Committees`,
      `LCCs?`,
      `[Mm]edics`,
      `[Rr]escuers`,
      `[Rr]escue\\s+workers`,
      `[Ss]urvivors`,
      `(?:the\\s+)?[Ii]nternational\\s+community${POSS}`,
      `(?:the\\s+)?West${POSS}(?![\\w-])`,
      `Western\\s+(?:countries|capitals|powers|states|governments)`,
      `[Ww]orld\\s+powers`,
      // Unnamed outsiders blamed as such: "foreign actors", "external powers", "foreign militias".
      `(?:[A-Z][a-z]+-backed\\s+)?(?:[Ff]oreign|[Ee]xternal)\\s+(?:powers|actors|parties|sides|states|countries|governments|militias|mercenaries)`,
      `[Ww]itnesses`,
      `[Ll]ocal\\s+sources`,
      `[Mm]edical\\s+sources`,
      `[Ll]ocal\\s+officials`,
      // Other states and blocs speak as "other" (GUIDELINES: anything else); after a preposition
      // the name is the place.
      `${NOT_A_PLACE}(?:Germany|China|Italy|Canada|Australia|the\\s+Netherlands|Belgium|Denmark|Jordan|Egypt|Japan|Kuwait|Iraq|Baghdad|the\\s+European\\s+Union|the\\s+EU|NATO|the\\s+Arab\\s+League)${POSS}(?![\\w-])`,
      `(?:German|Chinese|Italian|Canadian|Australian|Dutch|Belgian|Danish|Jordanian|Egyptian|Japanese|Kuwaiti|Iraqi|European)\\s+(?:government|officials?|[Ff]oreign\\s+[Mm]inist(?:ry|er)|[Mm]inistry|[Cc]hancellor|[Mm]inister|[Aa]mbassador|[Pp]resident|[Pp]rime\\s+[Mm]inister|[Ss]pokes(?:man|woman|person)|authorities|[Uu]nion)`,
    ],
  },
];

/**
 * V8 leaves a regular expression whose source is over 20 KB unoptimised (kRegExpTooLargeToOptimize:
 * no quick checks, no Boyer-Moore): the one alternation of every entry crossed it and actor
 * finding took eight times as long. So the entries are matched by a few patterns under that size,
 * scanned together as one (leftmost match first; at one position, the earlier entry).
 */
const MAX_PATTERN_SOURCE = 16_000;

interface EntryPattern {
  re: RegExp;
  /** Index in ENTRIES of the pattern's first group's entry. */
  first: number;
}

function entryPattern(entries: readonly Entry[], first: number): EntryPattern {
  const body = entries.map((e) => `(${e.names.join('|')})`).join('|');
  return {
    re: new RegExp(
      `(?:(?<![\\w-])|(?<=\\b${JOINT}-)(?=${JOINT}${JOINT_HARM}))(?:${body})(?![\\w]|-(?!\\s?(?:linked|affiliated)\\b|${JOINT}${JOINT_HARM}))`,
      'g',
    ),
    first,
  };
}

function entryPatterns(): EntryPattern[] {
  const out: EntryPattern[] = [];
  let start = 0;
  let size = 0;
  ENTRIES.forEach((e, i) => {
    const own = e.names.join('|').length + 3;
    if (i > start && size + own > MAX_PATTERN_SOURCE) {
      out.push(entryPattern(ENTRIES.slice(start, i), start));
      start = i;
      size = 0;
    }
    size += own;
  });
  out.push(entryPattern(ENTRIES.slice(start), start));
  return out;
}

export const ENTRY_PATTERNS: readonly EntryPattern[] = entryPatterns();

/** Every entry in one pattern, as before the split: what the test holds the scan to. */
export const singleEntryPattern = (): EntryPattern => entryPattern(ENTRIES, 0);

/** Each match of the entry patterns as one alternation would give it, with its entry. */
export function entryMatches(text: string): { m: RegExpExecArray; entry: Entry; at: number }[] {
  const next: (RegExpExecArray | null | undefined)[] = ENTRY_PATTERNS.map(() => undefined);
  const out: { m: RegExpExecArray; entry: Entry; at: number }[] = [];
  let pos = 0;
  for (;;) {
    let best = -1;
    ENTRY_PATTERNS.forEach((p, i) => {
      const seen = next[i];
      if (seen === undefined || (seen && seen.index < pos)) {
        p.re.lastIndex = pos;
        next[i] = p.re.exec(text);
      }
      const m = next[i];
      const b = best >= 0 ? next[best] : null;
      if (m && (!b || m.index < b.index)) best = i;
    });
    const m = best >= 0 ? next[best] : null;
    const p = ENTRY_PATTERNS[best];
    if (!m || !p) break;
    // The first defined group is the alternative that matched.
    let k = 1;
    while (k < m.length && m[k] === undefined) k++;
    const at = p.first + k - 1;
    const entry = ENTRIES[at];
    if (entry) out.push({ m, entry, at });
    pos = m.index + Math.max(1, m[0].length);
  }
  for (const p of ENTRY_PATTERNS) p.re.lastIndex = 0;
  return out;
}

const STATE_OFFICE_RE =
  /\b(?:Police|Governorate|Governor|Ministry|Command|Municipality|Health\s+Directorate)\b/;
const SOURCE_TAIL_RE =
  /^(?:an?\s+)?(?:\w+\s+)?sources?\s+(?:in|at|from|close\s+to|inside|within)\s+(.+)$/i;

/**
 * "a source in the Russian Defense Ministry", "a source in Jaish al-Islam": an unnamed source
 * inside a party speaks for it; "a source in Homs" stays an unnamed source.
 */
function sourceParty(actor: Actor, name: string): Actor {
  if (actor !== 'other') return actor;
  const tail = SOURCE_TAIL_RE.exec(name)?.[1];
  if (!tail) return actor;
  const inner = findActors(tail).find((h) => !h.generic && h.actor !== 'other');
  if (inner) return inner.actor;
  // "a source at Aleppo Police Command", "a source in the Governorate": the state's offices.
  return STATE_OFFICE_RE.test(tail) ? 'syria_gov' : actor;
}

// A named outlet's name glued to the words before it: "in Aleppo Syrian State TV announced".
const LEADING_NOT_OUTLET_RE = /^(?:(?:[A-Z][\w'’-]*)\s+)/;

/**
 * An outlet name spelled out by the acronym it ends with, "Syria Live Network (SLN)": the words
 * whose initials the acronym gives are the name, a place before them ("Aleppo") is not, and a
 * country that is one of them ("Syria") is kept. `undefined` when the name has no such acronym.
 */
function acronymName(hit: ActorHit): ActorHit | null | undefined {
  const acronym = /\(([A-Z]{2,6})\)$/.exec(hit.name);
  if (!acronym?.[1]) return undefined;
  const letters = acronym[1];
  const words = [...hit.name.slice(0, acronym.index).matchAll(/\S+/g)];
  const spelled = words.slice(-letters.length);
  if (spelled.map((w) => w[0][0]).join('') !== letters) return undefined;
  const start = spelled[0]?.index ?? 0;
  if (start === 0) return null;
  return { ...hit, name: hit.name.slice(start), index: hit.index + start };
}

/** The outlet name without a leading place or another party's name, re-read from there. */
function splitOutletName(text: string, hit: ActorHit): ActorHit[] | null {
  if (hit.actor !== 'media') return null;
  const spelled = acronymName(hit);
  if (spelled !== undefined) return spelled && [spelled];
  const lead = LEADING_NOT_OUTLET_RE.exec(hit.name);
  const word = lead?.[0].trim() ?? '';
  if (!lead || (!isPlaceName(word) && !/^Syrian?$/.test(word))) return null;
  const from = hit.index + lead[0].length;
  const inner = findActors(text.slice(from, hit.end)).map((h) => ({
    ...h,
    index: h.index + from,
    end: h.end + from,
  }));
  // "Syrian media reported": nothing else in the name, so the press of that country speaks.
  return inner.length > 0 ? inner : null;
}

/** All actor mentions in `text`, left to right, non-overlapping. */
export function findActors(text: string): ActorHit[] {
  const hits: ActorHit[] = [];
  for (const { m, entry } of entryMatches(text)) {
    const index = m.index;
    const prev = hits[hits.length - 1];
    // "Islamic State militants", "ISIL terrorists": the generic word belongs to the name before.
    if (entry.generic && prev && /^\s*$/.test(text.slice(prev.end, index))) {
      prev.end = index + m[0].length;
      prev.name = text.slice(prev.index, prev.end);
      continue;
    }
    const hit: ActorHit = {
      actor: sourceParty(entry.actor, m[0]),
      name: m[0],
      index,
      end: index + m[0].length,
      generic: entry.generic === true,
    };
    const split = splitOutletName(text, hit);
    if (split) hits.push(...split);
    else hits.push(hit);
  }
  return hits;
}

/** Display name of a source for casualty figures ("Syrian Observatory for Human Rights"). */
export function sourceName(hit: ActorHit): string {
  if (hit.actor === 'sohr') return 'Syrian Observatory for Human Rights';
  if (hit.actor === 'hrw') return 'Human Rights Watch';
  if (hit.actor === 'amnesty') return 'Amnesty International';
  return hit.name.replace(/^the\s+/i, '').replace(/(?:'s|’s|s')$/, '');
}
