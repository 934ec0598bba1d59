import { SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSqsQueue } from '../../shared/adapters/sqs/sqs-queue.ts';
import { ARTICLE_JOB_MAX_BYTES, SQS_BATCH_MAX_BYTES } from '../../shared/contracts/queues.ts';
import type { ErrorRecord } from '../../shared/domain/records.ts';
import type { JobQueue } from '../../shared/ports/job-queue.ts';
import { parseArticleJob } from '../../shared/use-cases/messages.ts';
import { pollAndQueue } from '../../shared/use-cases/poll-feeds.ts';
import { type Harness, startHarness } from '../../testkit/pipeline-harness.ts';
import { type SqsServer, startSqsServer } from '../helpers/aws-json-server.ts';
import {
  type FeedEntry,
  type HostileSite,
  RSS_TYPE,
  rssFeed,
  startHostileSite,
} from '../hostile/hostile-site.ts';

// Issue 17 item 7: article messages had no size cap. Each job carried the item's full
// content:encoded; a full-text feed of 10 items x 28 KB made one SendMessageBatch of 293,830
// bytes, over what SQS takes, and poll-feeds sent every feed's jobs before saving any feed's
// state, so one oversized item dropped every later batch and saved no ETag, every poll. Now jobs
// are cut to ARTICLE_JOB_MAX_BYTES, the adapter splits batches by bytes, and each feed is queued
// and saved on its own: a feed whose send fails is recorded and left unsaved, the others go on.
// The poll use-case with the real SQS adapter and SDK against a loopback server with SQS's limits.

const KB = 1024;
const paragraph = 'Coalition aircraft struck targets near Raqqa on Tuesday, residents said. ';
const fullText = (bytes: number) =>
  `<p>${paragraph.repeat(Math.ceil(bytes / paragraph.length)).slice(0, bytes)}</p>`;

