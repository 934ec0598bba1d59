import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { App, type IPolicyValidationPlugin, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { EXAMPLE_CONFIG_PATH, loadSynthConfig } from '../../infra/config/synth-config.ts';
import { REPO_ROOT } from '../../infra/paths.ts';
import {
  StrikewatchStack,
  type StrikewatchStackProps,
} from '../../infra/stacks/strikewatch-stack.ts';
import type { Config } from '../../shared/config/schema.ts';

/** The feature flags of cdk.json, so tests synthesise what `cdk synth` does. */
function cdkJsonContext(): Record<string, unknown> {
  const cdkJson = JSON.parse(readFileSync(resolve(REPO_ROOT, 'cdk.json'), 'utf8')) as {
    context?: Record<string, unknown>;
  };
  return cdkJson.context ?? {};
}

export interface SynthOptions {
  readonly config?: Config;
  /** Default `strikewatch-test`. */
  readonly stackName?: string;
  readonly props?: Partial<Omit<StrikewatchStackProps, 'config'>>;
  /** Policy-validation plugins run by the synth, as bin/app.ts registers cdk-nag. */
  readonly plugins?: (app: App) => IPolicyValidationPlugin[];
}

/** Synthesises the stack with bundling skipped: fast, and no esbuild or npm runs. */
export function synthStack(options: SynthOptions = {}): {
  stack: StrikewatchStack;
  template: Template;
  config: Config;
} {
  const app = new App({
    context: { ...cdkJsonContext(), 'aws:cdk:bundling-stacks': [] },
  });
  if (options.plugins) Validations.of(app).addPlugins(...options.plugins(app));
  const config = options.config ?? loadSynthConfig(EXAMPLE_CONFIG_PATH, { trial: true });
  const stack = new StrikewatchStack(app, options.stackName ?? 'strikewatch-test', {
    env: { account: '123456789012', region: 'eu-west-1' },
    config,
    sesIdentity: 'example.org',
    alarmEmail: 'ops@example.org',
    ...options.props,
  });
  const template = Template.fromStack(stack);
  return { stack, template, config };
}
