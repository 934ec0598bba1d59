import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateTableCommand, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import {
  openSharedStore,
  readStoreRecord,
  STORE_RECORD_FILE,
  type StoreRecord,
} from '../../shared/local/store-server.ts';

// The data folder's store shared between processes (shared/local/store-server.ts), against real
// dynalite: a client takes over when the serving side closes, and records or guards left by
// processes that died are recognised and replaced (issue 17 item 3). The CLI tests run the same
// with several real processes (cli-shared-store.test.ts).

const freshDir = () => mkdtempSync(join(tmpdir(), 'strikewatch-store-'));

/** The pid of a process that has ended. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
    encoding: 'utf8',
  });
  return Number(r.stdout);
}

/** A port nothing listens on any more. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as { port: number };
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

const table = (name: string) =>
  new CreateTableCommand({
    TableName: name,
    AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
    KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
    BillingMode: 'PAY_PER_REQUEST',
  });

describe('shared data-folder store', () => {
  it('a second opener is a client; when the server closes, the client takes over', async () => {
    const dir = freshDir();
    const notices: string[] = [];
    const a = await openSharedStore(dir, { command: 'run --watch' });
    const b = await openSharedStore(dir, { command: 'query', notice: (m) => notices.push(m) });
    expect(a.server().self).toBe(true);
    expect(b.server()).toMatchObject({
      self: false,
      command: 'run --watch',
      port: a.server().port,
    });
    await b.client.send(table('written-by-b'));
    await a.close();
    // The next request finds the port closed: b opens the store itself, the data is all there.
    const tables = await b.client.send(new ListTablesCommand({}));
    expect(tables.TableNames).toEqual(['written-by-b']);
    expect(b.server()).toMatchObject({ self: true, command: 'query' });
    expect(readStoreRecord(dir)).toMatchObject({ pid: process.pid, command: 'query' });
    expect(notices.join('\n')).toMatch(
      /the process serving the store .* has stopped; going on without it/,
    );
    await b.close();
    expect(existsSync(join(dir, STORE_RECORD_FILE))).toBe(false);
  });

  it('a record of a dead process, or of a pid that no longer serves, is replaced', async () => {
    const dir = freshDir();
    const stale = (pid: number, port: number): StoreRecord => ({
      pid,
      port,
      startedAt: '2026-01-01T00:00:00Z',
      command: 'run',
    });
    writeFileSync(join(dir, STORE_RECORD_FILE), JSON.stringify(stale(deadPid(), 1)));
    const first = await openSharedStore(dir, { command: 'status' });
    expect(first.server()).toMatchObject({ self: true, pid: process.pid });
    await first.close();
    // A live pid (this one: a pid reused after a reboot) whose port answers nothing.
    writeFileSync(
      join(dir, STORE_RECORD_FILE),
      JSON.stringify(stale(process.pid, await closedPort())),
    );
    const second = await openSharedStore(dir, { command: 'status' });
    expect(second.server().self).toBe(true);
    await second.client.send(new ListTablesCommand({}));
    await second.close();
  });

  it('waits for a live holder of the guard, and replaces the guard of a dead one', async () => {
    const dir = freshDir();
    const guard = join(dir, 'store.lock');
    mkdirSync(guard);
    writeFileSync(join(guard, 'pid'), String(deadPid()));
    const afterDead = await openSharedStore(dir, { command: 'run' });
    await afterDead.close();

    mkdirSync(guard);
    writeFileSync(join(guard, 'pid'), String(process.pid));
    const notices: string[] = [];
    const opening = openSharedStore(dir, { command: 'run', notice: (m) => notices.push(m) });
    await new Promise((r) => setTimeout(r, 1_500));
    expect(notices.join('\n')).toMatch(/waiting for process \d+ to finish opening or closing/);
    rmSync(guard, { recursive: true });
    const store = await opening;
    expect(store.server().self).toBe(true);
    await store.close();
  });
});