describe('poll and queue, feed by feed', () => {
  let site: HostileSite;
  let h: Harness;
  let sqs: SqsServer;
  let client: SQSClient;
  const queueUrl = () => sqs.queueUrl('articles');
  const queue = (opts: { maxMessageBytes?: number } = {}): JobQueue =>
    createSqsQueue(client, queueUrl(), { ...opts, maxAttempts: 2, sleep: async () => {} });
  const items = (feed: string, n: number, bytes: number): FeedEntry[] =>
    Array.from({ length: n }, (_, i) => ({
      title: `${feed} report ${i}`,
      link: site.url(`/${feed}/${i}`),
      content: fullText(bytes),
    }));
  const errorsOf = async (code: string): Promise<ErrorRecord[]> =>
    (await h.query({ kind: 'error', limit: 1000 }))
      .flatMap((r) => (r.kind === 'error' ? [r.item] : []))
      .filter((e) => e.code === code);
  const savedEtag = async (feedId: string) =>
    (await h.deps().feedState.getFeedState(feedId))?.etag ?? null;
  const forget = async () => {
    const deps = h.deps();
    for (const feed of h.config.feeds) {
      const state = await deps.feedState.getFeedState(feed.id);
      if (state) await deps.feedState.putFeedState({ ...state, etag: null, lastModified: null });
    }
  };

  beforeAll(async () => {
    site = await startHostileSite();
    sqs = await startSqsServer();
    client = new SQSClient({
      region: 'us-east-1',
      endpoint: sqs.endpoint,
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      maxAttempts: 1,
    });
    // Ten items of 28 KB (the feed) and one of 200 KB; two small feeds beside it.
    const full = [...items('full', 10, 28 * KB), ...items('huge', 1, 200 * KB)];
    site.set('/full.xml', { type: RSS_TYPE, body: rssFeed('Full Text', full) });
    site.set('/small.xml', { type: RSS_TYPE, body: rssFeed('Small', items('small', 3, 2 * KB)) });
    site.set('/other.xml', { type: RSS_TYPE, body: rssFeed('Other', items('other', 3, 2 * KB)) });
    h = await startHarness({
      pages: [],
      config: (base) => {
        const network = base.network as { allowPrivateHosts: string[] };
        return {
          ...base,
          feeds: ['full', 'small', 'other'].map((id) => ({ id, url: site.url(`/${id}.xml`) })),
          network: { ...network, allowPrivateHosts: [...network.allowPrivateHosts, site.host] },
        };
      },
    });
  });
  afterAll(async () => {
    client?.destroy();
    await Promise.all([sqs?.close(), site?.close()]);
    await h?.close();
  });
  beforeEach(async () => {
    sqs.drain('articles');
    sqs.calls.length = 0;
    sqs.failEntry(() => false);
    await forget();
  });

  it('a full-text feed goes out in batches SQS takes, every job within the cap', async () => {
    const run = await pollAndQueue({ ...h.deps(), articleQueue: queue() }, { force: true });
    expect(run).toMatchObject({ failed: 0, sendFailed: 0, queued: 17 });
    const bodies = sqs.messages('articles');
    expect(bodies).toHaveLength(17);
    for (const body of bodies)
      expect(Buffer.byteLength(body)).toBeLessThanOrEqual(ARTICLE_JOB_MAX_BYTES);
    for (const call of sqs.calls.filter((c) => c.operation === 'SendMessageBatch')) {
      const entries = call.input.Entries as { MessageBody: string }[];
      const bytes = entries.reduce((n, e) => n + Buffer.byteLength(e.MessageBody), 0);
      expect(bytes).toBeLessThanOrEqual(SQS_BATCH_MAX_BYTES);
    }
    // The 200 kB item's content was cut (its page is fetched anyway); the rest of it is whole.
    const huge = bodies.map(parseArticleJob).find((j) => j.item.title === 'huge report 0');
    expect(huge?.item.content?.endsWith('…')).toBe(true);
    expect(huge?.url).toBe(site.url('/huge/0'));
    for (const feedId of ['full', 'small', 'other']) expect(await savedEtag(feedId)).not.toBeNull();
  });

  it("one feed's failing send is recorded and leaves its state unsaved; the others are saved", async () => {
    sqs.failEntry((body) => body.includes('"feedId":"other"'));
    const run = await pollAndQueue({ ...h.deps(), articleQueue: queue() }, { force: true });
    expect(run).toMatchObject({ failed: 1, sendFailed: 1, queued: 14 });
    expect(await savedEtag('other')).toBeNull();
    expect(await savedEtag('full')).not.toBeNull();
    expect(await savedEtag('small')).not.toBeNull();
    const rows = (await errorsOf('queue_send_failed')).filter((e) => e.feedId === 'other');
    expect(rows).toHaveLength(1);
    expect(rows[0]?.message).toMatch(/3 article jobs not queued: .*state is not saved/);
    // SQS recovers: the unsaved feed is read in full again and queued; the saved ones answer 304.
    sqs.failEntry(() => false);
    const next = await pollAndQueue({ ...h.deps(), articleQueue: queue() }, { force: true });
    expect(next.results.map((r) => [r.feedId, r.status])).toEqual([
      ['full', 'not_modified'],
      ['small', 'not_modified'],
      ['other', 'ok'],
    ]);
    expect(next.queued).toBe(3);
    expect(await savedEtag('other')).not.toBeNull();
  });

  it('a message too large for the queue fails only its own feed, by name', async () => {
    // A queue that takes less than the 28 KB jobs: the full-text feed cannot be sent.
    const run = await pollAndQueue(
      { ...h.deps(), articleQueue: queue({ maxMessageBytes: 20 * KB }) },
      { force: true },
    );
    expect(run).toMatchObject({ sendFailed: 1, queued: 6 });
    expect(await savedEtag('full')).toBeNull();
    expect(await savedEtag('small')).not.toBeNull();
    const rows = (await errorsOf('message_too_large')).filter((e) => e.feedId === 'full');
    expect(rows).toHaveLength(1);
    expect(rows[0]?.message).toMatch(/over the 20480-byte limit/);
  });
});
