// Routes 2 and 3 of the accusations: a speaker presents another party as the agent of harm ("the
// Observatory said coalition jets killed 15 civilians", "Russia: US-led strike killed 62 Syrian
// troops"), labels it a terrorist organisation, or calls on it to stop, halt or investigate.

import type { Actor } from '../domain/claims.ts';
import type { AccusationSink, SentenceFrame } from './accusation-frame.ts';
import {
  AGENTLESS_HARM_RE,
  allied,
  BATTLE_RE,
  CALL_ON_RE,
  CALL_WHAT_RE,
  CIVILIAN_RE,
  COMBATANT_VICTIMS_RE,
  HARM_RE,
  MILITANT_VICTIMS_RE,
  NEUTRAL_REPORTERS,
  TERROR_LABEL_RE,
  TERROR_LABELLED,
  VICTIM_HARM_RE,
} from './accusation-patterns.ts';
import { resolveGeneric } from './actor-context.ts';
import type { ActorHit } from './actors.ts';
import { coordinatedEnd, harmAgents } from './agents.ts';
import { cleanPhrase, harmAllegation, quoteOf } from './allegation.ts';
import { figuresInSentence } from './casualties.ts';
import type { Speaker } from './speakers.ts';

interface HarmScene {
  agents: Set<ActorHit>;
  militantOnly: boolean;
  victims: boolean;
  battle: boolean;
  combatOnly: boolean;
  terrorLabel: boolean;
  repelled: boolean;
  /** "No civilians were killed in the raids": the sentence says nobody was hurt. */
  unharmed: boolean;
}

// Nobody hurt (and no figure of the dead or wounded beside it: figuresInSentence).
const UNHARMED_RE =
  /\b(?:no|none\s+of\s+the)\s+(?:civilians?|one|people|residents)\s+(?:were|was|had\s+been|have\s+been|has\s+been)\s+(?:killed|hurt|injured|wounded|harmed)\b|\b(?:there\s+were|caused|causing|with|reported)\s+no\s+(?:civilian\s+)?(?:casualties|deaths|injuries|victims)\b|\bwithout\s+(?:causing\s+)?(?:any\s+)?(?:civilian\s+)?(?:casualties|injuries|deaths)\b/i;

const REPELLED_RE =
  /\b(?:repel\w*|repuls\w*|foil\w*|thwart\w*|fend(?:ed|s)?\s+off|beat\s+back|beaten\s+back)\b/i;

function harmScene(s: string, hits: ActorHit[]): HarmScene {
  const civilians = CIVILIAN_RE.test(s);
  return {
    agents: harmAgents(s, hits),
    militantOnly: MILITANT_VICTIMS_RE.test(s) && !civilians,
    combatOnly: COMBATANT_VICTIMS_RE.test(s) && !civilians,
    terrorLabel: TERROR_LABEL_RE.test(s),
    victims: VICTIM_HARM_RE.test(s),
    battle: BATTLE_RE.test(s),
    repelled: REPELLED_RE.test(s),
    unharmed: UNHARMED_RE.test(s) && figuresInSentence(s).length === 0,
  };
}

/** Whether speaker `sp` accuses the party of mention `h` in this sentence. */
function accuses(f: SentenceFrame, scene: HarmScene, sp: Speaker, h: ActorHit): boolean {
  const { s } = f;
  // Route 3: "urged the US-led coalition to suspend its bombardments".
  if (
    CALL_ON_RE.test(s.slice(Math.max(0, h.index - 30), h.index)) &&
    CALL_WHAT_RE.test(s.slice(h.end))
  ) {
    return true;
  }
  // "Turkey says the fighters are a terrorist organization affiliated with the PKK".
  const actor = resolveGeneric(h, sp.actor, f.info);
  if (scene.terrorLabel && !h.generic && actor && TERROR_LABELLED.has(actor) && h.index > sp.end) {
    return true;
  }
  // Harm to armed enemies is reported, not alleged, unless civilians are involved; a neutral
  // reporter's account of combat with no victims ("government air strikes on the battlefield")
  // is news, not blame.
  if (scene.militantOnly || scene.unharmed) return false;
  // "The attack was repelled": an attack fought off with nobody hurt is a battle report.
  if (scene.repelled && !scene.victims) return false;
  if (NEUTRAL_REPORTERS.has(sp.actor) && (scene.combatOnly || (scene.battle && !scene.victims))) {
    return false;
  }
  return scene.agents.has(h);
}

