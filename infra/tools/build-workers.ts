import { build } from 'esbuild';
import {
  FUNCTION_NAMES,
  type FunctionName,
  workerBuildOptions,
} from '../constructs/strikewatch-function.ts';

// `node --import tsx infra/tools/build-workers.ts <function> <outDir>`: builds a function's
// worker-thread scripts into its asset folder. CDK runs it after bundling the handler (see
// bundlingOptionsFor); the worker code reads no config, so none is baked in.

const [name, outDir] = process.argv.slice(2);
if (!name || !outDir || !FUNCTION_NAMES.includes(name as FunctionName)) {
  process.stderr.write(`usage: build-workers.ts <${FUNCTION_NAMES.join('|')}> <output folder>\n`);
  process.exit(2);
}
for (const options of workerBuildOptions(name as FunctionName, outDir)) {
  await build(options);
}
