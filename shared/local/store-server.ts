import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { type DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { Level } from 'level';
import { z } from 'zod';
import { ConfigError } from '../domain/errors.ts';
import {
  createDynamoClient,
  type EmbeddedDynamo,
  startEmbeddedDynamo,
} from './embedded-dynamodb.ts';

// A data folder's store, shared between processes. LevelDB (under dynalite) can be open in one
// process only: a second process opening it used to die with "Database is closed". So the first
// process that needs the store opens it and serves it on a loopback port, recorded in
// DIR/store.json (pid, port, started at, command); every other process on the folder is a client
// of that server. When the serving process ends, a client takes over: its next request finds the
// port closed, and it opens the store itself (and serves it in turn). Who opens the store is
// decided under a guard (the directory DIR/store.lock, created atomically), so two processes
// starting together never both open it; a guard or record left by a dead process is recognised
// by its pid and replaced.

export const STORE_RECORD_FILE = 'store.json';
const GUARD_DIR = 'store.lock';
/** How long to wait for another process to finish opening or closing the store. */
const GUARD_WAIT_MS = 60_000;
/** How long a live owner whose server does not answer is waited for before giving up. */
const UNANSWERED_WAIT_MS = 20_000;

const recordSchema = z.object({
  pid: z.number().int().positive(),
  port: z.number().int().min(1).max(65_535),
  startedAt: z.string(),
  command: z.string(),
});

/** DIR/store.json: which process serves the data folder's store, and where. */
export type StoreRecord = z.infer<typeof recordSchema>;

export type Notice = (message: string) => void;

export function storePath(dataDir: string): string {
  return join(dataDir, 'dynamodb');
}

/** The record of the process serving DIR's store, or null (none, or unreadable). */
export function readStoreRecord(dataDir: string): StoreRecord | null {
  try {
    const parsed = recordSchema.safeParse(
      JSON.parse(readFileSync(join(dataDir, STORE_RECORD_FILE), 'utf8')),
    );
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Written whole under a temporary name, then renamed: a reader never sees half a record. */
function writeStoreRecord(dataDir: string, record: StoreRecord): void {
  const tmp = join(dataDir, `${STORE_RECORD_FILE}.${process.pid}.tmp`);
  writeFileSync(tmp, `${JSON.stringify(record, null, 2)}\n`);
  renameSync(tmp, join(dataDir, STORE_RECORD_FILE));
}

export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether a DynamoDB API answers on the port (a live store server, not a reused pid). */
async function answers(port: number): Promise<boolean> {
  const client = createDynamoClient(`http://127.0.0.1:${port}`, {
    maxAttempts: 1,
    requestTimeoutMs: 3_000,
  });
  try {
    await client.send(new ListTablesCommand({ Limit: 1 }));
    return true;
  } catch {
    return false;
  } finally {
    client.destroy();
  }
}

/** Whether no process holds the LevelDB folder (its LOCK): opened and closed again at once. */
async function levelDbFree(path: string): Promise<boolean> {
  const db = new Level(path);
  try {
    await db.open();
    await db.close();
    return true;
  } catch (err) {
    const cause = (err as { cause?: { code?: string } }).cause;
    if (cause?.code === 'LEVEL_LOCKED') return false;
    throw new ConfigError(
      `cannot open the store in ${path}: ${(cause as Error | undefined)?.message ?? (err as Error).message}`,
      { cause: err },
    );
  }
}

function describeRecord(r: StoreRecord): string {
  return `strikewatch ${r.command} (pid ${r.pid}, started ${r.startedAt})`;
}

/** The pid holding the guard, or null when the guard is stale (its holder died). */
function guardHolder(guard: string): number | null {
  try {
    const pid = Number(readFileSync(join(guard, 'pid'), 'utf8'));
    return Number.isInteger(pid) && pid > 0 && pidAlive(pid) ? pid : null;
  } catch {
    // Just created, its pid not yet written: stale only if it stays so.
    try {
      return Date.now() - statSync(guard).mtimeMs < 5_000 ? 0 : null;
    } catch {
      return 0;
    }
  }
}

/** Runs `fn` while holding DIR/store.lock; waits for another holder, replaces a dead one's. */
async function withGuard<T>(dataDir: string, notice: Notice, fn: () => Promise<T>): Promise<T> {
  const guard = join(dataDir, GUARD_DIR);
  const started = Date.now();
  let told = false;
  for (;;) {
    try {
      mkdirSync(guard);
      writeFileSync(join(guard, 'pid'), String(process.pid));
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = guardHolder(guard);
      if (holder === null) {
        rmSync(guard, { recursive: true, force: true });
        continue;
      }
      const waited = Date.now() - started;
      if (waited > GUARD_WAIT_MS) {
        throw new ConfigError(
          `the store in ${dataDir} has been opening or closing in process ${holder} for over ${GUARD_WAIT_MS / 1000} s: ` +
            `check that process (ps -p ${holder}); if no strikewatch is running, delete ${guard} and run again`,
        );
      }
      if (!told && waited > 1_000) {
        notice(
          `waiting for process ${holder} to finish opening or closing the store in ${dataDir}…`,
        );
        told = true;
      }
      await sleep(50);
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(guard, { recursive: true, force: true });
  }
}

export interface SharedStore {
  client: DynamoDBClient;
  /** The process serving the store now; `self` when it is this one. */
  server(): StoreRecord & { self: boolean };
  close(): Promise<void>;
}

/** ECONNREFUSED: the request never reached a server, so sending it again elsewhere is safe. */
function serverGone(err: unknown): boolean {
  return (err as { code?: string } | null)?.code === 'ECONNREFUSED';
}

class DataDirStore implements SharedStore {
  readonly client: DynamoDBClient;
  private current: StoreRecord | null = null;
  private own: (EmbeddedDynamo & { port: number }) | null = null;
  private attaching: Promise<void> | null = null;
  private closed = false;

  constructor(
    private readonly dataDir: string,
    private readonly command: string,
    private readonly notice: Notice,
  ) {
    this.client = createDynamoClient(() => `http://127.0.0.1:${this.current?.port ?? 1}`);
    // A request refused by a server that has gone finds the new one (or opens the store here)
    // and is sent once more: a run outlives the process it was a client of.
    this.client.middlewareStack.add(
      (next) => async (args) => {
        const port = this.current?.port;
        try {
          return await next(args);
        } catch (err) {
          if (this.closed || !serverGone(err) || port === undefined) throw err;
          await this.failover(port);
          return next(args);
        }
      },
      { step: 'initialize', name: 'strikewatchSharedStore' },
    );
  }

  server(): StoreRecord & { self: boolean } {
    if (!this.current) throw new Error('store not attached');
    return { ...this.current, self: this.own !== null };
  }

  /** Becomes a client of the live server, or opens and serves the store here. */
  attach(): Promise<void> {
    this.attaching ??= withGuard(this.dataDir, this.notice, () => this.attachGuarded()).finally(
      () => {
        this.attaching = null;
      },
    );
    return this.attaching;
  }

  private async attachGuarded(): Promise<void> {
    const started = Date.now();
    for (;;) {
      const record = readStoreRecord(this.dataDir);
      if (!record || !pidAlive(record.pid)) return this.openHere();
      if (await answers(record.port)) {
        this.current = record;
        return;
      }
      // Alive but silent: a reused pid (then nothing holds the LevelDB), or a busy owner.
      if (await levelDbFree(storePath(this.dataDir))) return this.openHere();
      if (Date.now() - started > UNANSWERED_WAIT_MS) {
        throw new ConfigError(
          `the store in ${this.dataDir} is held by ${describeRecord(record)}, whose server on ` +
            `127.0.0.1:${record.port} does not answer: wait for it, or stop it (kill ${record.pid}) and run again`,
        );
      }
      await sleep(500);
    }
  }

  private async openHere(): Promise<void> {
    const path = storePath(this.dataDir);
    mkdirSync(path, { recursive: true });
    if (!(await levelDbFree(path))) {
      throw new ConfigError(
        `the store in ${path} is open in a process that does not share it (no ${STORE_RECORD_FILE} ` +
          `names it: an older strikewatch?): stop that process, then run again`,
      );
    }
    const dynamo = await startEmbeddedDynamo({ path });
    const record: StoreRecord = {
      pid: process.pid,
      port: dynamo.port,
      startedAt: new Date().toISOString(),
      command: this.command,
    };
    writeStoreRecord(this.dataDir, record);
    this.own = dynamo;
    this.current = record;
  }

  private async failover(deadPort: number): Promise<void> {
    if (this.current?.port !== deadPort && !this.attaching) return;
    if (!this.attaching && this.current) {
      this.notice(
        `the process serving the store in ${this.dataDir} (pid ${this.current.pid}) has stopped; going on without it`,
      );
    }
    await this.attach();
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.attaching?.catch(() => undefined);
    this.client.destroy();
    const own = this.own;
    if (!own) return;
    this.own = null;
    // Under the guard: a client taking over waits until this LevelDB is closed.
    await withGuard(this.dataDir, this.notice, async () => {
      const record = readStoreRecord(this.dataDir);
      if (record?.pid === process.pid && record.port === own.port) {
        rmSync(join(this.dataDir, STORE_RECORD_FILE), { force: true });
      }
      await own.close();
    });
  }
}

/**
 * The store of a data folder, shared with the other strikewatch processes on it: a client of the
 * process serving it, or opened and served here when none does.
 */
export async function openSharedStore(
  dataDir: string,
  opts: { command: string; notice?: Notice },
): Promise<SharedStore> {
  try {
    mkdirSync(dataDir, { recursive: true });
  } catch (err) {
    throw new ConfigError(
      `cannot use ${dataDir} as the data folder (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}): ` +
        'give --data-dir a folder you can write to (it is created if missing)',
      { cause: err },
    );
  }
  const store = new DataDirStore(dataDir, opts.command, opts.notice ?? (() => {}));
  await store.attach();
  return store;
}
