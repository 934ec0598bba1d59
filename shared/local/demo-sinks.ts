import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

// Real receivers on 127.0.0.1 for the demo and the tests: a Slack incoming-webhook endpoint and
// an SMTP server. Each records what arrives; a responder can make them fail like the real ones
// do (Slack's 429 with Retry-After, 500; SMTP 4xx/5xx).

export interface SlackReceived {
  path: string;
  payload: Record<string, unknown>;
}

export type SlackResponder = (
  n: number,
  req: SlackReceived,
) => { status: number; headers?: Record<string, string>; body?: string };

export interface SlackSink {
  url(path?: string): string;
  received: SlackReceived[];
  setResponder(r: SlackResponder | null): void;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage, max = 1024 * 1024): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > max) throw new Error('payload too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function startSlackSink(): Promise<SlackSink> {
  const received: SlackReceived[] = [];
  let responder: SlackResponder | null = null;
  let calls = 0;
  const server: Server = createServer(async (req, res) => {
    try {
      const text = await readBody(req);
      const entry = { path: req.url ?? '/', payload: JSON.parse(text) as Record<string, unknown> };
      const r = responder?.(++calls, entry) ?? { status: 200, body: 'ok' };
      // Like Slack: only a 200 means the message was posted.
      if (r.status === 200) received.push(entry);
      res
        .writeHead(r.status, { 'content-type': 'text/plain', ...(r.headers ?? {}) })
        .end(r.body ?? '');
    } catch {
      res.writeHead(400, { 'content-type': 'text/plain' }).end('invalid_payload');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: (path = '/services/T000/B000/XXXX') => `${base}${path}`,
    received,
    setResponder: (r) => {
      responder = r;
      calls = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface MailReceived {
  from: string;
  to: string[];
  raw: string;
}

export type SmtpResponder = (n: number) => { code: number; message: string } | null;

export interface SmtpSink {
  port: number;
  received: MailReceived[];
  setResponder(r: SmtpResponder | null): void;
  close(): Promise<void>;
}

export async function startSmtpSink(): Promise<SmtpSink> {
  const received: MailReceived[] = [];
  let responder: SmtpResponder | null = null;
  let calls = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const failure = responder?.(++calls) ?? null;
        if (failure) {
          const err = Object.assign(new Error(failure.message), { responseCode: failure.code });
          callback(err);
          return;
        }
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.server.address() as AddressInfo;
  return {
    port: address.port,
    received,
    setResponder: (r) => {
      responder = r;
      calls = 0;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
