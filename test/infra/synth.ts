import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { App, type IPolicyValidationPlugin, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { loadSynthConfig } from '../../infra/config/synth-config.ts';
import { entryFor, FUNCTION_NAMES } from '../../infra/constructs/strikewatch-function.ts';
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

/**
 * The real functions/ folder once every handler exists. Template tests skip bundling, so they
 * only need the entry files to exist (NodejsFunction checks); until the lead's handlers land they
 * get stubs. The bundle test never falls back: it fails while a handler is missing.
 */
function functionsDirForTemplates(): string | undefined {
  if (FUNCTION_NAMES.every((name) => existsSync(entryFor(name)))) return undefined;
  // Under the repo (NodejsFunction wants entries inside projectRoot) but git-ignored.
  const cache = join(REPO_ROOT, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(join(cache, 'strikewatch-stub-functions-'));
  for (const name of FUNCTION_NAMES) {
    mkdirSync(join(dir, name));
    writeFileSync(join(dir, name, 'handler.ts'), 'export const handler = async () => {};\n');
  }
  return dir;
}

export interface SynthOptions {
  readonly config?: Config;
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
  const config = options.config ?? loadSynthConfig();
  const functionsDir = functionsDirForTemplates();
  const stack = new StrikewatchStack(app, 'strikewatch-test', {
    env: { account: '123456789012', region: 'eu-west-1' },
    config,
    sesIdentity: 'example.org',
    alarmEmail: 'ops@example.org',
    ...(functionsDir ? { functionsDir } : {}),
    ...options.props,
  });
  const template = Template.fromStack(stack);
  return { stack, template, config };
}
