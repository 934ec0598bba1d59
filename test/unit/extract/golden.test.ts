import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractArticle, floorExtract } from '../../../shared/extract/extract-article.ts';

// Golden pairs: test/fixtures/extract/<name>.html beside <name>.json (the expected
// ExtractedArticle, or null). After an intended change in extraction, regenerate with
//   UPDATE_GOLDEN=1 npx vitest run test/unit/extract/golden.test.ts
// and review the JSON diff before committing.

const dir = resolve(dirname(fileURLToPath(import.meta.url)), '../../fixtures/extract');
const update = process.env.UPDATE_GOLDEN === '1';
const names = readdirSync(dir)
  .filter((f) => f.endsWith('.html'))
  .map((f) => f.slice(0, -'.html'.length))
  .sort();

/** Every fixture pretends to live at the same address; the URL only matters for links. */
const url = 'https://news.example/world/middle-east/story-123';

describe('extractArticle golden pages', () => {
  it('has the hand-written fixtures', () => {
    expect(names.length).toBeGreaterThanOrEqual(6);
  });

  for (const name of names) {
    it(name, () => {
      const html = readFileSync(resolve(dir, `${name}.html`), 'utf8');
      const actual = extractArticle(html, { url });
      const goldenPath = resolve(dir, `${name}.json`);
      if (update) writeFileSync(goldenPath, `${JSON.stringify(actual, null, 2)}\n`);
      const expected: unknown = JSON.parse(readFileSync(goldenPath, 'utf8'));
      expect(actual).toEqual(expected);
    });
  }
});

describe('what the golden pages pin down', () => {
  const load = (name: string): string => readFileSync(resolve(dir, `${name}.html`), 'utf8');

  it('keeps a Cyrillic byline and converts a +03:00 pubdate to UTC', () => {
    const a = extractArticle(load('agency-tass-like-cyrillic'), { url });
    expect(a?.byline).toBe('Дмитрий Иванов');
    expect(a?.publishedAt).toBe('2019-10-15T06:47:00.000Z');
  });

  it('reads title, byline and date from JSON-LD when the page has nothing else', () => {
    const a = extractArticle(load('jsonld-only-metadata'), { url });
    expect(a?.title).toBe('UNHCR: Rukban camp residents face dire winter without aid');
    expect(a?.byline).toBe('Rana Husseini');
    expect(a?.publishedAt).toBe('2019-01-14T06:05:00.000Z');
  });

  it('returns null for a section front with no article', () => {
    expect(extractArticle(load('index-page-not-article'), { url })).toBeNull();
  });

  it('survives CSS that makes the plain jsdom constructor throw', () => {
    const html = load('css-bomb-breaks-jsdom');
    // jsdom 29 recurses once per nested @media block and overflows the stack.
    expect(() => floorExtract(html, url)).toThrow(RangeError);
    const a = extractArticle(html, { url });
    expect(a?.title).toBe('Turkish army says 9 soldiers wounded in Afrin mortar attack');
    expect(a?.text).toContain('Nine Turkish soldiers were wounded on Friday');
  });

  it('matches the plain jsdom floor on every fixture the floor can parse', () => {
    for (const name of names) {
      if (name === 'css-bomb-breaks-jsdom' || name === 'index-page-not-article') continue;
      const html = load(name);
      expect(extractArticle(html, { url }), name).toEqual(floorExtract(html, url));
    }
  });
});
