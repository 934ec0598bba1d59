import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEMO_CONFIG_TEMPLATE } from '../../../shared/cli/demo-command.ts';
import { fillTemplate } from '../../../shared/cli/run-command.ts';
import { parseConfig } from '../../../shared/config/load-config.ts';
import { ConfigError } from '../../../shared/domain/errors.ts';

// network.allowPrivateHosts: host, host:port, [ipv6]:port. Anything else fails at load time with
// its path and what to write instead, so a typo cannot quietly open (or close) a host.

const withHosts = (allowPrivateHosts: unknown) => ({
  feeds: [{ id: 'a', url: 'https://example.com/rss' }],
  network: { allowPrivateHosts },
});

function configError(raw: unknown): string {
  try {
    parseConfig(raw, 'c.yaml');
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('network.allowPrivateHosts', () => {
  it('accepts hosts with and without ports', () => {
    const entries = ['127.0.0.1:8080', '[::1]:8080', '::1', 'feeds.intranet.example', '10.0.0.7'];
    expect(parseConfig(withHosts(entries)).network.allowPrivateHosts).toEqual(entries);
  });

  it.each([
    ['http://127.0.0.1:8080', 'holds a scheme'],
    ['127.0.0.1:0', 'from 1 to 65535'],
    ['127.0.0.1:70000', 'from 1 to 65535'],
    ['*.intranet.example', 'holds a wildcard'],
    ['::1:x', 'not an IPv6 address'],
    ['', 'empty'],
  ])('refuses %j with the entry, the reason and the forms to use', (entry, why) => {
    const message = configError(withHosts(['127.0.0.1:8080', entry]));
    expect(message).toContain('network.allowPrivateHosts.1');
    expect(message).toContain(why);
    expect(message).toContain('"127.0.0.1:8080", "[::1]:8080"');
    expect(message).toContain('allows ports 80 and 443 only');
  });

  it('the demo template names the site’s and the Slack receiver’s ports, nothing more', () => {
    const config = fillTemplate(
      readFileSync(DEMO_CONFIG_TEMPLATE, 'utf8'),
      {
        DEMO_SITE: 'http://127.0.0.1:47831',
        DEMO_SITE_PORT: '47831',
        DEMO_SLACK: 'http://127.0.0.1:40001/hook',
        DEMO_SLACK_PORT: '40001',
        DEMO_SMTP_PORT: '40002',
      },
      DEMO_CONFIG_TEMPLATE,
    );
    expect(config.network.allowPrivateHosts).toEqual(['127.0.0.1:47831', '127.0.0.1:40001']);
  });
});
