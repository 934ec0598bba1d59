import type {
  APIGatewayProxyEventV2,
  APIGatewayProxyStructuredResultV2,
  SQSBatchResponse,
  SQSEvent,
  SQSRecord,
} from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it, type MockInstance, vi } from 'vitest';
import { createDynamoDbStore } from '../../shared/adapters/dynamodb/dynamodb-store.ts';
import { ENV } from '../../shared/contracts/function-env.ts';
import type { FunctionName } from '../../shared/contracts/functions.ts';
import { METRICS } from '../../shared/contracts/metrics.ts';
import {
  SECRET_PLACEHOLDER_RANDOM_KEY,
  SECRET_PLACEHOLDER_TEMPLATE,
} from '../../shared/contracts/secrets.ts';
import { FUNCTION_TABLE_ACCESS, TABLE_ACTIONS } from '../../shared/contracts/table-access.ts';
import {
  duplicates,
  type Harness,
  slackAlertIds,
  startHarness,
} from '../../testkit/pipeline-harness.ts';
import {
  type AwsJsonServer,
  type SqsServer,
  startSecretsManagerServer,
  startSqsServer,
} from '../helpers/aws-json-server.ts';
import {
  JUNE_2017_ROWS,
  replayFaKesThroughModel,
  storeReplay,
} from '../helpers/fa-kes-incidents.ts';
import { type FaultyProxy, startFaultyDynamoProxy } from '../helpers/faulty-dynamo-proxy.ts';

// The Lambda handlers, each built by its own cold start from the environment the stack sets, run
// against dynalite (behind a proxy that records every DynamoDB operation), a loopback SQS and a
// loopback Secrets Manager speaking the AWS JSON protocols, and loopback feeds and Slack, with
// realistic events: a schedule, SQS batches with a poisoned record, API Gateway HTTP requests.
// Messages the handlers queue are read from the SQS server and fed to the next handler.

type Handlers = {
  pollFeeds: typeof import('../../functions/poll-feeds/handler.ts').handler;
  processArticle: typeof import('../../functions/process-article/handler.ts').handler;
  sendAlerts: typeof import('../../functions/send-alerts/handler.ts').handler;
  query: typeof import('../../functions/query/handler.ts').handler;
};

function sqsEvent(bodies: string[]): SQSEvent {
  return {
    Records: bodies.map(
      (body, i): SQSRecord => ({
        messageId: `m-${i}`,
        receiptHandle: `r-${i}`,
        body,
        attributes: {
          ApproximateReceiveCount: '1',
          SentTimestamp: String(Date.now()),
          SenderId: 'AIDAEXAMPLE',
          ApproximateFirstReceiveTimestamp: String(Date.now()),
        },
        messageAttributes: {},
        md5OfBody: '',
        eventSource: 'aws:sqs',
        eventSourceARN: 'arn:aws:sqs:us-east-1:123456789012:strikewatch-articles',
        awsRegion: 'us-east-1',
      }),
    ),
  };
}

function httpEvent(path: string, params: Record<string, string> = {}): APIGatewayProxyEventV2 {
  return {
    version: '2.0',
    routeKey: `GET ${path}`,
    rawPath: path,
    rawQueryString: new URLSearchParams(params).toString(),
    headers: { host: 'api.example.com' },
    queryStringParameters: Object.keys(params).length ? params : undefined,
    isBase64Encoded: false,
    requestContext: {
      accountId: '123456789012',
      apiId: 'api',
      domainName: 'api.example.com',
      domainPrefix: 'api',
      http: { method: 'GET', path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'test' },
      requestId: 'req',
      routeKey: `GET ${path}`,
      stage: '$default',
      time: '',
      timeEpoch: Date.now(),
    },
  };
}

const scheduled = { source: 'aws.scheduler', 'detail-type': 'Scheduled Event', detail: {} };
const OPS_SECRET_ARN =
  'arn:aws:secretsmanager:us-east-1:123456789012:secret:strikewatch/slack/ops-AbCdEf';

