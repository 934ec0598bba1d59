import { describe, expect, it } from 'vitest';
import {
  awsConfigNotes,
  awsConfigProblems,
  checkAwsTarget,
} from '../../../shared/config/aws-target.ts';
import { hostClass } from '../../../shared/config/config-problems.ts';
import { parseConfig } from '../../../shared/config/load-config.ts';
import {
  exampleAddressWarnings,
  localConfigProblems,
  localEnvProblems,
} from '../../../shared/config/local-target.ts';
import { ConfigError } from '../../../shared/domain/errors.ts';

// The rules beyond the schema that a config must meet for its target: a deployment (secrets
// from Secrets Manager only, public delivery hosts) and a local run (private hosts only when
// allowPrivateHosts opens them, the variables it names set). Each problem is given by path.

const feed = { id: 'f', url: 'https://news.ngo.dev/rss' };
const config = (raw: Record<string, unknown>) => parseConfig({ feeds: [feed], ...raw });
const slack = (id: string, target: Record<string, string>) => ({ id, slack: target });
const paths = (problems: { path: readonly (string | number)[] }[]) =>
  problems.map((p) => p.path.join('.'));

describe('address classes of hosts written in a config', () => {
  it.each([
    ['169.254.169.254', 'link-local'],
    ['10.0.0.1', 'private'],
    ['192.168.1.20', 'private'],
    ['127.0.0.1', 'loopback'],
    ['[::1]', 'loopback'],
    ['[fc00::1]', 'private'],
    ['[fd12:3456::1]', 'private'],
    ['[fe80::1]', 'link-local'],
    ['[::ffff:169.254.169.254]', 'link-local'],
    ['localhost', 'loopback'],
    ['hooks.localhost', 'loopback'],
    ['0.0.0.0', 'unspecified'],
    ['hooks.slack.com', 'name'],
    ['8.8.8.8', 'public'],
  ])('%s is %s', (host, klass) => {
    expect(hostClass(host)).toBe(klass);
  });
});

describe('deployment (--target aws, cdk synth)', () => {
  it('refuses webhookUrl and webhookUrlEnv, each by its path, and says to use webhookUrlSecret', () => {
    const c = config({
      subscribers: [
        slack('a', { webhookUrl: 'https://hooks.slack.com/services/T/B/X' }),
        slack('b', { webhookUrlEnv: 'SLACK_URL' }),
        slack('c', { webhookUrlSecret: 'slack/ops' }),
      ],
    });
    const problems = awsConfigProblems(c);
    expect(paths(problems)).toEqual([
      'subscribers.0.slack.webhookUrl',
      'subscribers.1.slack.webhookUrlEnv',
    ]);
    expect(problems[0]?.message).toMatch(
      /plain text inside the function bundles.*webhookUrlSecret/,
    );
    expect(problems[1]?.message).toMatch(/Lambda never has SLACK_URL set.*webhookUrlSecret/);
  });

  it('refuses webhook and SMTP hosts on private, loopback and link-local addresses', () => {
    const hosts = ['169.254.169.254', '10.0.0.1', '127.0.0.1', '[::1]', '[fc00::5]'];
    const c = config({
      subscribers: hosts.map((h, i) => slack(`s${i}`, { webhookUrl: `https://${h}/hook` })),
      delivery: { email: { from: 'alerts@strikewatch.dev', smtp: { host: '10.1.2.3' } } },
      // A deployment never opens these, whatever allowPrivateHosts says.
      network: { allowPrivateHosts: ['127.0.0.1', '10.0.0.1'] },
    });
    const problems = awsConfigProblems(c);
    const hostProblems = problems.filter((p) => /address/.test(p.message));
    expect(paths(hostProblems)).toEqual([
      ...hosts.map((_, i) => `subscribers.${i}.slack.webhookUrl`),
      'delivery.email.smtp.host',
      'network.allowPrivateHosts.0',
    ]);
    expect(hostProblems[0]?.message).toMatch(/169\.254\.169\.254 is a link-local address/);
    expect(() => checkAwsTarget(c, 'prod.yaml')).toThrow(ConfigError);
    expect(() => checkAwsTarget(c, 'prod.yaml')).toThrow(
      /prod\.yaml cannot be deployed to AWS:\n {2}- subscribers\.0\.slack\.webhookUrl: /,
    );
    // SMTP is not what a deployment sends with: said, not refused.
    expect(paths(awsConfigNotes(c))).toEqual(['delivery.email.smtp']);
  });

  it("refuses the example's reserved addresses unless it is a trial", () => {
    const c = config({
      subscribers: [
        { id: 'desk', email: 'desk@example.org' },
        slack('s', { webhookUrlSecret: 'x' }),
      ],
      delivery: { email: { from: 'alerts@example.com' } },
    });
    expect(paths(awsConfigProblems(c))).toEqual(['subscribers.0.email', 'delivery.email.from']);
    expect(awsConfigProblems(c, { trial: true })).toEqual([]);
  });

  it('accepts a config that can be deployed', () => {
    const c = config({
      subscribers: [
        slack('s', { webhookUrlSecret: 'slack/ops' }),
        { id: 'e', email: 'desk@ngo.dev' },
      ],
      delivery: { email: { from: 'alerts@ngo.dev' } },
    });
    expect(awsConfigProblems(c)).toEqual([]);
  });
});

