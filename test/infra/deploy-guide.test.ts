import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_CONFIG_PATH, PRODUCTION_CONFIG_PATH } from '../../infra/config/synth-config.ts';
import { REPO_ROOT } from '../../infra/paths.ts';
import { synthStack } from './synth.ts';

// The README's deploy guide as an operator follows it (issue 17 item 5): its steps in the order
// they are run, one region for every command, no deploy without the production config, and a
// smoke test whose look-ups find the functions of the synthesised stack.

const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
const guide = readme.slice(
  readme.indexOf("## Operators' guide"),
  readme.indexOf('\n## ', readme.indexOf("## Operators' guide") + 5),
);
/** The shell lines of the guide's code blocks. */
const commands = [...guide.matchAll(/```sh\n([\s\S]*?)```/g)].flatMap((m) =>
  (m[1] ?? '').split('\n').filter((l) => l.trim() && !l.trim().startsWith('#')),
);

describe("the README's deploy guide", () => {
  it('has its steps numbered in order', () => {
    const steps = [...guide.matchAll(/^### (\d+)\. /gm)].map((m) => Number(m[1]));
    expect(steps).toEqual(steps.map((_, i) => i + 1));
    expect(steps.length).toBeGreaterThanOrEqual(8);
  });

  it('runs what an operator runs, in that order', () => {
    const order = [
      'export AWS_REGION=',
      `cp ${EXAMPLE_CONFIG_PATH} ${PRODUCTION_CONFIG_PATH}`,
      `npx strikewatch validate --target aws ${PRODUCTION_CONFIG_PATH}`,
      'aws sesv2 create-email-identity',
      'npx cdk bootstrap',
      'npx cdk deploy $CDK_ARGS',
      'aws secretsmanager put-secret-value',
      'aws lambda invoke --function-name "$POLL"',
      `--payload '{"notifyTest": true}'`,
    ];
    const at = order.map((text) => commands.findIndex((l) => l.includes(text)));
    expect(
      at.every((i) => i >= 0),
      `missing: ${order.filter((_, i) => (at[i] ?? -1) < 0)}`,
    ).toBe(true);
    expect(at).toEqual([...at].sort((a, b) => a - b));
    expect(guide).toContain('npx strikewatch notify test --config');
  });

  it('never runs cdk without the production config (or an explicit trial)', () => {
    const cdk = commands.filter((l) => /npx cdk (synth|diff|deploy|destroy)\b/.test(l));
    expect(cdk.length).toBeGreaterThanOrEqual(3);
    for (const line of cdk) expect(line).toMatch(/\$CDK_ARGS|-c trial=true/);
    const args = commands.find((l) => l.startsWith('CDK_ARGS='));
    expect(args).toContain(`-c config=${PRODUCTION_CONFIG_PATH}`);
    for (const key of [...(args ?? '').matchAll(/-c (\w+)=/g)].map((m) => m[1])) {
      expect(['config', 'sesIdentity', 'alarmEmail', 'sendAlertsConcurrency']).toContain(key);
    }
  });

  it('names the region once: every later command takes it from AWS_REGION', () => {
    const regions = commands.filter((l) => /\b[a-z]{2}-[a-z]+-\d\b/.test(l));
    expect(regions).toHaveLength(1);
    expect(regions[0]).toMatch(/^export AWS_REGION=/);
    expect(commands.find((l) => l.includes('npx cdk bootstrap'))).toContain('$AWS_REGION');
    expect(commands.some((l) => /-c region=/.test(l))).toBe(false);
  });

  it("finds the smoke test's functions by the logical ids of the stack", () => {
    const prefixes = [...guide.matchAll(/\$\(fn (\w+)\)/g)].map((m) => m[1] as string);
    expect(prefixes).toEqual(expect.arrayContaining(['PollFeeds', 'SendAlerts']));
    const functions = Object.keys(synthStack().template.findResources('AWS::Lambda::Function'));
    for (const prefix of prefixes) {
      expect(
        functions.filter((id) => id.startsWith(prefix)),
        prefix,
      ).toHaveLength(1);
    }
  });
});
