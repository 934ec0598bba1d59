import { build } from 'esbuild';
import type { Config } from '../../shared/config/schema.ts';
import { FUNCTION_NAMES, type FunctionName } from '../../shared/contracts/functions.ts';
import { extraEntryBuildOptions } from '../constructs/strikewatch-function.ts';

// `node --import tsx infra/tools/build-extra-entries.ts <function> <outDir> <config, base64 JSON>`:
// builds the files a function ships beside its index.mjs (process-article's app.mjs and
// extraction-worker.mjs). CDK runs it after bundling the handler (see bundlingOptionsFor), with
// the config the stack validated, so the extra files are built exactly as the local bundles are.

const [name, outDir, encodedConfig] = process.argv.slice(2);
if (!name || !outDir || !encodedConfig || !FUNCTION_NAMES.includes(name as FunctionName)) {
  process.stderr.write(
    `usage: build-extra-entries.ts <${FUNCTION_NAMES.join('|')}> <output folder> <config as base64 JSON>\n`,
  );
  process.exit(2);
}
const config = JSON.parse(Buffer.from(encodedConfig, 'base64').toString('utf8')) as Config;
for (const options of extraEntryBuildOptions(name as FunctionName, config, outDir)) {
  await build(options);
}
