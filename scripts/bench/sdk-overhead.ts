import { Readable } from 'node:stream';
import {
  BatchGetItemCommand,
  BatchWriteItemCommand,
  DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { withoutSdkLogCopies } from '../../shared/adapters/aws/lean-client.ts';
import { pct } from './child-services.ts';

// `npx tsx scripts/bench/sdk-overhead.ts`: the AWS SDK's own work per DynamoDB request (no
// network: a transport that answers at once), with and without its logger middleware, for the
// dedupe stage's two requests (a BatchWriteItem of 17 items, a BatchGetItem of 96 keys answered
// with 12 items). The variants alternate in rounds, so drift hits both alike.

process.removeAllListeners('warning');

const item = (i: number) => ({
  pk: { S: `band#${i}#9f3a61c2` },
  sk: { S: `p#1234#${i % 3}` },
  articleId: { S: 'sana-1965495381' },
  storyId: { S: 'sana-1965495381' },
  storyDate: { S: '2017-06-01' },
  indexedAt: { S: '2026-01-01T00:00:00.000Z#sana-1965495381' },
  ttl: { N: '1800000000' },
});
const items = Array.from({ length: 17 }, (_, i) => item(i));

/** A transport that answers every request at once with `body`. */
function instantTransport(body: string) {
  return {
    handle: async () => ({
      // A plain response: the SDK checks its shape, not its class.
      response: {
        statusCode: 200,
        headers: { 'content-type': 'application/x-amz-json-1.0' },
        body: Readable.from([Buffer.from(body)]),
      },
    }),
    updateHttpClientConfig() {},
    httpHandlerConfigs: () => ({}),
  };
}

const requests = {
  'BatchWriteItem of 17': {
    answer: '{}',
    send: (c: DynamoDBClient) =>
      c.send(
        new BatchWriteItemCommand({
          RequestItems: { t: items.map((Item) => ({ PutRequest: { Item } })) },
        }),
      ),
  },
  'BatchGetItem of 96': {
    answer: JSON.stringify({ Responses: { t: items.slice(0, 12) }, UnprocessedKeys: {} }),
    send: (c: DynamoDBClient) =>
      c.send(
        new BatchGetItemCommand({
          RequestItems: {
            t: {
              Keys: Array.from({ length: 96 }, (_, i) => {
                const { pk, sk } = item(i);
                return { pk, sk };
              }),
            },
          },
        }),
      ),
  },
};

function client(answer: string, lean: boolean): DynamoDBClient {
  const c = new DynamoDBClient({
    endpoint: 'http://127.0.0.1:1',
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    requestHandler: instantTransport(answer),
  });
  return lean ? withoutSdkLogCopies(c) : c;
}

for (const [name, r] of Object.entries(requests)) {
  const clients = { default: client(r.answer, false), lean: client(r.answer, true) };
  const ms = { default: [] as number[], lean: [] as number[] };
  for (let round = 0; round < 12; round++)
    for (const variant of ['default', 'lean'] as const) {
      for (let i = 0; i < 250; i++) {
        const t = performance.now();
        await r.send(clients[variant]);
        if (round > 1) ms[variant].push(performance.now() - t);
      }
    }
  const p50 = { default: pct(ms.default, 50), lean: pct(ms.lean, 50) };
  console.log(
    `${name}: SDK work p50 ${p50.default.toFixed(3)} ms with the logger middleware, ${p50.lean.toFixed(3)} ms without (x${(p50.lean / p50.default).toFixed(2)})`,
  );
}
