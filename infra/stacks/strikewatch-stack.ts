import { CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import type { Config } from '../../shared/config/schema.ts';
import { ENV, sendsEmail } from '../../shared/contracts/function-env.ts';
import { type ArticleBatchSizing, articleBatchSizing } from '../config/article-batch-sizing.ts';
import { pollRateMinutes, slackWebhookSecretIds } from '../config/synth-config.ts';
import { EmailSending } from '../constructs/email-sending.ts';
import { OperationsDashboard } from '../constructs/operations-dashboard.ts';
import { OperatorAlarms } from '../constructs/operator-alarms.ts';
import { PipelineSchedules } from '../constructs/pipeline-schedules.ts';
import { QueryApi } from '../constructs/query-api.ts';
import { SlackWebhookSecrets } from '../constructs/slack-webhook-secrets.ts';
import { StrikewatchFunction } from '../constructs/strikewatch-function.ts';
import { StrikewatchTable } from '../constructs/strikewatch-table.ts';
import { WorkQueue } from '../constructs/work-queue.ts';

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

interface PipelineFunctions {
  readonly pollFeeds: StrikewatchFunction;
  readonly processArticle: StrikewatchFunction;
  readonly sendAlerts: StrikewatchFunction;
  readonly query: StrikewatchFunction;
}

/** A stack output: key, value and, for those an operator acts on, what to do. */
type Output = readonly [key: string, value: string, description?: string];

/** The queue needs 2 executions (the smallest SQS maxConcurrency) and the sweep one more. */
function checkedSendAlertsConcurrency(value: number): number {
  if (!Number.isInteger(value) || (value !== 0 && value < 3)) {
    throw new Error(
      `sendAlertsConcurrency must be 0 (no reservation) or an integer of at least 3, got ${value}`,
    );
  }
  return value;
}

/**
 * strikewatch in one stack: the data table, four functions, the queues and schedules between
 * them, the Slack secrets and SES, the analysts' query API, the operators' alarms and dashboard.
 */
export class StrikewatchStack extends Stack {
  constructor(scope: Construct, id: string, props: StrikewatchStackProps) {
    super(scope, id, props);
    const { config } = props;
    const logRetention = props.logRetention ?? RetentionDays.ONE_MONTH;
    const concurrency = checkedSendAlertsConcurrency(props.sendAlertsConcurrency ?? 3);
    const sizing = articleBatchSizing(config);

    const { table } = new StrikewatchTable(this, 'Data');
    const fns = this.createFunctions(config, { logRetention, concurrency, sizing });
    for (const fn of Object.values(fns)) fn.bindTable(table);
    const { articles, alerts } = this.createQueues(fns, { concurrency, sizing });
    new PipelineSchedules(this, 'Schedules', { ...fns, pollRateMinutes: pollRateMinutes(config) });

    const slack = new SlackWebhookSecrets(this, 'SlackWebhook', {
      secretIds: slackWebhookSecretIds(config),
    });
    slack.bindTo(fns.sendAlerts);
    const email =
      sendsEmail(config) && config.delivery.email
        ? new EmailSending(this, 'Email', {
            from: config.delivery.email.from,
            ...(props.sesIdentity ? { sesIdentity: props.sesIdentity } : {}),
          })
        : undefined;
    email?.bindTo(fns.sendAlerts);

    const queryApi = new QueryApi(this, 'QueryApi', { handler: fns.query, logRetention });
    const functions = [fns.pollFeeds, fns.processArticle, fns.sendAlerts, fns.query];
    const operator = new OperatorAlarms(this, 'Alarms', {
      functions,
      queues: [articles, alerts],
      alarmEmail: props.alarmEmail,
    });
    const { dashboard } = new OperationsDashboard(this, 'Dashboard', {
      functions,
      alarms: operator.alarms,
      feedFailureRate: operator.feedFailureRate,
      articles,
      alerts,
      api: queryApi.api,
      table,
    });

    this.addOutputs([
      ['TableName', table.tableName],
      ['QueryApiUrl', queryApi.api.apiEndpoint],
      ['QueryApiInvokePolicyArn', queryApi.invokePolicy.managedPolicyArn],
      ['AlarmTopicArn', operator.topic.topicArn],
      ['ArticleDlqUrl', articles.deadLetterQueue.queueUrl],
      ['AlertDlqUrl', alerts.deadLetterQueue.queueUrl],
      ['DashboardName', dashboard.dashboardName],
      ...slack.secrets
        .filter((s) => s.createdHere)
        .map(
          (s, i): Output => [
            `SlackWebhookSecretName${i}`,
            s.name,
            `Put the Slack webhook URL of ${s.id} in this secret`,
          ],
        ),
      ...(email
        ? [
            [
              'SesIdentityArn',
              email.identityArn,
              'Verify this SES identity before alerts can be emailed',
            ] as Output,
          ]
        : []),
    ]);
  }

  /** At the stack's top level, so that their keys are the plain names the README gives. */
  private addOutputs(outputs: readonly Output[]): void {
    for (const [key, value, description] of outputs) {
      new CfnOutput(this, key, { value, ...(description ? { description } : {}) });
    }
  }

  private createQueues(
    fns: PipelineFunctions,
    opts: { concurrency: number; sizing: ArticleBatchSizing },
  ): { articles: WorkQueue; alerts: WorkQueue } {
    const articles = new WorkQueue(this, 'ArticleQueue', {
      consumer: fns.processArticle,
      batchSize: opts.sizing.batchSize,
      maxBatchingWindow: Duration.seconds(5),
      // Bounds the parallel page fetches (and DynamoDB writes) after a burst of new items.
      maxConcurrency: 5,
      description: 'Article jobs',
    });
    fns.pollFeeds.bindQueue(articles.queue, ENV.articleQueueUrl);
    const alerts = new WorkQueue(this, 'AlertQueue', {
      consumer: fns.sendAlerts,
      batchSize: 10,
      // Below the reserved concurrency, leaving one execution for the sweep; SQS then never
      // pushes into throttling.
      ...(opts.concurrency > 0 ? { maxConcurrency: opts.concurrency - 1 } : {}),
      description: 'Alert nudges',
    });
    fns.processArticle.bindQueue(alerts.queue, ENV.alertQueueUrl);
    return { articles, alerts };
  }

  private createFunctions(
    config: Config,
    opts: { logRetention: RetentionDays; concurrency: number; sizing: ArticleBatchSizing },
  ): PipelineFunctions {
    const common = { config, logRetention: opts.logRetention };
    return {
      pollFeeds: new StrikewatchFunction(this, 'PollFeeds', {
        ...common,
        name: 'poll-feeds',
        description: 'Polls the configured feeds (conditional GET) and queues new items',
        memorySize: 512,
        // No longer than the poll interval (and at most 5 min), so two polls never overlap.
        timeout: Duration.minutes(Math.min(5, pollRateMinutes(config))),
      }),
      processArticle: new StrikewatchFunction(this, 'ProcessArticle', {
        ...common,
        name: 'process-article',
        description: 'Fetches and extracts queued articles, stores matches, creates deliveries',
        memorySize: 512,
        // A whole batch of worst-case pages fits (infra/config/article-batch-sizing.ts).
        timeout: Duration.seconds(opts.sizing.timeoutSeconds),
      }),
      sendAlerts: new StrikewatchFunction(this, 'SendAlerts', {
        ...common,
        name: 'send-alerts',
        description: 'Delivers pending alerts to Slack and email',
        memorySize: 256,
        timeout: Duration.minutes(1),
        ...(opts.concurrency > 0 ? { reservedConcurrentExecutions: opts.concurrency } : {}),
      }),
      query: new StrikewatchFunction(this, 'Query', {
        ...common,
        name: 'query',
        description: 'Read-only analyst queries behind the IAM-authorised HTTP API',
        memorySize: 256,
        timeout: Duration.seconds(10),
      }),
    };
  }
}