describe('local run (validate, run)', () => {
  it('refuses private webhook hosts unless allowPrivateHosts opens them on that port', () => {
    const c = config({
      subscribers: [
        slack('meta', { webhookUrl: 'http://169.254.169.254/latest' }),
        slack('mine', { webhookUrl: 'http://127.0.0.1:9000/hook' }),
        slack('other-port', { webhookUrl: 'http://127.0.0.1:9001/hook' }),
        slack('env', { webhookUrlEnv: 'HOOK' }),
      ],
      network: { allowPrivateHosts: ['127.0.0.1:9000'] },
    });
    const problems = localConfigProblems(c);
    expect(paths(problems)).toEqual([
      'subscribers.0.slack.webhookUrl',
      'subscribers.2.slack.webhookUrl',
    ]);
    // What to write to open it, when it is the operator's own.
    expect(problems[1]?.message).toMatch(/add "127\.0\.0\.1:9001" to network\.allowPrivateHosts/);
  });

  it('refuses the AWS-only secret sources, saying what to use locally', () => {
    const c = config({
      subscribers: [slack('s', { webhookUrlSecret: 'slack/ops' })],
      delivery: {
        email: { from: 'a@ngo.dev', smtp: { host: 'smtp.ngo.dev', passwordSecret: 'smtp' } },
      },
    });
    const problems = localConfigProblems(c);
    expect(paths(problems)).toEqual([
      'subscribers.0.slack.webhookUrlSecret',
      'delivery.email.smtp.passwordSecret',
    ]);
    expect(problems[0]?.message).toMatch(/webhookUrlEnv/);
    expect(problems[1]?.message).toMatch(/passwordEnv/);
  });

  it('lists every variable the run needs and does not have, with the export to type', () => {
    const c = config({
      subscribers: [
        slack('a', { webhookUrlEnv: 'SW_TEST_HOOK' }),
        slack('b', { webhookUrlEnv: 'SW_TEST_BAD' }),
        slack('c', { webhookUrlEnv: 'SW_TEST_META' }),
      ],
      delivery: {
        email: {
          from: 'a@ngo.dev',
          smtp: { host: 'smtp.ngo.dev', user: 'u', passwordEnv: 'SW_PW' },
        },
      },
    });
    const env = { SW_TEST_BAD: 'not a url', SW_TEST_META: 'http://169.254.169.254/' };
    const problems = localEnvProblems(c, env);
    expect(paths(problems)).toEqual([
      'subscribers.0.slack.webhookUrlEnv',
      'subscribers.1.slack.webhookUrlEnv',
      'subscribers.2.slack.webhookUrlEnv',
      'delivery.email.smtp.passwordEnv',
    ]);
    expect(problems[0]?.message).toMatch(/SW_TEST_HOOK is not set: export SW_TEST_HOOK=/);
    expect(problems[1]?.message).toMatch(/does not hold an http\(s\) URL/);
    expect(problems[2]?.message).toMatch(/SW_TEST_META points at 169\.254\.169\.254/);
    expect(problems[3]?.message).toMatch(/SW_PW is not set: export SW_PW=.*or remove passwordEnv/);
    const set = { SW_TEST_HOOK: 'https://hooks.slack.com/x', SW_TEST_BAD: 'https://a.dev/' };
    expect(localEnvProblems(c, { ...set, SW_TEST_META: 'https://b.dev/', SW_PW: '' })).toEqual([]);
  });

  it('warns of example addresses left in a copied config', () => {
    const c = config({
      subscribers: [{ id: 'desk', email: 'desk@example.org' }],
      delivery: { email: { from: 'me@ngo.dev', smtp: { host: 'smtp.example.org' } } },
    });
    expect(paths(exampleAddressWarnings(c))).toEqual([
      'subscribers.0.email',
      'delivery.email.smtp.host',
    ]);
  });
});
