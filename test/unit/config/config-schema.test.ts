import { describe, expect, it } from 'vitest';
import { parseConfig, parseConfigText } from '../../../shared/config/load-config.ts';
import { ConfigError } from '../../../shared/domain/errors.ts';

const minimal = { feeds: [{ id: 'a', url: 'https://example.com/rss' }] };

describe('config validation', () => {
  it('fills defaults: the coalition topic, network limits with no private hosts', () => {
    const c = parseConfig(minimal);
    expect(c.topics.map((t) => t.id)).toEqual(['coalition-strikes-syria']);
    expect(c.network.allowPrivateHosts).toEqual([]);
    expect(c.network.maxPageBytes).toBeGreaterThan(0);
    expect(c.feeds[0]?.intervalMinutes).toBe(10);
  });

  it('reads YAML and JSON alike', () => {
    expect(
      parseConfigText('feeds:\n  - id: a\n    url: https://example.com/rss\n', 'c.yaml').feeds,
    ).toHaveLength(1);
    expect(parseConfigText(JSON.stringify(minimal), 'c.json').feeds).toHaveLength(1);
  });

  it('lists every problem with its path', () => {
    const bad = {
      feeds: [
        { id: 'A B', url: 'ftp://x' },
        { id: 'a', url: 'https://x.org' },
        { id: 'a', url: 'https://y.org' },
      ],
      subscribers: [
        { id: 's', email: 'not-an-email' },
        { id: 't', slack: {} },
        { id: 'u', email: 'a@b.org', filters: { topics: ['nope'] } },
      ],
      network: { timeoutMs: 1 },
      extra: true,
    };
    let message = '';
    try {
      parseConfig(bad, 'bad.yaml');
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      message = (err as Error).message;
    }
    expect(message).toContain('bad.yaml is invalid');
    expect(message).toMatch(/feeds\.0\.id/);
    expect(message).toMatch(/feeds\.0\.url/);
    expect(message).toMatch(/subscribers\.0\.email/);
    expect(message).toMatch(/exactly one of webhookUrl, webhookUrlEnv, webhookUrlSecret/);
    expect(message).toMatch(/network\.timeoutMs/);
    expect(message).toMatch(/extra/);
    // In the same pass as the field errors, not only once they are mended.
    expect(message).toMatch(/feeds: duplicate id "a"/);
  });

  it('names the option a mistyped value most likely meant, never echoing the value', () => {
    const typo = { ...minimal, subscribers: [{ id: 's', slack: { webhookUrlEnv: 'HOOK' } }] };
    const withActor = (actor: string) =>
      parseConfig({
        ...typo,
        subscribers: [{ ...typo.subscribers[0], filters: { actors: [actor] } }],
      });
    expect(() => withActor('coalitoin')).toThrow(/actors\.0: did you mean "coalition"\?/);
    expect(() => withActor('Russia')).toThrow(/did you mean "russia"\?/);
    let far = '';
    try {
      withActor('zzqqxx-secret');
    } catch (err) {
      far = (err as Error).message;
    }
    expect(far).toMatch(/Invalid option/);
    expect(far).not.toMatch(/did you mean/);
    expect(far).not.toContain('zzqqxx-secret');
  });

  it('rejects duplicate ids, unknown topics and email without delivery settings', () => {
    const run = (raw: unknown) => () => parseConfig(raw);
    expect(run({ feeds: [minimal.feeds[0], minimal.feeds[0]] })).toThrow(/duplicate id "a"/);
    expect(
      run({
        ...minimal,
        subscribers: [{ id: 'u', email: 'a@b.org', filters: { topics: ['nope'] } }],
      }),
    ).toThrow(/unknown topic "nope"/);
    expect(run({ ...minimal, subscribers: [{ id: 'u', email: 'a@b.org' }] })).toThrow(
      /need delivery\.email/,
    );
  });

  it('says when the text is neither JSON nor YAML', () => {
    expect(() => parseConfigText('feeds: [unclosed', 'x.yaml')).toThrow(/not valid JSON or YAML/);
  });
});
