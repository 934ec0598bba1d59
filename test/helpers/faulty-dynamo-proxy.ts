import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

// Fault injection at the protocol level: an HTTP proxy in front of dynalite that answers some
// DynamoDB calls the way DynamoDB does when it throttles (400 ThrottlingException) or fails
// (500 InternalServerError). The SDK's own retry logic sees real error responses.

export type Fault = 'throttle' | 'server-error' | null;

export interface FaultyProxy {
  endpoint: string;
  /** Calls seen per operation (X-Amz-Target), faults included. */
  calls: Map<string, number>;
  faults: number;
  setPolicy(policy: (n: number, operation: string) => Fault): void;
  close(): Promise<void>;
}

const ERRORS: Record<Exclude<Fault, null>, { status: number; type: string; message: string }> = {
  throttle: {
    status: 400,
    type: 'com.amazonaws.dynamodb.v20120810#ThrottlingException',
    message: 'Rate of requests exceeds the allowed throughput.',
  },
  'server-error': {
    status: 500,
    type: 'com.amazonaws.dynamodb.v20120810#InternalServerError',
    message: 'Internal server error',
  },
};

export async function startFaultyDynamoProxy(target: string): Promise<FaultyProxy> {
  const upstream = new URL(target);
  let policy: (n: number, operation: string) => Fault = () => null;
  let n = 0;
  const calls = new Map<string, number>();
  const state = { faults: 0 };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const operation =
        String(req.headers['x-amz-target'] ?? '')
          .split('.')
          .pop() ?? '';
      calls.set(operation, (calls.get(operation) ?? 0) + 1);
      const fault = policy(++n, operation);
      if (fault) {
        state.faults++;
        const e = ERRORS[fault];
        res
          .writeHead(e.status, {
            'content-type': 'application/x-amz-json-1.0',
            'x-amzn-requestid': `fault-${n}`,
          })
          .end(JSON.stringify({ __type: e.type, message: e.message }));
        return;
      }
      const fwd = request(
        {
          host: upstream.hostname,
          port: upstream.port,
          method: req.method,
          path: req.url,
          headers: req.headers,
        },
        (up) => {
          res.writeHead(up.statusCode ?? 500, up.headers);
          up.pipe(res);
        },
      );
      fwd.on('error', () => res.writeHead(502).end());
      fwd.end(Buffer.concat(chunks));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls,
    get faults() {
      return state.faults;
    },
    setPolicy(p) {
      policy = p;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
