import { ConfigError } from '../../domain/errors.ts';
import type { SecretReader, SlackTarget, SlackWebhooks } from '../../ports/alert-channels.ts';

// A subscriber's Slack webhook URL, wherever its config says it is: in the config itself (local
// runs), in an environment variable the edge read at start, or in a secret read at send time
// (cached by the secret reader), so that a rotated URL is picked up without a deploy.

export function createSlackWebhooks(opts: {
  secrets: SecretReader;
  /** The environment the process was started with (the edge passes process.env). */
  env: Readonly<Record<string, string | undefined>>;
}): SlackWebhooks {
  return {
    async urlFor(subscriberId: string, target: SlackTarget): Promise<string> {
      if (target.webhookUrl) return target.webhookUrl;
      if (target.webhookUrlEnv) {
        const url = opts.env[target.webhookUrlEnv];
        if (!url)
          throw new ConfigError(
            `environment variable ${target.webhookUrlEnv} (Slack webhook of ${subscriberId}) is not set`,
          );
        return url;
      }
      const secretId = target.webhookUrlSecret ?? '';
      const url = await opts.secrets.read(secretId);
      if (!/^https:\/\/\S+$/.test(url)) {
        // A new stack's secret holds a generated placeholder until the operator puts the URL in.
        throw new ConfigError(
          `secret ${secretId} does not hold a Slack webhook URL: set it with ` +
            `aws secretsmanager put-secret-value --secret-id ${secretId} --secret-string https://hooks.slack.com/...`,
        );
      }
      return url;
    },
  };
}
