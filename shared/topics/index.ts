// Topic classification: which configured topics an article is about. Pure; keyword topics
// compile their regexes once per distinct definition and cache them.

import type { TopicDecision, TopicDefinition } from '../domain/topics.ts';
import { type CoalitionDecision, classifyCoalitionStrike } from './coalition-model.ts';
import { COALITION_MODEL } from './trained-model.ts';

export { COALITION_MODEL } from './trained-model.ts';

interface CompiledKeywords {
  all: RegExp[];
  none: RegExp | null;
}

const cache = new WeakMap<TopicDefinition, CompiledKeywords>();

const escapeRegex = (s: string): string =>
  s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');

/** Word-boundary alternation that also works for terms starting or ending with punctuation. */
function termsRegex(terms: string[]): RegExp | null {
  const clean = terms.map((t) => t.trim()).filter((t) => t.length > 0);
  if (clean.length === 0) return null;
  return new RegExp(
    `(?<![\\p{L}\\p{N}_])(?:${clean.map(escapeRegex).join('|')})(?![\\p{L}\\p{N}_])`,
    'iu',
  );
}

function compile(topic: TopicDefinition): CompiledKeywords {
  let c = cache.get(topic);
  if (!c) {
    c = {
      // A group with no usable term can never be satisfied.
      all: (topic.all ?? []).map((g) => termsRegex(g) ?? /(?!)/),
      none: termsRegex(topic.none ?? []),
    };
    cache.set(topic, c);
  }
  return c;
}

function matchesKeywords(topic: TopicDefinition, haystack: string): boolean {
  const c = compile(topic);
  if (c.all.length === 0) return false;
  if (!c.all.every((re) => re.test(haystack))) return false;
  return !c.none?.test(haystack);
}

/**
 * The headline and the whole text (title line first) as every classifier reads them. The text
 * usually starts with the title already (title, blank line, body); the headline is not counted
 * twice when the caller passes both. Without a title, the first line is the headline.
 */
export function topicInput(input: { title?: string | undefined; text: string }): {
  headline: string;
  text: string;
} {
  const title = input.title ?? '';
  const body = title && input.text.startsWith(title) ? input.text.slice(title.length) : input.text;
  return {
    headline: title || (input.text.split('\n', 1)[0] ?? ''),
    text: title ? `${title}\n\n${body}` : body,
  };
}

/** Decide which of `topics` the article is about; the model's reasons when it was asked. */
export function classifyTopics(
  input: { title?: string | undefined; text: string },
  topics: TopicDefinition[],
): TopicDecision {
  const { headline, text } = topicInput(input);
  const matched: string[] = [];
  let coalition: CoalitionDecision | undefined;
  for (const topic of topics) {
    let hit = false;
    if (topic.kind === 'coalition-strikes-syria') {
      coalition ??= classifyCoalitionStrike(COALITION_MODEL, headline, text);
      hit = coalition.relevant;
    } else if (topic.kind === 'keywords') {
      hit = matchesKeywords(topic, text);
    }
    if (hit && !matched.includes(topic.id)) matched.push(topic.id);
  }
  const decision: TopicDecision = { relevant: matched.length > 0, topics: matched };
  if (coalition) {
    const { relevant: _, ...explanation } = coalition;
    decision.explanation = explanation;
  }
  return decision;
}
