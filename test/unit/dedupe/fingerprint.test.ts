import { describe, expect, it } from 'vitest';
import { faKesText, loadFaKes } from '../../../shared/corpus/fa-kes.ts';
import {
  decodeHashes,
  encodeHashes,
  fingerprintText,
  isSameStory,
  jaccard,
} from '../../../shared/dedupe/fingerprint.ts';
import { DEMO_ARTICLES } from '../../../shared/local/fa-kes-pages.ts';

describe('text fingerprints', () => {
  // The demo's articles: 0 and 1 are one story from two outlets, 2 and 3 one outlet's first and
  // revised report of one incident; 4 and 5 stand alone.
  const rows = new Map(loadFaKes().map((r) => [r.unitId, r]));
  const texts = DEMO_ARTICLES.map((a) => {
    const row = rows.get(a.unitId);
    if (!row) throw new Error(`FA-KES row ${a.unitId} missing`);
    return faKesText(row);
  });
  const fp = (i: number) => fingerprintText(texts[i] ?? '');
  const together = new Set(['0-1', '2-3']);

  it('recognises two outlets’ reports of one story as the same story', () => {
    expect(isSameStory(fp(0), fp(1))).toBe(true);
    expect(isSameStory(fp(2), fp(3))).toBe(true);
  });

  it('keeps the other demo articles apart from each other', () => {
    for (let i = 0; i < texts.length; i++) {
      for (let j = i + 1; j < texts.length; j++) {
        if (together.has(`${i}-${j}`)) continue;
        expect(
          isSameStory(fp(i), fp(j)),
          `${DEMO_ARTICLES[i]?.unitId} vs ${DEMO_ARTICLES[j]?.unitId}`,
        ).toBe(false);
      }
    }
  });

  it('hashes the same text the same way whatever its whitespace, case and quotes', () => {
    const a = fingerprintText('“Russia accused the coalition,” he said.\n\nAt least 20 died.');
    const b = fingerprintText('"russia ACCUSED the   coalition," he said. at least 20 died.');
    expect(a.contentHash).toBe(b.contentHash);
    expect(a.bands).toEqual(b.bands);
  });

  it('produces stable MinHash bands (identical in every process)', () => {
    const f = fingerprintText('US-led coalition air strikes killed civilians near Raqqa on Monday');
    expect(f.bands).toHaveLength(16);
    for (const b of f.bands) expect(b).toMatch(/^[0-9a-f]{8}$/);
    expect(
      fingerprintText('US-led coalition air strikes killed civilians near Raqqa on Monday').bands,
    ).toEqual(f.bands);
  });

  it('computes Jaccard similarity on sorted hash sets', () => {
    const a = Uint32Array.from([1, 2, 3, 4]);
    const b = Uint32Array.from([3, 4, 5, 6]);
    expect(jaccard(a, b)).toBeCloseTo(2 / 6);
    expect(jaccard(a, a)).toBe(1);
    expect(jaccard(new Uint32Array(), new Uint32Array())).toBe(0);
  });

  it('round-trips hash sets through their stored binary form', () => {
    const words = fp(2).words;
    expect(decodeHashes(encodeHashes(words))).toEqual(words);
  });
});
