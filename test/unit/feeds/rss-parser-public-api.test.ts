import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import Parser from 'rss-parser';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseFeed } from '../../../shared/feeds/parse-feed.ts';

// rss-parser is used through its public API only: `new Parser(options)` and `parseString`. Its
// other methods (buildAtomFeed, buildRSS2, parseItemRss, ...) are internals an update may change
// without notice; replacing them (as `Object.assign(parser, { buildAtomFeed })` once did) would
// let such an update break parsing silently. parseURL is public but fetches by itself, past the
// guarded HTTP client, so it is not used either.

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const FIXTURES = join(ROOT, 'test/fixtures/feeds');

function sources(dir: string): Array<{ path: string; text: string }> {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => ({
      path: relative(ROOT, join(ROOT, dir, f)),
      text: readFileSync(join(ROOT, dir, f), 'utf8'),
    }));
}

/** Members of rss-parser beyond its public API, named from the installed library itself. */
function internalMembers(): string[] {
  const methods = Object.getOwnPropertyNames(Parser.prototype).filter(
    (n) => n !== 'constructor' && n !== 'parseString',
  );
  const fields = Object.keys(new Parser()).filter((n) => n !== 'options');
  return [...methods, ...fields];
}

describe('rss-parser through its public API only', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('is imported by one module, which creates a Parser and calls parseString', () => {
    const importers = sources('shared').filter((s) => /from\s+'rss-parser[/']/.test(s.text));
    expect(importers.map((s) => s.path)).toEqual(['shared/feeds/rss-parser-read.ts']);
    const [module] = importers;
    expect(module?.text).toMatch(/from 'rss-parser';/);
    expect(module?.text).toMatch(/new Parser</);
    expect(module?.text).toMatch(/\.parseString\(/);
    // Nothing patched onto a parser or its prototype.
    expect(module?.text).not.toMatch(
      /Object\.(assign|defineProperty|setPrototypeOf)|\.prototype\b/,
    );
  });

  it('names none of its internals anywhere in shared/ or functions/', () => {
    const names = internalMembers();
    expect(names).toEqual(
      expect.arrayContaining(['buildAtomFeed', 'buildRSS2', 'parseItemRss', 'xmlParser']),
    );
    for (const { path, text } of [...sources('shared'), ...sources('functions')]) {
      for (const name of names) {
        expect(new RegExp(`\\b${name}\\b`).test(text), `${path} mentions ${name}`).toBe(false);
      }
    }
  });

  it('leaves the xml2js underneath to rss-parser: no import of it, no dependency on it', () => {
    for (const { path, text } of sources('shared')) {
      expect(/from\s+'xml2js'|require\('xml2js'\)/.test(text), path).toBe(false);
    }
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
      devDependencies: Record<string, string>;
    };
    expect(pkg.dependencies['rss-parser']).toBe('^3.13.0');
    expect(pkg.dependencies.xml2js).toBeUndefined();
    expect(pkg.devDependencies['@types/xml2js']).toBeUndefined();
  });

  it('parses every golden feed with parseString on an unmodified parser', async () => {
    const before = Object.getOwnPropertyNames(Parser.prototype).map(
      (n) => [n, Object.getOwnPropertyDescriptor(Parser.prototype, n)?.value] as const,
    );
    const spy = vi.spyOn(Parser.prototype, 'parseString');
    const fixtures = readdirSync(FIXTURES).filter((f) => f.endsWith('.xml'));
    for (const f of fixtures) {
      await parseFeed(readFileSync(join(FIXTURES, f)), { maxItems: 50 }).catch(() => null);
    }
    expect(spy.mock.calls.length).toBeGreaterThan(fixtures.length / 2);
    for (const parser of spy.mock.contexts) {
      // An instance holds what the constructor put there, no method of its own.
      expect(Object.keys(parser as object).sort()).toEqual(['options', 'xmlParser']);
      for (const v of Object.values(parser as object)) expect(typeof v).not.toBe('function');
    }
    vi.restoreAllMocks();
    const after = Object.getOwnPropertyNames(Parser.prototype).map(
      (n) => [n, Object.getOwnPropertyDescriptor(Parser.prototype, n)?.value] as const,
    );
    expect(after).toEqual(before);
  });
});
