import { Capture, Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { RETRY_AFTER_CAP_MS } from '../../shared/adapters/http/retries.ts';
import type { Config } from '../../shared/config/schema.ts';
import { ENV, ENV_NOT_FROM_STACK, requiredEnv } from '../../shared/contracts/function-env.ts';
import { FUNCTION_NAMES, type FunctionName } from '../../shared/contracts/functions.ts';
import { METRICS } from '../../shared/contracts/metrics.ts';
import { API_ROUTES } from '../../shared/contracts/query-kinds.ts';
import { SQS_MESSAGE_MAX_BYTES } from '../../shared/contracts/queues.ts';
import {
  SECRET_PLACEHOLDER_RANDOM_KEY,
  SECRET_PLACEHOLDER_TEMPLATE,
} from '../../shared/contracts/secrets.ts';
import { FUNCTION_TABLE_ACCESS, TABLE_ACTIONS } from '../../shared/contracts/table-access.ts';
import { synthStack } from './synth.ts';

type Resources = Record<string, { Type: string; Properties: Record<string, unknown> }>;

let template: Template;
let resources: Resources;
let config: Config;
const ROUTES = API_ROUTES;
const PREFIX: Record<FunctionName, string> = {
  'poll-feeds': 'PollFeeds',
  'process-article': 'ProcessArticle',
  'send-alerts': 'SendAlerts',
  query: 'Query',
};

/** Logical id of the one resource of `type` whose logical id starts with `prefix`. */
function logicalId(type: string, prefix: string): string {
  const ids = Object.keys(template.findResources(type)).filter((id) => id.startsWith(prefix));
  expect(ids, `${type} ${prefix}*`).toHaveLength(1);
  return ids[0] as string;
}

const getAtt = (id: string, attr = 'Arn') => ({ 'Fn::GetAtt': [id, attr] });

/** The statements of the default policy of a function's role. */
function statementsOf(fnPrefix: string): Record<string, unknown>[] {
  const policyId = logicalId('AWS::IAM::Policy', `${fnPrefix}RoleDefaultPolicy`);
  const doc = resources[policyId]?.Properties.PolicyDocument as {
    Statement: Record<string, unknown>[];
  };
  return doc.Statement;
}

/** The properties of a function's Lambda resource. */
function functionProps(name: FunctionName): Record<string, unknown> {
  return resources[logicalId('AWS::Lambda::Function', PREFIX[name])]?.Properties ?? {};
}

/** Every action a statement list grants, flattened. */
const actionsOf = (statements: Record<string, unknown>[]) =>
  statements.flatMap((s) => ([] as unknown[]).concat(s.Action) as string[]);

beforeAll(() => {
  ({ template, config } = synthStack());
  resources = template.toJSON().Resources as Resources;
});

describe('data table', () => {
  it('has the keys, GSIs and TTL the adapter relies on', () => {
    template.resourceCountIs('AWS::DynamoDB::Table', 1);
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      BillingMode: 'PAY_PER_REQUEST',
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      GlobalSecondaryIndexes: [
        Match.objectLike({
          IndexName: 'gsi1',
          KeySchema: [
            { AttributeName: 'gsi1pk', KeyType: 'HASH' },
            { AttributeName: 'gsi1sk', KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        }),
        Match.objectLike({
          IndexName: 'gsi2',
          KeySchema: [
            { AttributeName: 'gsi2pk', KeyType: 'HASH' },
            { AttributeName: 'gsi2sk', KeyType: 'RANGE' },
          ],
        }),
      ],
      AttributeDefinitions: Match.arrayWith([
        { AttributeName: 'pk', AttributeType: 'S' },
        { AttributeName: 'gsi2sk', AttributeType: 'S' },
      ]),
    });
  });

  it('survives mistakes and stack deletion: PITR, deletion protection, RETAIN', () => {
    template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({
        DeletionProtectionEnabled: true,
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        SSESpecification: { SSEEnabled: true },
      }),
    });
  });
});

