import { Command, InvalidArgumentError } from 'commander';
import { QUERY_KINDS } from '../contracts/query-kinds.ts';
import { StrikewatchError } from '../domain/errors.ts';
import { runDemo } from './demo-command.ts';
import { runExtract } from './extract-command.ts';
import { runFeedCheck } from './feed-check-command.ts';
import { runNotifyTest } from './notify-command.ts';
import { runQuery } from './query-command.ts';
import { type ReportOptions, runReport } from './report-command.ts';
import { runRun } from './run-command.ts';
import { runStatus } from './status-command.ts';
import { runValidate } from './validate-command.ts';

// The `strikewatch` command line. Each command is a thin shell around a use-case; named errors
// become one readable line and exit code 1, anything unexpected a stack trace and exit code 2.
// A command closes what it opened; should anything still hold the process a few seconds after
// the command ended, it exits anyway (and says so) rather than hang a terminal or a cron job.

// The AWS SDK warns once per process that Node 20 support ends in 2027; Lambda runs Node 22,
// and the warning is noise in every local command.
process.removeAllListeners('warning');
process.on('warning', (w) => {
  if (!/NodeVersionSupportWarning|upgrade to node/i.test(`${w.name} ${w.message}`)) {
    process.stderr.write(`${w.name}: ${w.message}\n`);
  }
});

const intArg = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1)
    throw new InvalidArgumentError('must be a positive whole number');
  return n;
};

const program = new Command()
  .name('strikewatch')
  .description('News monitoring and alerting for US-led coalition strikes in Syria')
  .showHelpAfterError();

program
  .command('demo')
  .description('one full cycle over the embedded default: six FA-KES articles served on 127.0.0.1')
  .option('--data-dir <dir>', 'where the embedded store and outbox live', '.strikewatch/demo')
  .option('--quiet', 'print only the summary line')
  .action((o: { dataDir: string; quiet?: boolean }) => runDemo(o));

program
  .command('run')
  .description('poll your feeds, process new articles and send alerts')
  .requiredOption('--config <file>', 'JSON or YAML config file (see README: Configuration)')
  .option('--data-dir <dir>', 'where the embedded store and outbox live', '.strikewatch/data')
  .option('--once', 'one cycle, then exit (default)')
  .option('--watch', 'keep polling: each feed at its own interval (see `strikewatch status`)')
  .option('--force', 'poll every feed now, even those not yet due or backing off')
  .action(
    (o: { config: string; dataDir: string; once?: boolean; watch?: boolean; force?: boolean }) =>
      runRun(o),
  );

program
  .command('extract')
  .description('print the topic decision and the claims of article files (HTML or plain text)')
  .argument('<files...>', 'article files')
  .option('--json', 'one JSON object per file (JSON Lines)')
  .option('--outlet <id>', 'the outlet id of the files (sana, etilaf: the party it speaks for)')
  .action((files: string[], o: { json?: boolean; outlet?: string }) => runExtract(files, o));

program
  .command('query')
  .description('query incidents, casualty figures, accusations, articles, stories, alerts, errors')
  .requiredOption('--kind <kind>', QUERY_KINDS.join(' | '))
  .option('--data-dir <dir>', 'the data folder of a local run', '.strikewatch/data')
  .option('--since <date>', 'incident date (yyyy-mm-dd), inclusive')
  .option('--until <date>', 'incident date (yyyy-mm-dd), inclusive')
  .option('--reported-since <date>', 'first reported or read on or after this day')
  .option('--reported-until <date>', 'first reported or read on or before this day')
  .option('--source <id|name>', 'who states it (sohr, "the Observatory") or the outlet')
  .option('--place <name>', 'place, any spelling (Raqqa, Raqa, Raqqah)')
  .option(
    '--actor <id|name>',
    'perpetrator, accuser or accused (coalition, "Russian Defence Ministry")',
  )
  .option('--limit <n>', 'at most this many rows (one page; at most 1000)', intArg)
  .option('--cursor <cursor>', 'the next page, as a previous query printed it')
  .option('--all', 'every row, page after page (no limit)')
  .option('--format <format>', 'table | json | csv', 'table')
  .action((o: Record<string, string | number | boolean | undefined>) => runQuery(o));

program
  .command('report')
  .description('the analyst report: one self-contained HTML page of plots (no script, no requests)')
  .option('--data-dir <dir>', 'the data folder of a local run', '.strikewatch/data')
  .option('--out <file>', 'where to write it (default: DATA/report.html)')
  .option('--since <date>', 'incident date (yyyy-mm-dd), inclusive')
  .option('--until <date>', 'incident date (yyyy-mm-dd), inclusive')
  .option('--place <name>', 'place, any spelling (Raqqa, Raqa, Raqqah)')
  .option('--actor <id|name>', 'perpetrator, accuser or accused (coalition, "Russia")')
  .action((o: ReportOptions) => runReport(o));

const feed = program.command('feed').description('feed tools');
feed
  .command('check')
  .description('fetch and parse feeds as a poll would, and print their items or their error')
  .argument('<targets...>', 'feed URLs or local files')
  .option(
    '--config <file>',
    'take network settings (limits, allowed private hosts) from this config',
  )
  .option(
    '--allow-private <host[:port]...>',
    'hosts that may resolve to private or loopback addresses (without a port: 80 and 443 only)',
  )
  .option('--json', 'one JSON object per feed (JSON Lines)')
  .action((targets: string[], o: { config?: string; allowPrivate?: string[]; json?: boolean }) =>
    runFeedCheck(targets, o),
  );

const notify = program.command('notify').description('delivery channel tools');
notify
  .command('test')
  .description('send one sample message, marked as a test, to each subscriber (or one)')
  .requiredOption('--config <file>', 'JSON or YAML config file')
  .option('--subscriber <id>', 'only this subscriber')
  .action((o: { config: string; subscriber?: string }) => runNotifyTest(o));

program
  .command('status')
  .description(
    "each feed's last poll, last success, backoff and last error, and who serves the store",
  )
  .option('--data-dir <dir>', 'the data folder of a local run', '.strikewatch/data')
  .option('--config <file>', 'show the feeds of this config (default: those of the last run)')
  .option('--json', 'one JSON object')
  .action((o: { dataDir: string; config?: string; json?: boolean }) => runStatus(o));

program
  .command('validate')
  .description(
    'check a config file for a local run (default) or a deployment, and print what it configures',
  )
  .argument('<file>', 'JSON or YAML config file')
  .option('--target <target>', 'local | aws: where the config is to run', 'local')
  .option('--trial', 'with --target aws: accept the example addresses (a trial deployment)')
  .action((file: string, o: { target?: string; trial?: boolean }) => runValidate(file, o));

/** Exits if something still holds the process after the command ended (a leak, never a hang). */
function exitWhenDone(): void {
  setTimeout(() => {
    process.stderr.write('strikewatch: warning: still busy 3 s after the command ended; exiting\n');
    process.exit();
  }, 3_000).unref();
}

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof StrikewatchError) {
    process.stderr.write(`strikewatch: ${err.message}\n`);
    // A usage error (an invalid query) says so with 2; everything else named is 1.
    process.exitCode = 'exitCode' in err && typeof err.exitCode === 'number' ? err.exitCode : 1;
  } else {
    process.stderr.write(
      `strikewatch: unexpected error: ${(err as Error)?.stack ?? String(err)}\n`,
    );
    process.exitCode = 2;
  }
}
exitWhenDone();
