import { describe, expect, it } from 'vitest';
import { ConfigError, DeliveryError } from '../../../shared/domain/errors.ts';
import { notifyTest } from '../../../shared/use-cases/notify-test.ts';
import { fakePipeline } from '../../fakes/fake-pipeline.ts';

// notify test: the sample message, marked as a test, to each subscriber (or one) on its channel.

describe('notifyTest', () => {
  it('sends the sample message to every subscriber on its channel', async () => {
    const p = fakePipeline();
    const results = await notifyTest(p.deps);
    expect(results).toEqual([
      { subscriberId: 'analysts-slack', channel: 'slack', ok: true, error: null },
      { subscriberId: 'desk-email', channel: 'email', ok: true, error: null },
    ]);
    expect(JSON.stringify(p.slack.posts[0]?.payload)).toContain('[Test]');
    expect(p.mailer.sent[0]?.subject).toMatch(/^\[strikewatch\] \[Test\]/);
    expect(p.mailer.sent[0]?.text).toMatch(/your channel works/);
  });

  it('one subscriber only; an unknown id is an error naming the known ones', async () => {
    const p = fakePipeline();
    expect(await notifyTest(p.deps, { subscriberId: 'desk-email' })).toHaveLength(1);
    expect(p.slack.posts).toEqual([]);
    await expect(notifyTest(p.deps, { subscriberId: 'nobody' })).rejects.toThrow(ConfigError);
    await expect(notifyTest(p.deps, { subscriberId: 'nobody' })).rejects.toThrow(
      'known: analysts-slack, desk-email',
    );
  });

  it('a channel that fails is reported with its reason, the others still sent', async () => {
    const p = fakePipeline();
    p.slack.respond = () => {
      throw new DeliveryError('Slack 404 no_service', { retryable: false });
    };
    const results = await notifyTest(p.deps);
    expect(results.map((r) => [r.subscriberId, r.ok, r.error])).toEqual([
      ['analysts-slack', false, 'Slack 404 no_service'],
      ['desk-email', true, null],
    ]);
  });
});
