import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { ConfigError } from '../domain/errors.ts';
import { type Config, configSchema } from './schema.ts';

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

/** Parses JSON or YAML text (by extension, falling back to content sniffing). */
export function parseConfigText(text: string, origin: string): Config {
  let raw: unknown;
  try {
    raw = /\.json$/i.test(origin) || /^\s*[{[]/.test(text) ? JSON.parse(text) : parseYaml(text);
  } catch (err) {
    throw new ConfigError(`${origin} is not valid JSON or YAML: ${(err as Error).message}`, {
      cause: err,
    });
  }
  return parseConfig(raw, origin);
}

export async function loadConfigFile(path: string): Promise<Config> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new ConfigError(
      `cannot read config file ${path}: ${(err as NodeJS.ErrnoException).code ?? err}. ` +
        'Pass an existing JSON or YAML file with --config.',
      { cause: err },
    );
  }
  return parseConfigText(text, path);
}