/** How far back the last named agent still answers for agentless harm. */
const AGENT_REACH = 2;

/**
 * A speaker telling harm whose agent the sentence does not name speaks of the agent the story
 * named just before: "Coalition jets struck Manbij. At least 15 civilians were killed in the
 * raids, the Observatory said."
 */
function implicitAgent(f: SentenceFrame, scene: HarmScene, sink: AccusationSink): void {
  const agent = f.lastAgent;
  if (!agent || f.lastAgentAge === 0 || f.lastAgentAge > AGENT_REACH) return;
  if (scene.militantOnly || scene.combatOnly || scene.unharmed) return;
  if (!AGENTLESS_HARM_RE.test(f.s)) return;
  const named = f.hits.some((h) => scene.agents.has(h) && !f.found.includes(h));
  if (named) return;
  for (const sp of f.speakers) {
    const actor = resolveGeneric(agent, sp.actor, f.info);
    if (!actor || actor === sp.actor || allied(sp.actor, actor)) continue;
    const at = { ...agent, index: 0, end: 0 };
    sink.add(f.s, sp, actor, at, harmAllegation(f.s, 0, { before: f.before }), quoteOf(f.s));
  }
}

// What the armed and political opposition complain of without naming who does it: sieges,
// bombardment, being forced out. In this war that is the government's doing ("Rebels say they
// are forced out by siege and bombardment").
const SIEGE_COMPLAINT_RE =
  /\b(?:forced\s+(?:out|displacement|relocations?|evacuations?|to\s+leave)|sieges?|besieg\w+|starv\w+|bombardment|barrel\s+bombs?|depopulat\w+|demographic\s+change)\b/i;
const GOVERNMENT_FOES = new Set<Actor>(['rebels', 'opposition']);

/** An opposition speaker's complaint of siege or bombardment with no agent named: the government's. */
function siegeComplaint(f: SentenceFrame, scene: HarmScene, sink: AccusationSink): void {
  const complaint = SIEGE_COMPLAINT_RE.exec(f.s);
  if (!complaint || scene.agents.size > 0) return;
  // "forced displacement of Assad's opponents": the complaint itself is the allegation.
  const allegation = cleanPhrase(f.s.slice(complaint.index)) || complaint[0].toLowerCase();
  for (const sp of f.speakers) {
    if (!GOVERNMENT_FOES.has(sp.actor)) continue;
    const at = {
      actor: 'syria_gov' as const,
      name: 'the government',
      index: 0,
      end: 0,
      generic: false,
    };
    sink.add(f.s, sp, 'syria_gov', at, allegation, quoteOf(f.s));
  }
}

/** Every accusation of one sentence in which a speaker names an agent of harm. */
export function attributedHarm(f: SentenceFrame, sink: AccusationSink): void {
  const { s, hits, speakers, found } = f;
  if (speakers.length === 0 || !HARM_RE.test(s)) return;
  const scene = harmScene(s, hits);
  if (!f.denial) {
    implicitAgent(f, scene, sink);
    siegeComplaint(f, scene, sink);
  }
  for (const sp of speakers) {
    for (const h of hits) {
      if (h.actor === sp.actor || found.includes(h)) continue;
      if (f.denial && f.denialAt < h.end && !(f.counterAt >= 0 && f.counterAt <= h.index)) continue;
      const actor = resolveGeneric(h, sp.actor, f.info);
      if (!actor || allied(sp.actor, actor) || !accuses(f, scene, sp, h)) continue;
      const qs = Math.min(sp.end > 0 ? sp.index : h.index, h.index);
      const qe = Math.max(sp.end, h.end);
      const to = coordinatedEnd(s, hits, h, scene.agents);
      const allegation = harmAllegation(s, to, { nounNear: h.end, before: f.before });
      sink.add(s, sp, actor, h, allegation, quoteOf(s, qs, qe));
    }
  }
}
