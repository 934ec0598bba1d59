// Golden date forms (issue 16 item 8): every form the FA-KES corpus writes dates in, each with a
// sentence written for the test in test/fixtures/claims/dates.json and its expected ISO date.

import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findDateHit } from '../../../shared/claims/dates.ts';

interface DateCase {
  form: string;
  text: string;
  publishedAt: string | null;
  date: string | null;
  basis: string | null;
}

const file = resolve(dirname(fileURLToPath(import.meta.url)), '../../fixtures/claims/dates.json');
const cases = JSON.parse(readFileSync(file, 'utf8')) as DateCase[];

describe('findDateHit on every FA-KES date form', () => {
  it.each(cases)('$form', (c) => {
    const near = c.text.search(/\d+\s+(?:people|civilians|fighters)|killed|killing|fled|began/);
    const hit = findDateHit(c.text, c.publishedAt ?? undefined, Math.max(0, near));
    expect(hit?.iso ?? null).toBe(c.date);
    expect(hit?.basis ?? null).toBe(c.basis);
  });
});