describe('Lambda handlers on dynalite and loopback servers', () => {
  let h: Harness;
  let dynamo: FaultyProxy;
  let sqs: SqsServer;
  let secretsManager: AwsJsonServer;
  let fn: Handlers;
  let addMetric: MockInstance;
  let publish: MockInstance;
  const saved = { ...process.env };
  /** DynamoDB operations and custom metrics seen per function. */
  const operations = new Map<FunctionName, Set<string>>();
  const emitted = new Map<FunctionName, Set<string>>();

  /** Runs one handler call, noting the DynamoDB operations and metrics it made. */
  async function recorded<T>(name: FunctionName, call: () => Promise<T>): Promise<T> {
    const before = new Map(dynamo.calls);
    addMetric.mockClear();
    try {
      return await call();
    } finally {
      for (const [op, n] of dynamo.calls) {
        if (n > (before.get(op) ?? 0))
          operations.set(name, (operations.get(name) ?? new Set()).add(op));
      }
      for (const [metric] of addMetric.mock.calls) {
        emitted.set(name, (emitted.get(name) ?? new Set()).add(String(metric)));
      }
    }
  }

  beforeAll(async () => {
    h = await startHarness({
      config: (base) => ({
        ...base,
        subscribers: [{ id: 'analysts-slack', slack: { webhookUrl: 'http://127.0.0.1:1/unused' } }],
        delivery: { maxAttempts: 3, backoffMs: 10 },
      }),
    });
    const tableName = 'strikewatch-handlers';
    await createDynamoDbStore({ client: h.dynamo.client, tableName }).table.ensureTable();
    dynamo = await startFaultyDynamoProxy(h.dynamo.endpoint);
    sqs = await startSqsServer();
    // The secret of a Slack subscriber whose webhook URL the operator has not put yet.
    const placeholder = JSON.stringify({
      ...(JSON.parse(SECRET_PLACEHOLDER_TEMPLATE) as object),
      [SECRET_PLACEHOLDER_RANDOM_KEY]: 'Qx7aP2',
    });
    secretsManager = await startSecretsManagerServer(new Map([[OPS_SECRET_ARN, placeholder]]));
    const siteOrigin = new URL(h.config.feeds[0]?.url ?? '').origin;
    Object.assign(process.env, {
      [ENV.tableName]: tableName,
      [ENV.dynamodbEndpoint]: dynamo.endpoint,
      [ENV.articleQueueUrl]: sqs.queueUrl('articles'),
      [ENV.alertQueueUrl]: sqs.queueUrl('alerts'),
      [ENV.slackWebhookSecrets]: JSON.stringify({ 'slack/ops': OPS_SECRET_ARN }),
      // The SDKs' own endpoint overrides: the adapters and clients are the production ones.
      AWS_ENDPOINT_URL_SQS: sqs.endpoint,
      AWS_ENDPOINT_URL_SECRETS_MANAGER: secretsManager.endpoint,
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      POWERTOOLS_LOG_LEVEL: 'SILENT',
      POWERTOOLS_METRICS_DISABLED: 'true',
      POWERTOOLS_TRACE_ENABLED: 'false',
      POWERTOOLS_DEV: 'true',
      STRIKEWATCH_CONFIG: JSON.stringify({
        feeds: [...h.config.feeds, { id: 'gone', url: `${siteOrigin}/no-such-feed.xml` }],
        subscribers: [
          { id: 'analysts-slack', slack: { webhookUrl: h.slack.url() } },
          { id: 'ops-slack', slack: { webhookUrlSecret: 'slack/ops' } },
        ],
        delivery: { maxAttempts: 3, backoffMs: 10, timeoutMs: 5000 },
        network: { allowPrivateHosts: h.config.network.allowPrivateHosts, retries: 1 },
      }),
    });
    // Each handler builds its runtime as it loads (its cold start): after the environment is set.
    fn = {
      pollFeeds: (await import('../../functions/poll-feeds/handler.ts')).handler,
      processArticle: (await import('../../functions/process-article/handler.ts')).handler,
      sendAlerts: (await import('../../functions/send-alerts/handler.ts')).handler,
      query: (await import('../../functions/query/handler.ts')).handler,
    };
    const { metrics } = await import('../../functions/commons/powertools.ts');
    addMetric = vi.spyOn(metrics, 'addMetric');
    publish = vi.spyOn(metrics, 'publishStoredMetrics');
  });

  afterAll(async () => {
    process.env = saved;
    const { extractor } = await import(
      '../../functions/process-article/start-extraction-worker.ts'
    );
    await extractor.close();
    await Promise.all([dynamo.close(), sqs.close(), secretsManager.close()]);
    await h.close();
  });

  it('poll-feeds (scheduled event) queues one job per new item, and logs why a feed failed', async () => {
    const { logger } = await import('../../functions/commons/powertools.ts');
    logger.setLogLevel('WARN');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const result = await recorded('poll-feeds', () => fn.pollFeeds({ ...scheduled, id: 'e1' }));
      // The demo's feeds and one that is gone.
      expect(result).toMatchObject({
        feeds: h.site.feeds.length + 1,
        failed: 1,
        queued: h.pages.length,
      });
      const lines = warn.mock.calls.map(
        ([line]) => JSON.parse(String(line)) as Record<string, unknown>,
      );
      const failure = lines.find((l) => l.message === 'feed poll failed');
      // The error text is kept: Powertools drops a `message` attribute, the port renames it.
      expect(failure).toMatchObject({
        feedId: 'gone',
        code: 'http_status',
        reason: expect.stringMatching(/HTTP 404/),
      });
      expect(lines.some((l) => String(l.message).includes('reserved key'))).toBe(false);
    } finally {
      warn.mockRestore();
      logger.setLogLevel('SILENT');
    }
    expect(sqs.messages('articles')).toHaveLength(h.pages.length);
  });

  it('process-article reports only the poisoned record as failed, counts the unreadable one, and nudges the alert queue', async () => {
    // An article whose page is gone and whose item has no text: recorded and counted as an
    // article failure, but its record is done (retrying would not bring the page back).
    const gone = `${new URL(h.config.feeds[0]?.url ?? '').origin}/no-such-article.html`;
    const unreadable = JSON.stringify({
      feedId: 'gone',
      outlet: 'Gone',
      articleId: 'f'.repeat(32),
      url: gone,
      canonicalUrl: gone,
      item: { guid: null, link: gone, title: 'Gone', publishedAt: null, content: null },
    });
    const bodies = [...sqs.drain('articles'), unreadable, '{"not":"a job"}'];
    const result = await recorded('process-article', () => fn.processArticle(sqsEvent(bodies)));
    expect(result.batchItemFailures).toEqual([{ itemIdentifier: `m-${bodies.length - 1}` }]);
    expect(addMetric).toHaveBeenCalledWith(METRICS.articleFailures.name, 'Count', 1);
    expect(sqs.messages('alerts').length).toBeGreaterThan(0);
  });

  it('process-article: a batch whose every record fails is a partial response, not an invocation error', async () => {
    publish.mockClear();
    const result = await recorded('process-article', () =>
      fn.processArticle(sqsEvent(['{"not":"a job"}', 'not even JSON'])),
    );
    expect(result).toEqual({
      batchItemFailures: [{ itemIdentifier: 'm-0' }, { itemIdentifier: 'm-1' }],
    });
    expect(publish).toHaveBeenCalledTimes(1);
    // Metrics are published even when the handler does throw (here: not an SQS event at all).
    await expect(fn.processArticle({} as SQSEvent)).rejects.toThrow();
    expect(publish).toHaveBeenCalledTimes(2);
  });

  it('send-alerts delivers the nudged alerts once; a delivery whose secret is not set yet waits', async () => {
    const nudges = sqs.drain('alerts');
    const result = (await recorded('send-alerts', () =>
      fn.sendAlerts(sqsEvent(nudges)),
    )) as SQSBatchResponse;
    expect(result).toEqual({ batchItemFailures: [] });
    expect(h.slack.received.length).toBeGreaterThanOrEqual(3);
    expect(duplicates(slackAlertIds(h.slack))).toEqual([]);
    // ops-slack's secret holds the stack's placeholder: its deliveries are retried later, counted,
    // and none is failed.
    const waiting = addMetric.mock.calls.filter(
      ([name]) => name === METRICS.deliveriesAwaitingSecret.name,
    );
    expect(waiting.length).toBeGreaterThan(0);
    const failures = addMetric.mock.calls
      .filter(([name]) => name === METRICS.deliveryFailures.name)
      .reduce((sum, [, , n]) => sum + Number(n), 0);
    expect(failures).toBe(0);
    const sweep = await recorded('send-alerts', () => fn.sendAlerts({ ...scheduled, id: 'e2' }));
    expect(sweep).toEqual({ sent: 0, failed: 0 });
  });

  it('send-alerts {"notifyTest": true} sends the sample message to each subscriber and says how each went', async () => {
    const before = h.slack.received.length;
    const r = (await fn.sendAlerts({ notifyTest: true })) as {
      notified: { subscriberId: string; ok: boolean; error: string | null }[];
    };
    expect(r.notified.map((n) => [n.subscriberId, n.ok])).toEqual([
      ['analysts-slack', true],
      ['ops-slack', false],
    ]);
    // The subscriber whose secret is not set yet is told which secret to set.
    expect(r.notified[1]?.error).toMatch(/slack\/ops|ops/);
    expect(h.slack.received.length).toBe(before + 1);
    expect(JSON.stringify(h.slack.received.at(-1)?.payload)).toMatch(/\[Test\]/);
    const one = (await fn.sendAlerts({ notifyTest: true, subscriberId: 'analysts-slack' })) as {
      notified: unknown[];
    };
    expect(one.notified).toHaveLength(1);
    await expect(fn.sendAlerts({ notifyTest: 'yes' })).rejects.toThrow(/notifyTest/);
    await expect(fn.sendAlerts({ notifyTest: true, subscriberId: 'nobody' })).rejects.toThrow(
      /known: analysts-slack, ops-slack/,
    );
  });

  it('query answers API Gateway requests, with 400 for bad parameters and 404 for unknown paths', async () => {
    // Incident records as the pipeline leaves them: three June 2017 reports of one Raqqa strike
    // through the real extractor and incident model, written straight to the table.
    const table = createDynamoDbStore({
      client: h.dynamo.client,
      tableName: 'strikewatch-handlers',
    });
    await storeReplay(table, replayFaKesThroughModel(JUNE_2017_ROWS));
    const get = async (path: string, params: Record<string, string> = {}) =>
      (await recorded('query', () =>
        fn.query(httpEvent(path, params)),
      )) as APIGatewayProxyStructuredResultV2;

    const ok = await get('/casualties', {
      place: 'Raqqah',
      since: '2017-06-01',
      until: '2017-06-30',
    });
    expect(ok.statusCode).toBe(200);
    const body = JSON.parse(String(ok.body)) as {
      count: number;
      items: { place: string; count: number; incidentDate: string }[];
      cursor: string | null;
    };
    expect(body.items.map((i) => i.count).sort()).toEqual([43, 60]);
    for (const item of body.items)
      expect(item).toMatchObject({ place: 'Raqqa', incidentDate: '2017-06-05' });

    // A page and the cursor to the next one.
    const first = JSON.parse(
      String((await get('/casualties', { limit: '1', since: '2017-06-01' })).body),
    );
    expect(first.items).toHaveLength(1);
    expect(typeof first.cursor).toBe('string');
    const next = JSON.parse(
      String(
        (await get('/casualties', { limit: '1', since: '2017-06-01', cursor: first.cursor })).body,
      ),
    );
    expect(next.items).toHaveLength(1);
    expect(next.items[0]).not.toEqual(first.items[0]);

    const incidents = JSON.parse(
      String(
        (await get('/incidents', { actor: 'Russia', since: '2017-06-01', until: '2017-06-30' }))
          .body,
      ),
    );
    expect(incidents.items.map((i: { kind: string; place: string }) => [i.kind, i.place])).toEqual([
      ['incident', 'Raqqa'],
    ]);

    const report = await get('/report', { since: '2017-06-01', place: 'Raqqa' });
    expect(report.statusCode).toBe(200);
    expect(report.headers?.['content-type']).toMatch(/^text\/html/);
    expect(String(report.body)).toContain('Russian Defence Ministry');

    for (const [path, params, reason] of [
      ['/articles', { since: 'last week' }, 'ISO date'],
      ['/casualties', { since: '2018-01-01', until: '2017-01-01' }, 'reversed'],
      ['/casualties', { since: '2017-13-45' }, 'calendar'],
      ['/accusations', { actor: 'nato' }, 'unknown actor'],
      ['/report', { until: '2017-02-30' }, 'calendar'],
      ['/report', { limit: '5' }, 'limit'],
    ] as const) {
      const bad = (await fn.query(httpEvent(path, params))) as APIGatewayProxyStructuredResultV2;
      expect(bad.statusCode, `${path} ${JSON.stringify(params)}`).toBe(400);
      expect(String(bad.body)).toContain(reason);
    }

    const missing = (await fn.query(httpEvent('/tweets'))) as APIGatewayProxyStructuredResultV2;
    expect(missing.statusCode).toBe(404);
  });

  it('each function emitted every custom metric the alarms and dashboard read from it', () => {
    for (const { service, name } of Object.values(METRICS)) {
      expect([...(emitted.get(service) ?? [])], `${service} must emit ${name}`).toContain(name);
    }
  });

  it('each function called only DynamoDB operations the stack grants it', () => {
    expect([...operations.keys()].sort()).toEqual([
      'poll-feeds',
      'process-article',
      'query',
      'send-alerts',
    ]);
    for (const [name, ops] of operations) {
      const granted: readonly string[] = TABLE_ACTIONS[FUNCTION_TABLE_ACCESS[name]];
      for (const op of ops) expect(granted, `${name} calls ${op}`).toContain(`dynamodb:${op}`);
    }
  });
});
