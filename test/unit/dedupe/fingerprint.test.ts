import { describe, expect, it } from 'vitest';
import { loadSeeds } from '../../../shared/corpus/fa-kes.ts';
import {
  decodeHashes,
  encodeHashes,
  fingerprintText,
  isSameStory,
  jaccard,
} from '../../../shared/dedupe/fingerprint.ts';

describe('text fingerprints', () => {
  const seeds = loadSeeds();
  const fp = (i: number) => fingerprintText(seeds[i]?.text ?? '');

  it('recognises seeds 000 and 001 (one story, two outlets) as the same story', () => {
    expect(isSameStory(fp(0), fp(1))).toBe(true);
  });

  it('keeps the other seeds apart from each other', () => {
    for (let i = 0; i < seeds.length; i++) {
      for (let j = i + 1; j < seeds.length; j++) {
        if (i === 0 && j === 1) continue;
        expect(isSameStory(fp(i), fp(j)), `${seeds[i]?.id} vs ${seeds[j]?.id}`).toBe(false);
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
