import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXAMPLE_CONFIG_PATH, loadSynthConfig } from '../../infra/config/synth-config.ts';
import {
  bundlingOptionsFor,
  EXTRA_ENTRIES,
  entryFor,
  NODE_MODULES,
} from '../../infra/constructs/strikewatch-function.ts';
import { REPO_ROOT } from '../../infra/paths.ts';
import { bundleFunction, fakeLambdaEnv, loadInFreshNode } from '../../infra/tools/local-bundle.ts';
import { ENV_NOT_FROM_STACK, requiredEnv } from '../../shared/contracts/function-env.ts';
import { FUNCTION_NAMES } from '../../shared/contracts/functions.ts';

// The one test that really bundles: each function with the construct's own esbuild options,
// then loaded in a fresh Node process as a cold start would. Template tests skip bundling.

const config = loadSynthConfig(EXAMPLE_CONFIG_PATH, { trial: true });
const outRoot = mkdtempSync(join(tmpdir(), 'strikewatch-bundles-'));
afterAll(() => rmSync(outRoot, { recursive: true, force: true }));

describe.each(FUNCTION_NAMES)('%s bundle', (name) => {
  it('bundles with the stack options, loads in a fresh node and exports handler', async () => {
    const entry = entryFor(name);
    expect(existsSync(entry), `${relative(REPO_ROOT, entry)} is missing (lead's handler)`).toBe(
      true,
    );
    const bundle = await bundleFunction(name, config, join(outRoot, name));

    // ESM with the createRequire banner, minified, with a linked source map.
    const code = readFileSync(bundle.file, 'utf8');
    expect(code.startsWith('import { createRequire as strikewatchCreateRequire }')).toBe(true);
    expect(code).toMatch(/\/\/# sourceMappingURL=index\.mjs\.map\s*$/);
    expect(existsSync(`${bundle.file}.map`)).toBe(true);

    // jsdom is shipped as node_modules where the function needs it, and never bundled.
    const jsdomInputs = bundle.inputs.filter((i) => i.includes('node_modules/jsdom/'));
    expect(jsdomInputs).toEqual([]);
    for (const pkg of NODE_MODULES[name]) expect(bundle.externalImports).toContain(pkg);
    const unexpected = bundle.externalImports.filter(
      (i) => !isBuiltin(i) && !NODE_MODULES[name].includes(packageName(i)),
    );
    expect(unexpected, 'bare imports the Lambda asset would not contain').toEqual([]);

    // The config is compiled in through esbuild define: the bootstrap must read
    // process.env.STRIKEWATCH_CONFIG literally for that to happen.
    const withConfig = [
      code,
      ...EXTRA_ENTRIES[name]
        .filter((e) => e.withConfig)
        .map((e) => readFileSync(join(outRoot, name, e.outfile), 'utf8')),
    ].join('\n');
    expect(
      withConfig,
      'config not compiled in: read process.env.STRIKEWATCH_CONFIG directly',
    ).toContain(config.feeds[0]?.url);

    // Extra files sit beside index.mjs, where the handler and worker-extractor.ts look for them.
    for (const e of EXTRA_ENTRIES[name]) {
      expect(bundle.extraFiles).toContain(join(outRoot, name, e.outfile));
    }
    for (const f of bundle.extraFiles) expect(existsSync(f), f).toBe(true);

    // process-article resolves only once its app.mjs is loaded and its bundled extraction worker
    // has loaded jsdom.
    const loaded = loadInFreshNode([bundle.file], { env: fakeLambdaEnv(name) });
    expect(loaded.ok, loaded.stderr).toBe(true);
    // Nothing on stderr but the SDK's notice about Node 20 (only here: Lambda runs Node 22).
    expect(loaded.stderr.replace(SDK_NODE_NOTICE, '')).toBe('');
    expect(loaded.handlerType).toBe('function');

    // The cold start parses the function's own env schema: without a variable the stack sets
    // (here the last one it requires, e.g. poll-feeds' queue URL), the load fails, naming it.
    const missing = requiredEnv(name)
      .filter((v) => !ENV_NOT_FROM_STACK.includes(v))
      .at(-1) as string;
    const { [missing]: _dropped, ...withoutIt } = fakeLambdaEnv(name);
    const broken = loadInFreshNode([bundle.file], { env: withoutIt });
    expect(broken.ok).toBe(false);
    expect(broken.stderr).toContain(`${name} cannot start`);
    expect(broken.stderr).toContain(`- ${missing}: is not set`);
  });
});

describe('extra files in the CDK asset', () => {
  it("process-article's afterBundling hook builds its app and extraction worker into the asset", () => {
    const hooks = bundlingOptionsFor('process-article', config).commandHooks;
    const out = join(outRoot, 'cdk-asset');
    const commands = hooks?.afterBundling(REPO_ROOT, out) ?? [];
    expect(commands).toHaveLength(1);
    // Run as CDK's local bundling runs it: through a shell.
    const run = spawnSync('bash', ['-c', commands.join(' && ')], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    for (const e of EXTRA_ENTRIES['process-article']) {
      expect(existsSync(join(out, e.outfile)), e.outfile).toBe(true);
    }
    // The app has the config compiled in, as the CDK-built handler would.
    expect(readFileSync(join(out, 'app.mjs'), 'utf8')).toContain(config.feeds[0]?.url);
    expect(bundlingOptionsFor('poll-feeds', config).commandHooks).toBeUndefined();
  });
});

describe('query bundle', () => {
  it('loads jsdom and Plot only in report.mjs, the GET /report route, never on the JSON routes', async () => {
    const bundle = await bundleFunction('query', config, join(outRoot, 'query-report'));
    const jsdomImport = /from\s*["']jsdom["']|import\(["']jsdom["']\)/;
    expect(readFileSync(bundle.file, 'utf8')).not.toMatch(jsdomImport);
    expect(bundle.inputs.some((i) => i.includes('@observablehq/plot'))).toBe(true);
    const report = join(outRoot, 'query-report', 'report.mjs');
    expect(bundle.extraFiles).toContain(report);
    expect(readFileSync(report, 'utf8')).toMatch(jsdomImport);
    expect(readFileSync(bundle.file, 'utf8')).not.toContain('observablehq');
  });
});

const SDK_NODE_NOTICE =
  /\(node:\d+\) Warning: NodeVersionSupportWarning[\s\S]*?where the warning was created\)\n?/g;

function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return (specifier.startsWith('@') ? parts.slice(0, 2) : parts.slice(0, 1)).join('/');
}

function isBuiltin(specifier: string): boolean {
  return specifier.startsWith('node:') || BUILTINS.has(specifier.split('/')[0] ?? '');
}
const BUILTINS = new Set(builtinModules.map((m) => m.split('/')[0] ?? m));
