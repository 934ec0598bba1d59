import type { z } from 'zod';
import { ConfigError } from '../domain/errors.ts';
import { type Config, configSchema } from './schema.ts';

// Validation without file or YAML handling, for the Lambda bundles (their config is JSON).

/** Edits (insert, delete, replace) from a to b: Levenshtein, two rows. */
function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++)
      row[j] = Math.min(
        (prev[j] ?? 0) + 1,
        (row[j - 1] ?? 0) + 1,
        (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    prev = row;
  }
  return prev[b.length] ?? 0;
}

/** The option a mistyped value was most likely meant to be ("coalitoin" -> "coalition"). */
export function closestOption(input: string, options: readonly unknown[]): string | null {
  const typed = input.trim().toLowerCase();
  const reach = Math.max(1, Math.floor(typed.length / 4));
  let best: { option: string; d: number } | null = null;
  for (const option of options) {
    if (typeof option !== 'string') continue;
    const d = editDistance(typed, option.toLowerCase());
    if (d <= reach && (!best || d < best.d)) best = { option, d };
  }
  return best?.option ?? null;
}

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