describe('functions', () => {
  it('are four Node.js 22 arm64 ESM bundles with handler index.handler and active tracing', () => {
    template.resourceCountIs('AWS::Lambda::Function', 4);
    const fns = template.findResources('AWS::Lambda::Function');
    for (const fn of Object.values(fns)) {
      expect(fn.Properties).toMatchObject({
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        Handler: 'index.handler',
        TracingConfig: { Mode: 'Active' },
        LoggingConfig: { LogGroup: { Ref: expect.any(String) } },
        Environment: {
          Variables: {
            TABLE_NAME: { Ref: logicalId('AWS::DynamoDB::Table', 'Data') },
            POWERTOOLS_METRICS_NAMESPACE: 'strikewatch',
            POWERTOOLS_SERVICE_NAME: expect.stringMatching(/^[a-z-]+$/),
            LOG_LEVEL: 'INFO',
          },
        },
      });
    }
  });

  it('each writes to its own log group with a retention', () => {
    template.resourceCountIs('AWS::Logs::LogGroup', 5); // 4 functions + API access logs
    for (const prefix of ['PollFeeds', 'ProcessArticle', 'SendAlerts', 'Query']) {
      const logs = logicalId('AWS::Logs::LogGroup', `${prefix}Logs`);
      expect(resources[logs]?.Properties.RetentionInDays).toBe(30);
      template.hasResourceProperties('AWS::Lambda::Function', {
        Environment: { Variables: Match.objectLike({ POWERTOOLS_SERVICE_NAME: Match.anyValue() }) },
        LoggingConfig: { LogGroup: { Ref: logs } },
      });
      expect(statementsOf(prefix)).toContainEqual({
        Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        Effect: 'Allow',
        Resource: getAtt(logs),
      });
    }
  });

  it('get no AWS-managed policies (no account-wide log access)', () => {
    const roles = template.findResources('AWS::IAM::Role');
    for (const role of Object.values(roles)) {
      expect(role.Properties.ManagedPolicyArns).toBeUndefined();
    }
  });

  it("set every variable each function's env schema requires, and nothing it does not read", () => {
    const managed = [
      'POWERTOOLS_SERVICE_NAME',
      'POWERTOOLS_METRICS_NAMESPACE',
      'LOG_LEVEL',
      'NODE_OPTIONS',
    ];
    for (const name of FUNCTION_NAMES) {
      const env = (functionProps(name).Environment as { Variables: Record<string, unknown> })
        .Variables;
      const required = requiredEnv(name).filter((v) => !ENV_NOT_FROM_STACK.includes(v));
      expect(Object.keys(env), name).toEqual(expect.arrayContaining(required));
      const schema = new Set<string>([...requiredEnv(name), ...Object.values(ENV)]);
      for (const key of Object.keys(env)) {
        if (managed.includes(key)) continue;
        expect(schema.has(key), `${name} sets ${key}`).toBe(true);
      }
    }
    // The queue URLs are required only where they are read.
    expect(requiredEnv('poll-feeds')).toContain(ENV.articleQueueUrl);
    expect(requiredEnv('process-article')).toContain(ENV.alertQueueUrl);
    expect(requiredEnv('query')).not.toContain(ENV.articleQueueUrl);
  });

  it('pass each function its queue URLs', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: Match.objectLike({
          POWERTOOLS_SERVICE_NAME: 'poll-feeds',
          ARTICLE_QUEUE_URL: { Ref: logicalId('AWS::SQS::Queue', 'ArticleQueueWork') },
        }),
      },
    });
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: Match.objectLike({
          POWERTOOLS_SERVICE_NAME: 'process-article',
          ALERT_QUEUE_URL: { Ref: logicalId('AWS::SQS::Queue', 'AlertQueueWork') },
        }),
      },
    });
  });

  it('reserve concurrency for send-alerts only, to protect Slack and SES', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ POWERTOOLS_SERVICE_NAME: 'send-alerts' }) },
      ReservedConcurrentExecutions: 3,
    });
    const reserved = Object.values(template.findResources('AWS::Lambda::Function')).filter(
      (f) => f.Properties.ReservedConcurrentExecutions !== undefined,
    );
    expect(reserved).toHaveLength(1);
  });
});

