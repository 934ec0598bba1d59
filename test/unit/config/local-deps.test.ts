import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../shared/config/load-config.ts';
import { createLocalDeps } from '../../../shared/local/local-deps.ts';
import { silentLogger } from '../../../shared/ports/logger.ts';
import type { StoreRoles } from '../../../shared/ports/store-roles.ts';

// A local run checks its secrets' environment variables before it starts, not after a cycle.

describe('local adapters', () => {
  const config = parseConfig({
    feeds: [{ id: 'a', url: 'https://example.org/rss' }],
    subscribers: [{ id: 's', slack: { webhookUrlEnv: 'STRIKEWATCH_TEST_UNSET_WEBHOOK' } }],
  });
  // Building the adapters does not touch the store.
  const noStore = {} as StoreRoles;

  it('refuses to start when a Slack webhook variable is not set, saying what to do', () => {
    delete process.env.STRIKEWATCH_TEST_UNSET_WEBHOOK;
    expect(() =>
      createLocalDeps(config, noStore, { logger: silentLogger, env: process.env }),
    ).toThrow(/STRIKEWATCH_TEST_UNSET_WEBHOOK .*is not set: export it/);
  });

  it('starts when it is set', () => {
    process.env.STRIKEWATCH_TEST_UNSET_WEBHOOK = 'https://hooks.slack.com/services/T/B/X';
    const deps = createLocalDeps(config, noStore, { logger: silentLogger, env: process.env });
    expect(deps.config.subscribers).toHaveLength(1);
    deps.close();
    delete process.env.STRIKEWATCH_TEST_UNSET_WEBHOOK;
  });
});
