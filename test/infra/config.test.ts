import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import {
  EXAMPLE_CONFIG_PATH,
  loadSynthConfig,
  PRODUCTION_CONFIG_PATH,
  pollRateMinutes,
  slackWebhookSecretIds,
  synthConfigFromContext,
  targetRegion,
} from '../../infra/config/synth-config.ts';
import { bundlingOptionsFor } from '../../infra/constructs/strikewatch-function.ts';
import { REPO_ROOT } from '../../infra/paths.ts';
import { parseConfig } from '../../shared/config/load-config.ts';
import type { Config } from '../../shared/config/schema.ts';
import { FUNCTION_NAMES } from '../../shared/contracts/functions.ts';
import { ConfigError } from '../../shared/domain/errors.ts';
import { synthStack } from './synth.ts';

function synthError(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error('expected a ConfigError');
}

function writeTemp(name: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'strikewatch-config-'));
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

const BAD_CONFIG = `
feeds:
  - id: Bad Id
    url: ftp://example.org/feed.xml
    intervalMinutes: 0
subscribers:
  - id: desk
    email: desk@example.org
    colour: red
`;

describe('config at synth time', () => {
  it('the bundled example, synthesised as a trial, is valid', () => {
    const config = loadSynthConfig(EXAMPLE_CONFIG_PATH, { trial: true });
    expect(config.feeds.length).toBeGreaterThanOrEqual(3);
    expect(slackWebhookSecretIds(config)).toEqual(['slack/analysts']);
    expect(config.subscribers.some((s) => s.email)).toBe(true);
    expect(config.delivery.email?.from).toMatch(/@/);
  });

  it('a bad config throws a ConfigError listing every problem by path', () => {
    const file = writeTemp('bad.yaml', BAD_CONFIG);
    expect(() => loadSynthConfig(file)).toThrow(ConfigError);
    const message = (() => {
      try {
        loadSynthConfig(file);
        return '';
      } catch (err) {
        return (err as Error).message;
      }
    })();
    expect(message).toContain(`${file} is invalid`);
    for (const path of ['feeds.0.id', 'feeds.0.url', 'feeds.0.intervalMinutes', 'subscribers.0']) {
      expect(message).toContain(`- ${path}:`);
    }
  });

  it('`cdk synth` (the app) fails with that list and no stack trace', () => {
    const file = writeTemp('bad.yaml', BAD_CONFIG);
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'infra/bin/app.ts'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      env: {
        ...process.env,
        CDK_CONTEXT_JSON: JSON.stringify({ config: file }),
        CDK_OUTDIR: mkdtempSync(join(tmpdir(), 'strikewatch-cdk-out-')),
      },
      timeout: 60_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('strikewatch: cannot synthesise');
    expect(run.stderr).toContain('- feeds.0.url: must be an http:// or https:// URL');
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('refuses what cannot work or would leak in AWS, each problem by path (issue 17 item 2)', () => {
    const file = writeTemp(
      'leaky.yaml',
      `
feeds:
  - id: f1
    url: https://news.ngo.dev/rss
subscribers:
  - id: inline
    slack: { webhookUrl: https://hooks.slack.com/services/T/B/X }
  - id: env
    slack: { webhookUrlEnv: STRIKEWATCH_SLACK_WEBHOOK }
  - id: metadata
    slack: { webhookUrlSecret: slack/ops }
  - id: desk
    email: desk@ngo.dev
delivery:
  email:
    from: alerts@ngo.dev
    smtp: { host: 169.254.169.254 }
`,
    );
    const message = synthError(() => loadSynthConfig(file));
    expect(message).toContain(`${file} cannot be deployed to AWS:`);
    for (const path of [
      'subscribers.0.slack.webhookUrl',
      'subscribers.1.slack.webhookUrlEnv',
      'delivery.email.smtp.host',
    ]) {
      expect(message).toContain(`- ${path}:`);
    }
    expect(message).toMatch(/169\.254\.169\.254 is a link-local address/);
    expect(message).not.toContain('subscribers.2');
  });

  it('refuses the example unless the synth is a trial, saying how to make the production config', () => {
    const message = synthError(() => loadSynthConfig(EXAMPLE_CONFIG_PATH));
    expect(message).toContain(`cp ${EXAMPLE_CONFIG_PATH} ${PRODUCTION_CONFIG_PATH}`);
    expect(message).toContain('-c trial=true');
    // A copy that still holds the example's addresses is refused too, by path.
    const copy = writeTemp('copy.yaml', readFileSync(join(REPO_ROOT, EXAMPLE_CONFIG_PATH), 'utf8'));
    const copied = synthError(() => loadSynthConfig(copy));
    expect(copied).toContain(
      '- subscribers.1.email: casualty-desk@example.org is an example address',
    );
    expect(copied).toContain('- delivery.email.from: ');
    expect(loadSynthConfig(copy, { trial: true }).feeds.length).toBeGreaterThan(0);
    // No config at all: refused, unless a trial (which then takes the example).
    expect(synthError(() => synthConfigFromContext({}))).toMatch(
      /no config given\. Create yours from the example .* -c config=config\/strikewatch\.prod\.yaml/,
    );
    expect(synthConfigFromContext({ trial: true }).path).toBe(EXAMPLE_CONFIG_PATH);
  });

  it('one region for bootstrap, deploy and the commands after: a mismatch is said', () => {
    expect(targetRegion({ cli: 'eu-west-1' })).toEqual({ region: 'eu-west-1' });
    expect(targetRegion({ context: 'eu-west-1', cli: 'eu-west-1' })).toEqual({
      region: 'eu-west-1',
    });
    expect(targetRegion({ context: 'eu-west-1', cli: 'us-east-2' }).notice).toMatch(
      /targets eu-west-1 \(-c region\) but your AWS CLI region is us-east-2.*export AWS_REGION=eu-west-1/,
    );
    expect(targetRegion({})).toEqual({
      region: 'us-east-1',
      notice: expect.stringMatching(/no region set.*export AWS_REGION=/),
    });
  });

  it('a missing file says which file and how to pass another', () => {
    expect(() => loadSynthConfig('infra/config/no-such-file.yaml')).toThrow(
      /cannot read config file .*no-such-file\.yaml: ENOENT\. Pass .* -c config=<path>/,
    );
  });

  it('the config reaches the code through esbuild define, not the 4 KB environment', () => {
    const config = loadSynthConfig(EXAMPLE_CONFIG_PATH, { trial: true });
    for (const name of FUNCTION_NAMES) {
      const defined = bundlingOptionsFor(name, config).define?.['process.env.STRIKEWATCH_CONFIG'];
      expect(JSON.parse(JSON.parse(defined as string) as string)).toEqual(config);
    }
    const { template } = synthStack({ config });
    expect(JSON.stringify(template.toJSON())).not.toContain('STRIKEWATCH_CONFIG');
  });
});

/** A valid config built from parts, through the same schema (defaults applied). */
function configWith(raw: Record<string, unknown>): Config {
  return parseConfig({ feeds: [{ id: 'f1', url: 'https://example.org/rss' }], ...raw });
}

describe('stack derived from the config', () => {
  it('polls at the smallest feed interval, with a timeout that fits inside it', () => {
    const config = configWith({
      feeds: [
        { id: 'slow', url: 'https://example.org/a.xml', intervalMinutes: 60 },
        { id: 'fast', url: 'https://example.org/b.xml', intervalMinutes: 3 },
        { id: 'mid', url: 'https://example.org/c.xml', intervalMinutes: 15 },
      ],
    });
    expect(pollRateMinutes(config)).toBe(3);
    const { template } = synthStack({ config });
    template.hasResourceProperties('AWS::Events::Rule', { ScheduleExpression: 'rate(3 minutes)' });
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ POWERTOOLS_SERVICE_NAME: 'poll-feeds' }) },
      Timeout: 180,
    });
  });

  it('creates one secret per distinct webhookUrlSecret, imports ARNs, grants exactly those', () => {
    const arn = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:shared/slack-AbCdEf';
    const config = configWith({
      subscribers: [
        { id: 'a', slack: { webhookUrlSecret: 'slack/ops' } },
        { id: 'b', slack: { webhookUrlSecret: 'slack/ops' } },
        { id: 'c', slack: { webhookUrlSecret: 'slack/editors' } },
        { id: 'd', slack: { webhookUrlSecret: arn } },
        { id: 'e', slack: { webhookUrlEnv: 'LOCAL_ONLY_WEBHOOK' } },
      ],
    });
    const { template } = synthStack({ config });
    template.resourceCountIs('AWS::SecretsManager::Secret', 2);
    // Named after the stack (strikewatch-test); the ARN is imported as it is.
    for (const name of ['strikewatch-test/slack/ops', 'strikewatch-test/slack/editors']) {
      template.hasResourceProperties('AWS::SecretsManager::Secret', { Name: name });
    }
    const secretIds = Object.keys(template.findResources('AWS::SecretsManager::Secret'));
    const policies = template.findResources('AWS::IAM::Policy', {
      Properties: { PolicyName: Match.stringLikeRegexp('^SendAlertsRole') },
    });
    const statements = Object.values(policies).flatMap(
      (p) => p.Properties.PolicyDocument.Statement as { Action: string[]; Resource: unknown }[],
    );
    const secretResources = statements
      .filter((s) => s.Action.includes('secretsmanager:GetSecretValue'))
      .flatMap((s) => s.Resource);
    expect(secretResources).toEqual(
      expect.arrayContaining([...secretIds.map((id) => ({ Ref: id })), arn]),
    );
    expect(secretResources).toHaveLength(3);
  });

  it('wires no SES without email subscribers, and no reservation when told 0', () => {
    const config = configWith({
      subscribers: [{ id: 'a', slack: { webhookUrlSecret: 'slack/ops' } }],
    });
    const { template } = synthStack({ config, props: { sendAlertsConcurrency: 0 } });
    template.resourceCountIs('AWS::SES::ConfigurationSet', 0);
    expect(JSON.stringify(template.toJSON())).not.toContain('ses:SendEmail');
    for (const fn of Object.values(template.findResources('AWS::Lambda::Function'))) {
      expect(fn.Properties.ReservedConcurrentExecutions).toBeUndefined();
    }
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      BatchSize: 10,
      ScalingConfig: Match.absent(),
    });
  });

  it("sizes process-article's batch and timeout from the extraction and network limits", () => {
    const processArticle = (template: ReturnType<typeof synthStack>['template']) => {
      const fn = Object.entries(template.findResources('AWS::Lambda::Function')).find(([id]) =>
        id.startsWith('ProcessArticle'),
      );
      const mapping = Object.values(template.findResources('AWS::Lambda::EventSourceMapping')).find(
        (m) => JSON.stringify(m.Properties.FunctionName).includes(fn?.[0] ?? '?'),
      );
      return {
        timeout: fn?.[1].Properties.Timeout as number,
        batchSize: mapping?.Properties.BatchSize as number,
      };
    };
    // Defaults: 15 s fetches with 2 retries, 15 s extractions: five records fit.
    const defaults = processArticle(synthStack({ config: configWith({}) }).template);
    expect(defaults.batchSize).toBe(5);
    // Slow extraction: fewer records per batch, and every one still fits in the timeout.
    const slow = configWith({ extraction: { timeoutMs: 60_000 } });
    const sized = processArticle(synthStack({ config: slow }).template);
    expect(sized.batchSize).toBeLessThan(defaults.batchSize);
    expect(sized.timeout * 1000).toBeGreaterThanOrEqual(
      3 * slow.network.timeoutMs + sized.batchSize * 2 * slow.extraction.timeoutMs,
    );
    // Limits one article alone cannot meet within Lambda's 15 minutes stop the synth.
    const impossible = configWith({
      network: { timeoutMs: 120_000, retries: 5 },
      extraction: { timeoutMs: 120_000 },
    });
    expect(() => synthStack({ config: impossible })).toThrow(ConfigError);
    expect(() => synthStack({ config: impossible })).toThrow(
      /network\.timeoutMs.*extraction\.timeoutMs/,
    );
  });

  it('refuses a send-alerts reservation too small for the queue and the sweep', () => {
    for (const bad of [1, 2, 2.5]) {
      expect(() => synthStack({ props: { sendAlertsConcurrency: bad } })).toThrow(
        /sendAlertsConcurrency must be 0 \(no reservation\) or an integer of at least 3/,
      );
    }
  });

  it('takes the SES identity as a full ARN, or defaults to the From domain', () => {
    const identityArn = 'arn:aws:ses:eu-west-1:123456789012:identity/alerts.example.net';
    const { template } = synthStack({ props: { sesIdentity: identityArn } });
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ SES_FROM_IDENTITY_ARN: identityArn }) },
    });
    const fallback = synthStack({ props: { sesIdentity: undefined } }).template;
    fallback.hasResourceProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: Match.objectLike({
          SES_FROM_IDENTITY_ARN: 'arn:aws:ses:eu-west-1:123456789012:identity/example.org',
        }),
      },
    });
  });
});
