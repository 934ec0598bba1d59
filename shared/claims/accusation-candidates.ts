// Candidate accusations for the learned scorer (accusation-scorer.ts): in every sentence, each
// speaker the frame resolves (named, pronoun, last speaker, a party's own outlet) paired with each
// other party the sentence names, plus whatever the rule routes found there. The scorer decides
// which candidates are accusations; the rules' findings are candidates with a strong feature.

import type { Accusation, Actor } from '../domain/claims.ts';
import type { SentenceFrame } from './accusation-frame.ts';
import { allied } from './accusation-patterns.ts';
import type { FrameOutcome } from './accusations.ts';
import { resolveGeneric } from './actor-context.ts';
import type { ActorHit } from './actors.ts';
import type { Speaker } from './speakers.ts';

export interface Candidate {
  si: number;
  frame: SentenceFrame;
  speaker: Speaker;
  /** The accused mention; for a rule finding with no mention in the sentence, null. */
  accused: ActorHit | null;
  accuser: Actor;
  accusedActor: Actor;
  /** What a rule route found for this pair in this sentence, if any. */
  blame: Accusation | null;
  harm: Accusation | null;
}

const pairKey = (a: Actor, b: Actor): string => `${a}>${b}`;

/** The speakers a sentence may accuse through: those it resolves, else none. */
function speakersOf(f: SentenceFrame): Speaker[] {
  const out: Speaker[] = [];
  for (const sp of f.speakers) if (!out.some((x) => x.actor === sp.actor)) out.push(sp);
  return out;
}

/** Every candidate (speaker, party) of one sentence, rule findings first. */
function sentenceCandidates(o: FrameOutcome): Candidate[] {
  const { frame: f, si } = o;
  const byKey = new Map<string, Candidate>();
  const ruled = (x: Accusation, route: 'blame' | 'harm'): void => {
    const key = pairKey(x.accuser, x.accused);
    let c = byKey.get(key);
    if (!c) {
      const speaker = f.speakers.find((sp) => sp.actor === x.accuser) ??
        f.hits.find((h) => h.actor === x.accuser) ?? {
          actor: x.accuser,
          name: x.accuserName,
          index: 0,
          end: 0,
        };
      const accused =
        f.hits.find((h) => resolveGeneric(h, x.accuser, f.info) === x.accused) ?? null;
      c = {
        si,
        frame: f,
        speaker,
        accused,
        accuser: x.accuser,
        accusedActor: x.accused,
        blame: null,
        harm: null,
      };
      byKey.set(key, c);
    }
    c[route] = x;
  };
  for (const x of o.blame) ruled(x, 'blame');
  for (const x of o.harm) ruled(x, 'harm');
  for (const sp of speakersOf(f)) {
    for (const h of f.hits) {
      if (f.found.includes(h)) continue;
      const actor = resolveGeneric(h, sp.actor, f.info);
      // Allies reporting each other's strikes is not blame unless a verb of blame says so.
      if (!actor || actor === sp.actor || allied(sp.actor, actor)) continue;
      const key = pairKey(sp.actor, actor);
      if (byKey.has(key)) continue;
      byKey.set(key, {
        si,
        frame: f,
        speaker: sp,
        accused: h,
        accuser: sp.actor,
        accusedActor: actor,
        blame: null,
        harm: null,
      });
    }
  }
  return [...byKey.values()];
}

/** Candidates of a whole article, in sentence order. */
export function accusationCandidates(frames: readonly FrameOutcome[]): Candidate[] {
  return frames.flatMap(sentenceCandidates);
}
