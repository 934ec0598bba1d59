import type {
  APIGatewayProxyEventV2,
  APIGatewayProxyStructuredResultV2,
  SQSEvent,
  SQSRecord,
} from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getRuntime, setRuntimeForTests } from '../../functions/commons/bootstrap.ts';
import { logger } from '../../functions/commons/powertools.ts';
import { handler as pollFeeds } from '../../functions/poll-feeds/handler.ts';
import { handler as processArticle } from '../../functions/process-article/handler.ts';
import { extractor } from '../../functions/process-article/start-extraction-worker.ts';
import { handler as query } from '../../functions/query/handler.ts';
import { handler as sendAlerts } from '../../functions/send-alerts/handler.ts';
import type { JobQueue } from '../../shared/ports/job-queue.ts';
import { DynamoDbStore } from '../../shared/store/dynamodb-store.ts';
import {
  duplicates,
  type Harness,
  slackAlertIds,
  startHarness,
} from '../helpers/pipeline-harness.ts';

// The Lambda handlers, built by their real bootstrap from the environment the stack sets, run
// against dynalite and loopback servers with realistic events: a schedule, an SQS batch with a
// poisoned record, API Gateway HTTP API requests. Only the SQS queues are captured in memory
// (there is no SQS on this machine); their messages are fed to the next handler as SQS events.

class CapturingQueue implements JobQueue {
  bodies: unknown[] = [];
  async send(bodies: unknown[]) {
    this.bodies.push(...bodies);
  }
}

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

describe('Lambda handlers on dynalite and loopback servers', () => {
  let h: Harness;
  const articleQueue = new CapturingQueue();
  const alertQueue = new CapturingQueue();
  const saved = { ...process.env };

  beforeAll(async () => {
    h = await startHarness({
      config: (base) => ({
        ...base,
        subscribers: [{ id: 'analysts-slack', slack: { webhookUrl: 'http://127.0.0.1:1/unused' } }],
        delivery: { maxAttempts: 3, backoffMs: 10 },
      }),
    });
    const tableName = 'strikewatch-handlers';
    await new DynamoDbStore({ client: h.dynamo.client, tableName }).ensureTable();
    Object.assign(process.env, {
      TABLE_NAME: tableName,
      DYNAMODB_ENDPOINT: h.dynamo.endpoint,
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      POWERTOOLS_LOG_LEVEL: 'SILENT',
      POWERTOOLS_METRICS_DISABLED: 'true',
      POWERTOOLS_TRACE_ENABLED: 'false',
      POWERTOOLS_DEV: 'true',
      STRIKEWATCH_CONFIG: JSON.stringify({
        feeds: h.config.feeds,
        subscribers: [{ id: 'analysts-slack', slack: { webhookUrl: h.slack.url() } }],
        delivery: { maxAttempts: 3, backoffMs: 10, timeoutMs: 5000 },
        network: { allowPrivateHosts: h.config.network.allowPrivateHosts, retries: 1 },
      }),
    });
    // The logger was made at import, before this environment: quiet it the way an operator would.
    logger.setLogLevel('SILENT');
    setRuntimeForTests(undefined);
    // The real bootstrap builds every adapter from that environment, with process-article's own
    // extraction worker; only the queues are swapped.
    const runtime = getRuntime({ extractor: (config) => extractor.configure(config.extraction) });
    setRuntimeForTests({ ...runtime, articleQueue, alertQueue });
  });

  afterAll(async () => {
    setRuntimeForTests(undefined);
    process.env = saved;
    await extractor.close();
    await h.close();
  });

  it('poll-feeds (scheduled event) queues one job per new item', async () => {
    const result = await pollFeeds({
      version: '0',
      id: 'e1',
      'detail-type': 'Scheduled Event',
      source: 'aws.scheduler',
      account: '123456789012',
      time: new Date().toISOString(),
      region: 'us-east-1',
      resources: [],
      detail: {},
    });
    expect(result).toMatchObject({ feeds: 3, failed: 0, queued: 5 });
    expect(articleQueue.bodies).toHaveLength(5);
  });

  it('process-article reports only the poisoned record as failed and nudges the alert queue', async () => {
    const bodies = [...articleQueue.bodies.map((b) => JSON.stringify(b)), '{"not":"a job"}'];
    const result = await processArticle(sqsEvent(bodies));
    expect(result.batchItemFailures).toEqual([{ itemIdentifier: `m-${bodies.length - 1}` }]);
    expect(alertQueue.bodies.length).toBeGreaterThan(0);
  });

  it('send-alerts delivers the nudged alerts once; the scheduled sweep finds nothing left', async () => {
    const result = await sendAlerts(sqsEvent(alertQueue.bodies.map((b) => JSON.stringify(b))));
    expect(result).toEqual({ batchItemFailures: [] });
    expect(h.slack.received.length).toBeGreaterThanOrEqual(3);
    expect(duplicates(slackAlertIds(h.slack))).toEqual([]);
    const sweep = await sendAlerts({ source: 'aws.scheduler', 'detail-type': 'Scheduled Event' });
    expect(sweep).toEqual({ sent: 0, failed: 0 });
  });

  it('query answers API Gateway requests, with 400 for bad parameters and 404 for unknown paths', async () => {
    const ok = (await query(
      httpEvent('/casualties', { place: 'Raqqa' }),
    )) as APIGatewayProxyStructuredResultV2;
    expect(ok.statusCode).toBe(200);
    const body = JSON.parse(String(ok.body)) as {
      count: number;
      items: { figure: { place: string } }[];
    };
    expect(body.count).toBeGreaterThan(0);
    for (const item of body.items) expect(item.figure.place).toMatch(/raqqa/i);

    const bad = (await query(
      httpEvent('/articles', { since: 'last week' }),
    )) as APIGatewayProxyStructuredResultV2;
    expect(bad.statusCode).toBe(400);
    expect(String(bad.body)).toContain('ISO date');

    const missing = (await query(httpEvent('/tweets'))) as APIGatewayProxyStructuredResultV2;
    expect(missing.statusCode).toBe(404);
  });
});