describe('IAM is scoped to the resources each function uses', () => {
  it('query can only read the table (and its indexes)', () => {
    const table = logicalId('AWS::DynamoDB::Table', 'Data');
    const actions = new Capture();
    expect(statementsOf('Query')).toContainEqual(
      expect.objectContaining({
        Resource: [getAtt(table), { 'Fn::Join': ['', [getAtt(table), '/index/*']] }],
      }),
    );
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyName: Match.stringLikeRegexp('^QueryRoleDefaultPolicy'),
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Action: actions, Resource: Match.arrayWith([getAtt(table)]) }),
        ]),
      },
    });
    const granted = actions.asArray() as string[];
    expect(granted).toEqual(expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:Query']));
    for (const write of ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem']) {
      expect(granted).not.toContain(write);
    }
  });

  it('grant each function exactly the table operations the code issues: no Scan, DeleteItem or stream reads', () => {
    const table = logicalId('AWS::DynamoDB::Table', 'Data');
    for (const name of FUNCTION_NAMES) {
      const onTable = statementsOf(PREFIX[name]).filter((s) =>
        JSON.stringify(s.Resource).includes(table),
      );
      const granted = actionsOf(onTable).filter((a) => a.startsWith('dynamodb:'));
      expect(granted.sort(), name).toEqual([...TABLE_ACTIONS[FUNCTION_TABLE_ACCESS[name]]].sort());
    }
    const everything = Object.values(template.findResources('AWS::IAM::Policy')).flatMap((p) =>
      actionsOf(p.Properties.PolicyDocument.Statement as Record<string, unknown>[]),
    );
    for (const unused of [
      'dynamodb:Scan',
      'dynamodb:DeleteItem',
      'dynamodb:GetRecords',
      'dynamodb:GetShardIterator',
      'dynamodb:DescribeStream',
      'dynamodb:ListStreams',
      'dynamodb:DescribeTable',
      'dynamodb:ConditionCheckItem',
    ]) {
      expect(everything).not.toContain(unused);
    }
  });

  it('poll-feeds sends to the article queue only; process-article consumes it', () => {
    const articleQueue = logicalId('AWS::SQS::Queue', 'ArticleQueueWork');
    expect(statementsOf('PollFeeds')).toContainEqual(
      expect.objectContaining({
        Action: expect.arrayContaining(['sqs:SendMessage']),
        Resource: getAtt(articleQueue),
      }),
    );
    expect(statementsOf('ProcessArticle')).toContainEqual(
      expect.objectContaining({
        Action: expect.arrayContaining(['sqs:ReceiveMessage', 'sqs:DeleteMessage']),
        Resource: getAtt(articleQueue),
      }),
    );
  });

  it('send-alerts reads exactly the Slack webhook secret, and is told its ARN', () => {
    const secret = logicalId('AWS::SecretsManager::Secret', 'SlackWebhookSecret0');
    const env = (functionProps('send-alerts').Environment as { Variables: Record<string, unknown> })
      .Variables;
    expect(JSON.stringify(env[ENV.slackWebhookSecrets])).toContain(`{"Ref":"${secret}"}`);
    expect(JSON.stringify(env[ENV.slackWebhookSecrets])).toContain('slack/analysts');
    const secretStatements = statementsOf('SendAlerts').filter((s) =>
      JSON.stringify(s.Action).includes('secretsmanager:'),
    );
    expect(secretStatements).toEqual([
      {
        Action: ['secretsmanager:DescribeSecret', 'secretsmanager:GetSecretValue'],
        Effect: 'Allow',
        Resource: { Ref: secret },
      },
    ]);
    for (const other of ['PollFeeds', 'ProcessArticle', 'Query']) {
      expect(JSON.stringify(statementsOf(other))).not.toContain('secretsmanager:');
    }
  });

  it('send-alerts may send email only from the SES identity with the configuration set', () => {
    const configSet = logicalId('AWS::SES::ConfigurationSet', 'EmailConfigurationSet');
    expect(statementsOf('SendAlerts')).toContainEqual({
      Action: 'ses:SendEmail',
      Effect: 'Allow',
      Resource: [
        'arn:aws:ses:eu-west-1:123456789012:identity/example.org',
        {
          'Fn::Join': [
            '',
            ['arn:aws:ses:eu-west-1:123456789012:configuration-set/', { Ref: configSet }],
          ],
        },
      ],
    });
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: Match.objectLike({
          POWERTOOLS_SERVICE_NAME: 'send-alerts',
          SES_CONFIGURATION_SET: { Ref: configSet },
          SES_FROM_IDENTITY_ARN: 'arn:aws:ses:eu-west-1:123456789012:identity/example.org',
        }),
      },
    });
  });

  it('only X-Ray, which has no resource-level permissions, is granted on "*"', () => {
    for (const policy of Object.values(template.findResources('AWS::IAM::Policy'))) {
      for (const s of policy.Properties.PolicyDocument.Statement as Record<string, unknown>[]) {
        if (s.Resource !== '*') continue;
        expect(s.Action).toEqual(['xray:PutTelemetryRecords', 'xray:PutTraceSegments']);
      }
    }
  });

  it('no statement grants a wildcard action', () => {
    for (const policy of Object.values(template.findResources('AWS::IAM::Policy'))) {
      for (const s of policy.Properties.PolicyDocument.Statement as { Action: unknown }[]) {
        const actions = ([] as unknown[]).concat(s.Action) as string[];
        expect(actions.filter((a) => a.endsWith(':*') || a === '*')).toEqual([]);
      }
    }
  });
});

