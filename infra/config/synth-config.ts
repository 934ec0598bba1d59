import { readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { parseConfigText } from '../../shared/config/load-config.ts';
import type { Config } from '../../shared/config/schema.ts';
import { ConfigError } from '../../shared/domain/errors.ts';
import { REPO_ROOT } from '../paths.ts';

/** The config deployed when no `-c config=...` is given: a realistic, valid example. */
export const DEFAULT_CONFIG_PATH = 'infra/config/aws.example.yaml';

/**
 * Reads and validates the config at synth time, with the schema the functions use at run time,
 * so a wrong config stops `cdk synth` instead of every cold start. Synchronous because construct
 * code is. Relative paths are taken from the repo root, where `cdk` runs the app.
 */
export function loadSynthConfig(path: string = DEFAULT_CONFIG_PATH): Config {
  const file = isAbsolute(path) ? path : resolve(REPO_ROOT, path);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new ConfigError(
      `cannot read config file ${file}: ${(err as NodeJS.ErrnoException).code ?? err}. ` +
        'Pass an existing JSON or YAML file with -c config=<path>.',
      { cause: err },
    );
  }
  return parseConfigText(text, path);
}

/**
 * The poll schedule fires at the smallest feed interval; poll-feeds skips the feeds that are not
 * due yet, so one schedule serves feeds with different intervals.
 */
export function pollRateMinutes(config: Config): number {
  return Math.min(...config.feeds.map((f) => f.intervalMinutes));
}

/** Distinct Secrets Manager ids that Slack subscribers read their webhook URL from. */
export function slackWebhookSecretIds(config: Config): string[] {
  const ids = config.subscribers.flatMap((s) =>
    s.slack?.webhookUrlSecret ? [s.slack.webhookUrlSecret] : [],
  );
  return [...new Set(ids)].sort();
}
