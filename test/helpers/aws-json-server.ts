import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  SQS_BATCH_MAX_BYTES,
  SQS_BATCH_MAX_ENTRIES,
  SQS_MESSAGE_MAX_BYTES,
} from '../../shared/contracts/queues.ts';

// Loopback servers that speak the AWS JSON protocol (POST /, X-Amz-Target, JSON bodies, errors as
// `__type`), so the real SDK clients and the real adapters run against them: SQS (JSON 1.0) and
// Secrets Manager (JSON 1.1). They keep AWS's documented limits, not a friendlier version.

export interface AwsJsonCall {
  operation: string;
  input: Record<string, unknown>;
}

export interface AwsJsonReply {
  status?: number;
  body: Record<string, unknown>;
}

export interface AwsJsonServer {
  endpoint: string;
  calls: AwsJsonCall[];
  close(): Promise<void>;
}

/** `__type` as the SDKs read it: the error's name after the namespace. */
export const awsError = (status: number, type: string, message: string): AwsJsonReply => ({
  status,
  body: { __type: type, message },
});

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

export async function startAwsJsonServer(
  contentType: string,
  handle: (call: AwsJsonCall) => AwsJsonReply | Promise<AwsJsonReply>,
): Promise<AwsJsonServer> {
  const calls: AwsJsonCall[] = [];
  const server: Server = createServer((req, res) => {
    void (async () => {
      const operation =
        String(req.headers['x-amz-target'] ?? '')
          .split('.')
          .pop() ?? '';
      const call = { operation, input: await readJson(req) };
      calls.push(call);
      const reply = await handle(call);
      res
        .writeHead(reply.status ?? 200, {
          'content-type': contentType,
          'x-amzn-requestid': `req-${calls.length}`,
        })
        .end(JSON.stringify(reply.body));
    })().catch(() => res.writeHead(500).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface SqsServer extends AwsJsonServer {
  /** A queue URL on this server (SQS routes by the URL's last path segment). */
  queueUrl(name: string): string;
  /** Bodies received per queue name, in order. */
  messages(name: string): string[];
  /** Drops the bodies received so far (the handler test "consumes" them). */
  drain(name: string): string[];
  /**
   * Makes SQS fail entries on its side (SenderFault false) while this returns true; `attempt`
   * counts the sends of the same body since the policy was set.
   */
  failEntry(policy: (body: string, attempt: number) => boolean): void;
}

const md5 = (s: string) => createHash('md5').update(s, 'utf8').digest('hex');

/** SendMessageBatch and SendMessage, with SQS's byte and entry limits and body MD5s. */
export async function startSqsServer(): Promise<SqsServer> {
  const queues = new Map<string, string[]>();
  let failPolicy: (body: string, attempt: number) => boolean = () => false;
  const attempts = new Map<string, number>();
  let nextId = 0;
  const store = (queueUrl: unknown, body: string) => {
    const name = String(queueUrl).split('/').pop() ?? '';
    queues.set(name, [...(queues.get(name) ?? []), body]);
    return { MessageId: `msg-${++nextId}`, MD5OfMessageBody: md5(body) };
  };
  const server = await startAwsJsonServer('application/x-amz-json-1.0', ({ operation, input }) => {
    if (operation === 'SendMessage') {
      const body = String(input.MessageBody);
      if (Buffer.byteLength(body) > SQS_MESSAGE_MAX_BYTES) {
        return awsError(
          400,
          'com.amazonaws.sqs#InvalidParameterValue',
          'Message must be shorter than 262144 bytes.',
        );
      }
      return { body: store(input.QueueUrl, body) };
    }
    if (operation !== 'SendMessageBatch') {
      return awsError(
        400,
        'com.amazonaws.sqs#UnsupportedOperation',
        `${operation} is not served here`,
      );
    }
    const entries = (input.Entries ?? []) as { Id: string; MessageBody: string }[];
    if (entries.length > SQS_BATCH_MAX_ENTRIES) {
      return awsError(
        400,
        'com.amazonaws.sqs#TooManyEntriesInBatchRequest',
        `Maximum number of entries per request are ${SQS_BATCH_MAX_ENTRIES}.`,
      );
    }
    const total = entries.reduce((sum, e) => sum + Buffer.byteLength(e.MessageBody), 0);
    if (total > SQS_BATCH_MAX_BYTES) {
      return awsError(
        400,
        'com.amazonaws.sqs#BatchRequestTooLong',
        `Batch requests cannot be longer than ${SQS_BATCH_MAX_BYTES} bytes. You have sent ${total} bytes.`,
      );
    }
    const Successful: Record<string, unknown>[] = [];
    const Failed: Record<string, unknown>[] = [];
    for (const e of entries) {
      const attempt = (attempts.get(e.MessageBody) ?? 0) + 1;
      attempts.set(e.MessageBody, attempt);
      if (failPolicy(e.MessageBody, attempt)) {
        Failed.push({ Id: e.Id, SenderFault: false, Code: 'InternalError', Message: 'try again' });
      } else {
        Successful.push({ Id: e.Id, ...store(input.QueueUrl, e.MessageBody) });
      }
    }
    return { body: { Successful, Failed } };
  });
  return {
    ...server,
    queueUrl: (name) => `${server.endpoint}/123456789012/${name}`,
    messages: (name) => [...(queues.get(name) ?? [])],
    drain: (name) => {
      const bodies = queues.get(name) ?? [];
      queues.set(name, []);
      return bodies;
    },
    failEntry: (policy) => {
      failPolicy = policy;
      attempts.clear();
    },
  };
}

/** GetSecretValue over a set of secrets held by name or ARN. */
export async function startSecretsManagerServer(
  secrets: Map<string, string>,
): Promise<AwsJsonServer> {
  return startAwsJsonServer('application/x-amz-json-1.1', ({ operation, input }) => {
    if (operation !== 'GetSecretValue') {
      return awsError(400, 'InvalidRequestException', `${operation} is not served here`);
    }
    const id = String(input.SecretId);
    const value = secrets.get(id);
    if (value === undefined) {
      return awsError(
        400,
        'ResourceNotFoundException',
        "Secrets Manager can't find the specified secret.",
      );
    }
    const name = id.startsWith('arn:') ? (id.split(':').pop() ?? id) : id;
    return { body: { ARN: id, Name: name, SecretString: value, VersionId: 'v1' } };
  });
}
