import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { ConfigError } from '../domain/errors.ts';
import { parseConfig } from './parse-config.ts';
import type { Config } from './schema.ts';

export { formatIssues, parseConfig } from './parse-config.ts';

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
