import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isProbablyReaderable } from '@mozilla/readability';
import { JSDOM } from 'jsdom';
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
    expect(names.length).toBeGreaterThanOrEqual(12);
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

  // Intended differences from the floor: a brief stops at the article, where the floor's
  // second pass takes in the readers' comments; a consent banner that Readability's first pass
  // took for the article is dropped, where the floor keeps it above the article.
  const differs = new Set(['news-brief-with-comments', 'cookie-banner-article']);

  it('matches the plain jsdom floor on every other fixture the floor can parse', () => {
    for (const name of names) {
      if (name === 'css-bomb-breaks-jsdom' || name === 'index-page-not-article') continue;
      if (differs.has(name)) continue;
      const html = load(name);
      expect(extractArticle(html, { url }), name).toEqual(floorExtract(html, url));
    }
  });

  it('differs from the floor only by dropping paragraphs where it means to', () => {
    for (const name of differs) {
      const html = load(name);
      const got = extractArticle(html, { url });
      const floor = floorExtract(html, url);
      expect({ ...got, text: '', byline: null }).toEqual({ ...floor, text: '', byline: null });
      const floorParagraphs = new Set(floor?.text.split('\n\n'));
      const paragraphs = got?.text.split('\n\n') ?? [];
      expect(paragraphs.length).toBeGreaterThan(0);
      for (const p of paragraphs) expect(floorParagraphs.has(p), `${name}: ${p}`).toBe(true);
      expect(paragraphs.length).toBeLessThan(floorParagraphs.size);
    }
  });

  it("keeps every article whose layout fails Readability's readerable check", () => {
    const shapes: Record<string, string> = {
      'short-paragraph-layout': 'Four of the dead were civilians who lived beside the depots.',
      'bullet-list-article': 'at least 12 civilians were killed in air strikes on the western edge',
      'table-laid-article': 'Five civilians were killed and eleven others were wounded on Monday',
      'div-only-text': 'Rescue workers said two of the dead were children',
      'news-brief-with-comments': 'Two people were killed and five wounded when mortar rounds',
    };
    for (const [name, sentence] of Object.entries(shapes)) {
      const html = load(name);
      const doc = new JSDOM(html).window.document as unknown as Document;
      expect(isProbablyReaderable(doc), name).toBe(false);
      expect(extractArticle(html, { url })?.text, name).toContain(sentence);
    }
  });

  it('looks past a cookie banner that Readability first takes for the article', () => {
    const a = extractArticle(load('cookie-banner-article'), { url });
    expect(a?.text).toMatch(/^The US-led coalition said on Thursday/);
    expect(a?.text).toContain('The activists said six of the dead were children.');
    expect(a?.text).not.toMatch(/cookies|Accept all/);
  });

  it("keeps a brief to itself: the readers' comments stay out", () => {
    const a = extractArticle(load('news-brief-with-comments'), { url });
    expect(a?.text).toBe(
      'Two people were killed and five wounded when mortar rounds hit a market in the Jaramana suburb of Damascus on Tuesday, state media said.\n\nNo group claimed the attack.',
    );
    expect(floorExtract(load('news-brief-with-comments'), url)?.text).toContain('40 people died');
  });
});
