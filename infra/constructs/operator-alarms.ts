import { ArnFormat, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import {
  Alarm,
  ComparisonOperator,
  MathExpression,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';
import { METRICS } from '../../shared/contracts/metrics.ts';
import { customMetric } from './custom-metric.ts';
import type { StrikewatchFunction } from './strikewatch-function.ts';
import type { WorkQueue } from './work-queue.ts';

export interface OperatorAlarmsProps {
  readonly functions: readonly StrikewatchFunction[];
  /** Each brings its dead-letter queue alarm. */
  readonly queues: readonly WorkQueue[];
  /** Address subscribed to the alarm topic (must confirm the subscription). */
  readonly alarmEmail?: string | undefined;
}

/**
 * The alarms that page the operator and the encrypted SNS topic they notify, on alarm and on
 * recovery. The topic's policy lets CloudWatch alarms of this account publish (with enforceSSL
 * alone it would hold only the TLS Deny, and every notification would be refused).
 */
export class OperatorAlarms extends Construct {
  readonly topic: Topic;
  readonly alarms: readonly Alarm[];
  /** Failed / polled feeds, in percent: alarmed here, charted on the dashboard. */
  readonly feedFailureRate: MathExpression;

  constructor(scope: Construct, id: string, props: OperatorAlarmsProps) {
    super(scope, id);
    this.topic = this.alarmTopic(props.alarmEmail);
    this.feedFailureRate = new MathExpression({
      label: 'Feed failure rate (%)',
      expression: 'IF(polled > 0, 100 * FILL(failures, 0) / polled, 0)',
      usingMetrics: {
        polled: customMetric(METRICS.feedsPolled, Duration.minutes(30)),
        failures: customMetric(METRICS.feedFailures, Duration.minutes(30)),
      },
      period: Duration.minutes(30),
    });
    this.alarms = [
      ...props.queues.map((q) => q.dlqAlarm),
      ...props.functions.flatMap((fn) => this.functionAlarms(fn)),
      ...this.pipelineAlarms(),
    ];
    const notify = new SnsAction(this.topic);
    for (const alarm of this.alarms) {
      alarm.addAlarmAction(notify);
      alarm.addOkAction(notify);
    }
  }

  private alarmTopic(alarmEmail: string | undefined): Topic {
    const stack = Stack.of(this);
    // Only CloudWatch alarms of this account and region (no confused deputy).
    const fromOwnAlarms = {
      StringEquals: { 'aws:SourceAccount': stack.account },
      ArnLike: {
        'aws:SourceArn': stack.formatArn({
          service: 'cloudwatch',
          resource: 'alarm',
          resourceName: '*',
          arnFormat: ArnFormat.COLON_RESOURCE_NAME,
        }),
      },
    };
    const cloudwatch = new ServicePrincipal('cloudwatch.amazonaws.com', {
      conditions: fromOwnAlarms,
    });
    // A customer-managed key: CloudWatch cannot publish to a topic under the AWS-managed SNS key.
    const key = new Key(this, 'TopicKey', {
      description: 'Encrypts the strikewatch operators alarm topic',
      enableKeyRotation: true,
      // It encrypts nothing kept: alarm messages in flight. Deleted (after 7 days) with the stack.
      removalPolicy: RemovalPolicy.DESTROY,
      pendingWindow: Duration.days(7),
    });
    key.grant(cloudwatch, 'kms:Decrypt', 'kms:GenerateDataKey*');
    const topic = new Topic(this, 'Topic', {
      displayName: 'strikewatch alarms',
      masterKey: key,
      enforceSSL: true,
    });
    topic.addToResourcePolicy(
      new PolicyStatement({
        sid: 'AllowCloudWatchAlarmsOfThisAccount',
        principals: [cloudwatch],
        actions: ['sns:Publish'],
        resources: [topic.topicArn],
      }),
    );
    if (alarmEmail) topic.addSubscription(new EmailSubscription(alarmEmail));
    return topic;
  }

  private functionAlarms(fn: StrikewatchFunction): Alarm[] {
    return [
      new Alarm(this, `${fn.node.id}Errors`, {
        alarmDescription: `${fn.node.id} failed invocations (handlers report per-record failures, so an error here is a crash or timeout). Check its log group.`,
        metric: fn.metricErrors({ period: Duration.minutes(5), statistic: 'Sum' }),
        threshold: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
      new Alarm(this, `${fn.node.id}Throttles`, {
        alarmDescription: `${fn.node.id} throttled for 10 minutes: concurrency quota or reservation too small.`,
        metric: fn.metricThrottles({ period: Duration.minutes(5), statistic: 'Sum' }),
        threshold: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        evaluationPeriods: 2,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
    ];
  }

  private pipelineAlarms(): Alarm[] {
    const atLeastOnce = {
      threshold: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    };
    return [
      // A rate, not a count: a few dead feeds out of fifty is normal, half of them failing is an
      // outage (egress, DNS, a blocked user agent).
      new Alarm(this, 'FeedFailureRate', {
        alarmDescription:
          'Over half of the feed polls failed for an hour. Check poll-feeds logs (FetchError codes) and the feeds.',
        metric: this.feedFailureRate,
        threshold: 50,
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 2,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
      new Alarm(this, 'DeliveryFailures', {
        alarmDescription:
          'An alert delivery failed after all its attempts: a subscriber missed an alert. Check send-alerts logs and GET /alerts.',
        metric: customMetric(METRICS.deliveryFailures, Duration.minutes(15)),
        ...atLeastOnce,
      }),
      new Alarm(this, 'SecretNotSet', {
        alarmDescription:
          'Deliveries are waiting for a Slack webhook secret that still holds the placeholder the stack wrote (or is missing): put the webhook URL (README, operators guide, step 3).',
        metric: customMetric(METRICS.deliveriesAwaitingSecret, Duration.minutes(15)),
        ...atLeastOnce,
      }),
    ];
  }
}
