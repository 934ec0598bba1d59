import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { createSecretsManagerReader } from '../../shared/adapters/secrets/secrets-manager.ts';
import { createSesMailer } from '../../shared/adapters/ses/ses-mailer.ts';
import type { Config } from '../../shared/config/schema.ts';
import { type FunctionEnv, sesSettings } from '../../shared/contracts/function-env.ts';
import { METRICS } from '../../shared/contracts/metrics.ts';
import { awsClientConfig, captured } from '../commons/bootstrap.ts';
import { countMetric } from '../commons/powertools.ts';

// Only send-alerts sends email (SES) and reads Slack webhook URLs (Secrets Manager).

type Env = FunctionEnv<'send-alerts'>;

/** SES when the config emails someone; its settings are then required (checked at cold start). */
export const sesMailer = (env: Env, config: Config) => {
  const ses = sesSettings(env, config);
  return ses
    ? createSesMailer(
        captured(new SESv2Client(awsClientConfig(env, config.delivery.timeoutMs))),
        ses,
      )
    : null;
};

/** The secrets the stack created or imported, by the id the config gives them. */
export const secretsManager = (env: Env) =>
  createSecretsManagerReader(captured(new SecretsManagerClient(awsClientConfig(env))), {
    secretArns: env.SLACK_WEBHOOK_SECRETS,
    onNotReady: () => countMetric(METRICS.deliveriesAwaitingSecret, 1),
  });
