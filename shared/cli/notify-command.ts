import { loadConfigFile } from '../config/load-config.ts';
import { consoleLogger } from '../local/console-logger.ts';
import { createLocalChannels } from '../local/local-deps.ts';
import { terminalText } from '../output/sanitise.ts';
import { notifyTest } from '../use-cases/notify-test.ts';
import { checkLocalStart } from './local-run.ts';

// `strikewatch notify test --config FILE [--subscriber ID]`: one sample message to each
// subscriber (or one) through its real channel; a line per subscriber; exit 1 if any failed.

export async function runNotifyTest(o: { config: string; subscriber?: string }): Promise<void> {
  const config = await loadConfigFile(o.config);
  checkLocalStart(config, o.config, process.env);
  const channels = createLocalChannels(config, { logger: consoleLogger('warn'), env: process.env });
  try {
    const results = await notifyTest(channels, { subscriberId: o.subscriber });
    for (const r of results) {
      const what = r.ok ? 'sent' : `FAILED: ${terminalText(r.error ?? '', { max: 400 })}`;
      process.stdout.write(
        `${terminalText(r.subscriberId, { max: 64 })} (${r.channel}): ${what}\n`,
      );
    }
    if (results.some((r) => !r.ok)) process.exitCode = 1;
  } finally {
    channels.close();
  }
}