describe('Slack webhook secrets', () => {
  it("are named after the stack and start as the contract's placeholder, generated by AWS", () => {
    template.hasResourceProperties('AWS::SecretsManager::Secret', {
      Name: 'strikewatch-test/slack/analysts',
      GenerateSecretString: {
        SecretStringTemplate: SECRET_PLACEHOLDER_TEMPLATE,
        GenerateStringKey: SECRET_PLACEHOLDER_RANDOM_KEY,
        ExcludePunctuation: true,
      },
      SecretString: Match.absent(),
    });
  });

  it('a second stack in the same account gets secrets of its own', () => {
    const other = synthStack({ stackName: 'strikewatch-staging' }).template;
    other.hasResourceProperties('AWS::SecretsManager::Secret', {
      Name: 'strikewatch-staging/slack/analysts',
    });
  });
});

describe('queues', () => {
  it('each has a DLQ after 3 receives and a visibility timeout of 6x its consumer timeout', () => {
    for (const [prefix, consumer] of [
      ['ArticleQueue', 'process-article'],
      ['AlertQueue', 'send-alerts'],
    ] as const) {
      const dlq = logicalId('AWS::SQS::Queue', `${prefix}Dlq`);
      template.hasResourceProperties('AWS::SQS::Queue', {
        VisibilityTimeout: (functionProps(consumer).Timeout as number) * 6,
        SqsManagedSseEnabled: true,
        RedrivePolicy: { deadLetterTargetArn: getAtt(dlq), maxReceiveCount: 3 },
      });
      expect(resources[dlq]?.Properties).toMatchObject({ MessageRetentionPeriod: 14 * 86_400 });
    }
    template.resourceCountIs('AWS::SQS::Queue', 4);
  });

  it('take messages up to the size the SQS adapter enforces (256 KiB), queues and DLQs alike', () => {
    expect(SQS_MESSAGE_MAX_BYTES).toBe(262_144);
    template.allResourcesProperties('AWS::SQS::Queue', {
      MaximumMessageSize: SQS_MESSAGE_MAX_BYTES,
    });
  });

  it('refuse requests without TLS', () => {
    template.resourceCountIs('AWS::SQS::QueuePolicy', 4);
    for (const policy of Object.values(template.findResources('AWS::SQS::QueuePolicy'))) {
      expect(policy.Properties.PolicyDocument.Statement).toContainEqual(
        expect.objectContaining({
          Effect: 'Deny',
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        }),
      );
    }
  });

  it('feed their consumers with partial batch failure reporting', () => {
    template.resourceCountIs('AWS::Lambda::EventSourceMapping', 2);
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: getAtt(logicalId('AWS::SQS::Queue', 'ArticleQueueWork')),
      FunctionName: { Ref: logicalId('AWS::Lambda::Function', 'ProcessArticle') },
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: getAtt(logicalId('AWS::SQS::Queue', 'AlertQueueWork')),
      FunctionName: { Ref: logicalId('AWS::Lambda::Function', 'SendAlerts') },
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      // Below the reserved concurrency of 3: SQS never pushes send-alerts into throttling.
      ScalingConfig: { MaximumConcurrency: 2 },
    });
  });
});

describe('process-article sizing', () => {
  it('fits a whole batch of worst-case pages in its timeout', () => {
    const mapping = Object.values(template.findResources('AWS::Lambda::EventSourceMapping')).find(
      (m) =>
        JSON.stringify(m.Properties.FunctionName).includes(
          logicalId('AWS::Lambda::Function', 'ProcessArticle'),
        ),
    );
    const batchSize = mapping?.Properties.BatchSize as number;
    const timeout = functionProps('process-article').Timeout as number;
    const { network, extraction } = config;
    // Fetches run in parallel; extractions share one worker, up to two per record (the page, then
    // the feed content), each under extraction.timeoutMs.
    const fetch = (network.retries + 1) * network.timeoutMs + network.retries * RETRY_AFTER_CAP_MS;
    expect(timeout * 1000).toBeGreaterThanOrEqual(fetch + batchSize * 2 * extraction.timeoutMs);
    expect(batchSize).toBeGreaterThanOrEqual(1);
    // Within the 5-minute article lease, and the queue waits 6x as long before redelivering.
    expect(timeout).toBeLessThanOrEqual(300);
  });
});

