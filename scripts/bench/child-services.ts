import { spawn } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDynamoClient, type EmbeddedDynamo } from '../../shared/local/embedded-dynamodb.ts';

// The bench's services in processes of their own (dynalite, the outlets' site), and its
// percentiles: shared by scripts/bench/run.ts and the scripts that time one stage alone.

const here = dirname(fileURLToPath(import.meta.url));

/** The p-th percentile (nearest rank) of `xs`; 0 when empty. */
export const pct = (xs: number[], p: number): number => {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};
export const median = (xs: number[]): number => pct(xs, 50);

/**
 * A service of the benchmark in its own process, as it would be on the network: the pipeline's
 * memory and CPU figures are then the pipeline's alone. Resolves with the JSON of its first line.
 */
export async function childService<T>(
  script: string,
  env: Record<string, string>,
): Promise<{ info: T; stop(): Promise<string> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', resolve(here, script)], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let buf = '';
  child.stdout.on('data', (c: Buffer) => {
    buf += c.toString();
  });
  const first = await new Promise<string>((done, fail) => {
    const check = () => {
      if (buf.includes('\n')) done(buf.split('\n')[0] ?? '');
    };
    child.stdout.on('data', check);
    child.once('exit', (code) => fail(new Error(`${script} exited with ${code}`)));
  });
  // A bench that dies (out of memory, Ctrl-C) must not leave the service running.
  const killChild = () => child.kill('SIGKILL');
  process.once('exit', killChild);
  return {
    info: JSON.parse(first) as T,
    // Resolves with what the service printed after its first line (its closing figures).
    stop: async () => {
      process.off('exit', killChild);
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
      return buf.split('\n').slice(1).join('\n').trim();
    },
  };
}

/** dynalite in a child process (DynamoDB is not in the Lambda's memory either). */
export async function externalDynamo(): Promise<EmbeddedDynamo & { peakRssMB(): number | null }> {
  const { info, stop } = await childService<{ endpoint: string }>('dynalite-process.ts', {});
  const client = createDynamoClient(info.endpoint);
  let peak: number | null = null;
  return {
    endpoint: info.endpoint,
    client,
    peakRssMB: () => peak,
    close: async () => {
      client.destroy();
      const closing = await stop();
      const m = /"peakRssMB":\s*([\d.]+)/.exec(closing);
      peak = m ? Number(m[1]) : null;
    },
  };
}
