// The AWS SDK's logger middleware builds a redacted copy of every request and of every response
// (each attribute walked through the operation's schema) to hand to the client's logger, and
// builds it for the no-op logger too. strikewatch gives its SDK clients no logger (its own logs
// name each call and its error), so the copies are dropped: measured with a transport that
// answers at once, the SDK's own work for a BatchWriteItem of 17 items falls by a quarter (0.56-0.63
// to 0.42-0.45 ms) and for a BatchGetItem of 96 keys by nearly half (0.99-1.06 to 0.56-0.57 ms):
// `npx tsx scripts/bench/sdk-overhead.ts`.

/** What of an SDK client this needs: its middleware stack (every v3 client has one). */
interface HasMiddlewareStack {
  middlewareStack: { remove(toRemove: string): boolean };
}

/** The client without the SDK's logger middleware; the same client, for chaining. */
export function withoutSdkLogCopies<C extends HasMiddlewareStack>(client: C): C {
  client.middlewareStack.remove('loggerMiddleware');
  return client;
}
