import type { z } from 'zod';
import { ConfigError } from '../domain/errors.ts';
import { closestOption } from '../util/closest-option.ts';
import { type Config, configSchema } from './schema.ts';

// Validation without file or YAML handling, for the Lambda bundles (their config is JSON).

/** An issue's message, with the option it most likely meant when a value is not one of a list. */
function issueMessage(i: z.core.$ZodIssue): string {
  if (i.code !== 'invalid_value' || typeof i.input !== 'string') return i.message;
  const meant = closestOption(i.input, i.values);
  return meant ? `did you mean "${meant}"? ${i.message}` : i.message;
}

/**
 * Formats zod issues as `path: message` lines a user can act on. Parse with `reportInput` for
 * the "did you mean" of a mistyped option (the input itself is never printed: it may be a secret).
 */
export function formatIssues(error: z.ZodError): string {
  return error.issues
    .map((i) => `  - ${i.path.length ? i.path.join('.') : '(root)'}: ${issueMessage(i)}`)
    .join('\n');
}

/** Validates an already-parsed config object. Throws ConfigError listing every problem. */
export function parseConfig(raw: unknown, origin = 'config'): Config {
  const result = configSchema.safeParse(raw, { reportInput: true });
  if (!result.success) {
    throw new ConfigError(`${origin} is invalid:\n${formatIssues(result.error)}`);
  }
  return result.data;
}
