import { readFileSync, realpathSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { checkAwsTarget } from '../../shared/config/aws-target.ts';
import { parseConfigText } from '../../shared/config/load-config.ts';
import type { Config } from '../../shared/config/schema.ts';
import { ConfigError } from '../../shared/domain/errors.ts';
import { REPO_ROOT } from '../paths.ts';

/** The example config: synthesised only as a trial (`-c trial=true`), never by default. */
export const EXAMPLE_CONFIG_PATH = 'infra/config/aws.example.yaml';
/** Where the README's deploy guide has the operator create the production config. */
export const PRODUCTION_CONFIG_PATH = 'config/strikewatch.prod.yaml';

export interface SynthConfigOptions {
  /** A trial: the example config, and its example.org addresses, are accepted. */
  trial?: boolean | undefined;
}

const isExample = (file: string) => {
  try {
    return realpathSync(file) === realpathSync(resolve(REPO_ROOT, EXAMPLE_CONFIG_PATH));
  } catch {
    return false;
  }
};

/**
 * Reads and validates the config at synth time, with the schema the functions use at run time
 * and the deployment's own rules (shared/config/aws-target.ts: secrets from Secrets Manager
 * only, no private webhook or SMTP hosts), so a wrong config stops `cdk synth` instead of every
 * cold start or delivery. Synchronous because construct code is. Relative paths are taken from
 * the repo root, where `cdk` runs the app. The example is refused unless this is a trial, so that
 * a forgotten `-c config=...` never deploys its example.org addresses.
 */
export function loadSynthConfig(path: string, opts: SynthConfigOptions = {}): Config {
  const file = isAbsolute(path) ? path : resolve(REPO_ROOT, path);
  if (!opts.trial && isExample(file)) {
    throw new ConfigError(
      `${path} is the example config, with example.org addresses: create your own from it ` +
        `(cp ${EXAMPLE_CONFIG_PATH} ${PRODUCTION_CONFIG_PATH}, see the README's deploy guide) and pass ` +
        `-c config=${PRODUCTION_CONFIG_PATH}; to synthesise or deploy the example as a trial, add -c trial=true`,
    );
  }
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
  const config = parseConfigText(text, path);
  checkAwsTarget(config, path, opts);
  return config;
}

/**
 * The config a synth deploys, from the `config` and `trial` context values: without `config`
 * only a trial synthesises (the example); anything else says how to give one.
 */
export function synthConfigFromContext(ctx: {
  config?: string | undefined;
  trial?: boolean | undefined;
}): { config: Config; path: string } {
  if (!ctx.config && !ctx.trial) {
    throw new ConfigError(
      `no config given. Create yours from the example (cp ${EXAMPLE_CONFIG_PATH} ${PRODUCTION_CONFIG_PATH}, ` +
        "then edit feeds, subscribers and delivery.email.from; see the README's deploy guide) and pass " +
        `-c config=${PRODUCTION_CONFIG_PATH}; or add -c trial=true to synthesise the example as a trial`,
    );
  }
  const path = ctx.config ?? EXAMPLE_CONFIG_PATH;
  return { config: loadSynthConfig(path, { trial: ctx.trial }), path };
}

/** Where the stack goes when neither `-c region` nor the environment names a region. */
export const FALLBACK_REGION = 'us-east-1';

/**
 * The stack's region: `-c region`, else the region the cdk CLI resolved (AWS_REGION or the
 * profile), else us-east-1; with a notice when the commands after the deploy (aws ..., which read
 * AWS_REGION) would look in another region than the stack's, or when the fallback was taken.
 */
export function targetRegion(from: { context?: string | undefined; cli?: string | undefined }): {
  region: string;
  notice?: string;
} {
  const region = from.context ?? from.cli ?? FALLBACK_REGION;
  if (from.context && from.cli && from.context !== from.cli) {
    return {
      region,
      notice:
        `the stack targets ${region} (-c region) but your AWS CLI region is ${from.cli}: bootstrap, ` +
        `deploy and the aws commands after it must use one region; export AWS_REGION=${region} and drop -c region`,
    };
  }
  if (!from.context && !from.cli) {
    return {
      region,
      notice: `no region set, so the stack targets ${FALLBACK_REGION}: export AWS_REGION=<region> before bootstrap and deploy`,
    };
  }
  return { region };
}

/** A context value as a flag: true, "true", "1" or "yes"; anything else is false. */
export function contextFlag(value: unknown): boolean {
  return value === true || (typeof value === 'string' && /^(true|1|yes)$/i.test(value.trim()));
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
