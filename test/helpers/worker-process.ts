import { parseConfig } from '../../shared/config/load-config.ts';
import { createDynamoClient } from '../../shared/local/embedded-dynamodb.ts';
import { createLocalDeps } from '../../shared/local/local-deps.ts';
import { silentLogger } from '../../shared/ports/logger.ts';
import { DynamoDbStore } from '../../shared/store/dynamodb-store.ts';
import { runCycle } from '../../shared/use-cases/run-cycle.ts';

// A pipeline worker in its own process, for tests that kill one outright (SIGKILL: no catch, no
// finally, no flush) at a chosen step. Configured by environment variables.

const { WORKER_ENDPOINT, WORKER_TABLE, WORKER_CONFIG, WORKER_KILL_AT } = process.env;
if (!WORKER_ENDPOINT || !WORKER_TABLE || !WORKER_CONFIG) {
  process.stderr.write('worker-process: set WORKER_ENDPOINT, WORKER_TABLE and WORKER_CONFIG\n');
  process.exit(64);
}
const config = parseConfig(JSON.parse(WORKER_CONFIG), 'worker config');
const store = new DynamoDbStore({
  client: createDynamoClient(WORKER_ENDPOINT),
  tableName: WORKER_TABLE,
});
const deps = createLocalDeps(config, store, { logger: silentLogger });
deps.faultPoint = (step) => {
  if (step === WORKER_KILL_AT) process.kill(process.pid, 'SIGKILL');
};
const summary = await runCycle(deps, { force: true });
process.stdout.write(
  `${JSON.stringify({ alerts: summary.alerts, sent: summary.deliveries.sent })}\n`,
);
await deps.close();
