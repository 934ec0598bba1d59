import type {
  EmailMessage,
  Mailer,
  SecretReader,
  SlackSender,
} from '../../shared/ports/alert-channels.ts';
import { messageIdIn } from '../../testkit/pipeline-harness.ts';

// Delivery channels that record what they were given; a responder decides, per attempt, whether
// one fails (by throwing what the real adapter throws: DeliveryError, retryable or not).

type Responder = (attempt: number) => void;

export class RecordingSlack implements SlackSender {
  readonly posts: { webhookUrl: string; payload: Record<string, unknown> }[] = [];
  private attempts = 0;
  respond: Responder = () => {};

  async post(webhookUrl: string, payload: Record<string, unknown>): Promise<void> {
    this.respond(++this.attempts);
    this.posts.push({ webhookUrl, payload: structuredClone(payload) });
  }

  /** The message ids of the messages it accepted, from each message's context line. */
  alertIds(): string[] {
    return this.posts.map((p) => messageIdIn(JSON.stringify(p.payload)));
  }
}

export class RecordingMailer implements Mailer {
  readonly sent: (EmailMessage & { from: string })[] = [];
  private attempts = 0;
  respond: Responder = () => {};

  async send(message: EmailMessage & { from: string }): Promise<void> {
    this.respond(++this.attempts);
    this.sent.push(structuredClone(message));
  }
}

/** Secrets by id; a missing one is an error, as Secrets Manager says. */
export function secretsOf(values: Record<string, string>): SecretReader {
  return {
    async read(id) {
      const v = values[id];
      if (v === undefined) throw new Error(`no secret ${id}`);
      return v;
    },
  };
}
