import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDynamoClient } from '../../shared/local/embedded-dynamodb.ts';
import { runCycle } from '../../shared/use-cases/run-cycle.ts';
import { manualClock } from '../../testkit/manual-clock.ts';
import {
  duplicates,
  type Harness,
  slackAlertIds,
  startHarness,
} from '../../testkit/pipeline-harness.ts';
import { type FaultyProxy, startFaultyDynamoProxy } from '../helpers/faulty-dynamo-proxy.ts';

// Faults from outside: DynamoDB throttling and 5xx (real error responses from a proxy in front
// of dynalite, retried by the SDK), and a worker process killed outright mid-run.

let h: Harness | undefined;
let proxy: FaultyProxy | undefined;
afterEach(async () => {
  await proxy?.close();
  await h?.close();
  h = undefined;
  proxy = undefined;
});

async function alertIds(harness: Harness) {
  const rows = await harness.query({ kind: 'alert', limit: 1000 });
  return rows.flatMap((r) => (r.kind === 'alert' ? [r.item.alert.alertId] : []));
}

describe('DynamoDB throttling and server errors', () => {
  it('are retried with backoff: nothing lost, nothing sent twice', async () => {
    h = await startHarness();
    proxy = await startFaultyDynamoProxy(h.dynamo.endpoint);
    // Every 15th call throttled, every 31st a 500: far more than DynamoDB ever does.
    proxy.setPolicy((n) => (n % 15 === 0 ? 'throttle' : n % 31 === 0 ? 'server-error' : null));
    const store = h.storeAt(createDynamoClient(proxy.endpoint));
    const first = await runCycle(h.deps(store), { force: true });
    expect(proxy.faults).toBeGreaterThan(10);

    // Whatever a fault outlasted the retries for, the next run finishes: same final state.
    proxy.setPolicy(() => null);
    const later = manualClock(new Date(Date.now() + 10 * 60_000));
    await runCycle(h.deps({ ...store, clock: later }), { force: true });

    const alerts = await alertIds(h);
    expect(alerts.length).toBeGreaterThanOrEqual(3);
    expect(first.alerts).toBeLessThanOrEqual(alerts.length);
    const slack = slackAlertIds(h.slack);
    expect(new Set(slack)).toEqual(new Set(alerts));
    expect(duplicates(slack)).toEqual([]);
  });
});

describe('a worker process killed mid-run', () => {
  const worker = resolve(import.meta.dirname, '../helpers/worker-process.ts');

  function runWorker(
    harness: Harness,
    killAt: string,
  ): Promise<{ code: number | null; signal: string | null }> {
    return new Promise((done) => {
      // node itself (not the tsx wrapper), so that the kill reaches the process that runs it.
      execFile(
        process.execPath,
        ['--import', 'tsx', worker],
        {
          env: {
            ...process.env,
            WORKER_ENDPOINT: harness.dynamo.endpoint,
            WORKER_TABLE: harness.tableName,
            WORKER_CONFIG: JSON.stringify(harness.config),
            WORKER_KILL_AT: killAt,
          },
          timeout: 60_000,
        },
        (err) => {
          const e = err as (Error & { code?: number; signal?: string }) | null;
          done({
            code: e ? (typeof e.code === 'number' ? e.code : null) : 0,
            signal: e?.signal ?? null,
          });
        },
      );
    });
  }

  for (const step of ['record-written', 'claimed', 'sent']) {
    it(`killed at "${step}": the next run delivers everything${step === 'sent' ? ', repeating only the message in flight' : ' exactly once'}`, async () => {
      h = await startHarness();
      const killed = await runWorker(h, step);
      expect(killed.signal).toBe('SIGKILL');

      const later = manualClock(new Date(Date.now() + 10 * 60_000));
      await runCycle(h.deps({ clock: later }), { force: true });
      const alerts = await alertIds(h);
      expect(alerts.length).toBeGreaterThanOrEqual(3);
      const slack = slackAlertIds(h.slack);
      expect(new Set(slack)).toEqual(new Set(alerts));
      expect(duplicates(slack).length).toBeLessThanOrEqual(step === 'sent' ? 1 : 0);
    });
  }
});
