import { describe, expect, it } from 'vitest';
import { parseConfig, parseConfigText } from '../../../shared/config/load-config.ts';
import { ConfigError } from '../../../shared/domain/errors.ts';

// Subscriber delivery modes, caps and the email list settings: defaults, and a wrong value that
// fails at start with its path and what to write.

const base = {
  feeds: [{ id: 'a', url: 'https://example.com/rss' }],
  delivery: { email: { from: 'alerts@example.org' } },
};

describe('delivery settings', () => {
  it('defaults: immediate delivery, the caps of send-caps.ts, no list headers', () => {
    const c = parseConfig({ ...base, subscribers: [{ id: 'desk', email: 'desk@example.org' }] });
    expect(c.subscribers[0]?.delivery).toBe('immediate');
    expect(c.delivery.caps).toEqual({
      perArticle: 3,
      perFeedPerPoll: 20,
      perSubscriberPerHour: 30,
    });
  });

  it('reads digests and the list settings from YAML', () => {
    const c = parseConfigText(
      [
        'feeds: [{ id: a, url: "https://example.com/rss" }]',
        'subscribers:',
        '  - { id: daily, email: d@example.org, delivery: { digest: daily } }',
        'delivery:',
        '  email:',
        '    from: alerts@example.org',
        '    messageIdDomain: alerts.example.org',
        '    unsubscribe: { mailto: leave@example.org }',
        '  caps: { perArticle: 5 }',
      ].join('\n'),
      'c.yaml',
    );
    expect(c.subscribers[0]?.delivery).toEqual({ digest: 'daily' });
    expect(c.delivery.email?.unsubscribe?.mailto).toBe('leave@example.org');
    expect(c.delivery.caps.perArticle).toBe(5);
  });

  it('a wrong delivery mode fails with its path and what to write', () => {
    const wrong = {
      ...base,
      subscribers: [{ id: 'desk', email: 'd@example.org', delivery: 'weekly' }],
    };
    const err = (() => {
      try {
        parseConfig(wrong, 'my.yaml');
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as Error).message).toContain('subscribers.0.delivery');
    expect((err as Error).message).toContain('delivery: {digest: hourly}');
  });
});
