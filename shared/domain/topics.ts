// Topic definitions come from configuration; the classifier in shared/topics decides which of
// them an article is about.

export const DEFAULT_TOPIC_ID = 'coalition-strikes-syria';

export interface TopicDefinition {
  id: string;
  /** Human-readable label for alerts. */
  name: string;
  /**
   * Which built-in classifier decides the topic. `coalition-strikes-syria` is the tuned
   * classifier; `keywords` matches when every group in `all` has at least one term present
   * and no `none` term is present.
   */
  kind: 'coalition-strikes-syria' | 'keywords';
  all?: string[][] | undefined;
  none?: string[] | undefined;
}

export interface TopicDecision {
  /** True when the article is about at least one configured topic. */
  relevant: boolean;
  /** Ids of the matching topics. */
  topics: string[];
}
