import { readFile, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { NetworkSettings } from '../config/schema.ts';
import type { FeedItem } from '../domain/article.ts';
import { describeError } from '../domain/errors.ts';
import type { HttpClient } from '../ports/http.ts';
import { FEED_ACCEPT } from './feed-request.ts';
import { parseFeed } from './parse-feed.ts';

// `strikewatch feed check <url|file>`: fetch and parse one feed exactly as a poll would, and
// report what came out (or why nothing did) without touching any store. Never throws, so the
// CLI can print a result for each of several targets.

export type CheckFeedResult =
  | {
      target: string;
      ok: true;
      title: string | null;
      link: string | null;
      items: FeedItem[];
      /** Items beyond network.maxItemsPerFeed that a poll would drop. */
      truncated: number;
    }
  | { target: string; ok: false; error: { code: string; message: string } };

function isUrl(target: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(target) && !/^file:/i.test(target);
}

async function readLocal(target: string, maxBytes: number): Promise<Buffer> {
  const path = /^file:/i.test(target) ? fileURLToPath(target) : target;
  const info = await stat(path);
  if (!info.isFile()) throw new Error(`${path} is not a file`);
  if (info.size > maxBytes) {
    throw new Error(`${path} is ${info.size} bytes, over network.maxFeedBytes (${maxBytes})`);
  }
  return readFile(path);
}

export async function checkFeed(
  http: HttpClient,
  urlOrFile: string,
  settings: NetworkSettings,
): Promise<CheckFeedResult> {
  const target = urlOrFile.trim();
  try {
    let body: Buffer;
    let contentType: string | undefined;
    let baseUrl: string | undefined;
    if (isUrl(target)) {
      const res = await http.get({
        url: target,
        headers: { accept: FEED_ACCEPT },
        maxBytes: settings.maxFeedBytes,
      });
      body = res.body;
      contentType = res.headers['content-type'];
      baseUrl = res.url;
    } else {
      try {
        body = await readLocal(target, settings.maxFeedBytes);
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        return { target, ok: false, error: { code: 'file_unreadable', message } };
      }
    }
    const feed = await parseFeed(body, {
      contentType,
      maxItems: settings.maxItemsPerFeed,
      baseUrl,
    });
    return {
      target,
      ok: true,
      title: feed.title,
      link: feed.link,
      items: feed.items,
      truncated: feed.truncated,
    };
  } catch (err) {
    const { code, message } = describeError(err);
    return { target, ok: false, error: { code, message } };
  }
}
