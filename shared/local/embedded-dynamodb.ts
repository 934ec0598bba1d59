import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import dynalite from 'dynalite';

// The embedded default store: dynalite (the DynamoDB API over LevelDB) on 127.0.0.1, persisted
// under the data folder, reached through the real @aws-sdk/client-dynamodb.

export interface EmbeddedDynamo {
  endpoint: string;
  client: DynamoDBClient;
  close(): Promise<void>;
}

export async function startEmbeddedDynamo(
  opts: { path?: string | undefined } = {},
): Promise<EmbeddedDynamo> {
  if (opts.path) mkdirSync(opts.path, { recursive: true });
  const server = dynalite({
    ...(opts.path ? { path: opts.path } : {}),
    createTableMs: 0,
    deleteTableMs: 0,
    updateTableMs: 0,
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const endpoint = `http://127.0.0.1:${port}`;
  const client = createDynamoClient(endpoint);
  return {
    endpoint,
    client,
    close: async () => {
      client.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A client for a local endpoint: fixed dummy credentials, short timeouts, bounded retries. */
export function createDynamoClient(endpoint: string): DynamoDBClient {
  return new DynamoDBClient({
    endpoint,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 4,
    requestHandler: { connectionTimeout: 2_000, requestTimeout: 10_000 },
  });
}
