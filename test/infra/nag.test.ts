import { Stack, Validations } from 'aws-cdk-lib';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { StrikewatchStack } from '../../infra/stacks/strikewatch-stack.ts';
import { synthStack } from './synth.ts';

// cdk-nag 3 is a CDK policy-validation plugin: it reports violations (severity error or
// warning) instead of annotations, and honours `Validations.of(x).acknowledge()`, each naming
// one exact finding. bin/app.ts registers it on the app, so `cdk synth` fails on a finding
// (app.test.ts runs it that way).

let stack: StrikewatchStack;
beforeAll(() => {
  ({ stack } = synthStack());
});

/** Every acknowledgement in the tree: construct path, rule id, reason. */
function acknowledgements(root: IConstruct): { path: string; id: string; reason: string }[] {
  return root.node.findAll().flatMap((c) =>
    c.node.metadata
      .filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((m) =>
        Object.entries(m.data as Record<string, string>).map(([id, reason]) => ({
          path: c.node.path,
          id: id.replace(/^annotation::/i, ''),
          reason,
        })),
      ),
  );
}

describe('cdk-nag AwsSolutions', () => {
  it('finds no unacknowledged errors and no warnings', () => {
    const report = new AwsSolutionsChecks(undefined, { verbose: true }).validateScope(stack);
    const describe = (severity: string) =>
      report.violations
        .filter((v) => v.severity === severity)
        .map((v) => `${v.ruleName} at ${v.violatingResources.map((r) => r.constructPath)}`);
    expect(describe('error')).toEqual([]);
    expect(describe('warning')).toEqual([]);
    expect(report.success).toBe(true);
  });

  it('is live: the same pack flags a queue that allows plain HTTP', () => {
    const probe = new Stack(undefined, 'probe');
    new Queue(probe, 'PlainQueue');
    const report = new AwsSolutionsChecks().validateScope(probe);
    expect(report.violations.map((v) => v.ruleName)).toContain('AwsSolutions-SQS4');
  });

  it('acknowledges only the findings reviewed here, each with a specific reason', () => {
    const acks = acknowledgements(stack);
    for (const ack of acks) {
      expect(ack.reason.length, `${ack.id} at ${ack.path}`).toBeGreaterThan(60);
    }
    const byRule = (id: string) => acks.filter((a) => a.id.startsWith(id)).map((a) => a.path);
    // X-Ray has no resource-level permissions: one per function role.
    expect(acks.filter((a) => a.id === 'AwsSolutions-IAM5[Resource::*]')).toHaveLength(4);
    // grant{Read,ReadWrite}Data covers <table>/index/* for the GSIs: one per function role.
    expect(
      acks.filter((a) =>
        /^AwsSolutions-IAM5\[Resource::<DataTable\w+\.Arn>\/index\/\*\]$/.test(a.id),
      ),
    ).toHaveLength(4);
    // The runtime is pinned to Node.js 22 by the project: one per function.
    expect(byRule('AwsSolutions-L1')).toHaveLength(4);
    // Slack webhook URLs are reissued in Slack, not rotated: one per secret.
    expect(byRule('AwsSolutions-SMG4')).toHaveLength(1);
    expect(acks).toHaveLength(13);
  });
});
