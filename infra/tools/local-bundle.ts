import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import type { Config } from '../../shared/config/schema.ts';
import { ENV, type EnvName, readsEnv } from '../../shared/contracts/function-env.ts';
import type { FunctionName } from '../../shared/contracts/functions.ts';
import { METRICS_NAMESPACE } from '../../shared/contracts/metrics.ts';
import {
  esbuildOptionsFor,
  extraEntryBuildOptions,
  NODE_MODULES,
} from '../constructs/strikewatch-function.ts';
import { REPO_ROOT } from '../paths.ts';

// Builds a function the way `cdk synth` does (same esbuild options, see esbuildOptionsFor) and
// loads it in a fresh Node process, the way a Lambda cold start does. Used by the bundle test
// and scripts/bench/bundle-size.ts; needs no AWS and no network.

export interface LocalBundle {
  readonly name: FunctionName;
  readonly file: string;
  /** Files built beside it (process-article's app.mjs and extraction worker). */
  readonly extraFiles: readonly string[];
  /** Of all its JavaScript files together (index.mjs and the extra files). */
  readonly bytes: number;
  readonly gzipBytes: number;
  /** Source files esbuild put in the bundle (repo-relative). */
  readonly inputs: readonly string[];
  /** Bare imports left in the handler and its workers (node builtins, node_modules packages). */
  readonly externalImports: readonly string[];
}

export async function bundleFunction(
  name: FunctionName,
  config: Config,
  outDir: string,
): Promise<LocalBundle> {
  mkdirSync(outDir, { recursive: true });
  const options = esbuildOptionsFor(name, config, join(outDir, 'index.mjs'));
  const result = await build({ ...options, metafile: true });
  const extras = [];
  const extraOptions = extraEntryBuildOptions(name, config, outDir);
  for (const extra of extraOptions) extras.push(await build({ ...extra, metafile: true }));
  // CDK installs the node_modules packages (jsdom) into the asset with npm; locally the repo's
  // installed copy stands in. ESM ignores NODE_PATH, so it has to be a real node_modules folder.
  if (NODE_MODULES[name].length > 0 && !existsSync(join(outDir, 'node_modules'))) {
    symlinkSync(resolve(REPO_ROOT, 'node_modules'), join(outDir, 'node_modules'), 'dir');
  }
  const files = [options.outfile, ...extraOptions.map((e) => e.outfile)];
  const code = files.map((f) => readFileSync(f));
  const metafiles = [result, ...extras].map((r) => r.metafile);
  const imports = metafiles.flatMap((m) =>
    Object.values(m.outputs)
      .filter((o) => o.entryPoint !== undefined)
      .flatMap((o) => o.imports),
  );
  return {
    name,
    file: options.outfile,
    extraFiles: extraOptions.map((e) => e.outfile),
    bytes: files.reduce((sum, f) => sum + statSync(f).size, 0),
    gzipBytes: code.reduce((sum, c) => sum + gzipSync(c).length, 0),
    inputs: [...new Set(metafiles.flatMap((m) => Object.keys(m.inputs)))],
    externalImports: [...new Set(imports.filter((i) => i.external).map((i) => i.path))].sort(),
  };
}

/**
 * The environment the stack gives each function, with stand-in values: every variable of the
 * function's env schema (shared/contracts/function-env.ts), plus the Powertools and Lambda ones.
 */
export function fakeLambdaEnv(name: FunctionName): Record<string, string> {
  const stand: Partial<Record<EnvName, string>> = {
    [ENV.tableName]: 'strikewatch-local-table',
    [ENV.region]: 'us-east-1',
    [ENV.articleQueueUrl]: 'https://sqs.us-east-1.amazonaws.com/123456789012/articles',
    [ENV.alertQueueUrl]: 'https://sqs.us-east-1.amazonaws.com/123456789012/alerts',
    [ENV.slackWebhookSecrets]: JSON.stringify({
      'slack/analysts':
        'arn:aws:secretsmanager:us-east-1:123456789012:secret:strikewatch/slack/analysts-AbCdEf',
    }),
    [ENV.sesConfigurationSet]: 'strikewatch',
    [ENV.sesFromIdentityArn]: 'arn:aws:ses:us-east-1:123456789012:identity/example.org',
  };
  const own = Object.fromEntries(
    Object.entries(stand).filter(([key]) => readsEnv(name, key as EnvName)),
  ) as Record<string, string>;
  return {
    ...own,
    POWERTOOLS_SERVICE_NAME: name,
    POWERTOOLS_METRICS_NAMESPACE: METRICS_NAMESPACE,
    LOG_LEVEL: 'ERROR',
    AWS_LAMBDA_FUNCTION_NAME: `strikewatch-${name}`,
  };
}

export interface LoadResult {
  readonly ok: boolean;
  /**
   * Milliseconds spent in `await import()` of the module(s), and for process-article until its
   * app is loaded and its extraction worker ready: the cold start up to the first page.
   */
  readonly importMs: number;
  /** `typeof` the module's `handler` export ('undefined' when it has none). */
  readonly handlerType: string;
  readonly stderr: string;
}

/**
 * Imports modules in a brand-new Node process and reports how long the import took: nothing is
 * cached, as in a cold start. `specifiers` are file paths or bare package names (resolved from
 * `cwd`).
 */
export function loadInFreshNode(
  specifiers: readonly string[],
  options: { cwd?: string; env?: Record<string, string> } = {},
): LoadResult {
  const urls = specifiers.map((s) => (s.startsWith('/') ? pathToFileURL(s).href : s));
  const script = `
    const t0 = performance.now();
    let last;
    for (const u of ${JSON.stringify(urls)}) last = await import(u);
    // process-article is ready for its first page once its app is loaded and its extraction
    // worker has loaded jsdom.
    if (typeof last?.ready === 'function') await last.ready();
    const importMs = performance.now() - t0;
    process.stdout.write(JSON.stringify({ importMs, handlerType: typeof last?.handler }));
  `;
  const run = spawnSync(
    process.execPath,
    ['--enable-source-maps', '--input-type=module', '-e', script],
    {
      cwd: options.cwd ?? REPO_ROOT,
      encoding: 'utf8',
      // Only PATH and HOME from the parent: no AWS credentials or tsx loaders leak in.
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        ...options.env,
      },
      timeout: 60_000,
    },
  );
  if (run.status !== 0) {
    return { ok: false, importMs: Number.NaN, handlerType: 'undefined', stderr: run.stderr };
  }
  const parsed = JSON.parse(run.stdout) as { importMs: number; handlerType: string };
  return { ok: true, ...parsed, stderr: run.stderr };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}
