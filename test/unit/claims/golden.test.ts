// Golden files for the claim extractor: each test/fixtures/claims/<name>.txt (an article written
// for the test, title + blank line + body) sits beside <name>.json, the expected ClaimSet, and
// optionally <name>.ctx.json, the article context when it is not the default (an outlet id).
// After an intended change in output, regenerate with:
//   UPDATE_GOLDEN=1 npx vitest run test/unit/claims/golden.test.ts
// and review the diff of the .json files before committing.

import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../../shared/claims/extract-claims.ts';
import type { ArticleContext } from '../../../shared/domain/claims.ts';

const dir = resolve(dirname(fileURLToPath(import.meta.url)), '../../fixtures/claims');
const ctx: ArticleContext = { outlet: 'Golden Wire', publishedAt: '2017-06-14' };
const names = readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => f.replace(/\.txt$/, ''))
  .sort();

describe('extractClaims golden files', () => {
  it('has fixtures', () => {
    expect(names.length).toBeGreaterThan(0);
  });

  it.each(names)('%s', (name) => {
    const text = readFileSync(resolve(dir, `${name}.txt`), 'utf8');
    const title = text.split('\n', 1)[0];
    const ctxPath = resolve(dir, `${name}.ctx.json`);
    const own = existsSync(ctxPath)
      ? (JSON.parse(readFileSync(ctxPath, 'utf8')) as ArticleContext)
      : {};
    const actual = extractClaims(text, { ...ctx, ...own, title });
    const jsonPath = resolve(dir, `${name}.json`);
    if (process.env.UPDATE_GOLDEN) {
      writeFileSync(jsonPath, `${JSON.stringify(actual, null, 2)}\n`);
    }
    const expected: unknown = JSON.parse(readFileSync(jsonPath, 'utf8'));
    expect(actual).toEqual(expected);
  });
});
