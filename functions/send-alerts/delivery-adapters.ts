import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { createSecretsManagerReader } from '../../shared/adapters/secrets/secrets-manager.ts';
import { createSesMailer } from '../../shared/adapters/ses/ses-mailer.ts';
import type { LambdaEnv } from '../../shared/config/lambda-env.ts';
import type { Config } from '../../shared/config/schema.ts';
import { awsClientConfig, captured } from '../commons/bootstrap.ts';

// Only send-alerts sends email (SES) and reads Slack webhook URLs (Secrets Manager).

export const sesMailer = (env: LambdaEnv, config: Config) =>
  config.delivery.email
    ? createSesMailer(captured(new SESv2Client(awsClientConfig(env, config.delivery.timeoutMs))), {
        configurationSet: env.SES_CONFIGURATION_SET,
        fromIdentityArn: env.SES_FROM_IDENTITY_ARN,
      })
    : null;

export const secretsManager = (env: LambdaEnv) =>
  createSecretsManagerReader(captured(new SecretsManagerClient(awsClientConfig(env))));
