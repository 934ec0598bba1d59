import { Duration } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  type Alarm,
  AlarmStatusWidget,
  Dashboard,
  GraphWidget,
  type MathExpression,
  type Metric,
  TextWidget,
} from 'aws-cdk-lib/aws-cloudwatch';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { METRICS } from '../../shared/contracts/metrics.ts';
import { customMetric } from './custom-metric.ts';
import type { StrikewatchFunction } from './strikewatch-function.ts';
import type { WorkQueue } from './work-queue.ts';

export interface OperationsDashboardProps {
  readonly functions: readonly StrikewatchFunction[];
  readonly alarms: readonly Alarm[];
  readonly feedFailureRate: MathExpression;
  readonly articles: WorkQueue;
  readonly alerts: WorkQueue;
  readonly api: HttpApi;
  readonly table: ITable;
}

/** One CloudWatch dashboard, top to bottom in the order the README's runbook reads it. */
export class OperationsDashboard extends Construct {
  readonly dashboard: Dashboard;

  constructor(scope: Construct, id: string, props: OperationsDashboardProps) {
    super(scope, id);
    this.dashboard = new Dashboard(this, 'Dashboard', { defaultInterval: Duration.days(1) });
    this.dashboard.addWidgets(
      new TextWidget({
        markdown:
          '# strikewatch\nFeeds → article queue → process-article → alert queue → send-alerts. ' +
          'Runbook: README, operators guide, section Dashboard and alarms.',
        width: 24,
        height: 2,
      }),
    );
    this.dashboard.addWidgets(
      new AlarmStatusWidget({ title: 'Alarms', alarms: [...props.alarms], width: 24, height: 4 }),
    );
    this.dashboard.addWidgets(...this.pipelineWidgets(props.feedFailureRate));
    const perFunction = (title: string, metric: (fn: StrikewatchFunction) => Metric) =>
      new GraphWidget({
        title,
        left: props.functions.map((fn) => metric(fn).with({ label: fn.node.id })),
        width: 8,
      });
    this.dashboard.addWidgets(
      perFunction('Invocations', (fn) => fn.metricInvocations({ statistic: 'Sum' })),
      perFunction('Errors', (fn) => fn.metricErrors({ statistic: 'Sum' })),
      perFunction('Duration p95 (ms)', (fn) => fn.metricDuration({ statistic: 'p95' })),
    );
    this.dashboard.addWidgets(
      ...this.queueWidgets(props.articles, props.alerts),
      perFunction('Throttles', (fn) => fn.metricThrottles({ statistic: 'Sum' })),
    );
    this.dashboard.addWidgets(...this.storageWidgets(props.api, props.table));
  }

  private pipelineWidgets(feedFailureRate: MathExpression): GraphWidget[] {
    const m = customMetric;
    return [
      new GraphWidget({
        title: 'Feeds polled / failed, articles queued',
        left: [m(METRICS.feedsPolled), m(METRICS.feedFailures), m(METRICS.articlesQueued)],
        right: [feedFailureRate],
        width: 8,
      }),
      new GraphWidget({
        title: 'Article failures, alerts created',
        left: [m(METRICS.articleFailures), m(METRICS.alertsCreated)],
        width: 8,
      }),
      new GraphWidget({
        title: 'Alert deliveries sent / retried / failed / waiting for a secret',
        left: [
          m(METRICS.deliveriesSent),
          m(METRICS.deliveryRetries),
          m(METRICS.deliveryFailures),
          m(METRICS.deliveriesAwaitingSecret),
        ],
        width: 8,
      }),
    ];
  }

  private queueWidgets(articles: WorkQueue, alerts: WorkQueue): GraphWidget[] {
    return [
      new GraphWidget({
        title: 'Queue backlog',
        left: [
          articles.queue.metricApproximateNumberOfMessagesVisible({ label: 'article queue' }),
          alerts.queue.metricApproximateNumberOfMessagesVisible({ label: 'alert queue' }),
        ],
        right: [
          articles.queue.metricApproximateAgeOfOldestMessage({ label: 'article oldest (s)' }),
          alerts.queue.metricApproximateAgeOfOldestMessage({ label: 'alert oldest (s)' }),
        ],
        width: 8,
      }),
      new GraphWidget({
        title: 'Dead-letter queues',
        left: [
          articles.deadLetterQueue.metricApproximateNumberOfMessagesVisible({
            label: 'article DLQ',
          }),
          alerts.deadLetterQueue.metricApproximateNumberOfMessagesVisible({ label: 'alert DLQ' }),
        ],
        width: 8,
      }),
    ];
  }

  private storageWidgets(api: HttpApi, table: ITable): GraphWidget[] {
    return [
      new GraphWidget({
        title: 'Query API requests / 4xx / 5xx',
        left: [
          api.metricCount({ statistic: 'Sum' }),
          api.metricClientError({ statistic: 'Sum' }),
          api.metricServerError({ statistic: 'Sum' }),
        ],
        right: [api.metricLatency({ statistic: 'p95' })],
        width: 12,
      }),
      new GraphWidget({
        title: 'DynamoDB consumed capacity',
        left: [
          table.metricConsumedReadCapacityUnits({ statistic: 'Sum' }),
          table.metricConsumedWriteCapacityUnits({ statistic: 'Sum' }),
        ],
        width: 12,
      }),
    ];
  }
}
