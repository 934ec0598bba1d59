// Topic classification: which configured topics an article is about. Pure; keyword topics
// compile their regexes once per distinct definition and cache them.

import type { TopicDecision, TopicDefinition } from '../domain/topics.ts';
import { isCoalitionStrikeArticle } from './coalition.ts';

export { coalitionEvidence, isCoalitionStrikeArticle } from './coalition.ts';

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

/** Decide which of `topics` the article is about. */
export function classifyTopics(
  input: { title?: string; text: string },
  topics: TopicDefinition[],
): TopicDecision {
  const title = input.title ?? '';
  // The text usually starts with the title already (title, blank line, body); avoid counting
  // the headline twice when the caller passes both.
  const body = title && input.text.startsWith(title) ? input.text.slice(title.length) : input.text;
  const haystack = title ? `${title}\n\n${body}` : body;
  const headline = title || (input.text.split('\n', 1)[0] ?? '');
  const matched: string[] = [];
  let coalition: boolean | null = null;
  for (const topic of topics) {
    let hit = false;
    if (topic.kind === 'coalition-strikes-syria') {
      coalition ??= isCoalitionStrikeArticle(headline, haystack);
      hit = coalition;
    } else if (topic.kind === 'keywords') {
      hit = matchesKeywords(topic, haystack);
    }
    if (hit && !matched.includes(topic.id)) matched.push(topic.id);
  }
  return { relevant: matched.length > 0, topics: matched };
}
