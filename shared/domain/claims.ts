// Claim vocabulary: the words of data/labels/GUIDELINES.md, which `strikewatch
// extract --json` speaks. Kept in one place so the extractor, the store, alert filters and the
// config schema cannot drift apart.

export const OUTCOMES = ['killed', 'injured', 'missing'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const VICTIMS = [
  'civilians',
  'children',
  'women',
  'men',
  'soldiers',
  'fighters',
  'people',
] as const;
export type Victims = (typeof VICTIMS)[number];

export const QUALIFIERS = ['exact', 'at_least', 'more_than', 'up_to', 'about'] as const;
export type Qualifier = (typeof QUALIFIERS)[number];

export const ACTORS = [
  'russia',
  'us',
  'coalition',
  'syria_gov',
  'rebels',
  'opposition',
  'isis',
  'nusra',
  'sdf',
  'turkey',
  'iran',
  'israel',
  'uk',
  'france',
  'saudi',
  'qatar',
  'hezbollah',
  'un',
  'hrw',
  'amnesty',
  'sohr',
  'white_helmets',
  'msf',
  'ngo',
  'media',
  'other',
] as const;
export type Actor = (typeof ACTORS)[number];

/** One explicit number of people killed, injured or missing, as an article states it. */
export interface CasualtyFigure {
  count: number;
  /** Upper bound of a range ("between 20 and 30" -> count 20, max 30), else null. */
  max: number | null;
  outcome: Outcome;
  victims: Victims;
  /**
   * Whose fighters or soldiers they are when the victim phrase says so ("22 IS fighters" ->
   * isis, "regime troops" -> syria_gov); null (or absent) for other victims and when unsaid.
   */
  victimSide?: Actor | null;
  qualifier: Qualifier;
  /** Cumulative toll of the whole war or a whole period, not one incident. */
  background: boolean;
  /** Who states the figure ("Syrian Observatory for Human Rights"); the outlet when unattributed. */
  source: string;
  /** Place of the incident when stated ("Raqqa"), else null. */
  place: string | null;
  /** Incident date as ISO yyyy-mm-dd when stated or derivable, else null. */
  date: string | null;
  /** Shortest span of the article text that contains the figure. */
  quote: string;
  /**
   * Who carried out the strike or attack when the text names one ("coalition warplanes killed",
   * "a US-led strike that killed", "regime barrel bombs"), from the same attributed-harm analysis
   * the accusation extractor uses; null when the text names no perpetrator.
   */
  perpetrator?: Actor | null;
  /** The perpetrator as the text names it ("US-led coalition warplanes"). */
  perpetratorName?: string | null;
  /**
   * Index (in the same ClaimSet.casualties) of the total this figure is part of: in "84
   * civilians including 30 children", the 30 children's `subFigureOf` is the 84's index.
   */
  subFigureOf?: number | null;
  /**
   * How `date` was found: stated in the text ("on June 4, 2017"), relative to the publication
   * date ("on Monday", "yesterday"), or the publication date itself; null when there is no date.
   */
  dateBasis?: 'stated' | 'relative' | 'published' | null;
}

/** One accuser publicly blaming one accused party for harm or wrongdoing. */
export interface Accusation {
  accuser: Actor;
  accused: Actor;
  /** The name as the text gives it ("Maria Zakharova", "Russian Defense Ministry"). */
  accuserName: string;
  accusedName: string;
  /** Short phrase of what is alleged ("killed civilians in Raqqa"). */
  allegation: string;
  place: string | null;
  quote: string;
}

export interface ClaimSet {
  casualties: CasualtyFigure[];
  accusations: Accusation[];
}

/** What the claim extractor needs to know about an article besides its text. */
export interface ArticleContext {
  title?: string | undefined;
  /** The outlet's name, used as `source` for unattributed figures. */
  outlet?: string | undefined;
  /**
   * The outlet's id (the feed id; FA-KES's `source`: "sana", "etilaf", ...). An outlet that is a
   * party's organ speaks for that party when no other speaker is named (SANA: syria_gov).
   */
  outletId?: string | undefined;
  /** ISO date the article was published, to resolve "on Sunday" or "June 3". */
  publishedAt?: string | undefined;
}
