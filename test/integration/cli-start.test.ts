import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORE_RECORD_FILE } from '../../shared/local/store-server.ts';
import { cliEnv, runCli, tempFile } from '../helpers/cli-process.ts';

// An operator's mistake at start, in the real CLI in a child process: the command ends at once
// (no server left open), exits non-zero and says what to do; every problem of a config is listed
// by its path (issue 17 items 1 and 2).

const REPO = resolve(import.meta.dirname, '../..');
const tempDir = () => mkdtempSync(join(tmpdir(), 'strikewatch-start-'));

/** What every failed start must show: a message, no stack trace, no process left hanging. */
function expectCleanFailure(r: { code: number; ms: number; stderr: string }): void {
  expect(r.code, r.stderr).toBe(1);
  expect(r.stderr).toMatch(/^strikewatch: /m);
  expect(r.stderr).not.toMatch(/\n\s+at |unexpected error|still busy/);
  // Ends by itself, well before runCli's kill: nothing it opened keeps it alive.
  expect(r.ms).toBeLessThan(30_000);
}

describe('a start that cannot work fails fast and says what to do', () => {
  it("run with the local example's own suggestion lists both missing variables and exits", async () => {
    const dataDir = join(tempDir(), 'data');
    const r = await runCli(['run', '--config', 'config/local.example.yaml', '--data-dir', dataDir]);
    expectCleanFailure(r);
    expect(r.stderr).toContain('config/local.example.yaml cannot run here:');
    expect(r.stderr).toMatch(
      /- subscribers\.0\.slack\.webhookUrlEnv: environment variable STRIKEWATCH_SLACK_WEBHOOK is not set: export STRIKEWATCH_SLACK_WEBHOOK=/,
    );
    expect(r.stderr).toMatch(
      /- delivery\.email\.smtp\.passwordEnv: environment variable STRIKEWATCH_SMTP_PASSWORD is not set: export STRIKEWATCH_SMTP_PASSWORD=/,
    );
    // Checked before anything was opened: no store, no data folder.
    expect(existsSync(dataDir)).toBe(false);
  });

  it('a missing passwordEnv alone stops the start the same way', async () => {
    const dataDir = join(tempDir(), 'data');
    const env = cliEnv({ STRIKEWATCH_SLACK_WEBHOOK: 'https://hooks.slack.com/services/T/B/X' });
    const r = await runCli(
      ['run', '--config', 'config/local.example.yaml', '--data-dir', dataDir],
      { env },
    );
    expectCleanFailure(r);
    expect(r.stderr).toContain('delivery.email.smtp.passwordEnv');
    expect(r.stderr).not.toContain('STRIKEWATCH_SLACK_WEBHOOK is not set');
  });

  it('a failure after the store was opened closes it: no server, record or guard left', async () => {
    const dataDir = tempDir();
    // DIR/outbox is a file: found only once the run has opened (and serves) the store.
    writeFileSync(join(dataDir, 'outbox'), 'not a folder');
    const config = tempFile('c.yaml', 'feeds:\n  - id: f\n    url: https://news.ngo.dev/rss.xml\n');
    const r = await runCli(['run', '--config', config, '--data-dir', dataDir]);
    expectCleanFailure(r);
    expect(r.stderr).toMatch(
      /cannot keep alerts in .*outbox\/ \(EEXIST\): make it a writable folder/,
    );
    expect(existsSync(join(dataDir, 'dynamodb'))).toBe(true);
    expect(existsSync(join(dataDir, STORE_RECORD_FILE))).toBe(false);
    expect(existsSync(join(dataDir, 'store.lock'))).toBe(false);
  });

  it('a data folder that is a file is refused with what to give instead', async () => {
    const notAFolder = tempFile('data', 'a file');
    const config = tempFile('c.yaml', 'feeds:\n  - id: f\n    url: https://news.ngo.dev/rss.xml\n');
    const r = await runCli(['run', '--config', config, '--data-dir', notAFolder]);
    expectCleanFailure(r);
    expect(r.stderr).toMatch(
      /cannot use .* as the data folder \(EEXIST\): give --data-dir a folder/,
    );
  });

  it('query and status on a folder with no data say which command makes it', async () => {
    const dataDir = join(tempDir(), 'nothing-here');
    const q = await runCli(['query', '--kind', 'article', '--data-dir', dataDir]);
    expectCleanFailure(q);
    expect(q.stderr).toMatch(/no strikewatch data in .*: run `strikewatch run --config FILE/);
    const s = await runCli(['status', '--data-dir', dataDir]);
    expectCleanFailure(s);
    expect(s.stderr).toMatch(/no strikewatch data in .*: run `strikewatch run --config FILE/);
  });
});

