import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type SlackSink,
  type SmtpSink,
  startSlackSink,
  startSmtpSink,
} from '../../shared/local/demo-sinks.ts';
import { mailText } from '../../testkit/pipeline-harness.ts';
import { startCli } from '../helpers/cli-process.ts';

// `strikewatch notify test` as an operator runs it: the real CLI in a child process, a Slack
// webhook receiver and an SMTP server on 127.0.0.1.

describe('strikewatch notify test', () => {
  let slack: SlackSink;
  let smtp: SmtpSink;
  let config: string;

  beforeAll(async () => {
    slack = await startSlackSink();
    smtp = await startSmtpSink();
    config = join(mkdtempSync(join(tmpdir(), 'sw-notify-')), 'notify.json');
    writeFileSync(
      config,
      JSON.stringify({
        feeds: [{ id: 'wire', url: 'https://wire.example.org/rss' }],
        subscribers: [
          { id: 'desk', slack: { webhookUrl: slack.url() } },
          { id: 'editor', email: 'editor@example.org' },
        ],
        delivery: {
          email: { from: 'alerts@example.org', smtp: { host: '127.0.0.1', port: smtp.port } },
        },
        network: { allowPrivateHosts: [new URL(slack.url()).host] },
      }),
    );
  });
  afterAll(async () => {
    await Promise.all([slack.close(), smtp.close()]);
  });

  it('sends the sample message to each subscriber and says so per subscriber', async () => {
    const cli = startCli(['notify', 'test', '--config', config]);
    const { code } = await cli.exited;
    expect(cli.stderr()).toBe('');
    expect(code).toBe(0);
    expect(cli.stdout()).toMatch(/desk \(slack\): sent/);
    expect(cli.stdout()).toMatch(/editor \(email\): sent/);
    expect(JSON.stringify(slack.received[0]?.payload)).toContain('[Test]');
    expect(mailText(smtp.received[0]?.raw ?? '')).toMatch(/Subject: \[strikewatch\] \[Test\]/);
  });

  it('an unknown subscriber is an error naming the known ones', async () => {
    const cli = startCli(['notify', 'test', '--config', config, '--subscriber', 'nobody']);
    const { code } = await cli.exited;
    expect(code).toBe(1);
    expect(cli.stderr()).toMatch(/no subscriber nobody .*known: desk, editor/);
  });
});
