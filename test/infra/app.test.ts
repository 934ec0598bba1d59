import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../infra/paths.ts';

// bin/app.ts as `cdk synth` runs it: a fresh process with cdk.json's context, no AWS
// credentials and no CDK_DEFAULT_* variables, with cdk-nag registered as a validation plugin.
// Bundling is skipped here (bundle.test.ts bundles for real).

describe('bin/app.ts', () => {
  it('synthesises the example offline as a trial and passes the cdk-nag plugin', () => {
    const cdkJson = JSON.parse(readFileSync(resolve(REPO_ROOT, 'cdk.json'), 'utf8')) as {
      context: Record<string, unknown>;
    };
    const outdir = mkdtempSync(join(tmpdir(), 'strikewatch-app-'));
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      CDK_OUTDIR: outdir,
      CDK_CONTEXT_JSON: JSON.stringify({
        ...cdkJson.context,
        'aws:cdk:bundling-stacks': [],
        alarmEmail: 'ops@example.org',
        trial: true,
      }),
    };
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'infra/bin/app.ts'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      env,
      timeout: 90_000,
    });
    expect(run.stderr).not.toMatch(/error|failed/i);
    expect(run.status).toBe(0);
    // A trial says so, and lists the example addresses it deploys.
    expect(run.stderr).toMatch(/TRIAL synth of infra\/config\/aws\.example\.yaml/);
    expect(run.stderr).toContain('- delivery.email.from: strikewatch-alerts@example.org');
    expect(run.stderr).toMatch(/no region set, so the stack targets us-east-1/);

    const manifest = JSON.parse(readFileSync(join(outdir, 'manifest.json'), 'utf8')) as {
      artifacts: Record<string, { type: string; environment?: string }>;
    };
    const stacks = Object.entries(manifest.artifacts).filter(
      ([, a]) => a.type === 'aws:cloudformation:stack',
    );
    expect(stacks.map(([id]) => id)).toEqual(['strikewatch']);
    // No credentials: the account stays unresolved, the region falls back to us-east-1.
    expect(stacks[0]?.[1].environment).toBe('aws://unknown-account/us-east-1');

    const template = JSON.parse(
      readFileSync(join(outdir, 'strikewatch.template.json'), 'utf8'),
    ) as { Resources: Record<string, { Type: string; Properties: Record<string, unknown> }> };
    const types = Object.values(template.Resources).map((r) => r.Type);
    expect(types.filter((t) => t === 'AWS::Lambda::Function')).toHaveLength(4);
    expect(JSON.stringify(template)).toContain('strikewatch/slack/analysts');
    rmSync(outdir, { recursive: true, force: true });
  });

  it('refuses to synthesise without -c config (never the example by default), saying what to do', () => {
    const outdir = mkdtempSync(join(tmpdir(), 'strikewatch-app-'));
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'infra/bin/app.ts'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      env: { PATH: process.env.PATH, HOME: process.env.HOME, CDK_OUTDIR: outdir },
      timeout: 90_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('strikewatch: cannot synthesise, no config given');
    expect(run.stderr).toContain('cp infra/config/aws.example.yaml config/strikewatch.prod.yaml');
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(outdir, 'manifest.json'))).toBe(false);
    rmSync(outdir, { recursive: true, force: true });
  });
});
