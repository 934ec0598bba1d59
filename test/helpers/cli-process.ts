import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

// The real `strikewatch` CLI in a child process, as an operator runs it: bin/strikewatch.mjs
// through tsx, its output collected, waited for by pattern, signalled, and timed.

export const BIN = resolve(import.meta.dirname, '../../bin/strikewatch.mjs');

/** Variables a child may see: none of the parent's secrets-like or strikewatch ones. */
export function cliEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: process.env.HOME, ...extra };
}

export interface CliProcess {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves with the matching text once stdout (or stderr) shows it; rejects at timeout or exit. */
  waitFor(pattern: RegExp, stream?: 'stdout' | 'stderr', timeoutMs?: number): Promise<string>;
  /** Exit code (or 128 + signal) and how long the process lived. */
  exited: Promise<{ code: number; ms: number }>;
}

export function startCli(
  args: string[],
  opts: { env?: NodeJS.ProcessEnv; cwd?: string } = {},
): CliProcess {
  const started = Date.now();
  const child = spawn(process.execPath, [BIN, ...args], {
    env: opts.env ?? cliEnv(),
    cwd: opts.cwd ?? resolve(import.meta.dirname, '../..'),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out = { stdout: '', stderr: '' };
  child.stdout?.on('data', (d: Buffer) => {
    out.stdout += d.toString('utf8');
  });
  child.stderr?.on('data', (d: Buffer) => {
    out.stderr += d.toString('utf8');
  });
  const exited = new Promise<{ code: number; ms: number }>((done) => {
    child.on('close', (code, signal) => {
      done({ code: code ?? 128 + (signal === 'SIGKILL' ? 9 : 15), ms: Date.now() - started });
    });
  });
  let ended = false;
  void exited.then(() => {
    ended = true;
  });
  const waitFor = async (
    pattern: RegExp,
    stream: 'stdout' | 'stderr' = 'stdout',
    timeoutMs = 60_000,
  ) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const m = pattern.exec(out[stream]);
      if (m) return m[0];
      if (ended || Date.now() > deadline) {
        throw new Error(
          `${pattern} not seen on ${stream} (${ended ? 'process ended' : 'timeout'})\n--- stdout\n${out.stdout}\n--- stderr\n${out.stderr}`,
        );
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  return { child, stdout: () => out.stdout, stderr: () => out.stderr, waitFor, exited };
}

/** Runs the CLI to its end (killed after `timeoutMs`). */
export async function runCli(
  args: string[],
  opts: { env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
): Promise<{ code: number; ms: number; stdout: string; stderr: string }> {
  const p = startCli(args, opts);
  const timer = setTimeout(() => p.child.kill('SIGKILL'), opts.timeoutMs ?? 60_000);
  const { code, ms } = await p.exited;
  clearTimeout(timer);
  return { code, ms, stdout: p.stdout(), stderr: p.stderr() };
}

/** A file in a fresh temporary folder. */
export function tempFile(name: string, text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'strikewatch-cli-')), name);
  writeFileSync(file, text);
  return file;
}
