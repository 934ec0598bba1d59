import { allowEntry } from '../adapters/http/address-policy.ts';
import {
  type ConfigProblem,
  describeClass,
  domainOf,
  isExampleDomain,
  refusedHost,
  urlHostPort,
} from './config-problems.ts';
import type { Config } from './schema.ts';

// What a config must hold to run on this machine (`strikewatch run`, `validate` without
// --target): beyond the schema, the rules of the guarded HTTP client (a private host only when
// network.allowPrivateHosts names it) and no AWS-only secret sources. `localEnvProblems` checks
// the environment a run starts with: a missing variable fails the start, not every delivery.

/** The environment the CLI was started with: where `webhookUrlEnv` and `passwordEnv` point. */
export type Env = Readonly<Record<string, string | undefined>>;

function privateUrlProblem(
  path: ConfigProblem['path'],
  url: string,
  config: Config,
  what: string,
): ConfigProblem | null {
  const target = urlHostPort(url);
  if (!target) return null;
  const klass = refusedHost(target, config.network.allowPrivateHosts);
  if (!klass) return null;
  return {
    path,
    message:
      `${target.host} is ${describeClass(klass)}, which ${what} refuses; if it is yours, add ` +
      `"${allowEntry(target.host, target.port)}" to network.allowPrivateHosts`,
  };
}

/** Problems that stop a local run; none when the config can run here. */
export function localConfigProblems(config: Config): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  config.feeds.forEach((feed, i) => {
    const p = privateUrlProblem(['feeds', i, 'url'], feed.url, config, 'the poller');
    if (p) problems.push(p);
  });
  config.subscribers.forEach((sub, i) => {
    const slack = sub.slack;
    if (slack?.webhookUrl) {
      const path = ['subscribers', i, 'slack', 'webhookUrl'];
      const p = privateUrlProblem(path, slack.webhookUrl, config, 'Slack delivery');
      if (p) problems.push(p);
    }
    if (slack?.webhookUrlSecret) {
      problems.push({
        path: ['subscribers', i, 'slack', 'webhookUrlSecret'],
        message:
          'Secrets Manager is read only in AWS (check a deployment config with --target aws); ' +
          'locally, name an environment variable that holds the URL with webhookUrlEnv',
      });
    }
  });
  if (config.delivery.email?.smtp?.passwordSecret) {
    problems.push({
      path: ['delivery', 'email', 'smtp', 'passwordSecret'],
      message: 'Secrets Manager is read only in AWS; locally, use passwordEnv',
    });
  }
  return problems;
}

/** What is allowed but will not work as meant: example addresses left in a copied config. */
export function exampleAddressWarnings(config: Config): ConfigProblem[] {
  const found: ConfigProblem[] = [];
  const check = (path: ConfigProblem['path'], value: string | undefined, what: string) => {
    const domain = value ? domainOf(value) : null;
    if (domain && isExampleDomain(domain)) {
      const shown = value === `smtp://${domain}` ? domain : value;
      found.push({
        path,
        message: `${shown} is an example ${what} (${domain} is reserved: nothing sent there arrives); put your own`,
      });
    }
  };
  config.feeds.forEach((f, i) => {
    check(['feeds', i, 'url'], f.url, 'feed');
  });
  config.subscribers.forEach((s, i) => {
    check(['subscribers', i, 'email'], s.email, 'address');
    check(['subscribers', i, 'slack', 'webhookUrl'], s.slack?.webhookUrl, 'webhook');
  });
  check(['delivery', 'email', 'from'], config.delivery.email?.from, 'sender');
  const smtp = config.delivery.email?.smtp?.host;
  check(['delivery', 'email', 'smtp', 'host'], smtp ? `smtp://${smtp}` : undefined, 'SMTP server');
  return found;
}

/** Variables the config names that the environment does not hold (or holds unusable). */
export function localEnvProblems(config: Config, env: Env): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  config.subscribers.forEach((sub, i) => {
    const name = sub.slack?.webhookUrlEnv;
    if (!name) return;
    const path = ['subscribers', i, 'slack', 'webhookUrlEnv'];
    const value = env[name]?.trim();
    if (!value) {
      problems.push({
        path,
        message:
          `environment variable ${name} is not set: export ${name}=<the Slack webhook URL of ` +
          `subscriber "${sub.id}"> (https://hooks.slack.com/services/...) before the run, or remove that subscriber`,
      });
      return;
    }
    if (!/^https?:\/\/[^\s]+$/i.test(value) || !urlHostPort(value)) {
      problems.push({
        path,
        message: `environment variable ${name} does not hold an http(s) URL: set it to the Slack webhook URL`,
      });
      return;
    }
    const p = privateUrlProblem(path, value, config, 'Slack delivery');
    if (p) problems.push({ path, message: `${name} points at ${p.message}` });
  });
  const smtp = config.delivery.email?.smtp;
  if (smtp?.passwordEnv && env[smtp.passwordEnv] === undefined) {
    problems.push({
      path: ['delivery', 'email', 'smtp', 'passwordEnv'],
      message:
        `environment variable ${smtp.passwordEnv} is not set: export ${smtp.passwordEnv}=<the SMTP ` +
        `password of ${smtp.user ?? 'the SMTP user'} on ${smtp.host}> before the run, or remove passwordEnv if the server needs none`,
    });
  }
  return problems;
}
