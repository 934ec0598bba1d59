import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import dynalite from 'dynalite';
import { withoutSdkLogCopies } from '../adapters/aws/lean-client.ts';

// The embedded default store: dynalite (the DynamoDB API over LevelDB) on 127.0.0.1, persisted
// under the data folder, reached through the real @aws-sdk/client-dynamodb. One LevelDB folder
// is opened by one process only: shared/local/store-server.ts makes a data folder's store
// shareable between processes (one serves it, the others are its clients).

export interface EmbeddedDynamo {
  endpoint: string;
  client: DynamoDBClient;
  close(): Promise<void>;
}

export async function startEmbeddedDynamo(
  opts: { path?: string | undefined } = {},
): Promise<EmbeddedDynamo & { port: number }> {
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
    port,
    client,
    close: async () => {
      client.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Where a local client sends its requests: a fixed URL, or asked again for every request. */
export type LocalEndpoint = string | (() => string);

/** A client for a local endpoint: fixed dummy credentials, short timeouts, bounded retries. */
export function createDynamoClient(
  endpoint: LocalEndpoint,
  opts: { maxAttempts?: number; requestTimeoutMs?: number } = {},
): DynamoDBClient {
  const client = new DynamoDBClient({
    endpoint:
      typeof endpoint === 'string'
        ? endpoint
        : async () => {
            const url = new URL(endpoint());
            return {
              protocol: url.protocol,
              hostname: url.hostname,
              port: Number(url.port),
              path: '/',
            };
          },
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: opts.maxAttempts ?? 4,
    requestHandler: { connectionTimeout: 2_000, requestTimeout: opts.requestTimeoutMs ?? 10_000 },
  });
  return withoutSdkLogCopies(client);
}
