// Topic definitions come from configuration; the classifier in shared/topics decides which of
// them an article is about.

export const DEFAULT_TOPIC_ID = 'coalition-strikes-syria';

export interface TopicDefinition {
  id: string;
  /** Human-readable label for alerts. */
  name: string;
  /**
   * Which built-in classifier decides the topic. `coalition-strikes-syria` is the trained
   * model (shared/topics/coalition-model.json); `keywords` matches when every group in `all` has at least one term present
   * and no `none` term is present.
   */
  kind: 'coalition-strikes-syria' | 'keywords';
  all?: string[][] | undefined;
  none?: string[] | undefined;
}

/** One feature's share in a model's decision: its weight times its value in the article. */
export interface FeatureContribution {
  feature: string;
  contribution: number;
}

/** Why the `coalition-strikes-syria` model decided as it did. */
export interface TopicExplanation {
  /** The model's probability that the article is on topic. */
  probability: number;
  /** On topic when the probability is at least this. */
  threshold: number;
  /** The features that moved the decision most, largest share first (either sign). */
  topFeatures: FeatureContribution[];
  /** The sentence naming the coalition or the US that weighed most, if any. */
  sentence?: string;
}

export interface TopicDecision {
  /** True when the article is about at least one configured topic. */
  relevant: boolean;
  /** Ids of the matching topics. */
  topics: string[];
  /** Present when a `coalition-strikes-syria` topic is configured: the model's reasons. */
  explanation?: TopicExplanation;
}