describe('a store held by a process that does not share it', () => {
  const dataDir = tempDir();
  let holder: ReturnType<typeof spawn> | undefined;

  beforeAll(async () => {
    // Holds the LevelDB folder (its LOCK) without a store record, as an older strikewatch would.
    mkdirSync(join(dataDir, 'dynamodb'), { recursive: true });
    holder = spawn(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import { Level } from 'level'; const db = new Level(${JSON.stringify(join(dataDir, 'dynamodb'))}); await db.open(); console.log('held'); setInterval(() => {}, 1000);`,
      ],
      { cwd: REPO, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await new Promise<void>((ready) => holder?.stdout?.once('data', () => ready()));
  });
  afterAll(() => {
    holder?.kill('SIGKILL');
  });

  it('is never opened a second time: run and query refuse with what to do', async () => {
    const config = tempFile('c.yaml', 'feeds:\n  - id: f\n    url: https://news.ngo.dev/rss.xml\n');
    for (const args of [
      ['run', '--config', config, '--data-dir', dataDir],
      ['query', '--kind', 'article', '--data-dir', dataDir],
    ]) {
      const r = await runCli(args);
      expectCleanFailure(r);
      expect(r.stderr).toMatch(/is open in a process that does not share it .*stop that process/);
      expect(r.stderr).not.toContain('Database is');
    }
    expect(existsSync(join(dataDir, STORE_RECORD_FILE))).toBe(false);
  });
});

describe('strikewatch validate', () => {
  const leaky = tempFile(
    'leaky.yaml',
    `
feeds:
  - id: f1
    url: https://news.ngo.dev/rss.xml
subscribers:
  - id: inline
    slack: { webhookUrl: 'https://hooks.slack.com/services/T/B/X' }
  - id: env
    slack: { webhookUrlEnv: STRIKEWATCH_SLACK_WEBHOOK }
  - id: metadata
    slack: { webhookUrl: 'http://169.254.169.254/latest/meta-data' }
  - id: vpc
    slack: { webhookUrl: 'http://10.0.0.1/hook' }
  - id: six
    slack: { webhookUrl: 'http://[fc00::1]/hook' }
delivery:
  email:
    from: alerts@ngo.dev
    smtp: { host: 127.0.0.1 }
`,
  );

  it('--target aws refuses inline and env webhooks and private hosts, each by path', async () => {
    const r = await runCli(['validate', '--target', 'aws', leaky]);
    expectCleanFailure(r);
    expect(r.stderr).toContain(`${leaky} cannot be deployed to AWS:`);
    for (const line of [
      '- subscribers.0.slack.webhookUrl: a webhook URL in the config would ship in plain text',
      '- subscribers.1.slack.webhookUrlEnv: Lambda never has STRIKEWATCH_SLACK_WEBHOOK set',
      '- subscribers.2.slack.webhookUrl: 169.254.169.254 is a link-local address',
      '- subscribers.3.slack.webhookUrl: 10.0.0.1 is a private address',
      '- subscribers.4.slack.webhookUrl: [fc00::1] is a private address',
      '- delivery.email.smtp.host: 127.0.0.1 is a loopback address',
    ]) {
      expect(r.stderr).toContain(line);
    }
  });

  it('without --target checks a local run: env webhooks are fine, private hosts only when allowed', async () => {
    const r = await runCli(['validate', leaky]);
    expectCleanFailure(r);
    expect(r.stderr).toContain(`${leaky} cannot run locally:`);
    expect(r.stderr).toContain('- subscribers.2.slack.webhookUrl: 169.254.169.254 is a link-local');
    expect(r.stderr).toContain('add "10.0.0.1" to network.allowPrivateHosts');
    expect(r.stderr).not.toMatch(/subscribers\.[01]\./);
    // SMTP is the operator's own server: a local relay on 127.0.0.1 is fine.
    expect(r.stderr).not.toContain('smtp.host');

    const allowed = tempFile(
      'allowed.yaml',
      `${readFileSync(leaky, 'utf8').replace(/\n {2}- id: metadata\n.*\n/, '\n')}
network:
  allowPrivateHosts: ['10.0.0.1', '[fc00::1]']
`,
    );
    const ok = await runCli(['validate', allowed], { env: cliEnv() });
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/is valid for a local run: 1 feed, 1 topic, 4 subscribers/);
    // What `run` will need from the environment, said ahead.
    expect(ok.stderr).toMatch(/STRIKEWATCH_SLACK_WEBHOOK is not set: export/);
  });

  it('--target aws accepts a deployable config and names the secrets to fill', async () => {
    const good = tempFile(
      'prod.yaml',
      `
feeds:
  - id: f1
    url: https://news.ngo.dev/rss.xml
subscribers:
  - id: analysts
    slack: { webhookUrlSecret: slack/analysts }
`,
    );
    const r = await runCli(['validate', '--target', 'aws', good]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(
      /can be deployed: 1 feed, 1 topic, 1 subscriber; Slack webhook secrets: slack\/analysts/,
    );
    // The example itself: its example.org addresses unless --trial.
    const example = await runCli(['validate', '--target', 'aws', 'infra/config/aws.example.yaml']);
    expectCleanFailure(example);
    expect(example.stderr).toContain(
      '- delivery.email.from: strikewatch-alerts@example.org is an example',
    );
    const trial = await runCli([
      'validate',
      '--target',
      'aws',
      '--trial',
      'infra/config/aws.example.yaml',
    ]);
    expect(trial.code, trial.stderr).toBe(0);
    expect(trial.stdout).toContain('can be deployed as a trial');
  });
});
