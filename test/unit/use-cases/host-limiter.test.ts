import { describe, expect, it } from 'vitest';
import { hostKey, hostLimiter } from '../../../shared/use-cases/host-limiter.ts';

// Bounded concurrency by host and in total, on tasks the test finishes by hand.

function gate() {
  let open = () => {};
  const opened = new Promise<void>((r) => {
    open = r;
  });
  return { opened, open };
}

describe('hostLimiter', () => {
  it('a busy host holds only its own slots; other hosts pass its queue', async () => {
    const limiter = hostLimiter({ total: 3, perHost: 2 });
    const started: string[] = [];
    const gates = new Map<string, ReturnType<typeof gate>>();
    const task = (host: string, name: string) =>
      limiter.run(host, async () => {
        started.push(name);
        const g = gate();
        gates.set(name, g);
        await g.opened;
        return name;
      });
    const runs = [task('slow', 's1'), task('slow', 's2'), task('slow', 's3'), task('fast', 'f1')];
    await new Promise((r) => setImmediate(r));
    // s3 waits for the slow host; f1 takes the third slot.
    expect(started).toEqual(['s1', 's2', 'f1']);
    gates.get('f1')?.open();
    await runs[3];
    await new Promise((r) => setImmediate(r));
    expect(started).toEqual(['s1', 's2', 'f1']);
    gates.get('s1')?.open();
    await runs[0];
    await new Promise((r) => setImmediate(r));
    expect(started).toEqual(['s1', 's2', 'f1', 's3']);
    gates.get('s2')?.open();
    gates.get('s3')?.open();
    expect(await Promise.all(runs)).toEqual(['s1', 's2', 's3', 'f1']);
  });

  it('a task that throws frees its slot and rejects alone', async () => {
    const limiter = hostLimiter({ total: 1, perHost: 1 });
    const failing = limiter.run('h', () => {
      throw new Error('boom');
    });
    const next = limiter.run('h', async () => 'next');
    await expect(failing).rejects.toThrow('boom');
    expect(await next).toBe('next');
  });

  it('a task that waits for an earlier one gives its slot up meanwhile: no stall', async () => {
    // One slot in all. The second task holds it and waits for the first, which is queued behind
    // it: holding the slot while waiting would stall both forever.
    const limiter = hostLimiter({ total: 1, perHost: 1 });
    const order: string[] = [];
    let markFirstDone = () => {};
    const firstDone = new Promise<void>((r) => {
      markFirstDone = r;
    });
    const second = limiter.run('b', async (slot) => {
      order.push('second reads');
      await slot.pause(firstDone);
      order.push('second settles');
      return 'second';
    });
    const first = limiter.run('a', async () => {
      order.push('first');
      markFirstDone();
      return 'first';
    });
    expect(await Promise.all([first, second])).toEqual(['first', 'second']);
    expect(order).toEqual(['second reads', 'first', 'second settles']);
  });

  it('keys pages by host and port; jobs without a page by their feed', () => {
    expect(hostKey('https://News.example/a', 'feed:x')).toBe('news.example');
    expect(hostKey('http://127.0.0.1:8080/a', 'feed:x')).toBe('127.0.0.1:8080');
    expect(hostKey(null, 'feed:x')).toBe('feed:x');
  });
});
