import { parseAllowedHost } from '../adapters/http/address-policy.ts';
import {
  type ConfigProblem,
  describeClass,
  hostClass,
  privateClass,
  refusedHost,
  throwProblems,
  urlHostPort,
} from './config-problems.ts';
import { exampleAddressWarnings } from './local-target.ts';
import type { Config } from './schema.ts';

// What a config must hold to be deployed (`strikewatch validate --target aws` and `cdk synth`,
// infra/config/synth-config.ts): the config is compiled into the function bundles, so a webhook
// URL in it would ship in plain text in three assets, and no environment variable it names is
// ever set in Lambda. Secrets come from Secrets Manager only. Hosts on private, loopback or
// link-local addresses (169.254.169.254 is where the metadata and Lambda runtime endpoints are)
// are refused for webhooks and SMTP, and may not be opened with allowPrivateHosts.

export interface AwsTargetOptions {
  /** A trial deployment: the example's placeholder addresses (example.org) are accepted. */
  trial?: boolean | undefined;
}

function slackProblems(config: Config): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  config.subscribers.forEach((sub, i) => {
    const slack = sub.slack;
    const path = ['subscribers', i, 'slack'];
    if (slack?.webhookUrl) {
      problems.push({
        path: [...path, 'webhookUrl'],
        message:
          'a webhook URL in the config would ship in plain text inside the function bundles: ' +
          'put it in Secrets Manager and give webhookUrlSecret: <secret name> (the stack creates the secret)',
      });
      const host = urlHostPort(slack.webhookUrl)?.host;
      const klass = host ? privateClass(host) : null;
      if (klass) {
        problems.push({
          path: [...path, 'webhookUrl'],
          message: `${host} is ${describeClass(klass)}: a deployed webhook must be public`,
        });
      }
    }
    if (slack?.webhookUrlEnv) {
      problems.push({
        path: [...path, 'webhookUrlEnv'],
        message:
          `Lambda never has ${slack.webhookUrlEnv} set, so every Slack delivery would fail: ` +
          'use webhookUrlSecret: <secret name> (the stack creates the secret; put the URL in it after the deploy)',
      });
    }
  });
  return problems;
}

function smtpProblems(config: Config): ConfigProblem[] {
  const smtp = config.delivery.email?.smtp;
  const klass = smtp ? privateClass(smtp.host) : null;
  if (!smtp || !klass) return [];
  return [
    {
      path: ['delivery', 'email', 'smtp', 'host'],
      message: `${smtp.host} is ${describeClass(klass)}: not reachable from a deployment`,
    },
  ];
}

function networkProblems(config: Config): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  config.feeds.forEach((feed, i) => {
    const target = urlHostPort(feed.url);
    const klass = target && refusedHost(target, config.network.allowPrivateHosts);
    if (klass) {
      problems.push({
        path: ['feeds', i, 'url'],
        message: `${target.host} is ${describeClass(klass)}, which the poller refuses`,
      });
    }
  });
  config.network.allowPrivateHosts.forEach((entry, i) => {
    const parsed = parseAllowedHost(entry);
    if (!parsed.ok) return;
    const klass = hostClass(parsed.host);
    if (klass === 'loopback' || klass === 'link-local' || klass === 'unspecified') {
      problems.push({
        path: ['network', 'allowPrivateHosts', i],
        message: `${entry} is ${describeClass(klass)}: never opened in a deployment`,
      });
    }
  });
  return problems;
}

/** Every reason the config cannot be deployed, by path; none when it can. */
export function awsConfigProblems(config: Config, opts: AwsTargetOptions = {}): ConfigProblem[] {
  const examples = opts.trial
    ? []
    : exampleAddressWarnings(config).map((p) => ({
        path: p.path,
        message: `${p.message} (a trial of the example accepts them: -c trial=true, or validate --trial)`,
      }));
  return [
    ...slackProblems(config),
    ...smtpProblems(config),
    ...networkProblems(config),
    ...examples,
  ];
}

/** What a deployment ignores in the config: said, not refused. */
export function awsConfigNotes(config: Config): ConfigProblem[] {
  return config.delivery.email?.smtp
    ? [
        {
          path: ['delivery', 'email', 'smtp'],
          message: 'not used in AWS: email is sent with SES from delivery.email.from',
        },
      ]
    : [];
}

/** Throws a ConfigError listing every problem of the config for a deployment. */
export function checkAwsTarget(config: Config, origin: string, opts: AwsTargetOptions = {}): void {
  throwProblems(awsConfigProblems(config, opts), `${origin} cannot be deployed to AWS:`);
}
