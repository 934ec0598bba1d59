// Bundle size and cold module-load time of each Lambda, built exactly as `cdk synth` builds it
// (infra/constructs/strikewatch-function.ts: esbuildOptionsFor), beside the load time of a bare
// `jsdom` + `@mozilla/readability` import, the floor for any function that parses HTML.
//
//   npx tsx scripts/bench/bundle-size.ts          table
//   npx tsx scripts/bench/bundle-size.ts --json   the figures as JSON (--runs N: N fresh processes each)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { EXAMPLE_CONFIG_PATH, loadSynthConfig } from '../../infra/config/synth-config.ts';
import {
  bundleFunction,
  fakeLambdaEnv,
  type LoadResult,
  type LocalBundle,
  loadInFreshNode,
  median,
} from '../../infra/tools/local-bundle.ts';
import { FUNCTION_NAMES, type FunctionName } from '../../shared/contracts/functions.ts';

export interface BundleFigures {
  readonly name: FunctionName;
  readonly bytes: number;
  readonly gzipBytes: number;
  /** Median `import()` time over `runs` fresh Node processes. */
  readonly loadMs: number;
  /** loadMs / the bare jsdom + Readability import. */
  readonly ratioToJsdom: number;
}

export interface BundleMeasurements {
  readonly node: string;
  readonly runs: number;
  readonly jsdomReadabilityLoadMs: number;
  readonly bundles: readonly BundleFigures[];
}

function timed(load: () => LoadResult, what: string): number {
  const result = load();
  if (!result.ok) throw new Error(`${what} failed to load:\n${result.stderr}`);
  return result.importMs;
}

export async function measureBundles(
  options: { runs?: number; config?: string } = {},
): Promise<BundleMeasurements> {
  const runs = options.runs ?? 5;
  // The example, as a trial, unless a config is given.
  const config = loadSynthConfig(options.config ?? EXAMPLE_CONFIG_PATH, { trial: !options.config });
  const outRoot = mkdtempSync(join(tmpdir(), 'strikewatch-bench-'));
  try {
    const built: LocalBundle[] = [];
    for (const name of FUNCTION_NAMES) {
      built.push(await bundleFunction(name, config, join(outRoot, name)));
    }
    // Rounds interleave the baseline and every bundle, so a busy machine slows them alike and
    // the ratios stay meaningful even when the absolute times drift.
    const baseline: number[] = [];
    const times = new Map<FunctionName, number[]>(built.map((b) => [b.name, []]));
    for (let round = 0; round < runs; round++) {
      baseline.push(
        timed(() => loadInFreshNode(['jsdom', '@mozilla/readability']), 'jsdom + readability'),
      );
      for (const b of built) {
        const env = fakeLambdaEnv(b.name);
        times.get(b.name)?.push(timed(() => loadInFreshNode([b.file], { env }), b.name));
      }
    }
    const jsdomReadabilityLoadMs = median(baseline);
    const bundles = built.map((b): BundleFigures => {
      const loadMs = median(times.get(b.name) ?? []);
      return {
        name: b.name,
        bytes: b.bytes,
        gzipBytes: b.gzipBytes,
        loadMs,
        ratioToJsdom: loadMs / jsdomReadabilityLoadMs,
      };
    });
    return { node: process.version, runs, jsdomReadabilityLoadMs, bundles };
  } finally {
    rmSync(outRoot, { recursive: true, force: true });
  }
}

function printTable(m: BundleMeasurements): void {
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`.padStart(12);
  console.log(`Lambda bundles (Node ${m.node}, median of ${m.runs} fresh processes)\n`);
  console.log(
    `${'function'.padEnd(16)}${'bundle'.padStart(12)}${'gzip'.padStart(12)}${'load'.padStart(12)}  vs jsdom`,
  );
  for (const b of m.bundles) {
    console.log(
      `${b.name.padEnd(16)}${kb(b.bytes)}${kb(b.gzipBytes)}${`${b.loadMs.toFixed(0)} ms`.padStart(12)}  ${b.ratioToJsdom.toFixed(2)}x`,
    );
  }
  console.log(
    `\nbare jsdom + @mozilla/readability import: ${m.jsdomReadabilityLoadMs.toFixed(0)} ms` +
      ' (process-article ships jsdom as node_modules, so it pays at least this)',
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const runsArg = process.argv.indexOf('--runs');
  const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : undefined;
  const measurements = await measureBundles(runs ? { runs } : {});
  if (process.argv.includes('--json')) console.log(JSON.stringify(measurements, null, 2));
  else printTable(measurements);
}
