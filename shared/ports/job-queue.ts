/** A queue of JSON messages (SQS in AWS): poll-feeds fans article jobs out through it. */
export interface JobQueue {
  send(bodies: unknown[]): Promise<void>;
}
