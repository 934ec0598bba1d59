import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadFaKes } from '../corpus/fa-kes.ts';
import { ConfigError } from '../domain/errors.ts';
import { startSlackSink, startSmtpSink } from '../local/demo-sinks.ts';
import { type SitePage, startDemoSite } from '../local/demo-site.ts';
import { DEMO_ARTICLES, demoPages } from '../local/fa-kes-pages.ts';
import { reportLine, writeReport } from './report-command.ts';
import { fillTemplate, runCycles } from './run-command.ts';

// `npm start`: one full cycle over the embedded default. The runner serves six FA-KES articles
// (data/fa-kes.csv) as four outlets' feeds and pages on 127.0.0.1, runs a Slack webhook receiver and an
// SMTP server there too, and polls, processes and alerts exactly as `strikewatch run` does.

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The demo's config, its ${...} placeholders filled with the local site and receivers. */
export const DEMO_CONFIG_TEMPLATE = resolve(repoRoot, 'config', 'demo.template.yaml');

/** Stable, so that article URLs (their identity) are the same from one run to the next. */
const DEMO_PORT = 47_831;

export async function runDemo(o: { dataDir: string; quiet?: boolean }): Promise<void> {
  let pages: SitePage[];
  try {
    pages = demoPages(loadFaKes());
  } catch (err) {
    throw new ConfigError(
      `cannot read the demo articles (${(err as Error).message}). The demo reads data/fa-kes.csv ` +
        'in the repository: restore it with `git checkout -- data/`.',
    );
  }
  // Each server is closed however the demo ends, also when a later one fails to start.
  const opened: { close(): Promise<void> }[] = [];
  try {
    const site = await startDemoSite(pages, { preferredPort: DEMO_PORT });
    opened.push(site);
    const slack = await startSlackSink();
    opened.push(slack);
    const smtp = await startSmtpSink();
    opened.push(smtp);
    const config = fillTemplate(
      readFileSync(DEMO_CONFIG_TEMPLATE, 'utf8'),
      {
        DEMO_SITE: site.baseUrl,
        DEMO_SITE_PORT: new URL(site.baseUrl).port,
        DEMO_SLACK: slack.url(),
        DEMO_SLACK_PORT: new URL(slack.url()).port,
        DEMO_SMTP_PORT: String(smtp.port),
      },
      DEMO_CONFIG_TEMPLATE,
    );
    if (!o.quiet) {
      process.stdout.write(
        `strikewatch demo: ${pages.length} FA-KES articles served as ${site.feeds.length} outlet feeds on ` +
          `${site.baseUrl}; store in ${o.dataDir}\n` +
          DEMO_ARTICLES.map((a, i) => `  ${pages[i]?.outlet ?? ''}: ${a.shows}\n`).join(''),
      );
    }
    // One full cycle each time: every feed is polled (a repeat run gets 304 Not Modified).
    await runCycles({
      config,
      origin: DEMO_CONFIG_TEMPLATE,
      command: 'demo',
      dataDir: o.dataDir,
      quiet: o.quiet,
      force: true,
    });
    if (!o.quiet && (slack.received.length || smtp.received.length)) {
      process.stdout.write(
        `delivered: ${slack.received.length} Slack messages to the local webhook receiver, ` +
          `${smtp.received.length} emails to the local SMTP server; copies in ${o.dataDir}/outbox/\n`,
      );
    }
    // The analyst report of what the demo stored: its path is the last line.
    const report = await writeReport({ dataDir: o.dataDir });
    if (!o.quiet) process.stdout.write(`${reportLine(report)}\n`);
  } finally {
    await Promise.all(opened.map((server) => server.close()));
  }
}
