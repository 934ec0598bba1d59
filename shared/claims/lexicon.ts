// Word lists for casualty figures: who the victims are and what happened to them. Kept apart
// from the grammar in casualties.ts so that adding a word never means touching a pattern.

import type { Outcome, Victims } from '../domain/claims.ts';

/** Head nouns of a victim phrase and the victims class they imply on their own. */
export const VICTIM_NOUNS: Record<string, Victims> = {
  civilian: 'civilians',
  civilians: 'civilians',
  resident: 'civilians',
  residents: 'civilians',
  villager: 'civilians',
  villagers: 'civilians',
  patient: 'civilians',
  patients: 'civilians',
  doctor: 'civilians',
  doctors: 'civilians',
  medic: 'civilians',
  medics: 'civilians',
  nurses: 'civilians',
  nurse: 'civilians',
  volunteer: 'civilians',
  farmer: 'civilians',
  teenager: 'children',
  teenagers: 'children',
  students: 'civilians',
  worshippers: 'civilians',
  farmers: 'civilians',
  workers: 'civilians',
  journalists: 'civilians',
  journalist: 'civilians',
  reporter: 'civilians',
  reporters: 'civilians',
  photographer: 'civilians',
  cameraman: 'civilians',
  employee: 'civilians',
  employees: 'civilians',
  worker: 'civilians',
  official: 'civilians',
  staff: 'civilians',
  players: 'civilians',
  footballers: 'civilians',
  activist: 'civilians',
  activists: 'civilians',
  dustman: 'civilians',
  driver: 'civilians',
  drivers: 'civilians',
  volunteers: 'civilians',
  teachers: 'civilians',
  teacher: 'civilians',
  student: 'civilians',
  citizen: 'civilians',
  citizens: 'civilians',
  pupils: 'children',
  schoolchildren: 'children',
  child: 'children',
  children: 'children',
  kids: 'children',
  baby: 'children',
  babies: 'children',
  infant: 'children',
  infants: 'children',
  minors: 'children',
  boy: 'children',
  boys: 'children',
  girl: 'children',
  girls: 'children',
  toddler: 'children',
  woman: 'women',
  women: 'women',
  mother: 'women',
  mothers: 'women',
  man: 'men',
  men: 'men',
  tribesmen: 'men',
  soldier: 'soldiers',
  soldiers: 'soldiers',
  troops: 'soldiers',
  servicemen: 'soldiers',
  serviceman: 'soldiers',
  officers: 'soldiers',
  officer: 'soldiers',
  personnel: 'soldiers',
  conscripts: 'soldiers',
  pilots: 'soldiers',
  pilot: 'soldiers',
  fighter: 'fighters',
  fighters: 'fighters',
  militant: 'fighters',
  militants: 'fighters',
  jihadist: 'fighters',
  jihadists: 'fighters',
  rebel: 'fighters',
  rebels: 'fighters',
  terrorist: 'fighters',
  terrorists: 'fighters',
  insurgents: 'fighters',
  extremists: 'fighters',
  gunmen: 'fighters',
  combatants: 'fighters',
  militiamen: 'fighters',
  commander: 'fighters',
  commanders: 'fighters',
  leader: 'fighters',
  leaders: 'fighters',
  bombers: 'fighters',
  bomber: 'fighters',
  comrades: 'fighters',
  entourage: 'fighters',
  bodyguards: 'fighters',
  loyalists: 'fighters',
  emirs: 'fighters',
  mercenaries: 'fighters',
  members: 'fighters',
  member: 'fighters',
  extremist: 'fighters',
  forces: 'fighters',
  guards: 'soldiers',
  policemen: 'soldiers',
  policeman: 'soldiers',
  police: 'soldiers',
  crewmen: 'soldiers',
  adults: 'people',
  adult: 'people',
  people: 'people',
  persons: 'people',
  person: 'people',
  individuals: 'people',
  syrians: 'people',
  iraqis: 'people',
  kurds: 'people',
  victims: 'people',
  casualties: 'people',
  martyrs: 'people',
  bodies: 'people',
  corpses: 'people',
  lives: 'people',
  others: 'people',
  more: 'people',
  dead: 'people',
  relatives: 'people',
  // Kin: grown or not, the text does not say which.
  brother: 'people',
  brothers: 'people',
  sister: 'people',
  sisters: 'people',
  son: 'people',
  sons: 'people',
  daughter: 'people',
  daughters: 'people',
  father: 'people',
  fathers: 'people',
  husband: 'people',
  husbands: 'people',
  wife: 'women',
  wives: 'women',
  siblings: 'people',
  cousins: 'people',
  foreigners: 'people',
  nationals: 'people',
  // Unarmed by what they were doing.
  paramedic: 'civilians',
  paramedics: 'civilians',
  rescuer: 'civilians',
  rescuers: 'civilians',
  protester: 'civilians',
  protesters: 'civilians',
  protestors: 'civilians',
  demonstrators: 'civilians',
  passengers: 'civilians',
  pedestrians: 'civilians',
  bystanders: 'civilians',
  shoppers: 'civilians',
  worshipers: 'civilians',
  mourners: 'civilians',
  engineers: 'civilians',
  lawyer: 'civilians',
  priest: 'civilians',
  imam: 'civilians',
  shepherd: 'civilians',
  shepherds: 'civilians',
  tourists: 'civilians',
  fishermen: 'civilians',
  shopkeepers: 'civilians',
  traders: 'civilians',
  // Counted as people only beside a verb of harm ("three refugees were killed"); on their own
  // they are numbers of refugees, not casualties (casualties.ts).
  refugees: 'civilians',
  displaced: 'civilians',
  evacuees: 'civilians',
  detainees: 'people',
  prisoners: 'people',
  hostages: 'people',
};

