import { createHttpClient } from '../adapters/http/http-client.ts';
import { loadConfigFile } from '../config/load-config.ts';
import { networkSchema } from '../config/schema.ts';
import { checkFeed } from '../feeds/check-feed.ts';
import { jsonLine, terminalText } from '../output/sanitise.ts';

// `strikewatch feed check`: try a feed before adding it, through the same guard as a poll. Titles
// and links come from the feed: they reach the terminal through the one sanitiser.

const t = (s: string | null | undefined, max = 300) => terminalText(s ?? '', { max });

export async function runFeedCheck(
  targets: string[],
  o: { config?: string; allowPrivate?: string[]; json?: boolean },
): Promise<void> {
  const base = o.config ? (await loadConfigFile(o.config)).network : networkSchema.parse(undefined);
  const settings = {
    ...base,
    allowPrivateHosts: [...base.allowPrivateHosts, ...(o.allowPrivate ?? [])],
  };
  const http = createHttpClient(settings);
  let failed = 0;
  for (const target of targets) {
    const r = await checkFeed(http, target, settings);
    if (!r.ok) failed++;
    if (o.json) {
      process.stdout.write(`${jsonLine(r)}\n`);
      continue;
    }
    if (!r.ok) {
      process.stdout.write(`✗ ${t(target)}\n  ${r.error.code}: ${t(r.error.message, 1000)}\n`);
      continue;
    }
    const lines = [
      `✓ ${t(target)}: ${r.title ? t(r.title) : '(untitled feed)'}, ${r.items.length} items${r.truncated ? ` (${r.truncated} more over the cap)` : ''}`,
    ];
    for (const item of r.items.slice(0, 20)) {
      lines.push(
        `  - ${item.publishedAt ? t(item.publishedAt.slice(0, 10)) : '(no date)  '} ${item.title ? t(item.title) : '(no title)'}${item.link ? `\n      ${t(item.link, 2000)}` : '  (no link)'}`,
      );
    }
    if (r.items.length > 20) lines.push(`  … ${r.items.length - 20} more`);
    process.stdout.write(`${lines.join('\n')}\n`);
  }
  if (failed) process.exitCode = 1;
}