describe('schedules', () => {
  it('poll feeds at the smallest feed interval of the config', () => {
    template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(10 minutes)',
      Targets: [Match.objectLike({ Arn: getAtt(logicalId('AWS::Lambda::Function', 'PollFeeds')) })],
    });
  });

  it('sweep pending deliveries every 5 minutes', () => {
    template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(5 minutes)',
      Targets: [
        Match.objectLike({ Arn: getAtt(logicalId('AWS::Lambda::Function', 'SendAlerts')) }),
      ],
    });
  });

  it('do not retry asynchronously: the next tick redoes the work', () => {
    template.resourceCountIs('AWS::Lambda::EventInvokeConfig', 2);
    template.allResourcesProperties('AWS::Lambda::EventInvokeConfig', {
      MaximumRetryAttempts: 0,
    });
  });
});

describe('query API', () => {
  it('has one IAM-authorised GET route per query, all on the query function', () => {
    template.resourceCountIs('AWS::ApiGatewayV2::Route', ROUTES.length);
    for (const path of ROUTES) {
      template.hasResourceProperties('AWS::ApiGatewayV2::Route', {
        RouteKey: `GET ${path}`,
        AuthorizationType: 'AWS_IAM',
      });
    }
    template.allResourcesProperties('AWS::ApiGatewayV2::Integration', {
      IntegrationType: 'AWS_PROXY',
      IntegrationUri: getAtt(logicalId('AWS::Lambda::Function', 'Query')),
    });
  });

  it('throttles every route and writes access logs', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      DefaultRouteSettings: { ThrottlingRateLimit: 10, ThrottlingBurstLimit: 20 },
      AccessLogSettings: {
        DestinationArn: getAtt(logicalId('AWS::Logs::LogGroup', 'QueryApiAccessLogs')),
        Format: Match.stringLikeRegexp('\\$context\\.identity\\.userArn'),
      },
    });
  });

  it('comes with a policy analysts can be given: invoke on exactly these routes', () => {
    const resources = new Capture();
    template.hasResourceProperties('AWS::IAM::ManagedPolicy', {
      PolicyDocument: {
        Statement: [{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: resources }],
      },
    });
    const arns = (resources.asArray() as { 'Fn::Join': [string, unknown[]] }[]).map(
      (r) => r['Fn::Join'][1].at(-1) as string,
    );
    expect(arns.sort()).toEqual(ROUTES.map((p) => `/$default/GET${p}`).sort());
  });
});

