import type { z } from 'zod';
import { ConfigError } from '../domain/errors.ts';
import { type Config, configSchema } from './schema.ts';

// Validation without file or YAML handling, for the Lambda bundles (their config is JSON).

/** Formats zod issues as `path: message` lines a user can act on. */
export function formatIssues(error: z.ZodError): string {
  return error.issues
    .map((i) => `  - ${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`)
    .join('\n');
}

/** Validates an already-parsed config object. Throws ConfigError listing every problem. */
export function parseConfig(raw: unknown, origin = 'config'): Config {
  const result = configSchema.safeParse(raw);
  if (!result.success) {
    throw new ConfigError(`${origin} is invalid:\n${formatIssues(result.error)}`);
  }
  return result.data;
}
