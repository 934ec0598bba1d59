import type { FunctionName } from './functions.ts';

// Custom metrics the functions publish with Powertools and the alarms and dashboard read. The
// handlers emit these objects and the stack charts them: a name cannot drift between the two.

/** Namespace of every custom metric (POWERTOOLS_METRICS_NAMESPACE). */
export const METRICS_NAMESPACE = 'strikewatch';

export interface CustomMetric {
  /** The function that emits it: its `service` dimension (POWERTOOLS_SERVICE_NAME). */
  readonly service: FunctionName;
  readonly name: string;
}

export const METRICS = {
  feedsPolled: { service: 'poll-feeds', name: 'FeedsPolled' },
  feedFailures: { service: 'poll-feeds', name: 'FeedFailures' },
  articlesQueued: { service: 'poll-feeds', name: 'ArticlesQueued' },
  articleFailures: { service: 'process-article', name: 'ArticleFailures' },
  alertsCreated: { service: 'process-article', name: 'AlertsCreated' },
  deliveriesSent: { service: 'send-alerts', name: 'DeliveriesSent' },
  deliveryFailures: { service: 'send-alerts', name: 'DeliveryFailures' },
  deliveryRetries: { service: 'send-alerts', name: 'DeliveryRetries' },
  /** Deliveries put off because their secret still holds the stack's placeholder (or is gone). */
  deliveriesAwaitingSecret: { service: 'send-alerts', name: 'DeliveriesAwaitingSecret' },
} as const satisfies Record<string, CustomMetric>;
