import { join, resolve } from 'node:path';
import { type CfnElement, type Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import {
  type BundlingOptions,
  type ICommandHooks,
  NodejsFunction,
  OutputFormat,
} from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import type { BuildOptions } from 'esbuild';
import type { Config } from '../../shared/config/schema.ts';
import { ENV, type EnvName, readsEnv } from '../../shared/contracts/function-env.ts';
import type { FunctionName } from '../../shared/contracts/functions.ts';
import { METRICS_NAMESPACE } from '../../shared/contracts/metrics.ts';
import { FUNCTION_TABLE_ACCESS, TABLE_ACTIONS } from '../../shared/contracts/table-access.ts';
import { FUNCTIONS_DIR, REPO_ROOT } from '../paths.ts';

/**
 * Packages shipped as real node_modules instead of bundled. jsdom reads files next to its own
 * sources at run time (the XHR sync worker, default stylesheet) and requires optional native
 * deps, so esbuild cannot inline it; CDK installs it into the asset with npm at bundling time.
 * Only the functions that parse HTML pay for it.
 */
export const NODE_MODULES: Readonly<Record<FunctionName, readonly string[]>> = {
  'poll-feeds': [],
  'process-article': ['jsdom'],
  'send-alerts': [],
  // GET /report renders its charts into a jsdom document (report.mjs, loaded on that route only).
  query: ['jsdom'],
};

export interface ExtraEntry {
  /** Repo-relative source. */
  readonly entry: string;
  /** File name beside index.mjs. */
  readonly outfile: string;
  /** Whether the config is compiled in (code that reads it). */
  readonly withConfig: boolean;
}

/**
 * Files built beside a function's index.mjs. process-article's handler is a small file that
 * starts the extraction worker (extraction-worker.mjs, loaded by shared/extract/
 * worker-extractor.ts) and then loads the rest of the function (app.mjs), so that jsdom loads
 * in the worker while the app loads: see functions/process-article/handler.ts.
 */
export const EXTRA_ENTRIES: Readonly<Record<FunctionName, readonly ExtraEntry[]>> = {
  'poll-feeds': [],
  'process-article': [
    { entry: 'functions/process-article/app.ts', outfile: 'app.mjs', withConfig: true },
    {
      entry: 'shared/extract/extraction-worker.ts',
      outfile: 'extraction-worker.mjs',
      withConfig: false,
    },
  ],
  'send-alerts': [],
  // GET /report: the analyst report (jsdom, Observable Plot) in its own file, imported on that
  // route only (functions/query/handler.ts), so the JSON routes' cold start never loads it.
  query: [{ entry: 'functions/query/report.ts', outfile: 'report.mjs', withConfig: false }],
};

const RUNTIME = Runtime.NODEJS_22_X;
const NODE_TARGET = 'node22';

// ESM output runs CommonJS dependencies that call `require` (the X-Ray SDK under the Powertools
// tracer, jsdom's callers); ESM has no `require`, so the bundle makes one. The alias avoids a
// clash with any `createRequire` import esbuild hoists from the bundled code.
const ESM_REQUIRE_BANNER =
  "import { createRequire as strikewatchCreateRequire } from 'node:module';" +
  'const require = strikewatchCreateRequire(import.meta.url);';

export function entryFor(name: FunctionName): string {
  return resolve(FUNCTIONS_DIR, name, 'handler.ts');
}

/**
 * The one set of esbuild options every function is built with. The stack passes it to CDK; the
 * bundle test and the bench convert it with `esbuildOptionsFor`, so what they measure is what
 * ships.
 */
/** `config: null` for code that reads no config (worker scripts): nothing is defined. */
export function bundlingOptionsFor(name: FunctionName, config: Config | null): BundlingOptions {
  const nodeModules = [...NODE_MODULES[name]];
  return {
    format: OutputFormat.ESM,
    target: NODE_TARGET,
    // Prefer packages' ESM builds: they tree-shake better than their CJS ones.
    mainFields: ['module', 'main'],
    minify: true,
    keepNames: true,
    // Linked maps: `--enable-source-maps` finds them through the sourceMappingURL comment.
    sourceMap: true,
    // Stack traces need file names and lines, not the sources: keeps the asset small.
    sourcesContent: false,
    // Bundle the AWS SDK too instead of using the runtime's copy: the versions we tested are the
    // versions that run, and tree-shaking keeps only the clients a function uses.
    externalModules: [],
    ...(nodeModules.length > 0 ? { nodeModules } : {}),
    banner: ESM_REQUIRE_BANNER,
    // The config is baked into the code rather than an env var: Lambda caps all env vars at
    // 4 KB together, which a few dozen feeds exceed. Double-stringified: esbuild wants a JS
    // expression, and the bootstrap wants the JSON text.
    ...(config
      ? { define: { 'process.env.STRIKEWATCH_CONFIG': JSON.stringify(JSON.stringify(config)) } }
      : {}),
    // Extra files are built by the same code as the bench's and the tests' local bundles.
    ...(EXTRA_ENTRIES[name].length > 0 ? { commandHooks: extraEntriesHook(name, config) } : {}),
  };
}

/**
 * Converts `bundlingOptionsFor` into esbuild's own options, the way CDK does on the command line.
 * An option it does not know throws, so a new bundling option cannot silently make the local
 * builds (test, bench) differ from the deployed ones.
 */
export function esbuildOptionsFor(
  name: FunctionName,
  config: Config | null,
  outfile: string,
): BuildOptions & { outfile: string } {
  const b = bundlingOptionsFor(name, config);
  const handled = new Set([
    'format',
    'target',
    'mainFields',
    'minify',
    'keepNames',
    'sourceMap',
    'sourcesContent',
    'externalModules',
    'nodeModules',
    'banner',
    'define',
    // Runs build-extra-entries.ts, which the local builds call directly (extraEntryBuildOptions).
    'commandHooks',
  ]);
  for (const key of Object.keys(b)) {
    if (!handled.has(key)) throw new Error(`esbuildOptionsFor does not map bundling.${key}`);
  }
  return {
    entryPoints: [entryFor(name)],
    outfile,
    bundle: true,
    platform: 'node',
    format: b.format === OutputFormat.ESM ? 'esm' : 'cjs',
    ...(b.target ? { target: b.target } : {}),
    ...(b.mainFields ? { mainFields: b.mainFields } : {}),
    minify: b.minify ?? false,
    keepNames: b.keepNames ?? false,
    sourcemap: b.sourceMap ? 'linked' : false,
    sourcesContent: b.sourcesContent ?? true,
    // CDK marks node_modules packages external as well as externalModules.
    external: [...(b.externalModules ?? ['@aws-sdk/*']), ...(b.nodeModules ?? [])],
    ...(b.banner ? { banner: { js: b.banner } } : {}),
    ...(b.define ? { define: b.define } : {}),
    absWorkingDir: REPO_ROOT,
    logLevel: 'warning',
  };
}

/** esbuild options of a function's extra files: the function's own, each with its entry. */
export function extraEntryBuildOptions(
  name: FunctionName,
  config: Config | null,
  outDir: string,
): (BuildOptions & { outfile: string })[] {
  return EXTRA_ENTRIES[name].map((e) => {
    if (e.withConfig && !config) throw new Error(`${e.entry} needs the config compiled in`);
    return {
      ...esbuildOptionsFor(name, e.withConfig ? config : null, join(outDir, e.outfile)),
      entryPoints: [resolve(REPO_ROOT, e.entry)],
    };
  });
}

/**
 * CDK runs this after bundling the handler: build-extra-entries.ts builds the extra files into
 * the asset. The config travels base64-encoded on the command line: nothing to quote for the
 * shell, and no file to leave behind (CDK builds this command even for stacks it does not
 * bundle).
 */
function extraEntriesHook(name: FunctionName, config: Config | null): ICommandHooks {
  const encoded = Buffer.from(JSON.stringify(config)).toString('base64');
  return {
    beforeBundling: () => [],
    beforeInstall: () => [],
    afterBundling: (inputDir: string, outputDir: string) => [
      `cd "${inputDir}" && "${process.execPath}" --import tsx infra/tools/build-extra-entries.ts ${name} "${outputDir}" "${encoded}"`,
    ],
  };
}

export interface StrikewatchFunctionProps {
  readonly name: FunctionName;
  /** Validated config, bundled into the code. */
  readonly config: Config;
  readonly description: string;
  readonly memorySize: number;
  readonly timeout: Duration;
  readonly logLevel?: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';
  readonly logRetention?: RetentionDays;
  readonly reservedConcurrentExecutions?: number;
}

/**
 * The one way this app builds a Lambda: Node.js 22 on arm64 (cheaper per GB-second), ESM,
 * minified with source maps, X-Ray tracing, Powertools settings, its own log group with a
 * retention, and a role that can write to that log group and nothing else until granted. Its
 * environment is set only through the `bind*` methods, each checked against the function's env
 * schema (shared/contracts/function-env.ts): what the stack sets is what the code reads.
 */
export class StrikewatchFunction extends NodejsFunction {
  readonly functionRole: Role;
  /** The function this is (its folder in functions/, its Powertools service name). */
  readonly serviceName: FunctionName;

  constructor(scope: Construct, id: string, props: StrikewatchFunctionProps) {
    // Made before super() so the function can be given them; they are the function's siblings.
    const logGroup = new LogGroup(scope, `${id}Logs`, {
      retention: props.logRetention ?? RetentionDays.ONE_MONTH,
      // Operational logs only: they go with the stack (the data table is the one kept).
      removalPolicy: RemovalPolicy.DESTROY,
    });
    // An explicit role instead of the AWSLambdaBasicExecutionRole managed policy, which lets the
    // function write to every log group in the account.
    const role = new Role(scope, `${id}Role`, {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `strikewatch ${props.name} function`,
    });
    logGroup.grantWrite(role);

    super(scope, id, {
      entry: entryFor(props.name),
      handler: 'handler',
      runtime: RUNTIME,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize,
      timeout: props.timeout,
      description: props.description,
      role,
      logGroup,
      tracing: Tracing.ACTIVE,
      ...(props.reservedConcurrentExecutions !== undefined
        ? { reservedConcurrentExecutions: props.reservedConcurrentExecutions }
        : {}),
      projectRoot: REPO_ROOT,
      depsLockFilePath: resolve(REPO_ROOT, 'package-lock.json'),
      bundling: bundlingOptionsFor(props.name, props.config),
      environment: {
        POWERTOOLS_SERVICE_NAME: props.name,
        POWERTOOLS_METRICS_NAMESPACE: METRICS_NAMESPACE,
        LOG_LEVEL: props.logLevel ?? 'INFO',
        // Maps minified stack traces back to the TypeScript sources in the logs.
        NODE_OPTIONS: '--enable-source-maps',
      },
    });
    this.functionRole = role;
    this.serviceName = props.name;
    acknowledgeFunctionFindings(this, role);
  }

  /**
   * Sets a variable of the function's env schema. Refuses one the schema does not read: a
   * variable set for the wrong function is a wiring mistake, caught at synth.
   */
  bindEnvironment(variable: EnvName, value: string): void {
    if (!readsEnv(this.serviceName, variable)) {
      throw new Error(
        `${this.serviceName} does not read ${variable} (shared/contracts/function-env.ts)`,
      );
    }
    this.addEnvironment(variable, value);
  }

  /**
   * Grants exactly the table operations the code issues for this function (the contract's
   * FUNCTION_TABLE_ACCESS: no Scan, no DeleteItem, no stream reads) and tells the code which
   * table, in one call, so neither is forgotten.
   */
  bindTable(table: ITable): void {
    table.grant(this, ...TABLE_ACTIONS[FUNCTION_TABLE_ACCESS[this.serviceName]]);
    this.bindEnvironment(ENV.tableName, table.tableName);
    const tableLogicalId = Stack.of(table).getLogicalId(table.node.defaultChild as CfnElement);
    Validations.of(this.functionRole).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${tableLogicalId}.Arn>/index/*]`,
      reason:
        'Queries use the GSIs gsi1 and gsi2 of this one table; the grant covers ' +
        '<table ARN>/index/* of this table only, not other tables.',
    });
  }

  /** Lets the function send to a queue and tells it the queue's URL under `variable`. */
  bindQueue(queue: IQueue, variable: typeof ENV.articleQueueUrl | typeof ENV.alertQueueUrl): void {
    queue.grantSendMessages(this);
    this.bindEnvironment(variable, queue.queueUrl);
  }
}

/** cdk-nag v3 reads CDK's own acknowledgements; each names the exact finding it accepts. */
function acknowledgeFunctionFindings(fn: NodejsFunction, role: Role): void {
  Validations.of(role).acknowledge({
    id: 'AwsSolutions-IAM5[Resource::*]',
    reason:
      'Active X-Ray tracing needs xray:PutTraceSegments and xray:PutTelemetryRecords, ' +
      'which support no resource-level permissions, so they are granted on "*".',
  });
  Validations.of(fn).acknowledge({
    id: 'AwsSolutions-L1',
    reason:
      'Node.js 22 is the runtime the project targets and tests (CI, local runner, bundling ' +
      'target node22); moving to a newer runtime is a deliberate upgrade, not a drift.',
  });
}