/** Heads that count people only with a verb of harm right beside them (see VICTIM_NOUNS). */
export const HARM_ONLY_NOUNS = new Set([
  'refugees',
  'displaced',
  'evacuees',
  'detainees',
  'prisoners',
  'hostages',
]);

/** Nouns that carry the outcome themselves ("leaving 5 martyrs", "230 corpses"). */
export const KILLED_NOUNS = new Set(['martyrs', 'bodies', 'corpses', 'dead', 'lives']);

/** Nouns that count people hurt by gas: "35 cases of suffocation". */
export const INJURED_CASES_RE =
  /^\s+cases\s+of\s+(?:suffocation|asphyxiation|asphyxia|poisoning|breathing\s+difficult(?:y|ies)|choking)\b/i;

/** Words inside a victim phrase that make the victims armed non-state people. */
export const FIGHTER_MARKERS =
  /\b(?:rebels?|rebel|militants?|jihadists?|IS|ISIS|ISIL|Daesh|DAESH|Nusra|Qaeda|SDF|YPG|PKK|Kurdish|Hezb[ao]llah|Hizbullah|Hezballah|opposition|FSA|pro-regime|pro-government|militia|militias|Shia|Shiite|insurgents?|terrorists?|extremists?|fighters?|Islamist|Ahrar|Jaish|Fateh|Tahrir|Free Syrian Army|National Defen[cs]e Forces|popular committees|allied)\b/;
/** Words inside a victim phrase that make the victims state soldiers. */
export const SOLDIER_MARKERS =
  /\b(?:Syrian (?:regime |government |army |Arab Army )?(?:troops|soldiers|servicemen|personnel|officers)|(?:regime|government|army|Army|military|Russian|Turkish|Iraqi|Syrian|American|U\.?S\.?|Iranian|Israeli)\s+(?:troops|soldiers|servicemen|personnel|officers|forces|pilots?)|army|Army)\b/;
export const CIVILIAN_MARKERS =
  /\b(?:civilians?|medical staff|staff|residents|displaced|refugees|family|families|aid workers|rescue workers|volunteers)\b/;

/** Outcome words; the group name says which outcome. */
export const OUTCOME_SOURCE =
  '(?<killed>killed|kill|kills|killing|eliminated|neutrali[sz]ed|liquidated|succumbed\\s+to\\s+(?:(?:their|his|her)\\s+)?(?:wounds|injuries)|dead|deaths?|died|dying|die|dies|slain|executed|executing|execution|massacred|massacre|martyred|martyrs?|lost (?:their|his|her) lives|perished|bodies|corpses|lifeless|fatalities|deceased|fallen\\s+victims?|fell\\s+victims?|death toll|toll|murdered|beheaded|(?:stoned|beaten|burned|burnt|tortured|hacked|starved|crushed|shot|stabbed)\\s+to\\s+death|shot\\s+dead|gunned\\s+down|claimed(?= (?:the )?lives)|(?<!\\b(?:who|which|that|he|she|it|and)\\s)lives)' +
  '|(?<injured>wounded|wounding|wounds|injured|injuring|injuries|injury|hurt|maimed|treated\\s+for\\s+(?:\\w+\\s+)?(?:injuries|wounds|burns|breathing\\s+(?:problems|difficulties)|suffocation)|(?:taken|rushed|admitted)\\s+to\\s+(?:a\\s+|the\\s+)?hospitals?\\s+with\\s+(?:\\w+\\s+)?(?:injuries|wounds)|(?:sustained|suffered)\\s+(?:\\w+\\s+)?(?:injuries|wounds)|suffer(?:ed|s|ing)?\\s+(?:from\\s+)?(?:symptoms|injuries|wounds|burns|breathing\\s+difficulties|suffocation|asphyxiation)|breathing\\s+difficulties|suffocation|affected\\s+by\\s+(?:the\\s+)?(?:gas|chemicals?|chlorine|toxic|poison\\w*|sarin))' +
  '|(?<missing>missing|disappeared|unaccounted for)';

export function outcomeOf(groups: Record<string, string | undefined> | undefined): Outcome | null {
  if (!groups) return null;
  // "were among the victims": the victims of an attack are its dead.
  if (groups.killed || groups.victims) return 'killed';
  if (groups.injured) return 'injured';
  if (groups.missing) return 'missing';
  return null;
}
