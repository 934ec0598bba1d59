import { z } from 'zod';
import { ConfigError } from '../domain/errors.ts';
import { formatIssues } from './parse-config.ts';

// The environment contract between infra/ (which sets these) and functions/ (which reads them
// once per cold start). Secrets are never here: only the ids of the secrets to read.
export const lambdaEnvSchema = z.object({
  TABLE_NAME: z.string().min(1),
  /** The validated config, bundled as JSON by the stack at synth time. */
  STRIKEWATCH_CONFIG: z.string().min(2),
  /** SQS queue that poll-feeds fans article jobs out to (poll-feeds only). */
  ARTICLE_QUEUE_URL: z.string().url().optional(),
  /** SQS queue that process-article nudges when it created deliveries (process-article only). */
  ALERT_QUEUE_URL: z.string().url().optional(),
  SES_CONFIGURATION_SET: z.string().optional(),
  /** SES identity to send as (send-alerts only). */
  SES_FROM_IDENTITY_ARN: z.string().optional(),
  /** Overrides the DynamoDB endpoint (integration tests against dynalite). */
  DYNAMODB_ENDPOINT: z.string().url().optional(),
  AWS_REGION: z.string().default('us-east-1'),
});

export type LambdaEnv = z.infer<typeof lambdaEnvSchema>;

export function readLambdaEnv(env: NodeJS.ProcessEnv = process.env): LambdaEnv {
  const result = lambdaEnvSchema.safeParse(env);
  if (!result.success) {
    throw new ConfigError(`Lambda environment is invalid:\n${formatIssues(result.error)}`);
  }
  return result.data;
}
