// What every accusation route reads about one sentence (its actors, who speaks, whether it is a
// denial) and the sink that keeps one accusation per (accuser, accused) pair.

import type { Accusation, Actor } from '../domain/claims.ts';
import type { ArticleInfo } from './actor-context.ts';
import type { ActorHit } from './actors.ts';
import { findPlace } from './places.ts';
import type { Speaker } from './speakers.ts';

export interface SentenceFrame {
  s: string;
  hits: ActorHit[];
  /** Speakers named in the sentence itself. */
  found: ActorHit[];
  /** Speakers after resolving pronouns, the last speaker and the outlet's own voice. */
  speakers: Speaker[];
  speaker: Speaker | null;
  denial: boolean;
  /**
   * Where the denial starts (-1: none). A denial covers what follows it ("Russia denied its jets
   * bombed ..."), not an accusation it answers ("... used chemical weapons, which the rebels deny").
   */
  denialAt: number;
  /**
   * Where the denier's counter-account starts after the denial ("denied ..., saying rebels shelled
   * it"; -1: none): parties named after it may be accused again.
   */
  counterAt: number;
  info: ArticleInfo;
  /** The last agent of harm named before this sentence, for "condemned this crime". */
  lastAgent: ActorHit | null;
  /** How many sentences back `lastAgent` was named (0: this one). */
  lastAgentAge: number;
  /** The sentences before this one, nearest first, for the harm an anaphoric blame means. */
  before: string[];
  /** The parties the article's first sentence (its headline) names. */
  headline: ReadonlySet<Actor>;
}

/** The sentence names the accuser's capital only as the accuser ("Damascus condemned ..."). */
function ownPlaceOnly(s: string, accuserName: string): boolean {
  return s.split(accuserName).length === 2;
}

/** "aggression on army positions in Damascus", said Damascus: the speaker is not where it was. */
function withoutPlace(allegation: string, place: string): string {
  const suffix = ` in ${place}`;
  return allegation.endsWith(suffix) ? allegation.slice(0, -suffix.length) : allegation;
}

export class AccusationSink {
  readonly out: Accusation[] = [];
  private readonly seen = new Set<string>();

  add(
    s: string,
    accuser: Speaker,
    accusedActor: Actor,
    accused: ActorHit,
    allegation: string,
    quote: string,
  ): void {
    if (accuser.actor === accusedActor) return;
    const key = `${accuser.actor}>${accusedActor}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    const accuserName = accuser.name.replace(/^the\s+/i, '');
    // "Damascus condemned the US strike on Shayrat": the capital that speaks is not where it was.
    const own = (place: string | null): boolean => place !== null && place === accuserName;
    const place = findPlace(s, accused.index);
    this.out.push({
      accuser: accuser.actor,
      accused: accusedActor,
      accuserName,
      accusedName: accused.name.replace(/^the\s+/i, ''),
      allegation: ownPlaceOnly(s, accuserName) ? withoutPlace(allegation, accuserName) : allegation,
      place: own(place) ? null : place,
      quote,
    });
  }
}