describe('operations', () => {
  it('has 13 alarms, all notifying the operators topic on alarm and recovery', () => {
    // 2 DLQs + errors and throttles of 4 functions + feed failure rate + delivery failures +
    // deliveries waiting for a Slack secret.
    template.resourceCountIs('AWS::CloudWatch::Alarm', 13);
    const topic = { Ref: logicalId('AWS::SNS::Topic', 'AlarmsTopic') };
    template.allResourcesProperties('AWS::CloudWatch::Alarm', {
      AlarmActions: [topic],
      OKActions: [topic],
    });
  });

  it('alarms when anything reaches a dead-letter queue', () => {
    for (const prefix of ['ArticleQueueDlq', 'AlertQueueDlq']) {
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        Namespace: 'AWS/SQS',
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Dimensions: [
          { Name: 'QueueName', Value: getAtt(logicalId('AWS::SQS::Queue', prefix), 'QueueName') },
        ],
        ComparisonOperator: 'GreaterThanThreshold',
        Threshold: 0,
      });
    }
  });

  it('alarms when deliveries wait for a Slack secret the operator has not put', () => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'strikewatch',
      MetricName: METRICS.deliveriesAwaitingSecret.name,
      Dimensions: [{ Name: 'service', Value: 'send-alerts' }],
      Threshold: 1,
      AlarmDescription: Match.stringLikeRegexp('put the webhook URL'),
    });
  });

  it('alarms on the Powertools feed-failure rate and on failed deliveries', () => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Threshold: 50,
      Metrics: Match.arrayWith([
        Match.objectLike({ Expression: Match.stringLikeRegexp('failures') }),
        Match.objectLike({
          Id: 'failures',
          MetricStat: Match.objectLike({
            Metric: {
              Namespace: 'strikewatch',
              MetricName: 'FeedFailures',
              Dimensions: [{ Name: 'service', Value: 'poll-feeds' }],
            },
          }),
        }),
      ]),
    });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'strikewatch',
      MetricName: 'DeliveryFailures',
      Dimensions: [{ Name: 'service', Value: 'send-alerts' }],
      Threshold: 1,
    });
  });

  it('alarms on errors and throttles of every function', () => {
    for (const prefix of ['PollFeeds', 'ProcessArticle', 'SendAlerts', 'Query']) {
      const fn = {
        Name: 'FunctionName',
        Value: { Ref: logicalId('AWS::Lambda::Function', prefix) },
      };
      for (const metric of ['Errors', 'Throttles']) {
        template.hasResourceProperties('AWS::CloudWatch::Alarm', {
          Namespace: 'AWS/Lambda',
          MetricName: metric,
          Dimensions: [fn],
        });
      }
    }
  });

  it('the alarm topic lets CloudWatch alarms of this account publish to it', () => {
    const topic = { Ref: logicalId('AWS::SNS::Topic', 'AlarmsTopic') };
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      Topics: [topic],
      PolicyDocument: {
        Statement: Match.arrayWith([
          {
            Sid: 'AllowCloudWatchAlarmsOfThisAccount',
            Effect: 'Allow',
            Principal: { Service: 'cloudwatch.amazonaws.com' },
            Action: 'sns:Publish',
            Resource: topic,
            Condition: {
              StringEquals: { 'aws:SourceAccount': '123456789012' },
              ArnLike: { 'aws:SourceArn': 'arn:aws:cloudwatch:eu-west-1:123456789012:alarm:*' },
            },
          },
        ]),
      },
    });
    // Only the one topic policy, holding both the TLS Deny and this Allow.
    template.resourceCountIs('AWS::SNS::TopicPolicy', 1);
  });

  it('the alarm topic is encrypted, TLS-only, and mails the operator', () => {
    template.hasResourceProperties('AWS::SNS::Topic', {
      KmsMasterKeyId: getAtt(logicalId('AWS::KMS::Key', 'AlarmsTopicKey')),
    });
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Deny',
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          }),
        ]),
      },
    });
    template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'ops@example.org',
    });
    // CloudWatch must be able to use the key, or alarm notifications are silently dropped.
    template.hasResourceProperties('AWS::KMS::Key', {
      EnableKeyRotation: true,
      KeyPolicy: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Principal: { Service: 'cloudwatch.amazonaws.com' },
            Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
            Condition: Match.objectLike({ StringEquals: { 'aws:SourceAccount': '123456789012' } }),
          }),
        ]),
      },
    });
  });

  it('has a dashboard with the pipeline, function, queue and API widgets', () => {
    const body = new Capture();
    template.hasResourceProperties('AWS::CloudWatch::Dashboard', { DashboardBody: body });
    const text = JSON.stringify(body.asObject());
    for (const expected of [
      'FeedFailures',
      'ArticlesQueued',
      'AlertsCreated',
      'DeliveryFailures',
      'ApproximateNumberOfMessagesVisible',
      'AWS/Lambda',
      'AWS/ApiGateway',
      'ConsumedWriteCapacityUnits',
      'alarm',
    ]) {
      expect(text).toContain(expected);
    }
  });
});

describe('contract with the handlers', () => {
  // That each handler emits these is checked by running it: test/integration/handlers.test.ts.
  it('the alarms and dashboard read exactly the contract metrics', () => {
    const body = new Capture();
    template.hasResourceProperties('AWS::CloudWatch::Dashboard', { DashboardBody: body });
    // The body is JSON text joined with tokens: its literal parts, tokens left out.
    const parts = (body.asObject() as { 'Fn::Join': [string, unknown[]] })['Fn::Join'][1];
    const charted = parts.filter((p): p is string => typeof p === 'string').join('');
    const alarmed = JSON.stringify(template.findResources('AWS::CloudWatch::Alarm'));
    for (const { service, name } of Object.values(METRICS)) {
      expect(charted, name).toContain(`"${name}","service","${service}"`);
    }
    const names = new Set<string>(Object.values(METRICS).map((m) => m.name));
    const inNamespace = [...charted.matchAll(/"strikewatch","(\w+)"/g)].map((m) => m[1]);
    for (const name of inNamespace) expect(names.has(name ?? ''), name).toBe(true);
    for (const name of [
      'FeedFailures',
      'FeedsPolled',
      'DeliveryFailures',
      'DeliveriesAwaitingSecret',
    ]) {
      expect(alarmed).toContain(`"${name}"`);
    }
  });
});
