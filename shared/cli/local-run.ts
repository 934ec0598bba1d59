import { createDynamoDbStore } from '../adapters/dynamodb/dynamodb-store.ts';
import { throwProblems } from '../config/config-problems.ts';
import { type Env, localConfigProblems, localEnvProblems } from '../config/local-target.ts';
import type { Config } from '../config/schema.ts';
import { createLocalDeps, type LocalDeps, TABLE_NAME } from '../local/local-deps.ts';
import { type Notice, openSharedStore, type SharedStore } from '../local/store-server.ts';
import type { Logger } from '../ports/logger.ts';

// The start of a local run, in the order that lets it fail cleanly: everything that can be
// checked without opening anything (the config's local rules, the environment it names) first,
// then the shared store of the data folder, then the adapters. A failure at any step closes
// what the earlier steps opened, so a failed start exits instead of hanging on an open server.

export interface LocalRun {
  deps: LocalDeps;
  store: SharedStore;
  close(): Promise<void>;
}

/** Throws one ConfigError listing every reason the config cannot run here with this env. */
export function checkLocalStart(config: Config, origin: string, env: Env): void {
  throwProblems(
    [...localConfigProblems(config), ...localEnvProblems(config, env)],
    `${origin} cannot run here:`,
  );
}

export async function openLocalRun(
  config: Config,
  o: { origin: string; dataDir: string; command: string; logger: Logger; env: Env; notice: Notice },
): Promise<LocalRun> {
  checkLocalStart(config, o.origin, o.env);
  const store = await openSharedStore(o.dataDir, { command: o.command, notice: o.notice });
  try {
    const dynamo = createDynamoDbStore({ client: store.client, tableName: TABLE_NAME });
    await dynamo.table.ensureTable();
    const deps = createLocalDeps(config, dynamo, { logger: o.logger, env: o.env });
    return {
      deps,
      store,
      close: async () => {
        try {
          await deps.close();
        } finally {
          await store.close();
        }
      },
    };
  } catch (err) {
    await store.close();
    throw err;
  }
}
