import {
  CfnOutput,
  Duration,
  RemovalPolicy,
  Stack,
  type StackProps,
  Validations,
} from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  HttpApi,
  HttpMethod,
  type HttpStage,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpIamAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import {
  Alarm,
  AlarmStatusWidget,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  MathExpression,
  Metric,
  TextWidget,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { ManagedPolicy, PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { type ISecret, Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { ConfigurationSet, SuppressionReasons } from 'aws-cdk-lib/aws-ses';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Construct } from 'constructs';
import type { Config } from '../../shared/config/schema.ts';
import { pollRateMinutes, slackWebhookSecretIds, usesEmail } from '../config/synth-config.ts';
import {
  type FunctionName,
  METRICS_NAMESPACE,
  StrikewatchFunction,
} from '../constructs/strikewatch-function.ts';
import { StrikewatchTable } from '../constructs/strikewatch-table.ts';
import { WorkQueue } from '../constructs/work-queue.ts';

/**
 * Custom metrics the functions publish with Powertools (namespace `strikewatch`, default
 * dimension `service` = the function name). The alarms and dashboard read exactly these.
 */
export const CUSTOM_METRICS = {
  feedsPolled: { service: 'poll-feeds', name: 'FeedsPolled' },
  feedFailures: { service: 'poll-feeds', name: 'FeedFailures' },
  articlesQueued: { service: 'poll-feeds', name: 'ArticlesQueued' },
  articleFailures: { service: 'process-article', name: 'ArticleFailures' },
  alertsCreated: { service: 'process-article', name: 'AlertsCreated' },
  deliveriesSent: { service: 'send-alerts', name: 'DeliveriesSent' },
  deliveryFailures: { service: 'send-alerts', name: 'DeliveryFailures' },
  deliveryRetries: { service: 'send-alerts', name: 'DeliveryRetries' },
} as const satisfies Record<string, { service: FunctionName; name: string }>;

/** Read-only analyst routes of the query API; each is a GET on the query function. */
export const QUERY_ROUTES = [
  '/articles',
  '/stories',
  '/casualties',
  '/accusations',
  '/alerts',
  '/errors',
] as const;

/** The send-alerts sweep that retries pending deliveries the queue nudges missed. */
export const ALERT_SWEEP_MINUTES = 5;

export interface StrikewatchStackProps extends StackProps {
  /** Validated config (see infra/config/synth-config.ts); bundled into every function. */
  readonly config: Config;
  /**
   * SES sending identity: a domain, an address, or a full identity ARN. Defaults to the domain
   * of `delivery.email.from`. Only used when the config has email subscribers.
   */
  readonly sesIdentity?: string;
  /** Address subscribed to the operators' alarm topic (must confirm the subscription). */
  readonly alarmEmail?: string;
  /**
   * Concurrency reserved for send-alerts, which caps the request rate Slack and SES see.
   * 0 turns the reservation off (new accounts with a 10-execution quota cannot reserve any).
   */
  readonly sendAlertsConcurrency?: number;
  readonly logRetention?: RetentionDays;
}

export class StrikewatchStack extends Stack {
  constructor(scope: Construct, id: string, props: StrikewatchStackProps) {
    super(scope, id, props);
    const { config } = props;
    const logRetention = props.logRetention ?? RetentionDays.ONE_MONTH;

    const { table } = new StrikewatchTable(this, 'Data');

    // ---- Functions -------------------------------------------------------------------------
    const pollFeeds = new StrikewatchFunction(this, 'PollFeeds', {
      name: 'poll-feeds',
      config,
      description: 'Polls the configured feeds (conditional GET) and queues new items',
      memorySize: 512,
      // No longer than the poll interval (and at most 5 min), so two polls never overlap.
      timeout: Duration.minutes(Math.min(5, pollRateMinutes(config))),
      logRetention,
    });
    pollFeeds.bindTable(table, 'readWrite');

    const processArticle = new StrikewatchFunction(this, 'ProcessArticle', {
      name: 'process-article',
      config,
      description: 'Fetches and extracts queued articles, stores matches, creates deliveries',
      memorySize: 512,
      timeout: Duration.minutes(2),
      logRetention,
    });
    processArticle.bindTable(table, 'readWrite');

    const sendAlertsConcurrency = props.sendAlertsConcurrency ?? 3;
    // The queue needs 2 executions (the smallest SQS maxConcurrency) and the sweep one more.
    if (
      !Number.isInteger(sendAlertsConcurrency) ||
      (sendAlertsConcurrency !== 0 && sendAlertsConcurrency < 3)
    ) {
      throw new Error(
        `sendAlertsConcurrency must be 0 (no reservation) or an integer of at least 3, got ${sendAlertsConcurrency}`,
      );
    }
    const sendAlerts = new StrikewatchFunction(this, 'SendAlerts', {
      name: 'send-alerts',
      config,
      description: 'Delivers pending alerts to Slack and email',
      memorySize: 256,
      timeout: Duration.minutes(1),
      logRetention,
      ...(sendAlertsConcurrency > 0 ? { reservedConcurrentExecutions: sendAlertsConcurrency } : {}),
    });
    sendAlerts.bindTable(table, 'readWrite');

    const query = new StrikewatchFunction(this, 'Query', {
      name: 'query',
      config,
      description: 'Read-only analyst queries behind the IAM-authorised HTTP API',
      memorySize: 256,
      timeout: Duration.seconds(10),
      logRetention,
    });
    query.bindTable(table, 'read');

    // Scheduled invocations are asynchronous: a failed poll or sweep is simply redone at the
    // next tick, so Lambda's own async retries would only overlap with it.
    pollFeeds.configureAsyncInvoke({ retryAttempts: 0 });
    sendAlerts.configureAsyncInvoke({ retryAttempts: 0 });

    // ---- Queues ----------------------------------------------------------------------------
    const articles = new WorkQueue(this, 'ArticleQueue', {
      consumerTimeout: processArticle.timeout ?? Duration.minutes(2),
      description: 'Article jobs',
    });
    articles.queue.grantSendMessages(pollFeeds);
    pollFeeds.addEnvironment('ARTICLE_QUEUE_URL', articles.queue.queueUrl);
    processArticle.addEventSource(
      new SqsEventSource(articles.queue, {
        batchSize: 5,
        maxBatchingWindow: Duration.seconds(5),
        reportBatchItemFailures: true,
        // Bounds the parallel page fetches (and DynamoDB writes) after a burst of new items.
        maxConcurrency: 5,
      }),
    );

    const alerts = new WorkQueue(this, 'AlertQueue', {
      consumerTimeout: sendAlerts.timeout ?? Duration.minutes(1),
      description: 'Alert nudges',
    });
    alerts.queue.grantSendMessages(processArticle);
    processArticle.addEnvironment('ALERT_QUEUE_URL', alerts.queue.queueUrl);
    sendAlerts.addEventSource(
      new SqsEventSource(alerts.queue, {
        batchSize: 10,
        reportBatchItemFailures: true,
        // Below the reserved concurrency, leaving one execution for the sweep; SQS then never
        // pushes into throttling.
        ...(sendAlertsConcurrency > 0 ? { maxConcurrency: sendAlertsConcurrency - 1 } : {}),
      }),
    );

    // ---- Schedules -------------------------------------------------------------------------
    const pollRate = pollRateMinutes(config);
    new Rule(this, 'PollSchedule', {
      description: `Polls feeds every ${pollRate} min (the smallest feed interval)`,
      schedule: Schedule.rate(Duration.minutes(pollRate)),
      targets: [new LambdaFunction(pollFeeds, { retryAttempts: 2 })],
    });
    new Rule(this, 'AlertSweepSchedule', {
      description: 'Sweeps pending alert deliveries that no queue message is carrying',
      schedule: Schedule.rate(Duration.minutes(ALERT_SWEEP_MINUTES)),
      targets: [new LambdaFunction(sendAlerts, { retryAttempts: 2 })],
    });

    // ---- Slack webhook secrets -------------------------------------------------------------
    const slackSecrets: ISecret[] = slackWebhookSecretIds(config).map((secretId, i) => {
      if (secretId.startsWith('arn:')) {
        return Secret.fromSecretCompleteArn(this, `SlackWebhookSecret${i}`, secretId);
      }
      // Created with a random placeholder: the webhook URL is put by the operator, never in
      // the template or the config file.
      const secret = new Secret(this, `SlackWebhookSecret${i}`, {
        secretName: secretId,
        description: `Slack incoming-webhook URL for strikewatch (${secretId}); put the real URL with put-secret-value`,
      });
      Validations.of(secret).acknowledge({
        id: 'AwsSolutions-SMG4',
        reason:
          'A Slack incoming-webhook URL cannot be rotated by a Lambda: a workspace admin ' +
          'reissues it in Slack and the operator puts it (README: operators guide).',
      });
      new CfnOutput(this, `SlackWebhookSecretName${i}`, {
        value: secretId,
        description: 'Put the Slack webhook URL in this secret',
      });
      return secret;
    });
    for (const secret of slackSecrets) secret.grantRead(sendAlerts);

    // ---- SES -------------------------------------------------------------------------------
    if (usesEmail(config) && config.delivery.email) {
      const from = config.delivery.email.from;
      const identity = props.sesIdentity ?? from.slice(from.lastIndexOf('@') + 1);
      const identityArn = identity.startsWith('arn:')
        ? identity
        : this.formatArn({ service: 'ses', resource: 'identity', resourceName: identity });
      const configurationSet = new ConfigurationSet(this, 'EmailConfigurationSet', {
        reputationMetrics: true,
        // Stop sending to addresses that bounced or complained: protects the SES reputation.
        suppressionReasons: SuppressionReasons.BOUNCES_AND_COMPLAINTS,
      });
      const configurationSetArn = this.formatArn({
        service: 'ses',
        resource: 'configuration-set',
        resourceName: configurationSet.configurationSetName,
      });
      sendAlerts.allowSendEmail(identityArn, configurationSetArn);
      sendAlerts.addEnvironment('SES_CONFIGURATION_SET', configurationSet.configurationSetName);
      sendAlerts.addEnvironment('SES_FROM_IDENTITY_ARN', identityArn);
      new CfnOutput(this, 'SesIdentityArn', {
        value: identityArn,
        description: 'Verify this SES identity before alerts can be emailed',
      });
    }

    // ---- Query API -------------------------------------------------------------------------
    const accessLogs = new LogGroup(this, 'QueryApiAccessLogs', {
      retention: logRetention,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const api = new HttpApi(this, 'QueryApi', {
      description: 'strikewatch read-only analyst queries (IAM / SigV4 signed requests only)',
      defaultAuthorizer: new HttpIamAuthorizer(),
      createDefaultStage: false,
    });
    const stage: HttpStage = api.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      // Every route: a runaway script cannot run up DynamoDB reads.
      throttle: { rateLimit: 10, burstLimit: 20 },
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            requestTime: '$context.requestTime',
            caller: '$context.identity.userArn',
            ip: '$context.identity.sourceIp',
            routeKey: '$context.routeKey',
            path: '$context.path',
            status: '$context.status',
            latencyMs: '$context.responseLatency',
            integrationError: '$context.integrationErrorMessage',
          }),
        ),
      },
    });
    const queryIntegration = new HttpLambdaIntegration('QueryIntegration', query);
    for (const path of QUERY_ROUTES) {
      api.addRoutes({ path, methods: [HttpMethod.GET], integration: queryIntegration });
    }
    // Attach to analysts' roles or users: exactly the GET routes above, on this API only.
    const invokePolicy = new ManagedPolicy(this, 'QueryApiInvokePolicy', {
      description: 'Allows calling the strikewatch query API (read-only routes)',
      statements: [
        new PolicyStatement({
          actions: ['execute-api:Invoke'],
          resources: QUERY_ROUTES.map((path) => api.arnForExecuteApi('GET', path, stage.stageName)),
        }),
      ],
    });

    // ---- Alarms ----------------------------------------------------------------------------
    // A customer-managed key: CloudWatch cannot publish to a topic under the AWS-managed SNS key.
    const alarmKey = new Key(this, 'AlarmTopicKey', {
      description: 'Encrypts the strikewatch operators alarm topic',
      enableKeyRotation: true,
      // It encrypts nothing kept: alarm messages in flight. Deleted (after 7 days) with the stack.
      removalPolicy: RemovalPolicy.DESTROY,
      pendingWindow: Duration.days(7),
    });
    alarmKey.grant(
      new ServicePrincipal('cloudwatch.amazonaws.com'),
      'kms:Decrypt',
      'kms:GenerateDataKey*',
    );
    const alarmTopic = new Topic(this, 'AlarmTopic', {
      displayName: 'strikewatch alarms',
      masterKey: alarmKey,
      enforceSSL: true,
    });
    if (props.alarmEmail) alarmTopic.addSubscription(new EmailSubscription(props.alarmEmail));

    const functions = [pollFeeds, processArticle, sendAlerts, query];
    const alarms: Alarm[] = [articles.dlqAlarm, alerts.dlqAlarm];
    for (const fn of functions) {
      alarms.push(
        new Alarm(fn, 'ErrorsAlarm', {
          alarmDescription: `${fn.node.id} failed invocations (handlers report per-record failures, so an error here is a crash or timeout). Check its log group.`,
          metric: fn.metricErrors({ period: Duration.minutes(5), statistic: 'Sum' }),
          threshold: 1,
          comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
          evaluationPeriods: 1,
          treatMissingData: TreatMissingData.NOT_BREACHING,
        }),
        new Alarm(fn, 'ThrottlesAlarm', {
          alarmDescription: `${fn.node.id} throttled for 10 minutes: concurrency quota or reservation too small.`,
          metric: fn.metricThrottles({ period: Duration.minutes(5), statistic: 'Sum' }),
          threshold: 1,
          comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
          evaluationPeriods: 2,
          treatMissingData: TreatMissingData.NOT_BREACHING,
        }),
      );
    }

    const custom = (m: { service: string; name: string }, period = Duration.minutes(5)) =>
      new Metric({
        namespace: METRICS_NAMESPACE,
        metricName: m.name,
        dimensionsMap: { service: m.service },
        statistic: 'Sum',
        period,
      });
    // A rate, not a count: a few dead feeds out of fifty is normal, half of them failing is an
    // outage (egress, DNS, a blocked user agent).
    const feedFailureRate = new MathExpression({
      label: 'Feed failure rate (%)',
      expression: 'IF(polled > 0, 100 * FILL(failures, 0) / polled, 0)',
      usingMetrics: {
        polled: custom(CUSTOM_METRICS.feedsPolled, Duration.minutes(30)),
        failures: custom(CUSTOM_METRICS.feedFailures, Duration.minutes(30)),
      },
      period: Duration.minutes(30),
    });
    alarms.push(
      new Alarm(this, 'FeedFailureRateAlarm', {
        alarmDescription:
          'Over half of the feed polls failed for an hour. Check poll-feeds logs (FetchError codes) and the feeds.',
        metric: feedFailureRate,
        threshold: 50,
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 2,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
      new Alarm(this, 'DeliveryFailuresAlarm', {
        alarmDescription:
          'An alert delivery failed after all its attempts: a subscriber missed an alert. Check send-alerts logs and GET /alerts.',
        metric: custom(CUSTOM_METRICS.deliveryFailures, Duration.minutes(15)),
        threshold: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
    );
    const notify = new SnsAction(alarmTopic);
    for (const alarm of alarms) {
      alarm.addAlarmAction(notify);
      alarm.addOkAction(notify);
    }

    // ---- Dashboard -------------------------------------------------------------------------
    const dashboard = new Dashboard(this, 'Dashboard', {
      defaultInterval: Duration.days(1),
    });
    const perFunction = (label: string, metric: (fn: StrikewatchFunction) => Metric): GraphWidget =>
      new GraphWidget({
        title: label,
        left: functions.map((fn) => metric(fn).with({ label: fn.node.id })),
        width: 8,
      });
    dashboard.addWidgets(
      new TextWidget({
        markdown:
          '# strikewatch\nFeeds → article queue → process-article → alert queue → send-alerts. ' +
          'Runbook: README, operators guide, section Dashboard and alarms.',
        width: 24,
        height: 2,
      }),
    );
    dashboard.addWidgets(new AlarmStatusWidget({ title: 'Alarms', alarms, width: 24, height: 4 }));
    dashboard.addWidgets(
      new GraphWidget({
        title: 'Feeds polled / failed, articles queued',
        left: [
          custom(CUSTOM_METRICS.feedsPolled),
          custom(CUSTOM_METRICS.feedFailures),
          custom(CUSTOM_METRICS.articlesQueued),
        ],
        right: [feedFailureRate],
        width: 8,
      }),
      new GraphWidget({
        title: 'Article failures, alerts created',
        left: [custom(CUSTOM_METRICS.articleFailures), custom(CUSTOM_METRICS.alertsCreated)],
        width: 8,
      }),
      new GraphWidget({
        title: 'Alert deliveries sent / retried / failed',
        left: [
          custom(CUSTOM_METRICS.deliveriesSent),
          custom(CUSTOM_METRICS.deliveryRetries),
          custom(CUSTOM_METRICS.deliveryFailures),
        ],
        width: 8,
      }),
    );
    dashboard.addWidgets(
      perFunction('Invocations', (fn) => fn.metricInvocations({ statistic: 'Sum' })),
      perFunction('Errors', (fn) => fn.metricErrors({ statistic: 'Sum' })),
      perFunction('Duration p95 (ms)', (fn) => fn.metricDuration({ statistic: 'p95' })),
    );
    dashboard.addWidgets(
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
      perFunction('Throttles', (fn) => fn.metricThrottles({ statistic: 'Sum' })),
    );
    dashboard.addWidgets(
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
    );

    // ---- Outputs ---------------------------------------------------------------------------
    new CfnOutput(this, 'TableName', { value: table.tableName });
    new CfnOutput(this, 'QueryApiUrl', { value: api.apiEndpoint });
    new CfnOutput(this, 'QueryApiInvokePolicyArn', { value: invokePolicy.managedPolicyArn });
    new CfnOutput(this, 'AlarmTopicArn', { value: alarmTopic.topicArn });
    new CfnOutput(this, 'ArticleDlqUrl', { value: articles.deadLetterQueue.queueUrl });
    new CfnOutput(this, 'AlertDlqUrl', { value: alerts.deadLetterQueue.queueUrl });
    new CfnOutput(this, 'DashboardName', { value: dashboard.dashboardName });
  }
}
