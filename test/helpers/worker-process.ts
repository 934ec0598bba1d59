import { createDynamoDbStore } from '../../shared/adapters/dynamodb/dynamodb-store.ts';
import { parseConfig } from '../../shared/config/load-config.ts';
import { createDynamoClient } from '../../shared/local/embedded-dynamodb.ts';
import { createLocalDeps } from '../../shared/local/local-deps.ts';
import { silentLogger } from '../../shared/ports/logger.ts';
import { storeRoles } from '../../shared/ports/store-roles.ts';
import { runCycle } from '../../shared/use-cases/run-cycle.ts';
import { isCrashStep, withFaultAt } from './faults.ts';

// A pipeline worker in its own process, for tests that kill one outright (SIGKILL: no catch, no
// finally, no flush) at a chosen step. Configured by environment variables.

const { WORKER_ENDPOINT, WORKER_TABLE, WORKER_CONFIG, WORKER_KILL_AT } = process.env;
if (!WORKER_ENDPOINT || !WORKER_TABLE || !WORKER_CONFIG || !isCrashStep(WORKER_KILL_AT)) {
  process.stderr.write(
    'worker-process: set WORKER_ENDPOINT, WORKER_TABLE, WORKER_CONFIG and WORKER_KILL_AT (a crash step)\n',
  );
  process.exit(64);
}
const config = parseConfig(JSON.parse(WORKER_CONFIG), 'worker config');
const store = createDynamoDbStore({
  client: createDynamoClient(WORKER_ENDPOINT),
  tableName: WORKER_TABLE,
});
const local = createLocalDeps(config, storeRoles(store), { logger: silentLogger, env: {} });
const deps = withFaultAt(local, WORKER_KILL_AT, () => {
  process.kill(process.pid, 'SIGKILL');
});
const summary = await runCycle(deps, { force: true });
process.stdout.write(
  `${JSON.stringify({ alerts: summary.alerts, sent: summary.deliveries.sent })}\n`,
);
await deps.close();
