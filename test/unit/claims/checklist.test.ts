// The accusation checklist (scripts/eval/checklist.ts): sentences built from templates of who
// says it, who did it and what they did, each sentence's pair known by construction.

import { describe, expect, it } from 'vitest';
import {
  checklistCases,
  negativeCases,
  runChecklist,
  runNegatives,
} from '../../../scripts/eval/checklist.ts';

const failed = (rs: ReturnType<typeof runChecklist>) =>
  rs.filter((r) => !r.found || r.extra.length > 0).map((r) => `${r.sentence} -> ${r.extra}`);

describe('accusation checklist', () => {
  it('builds cases of every frame, source and perpetrator, none on a party itself or an ally', () => {
    const cases = checklistCases();
    expect(cases.length).toBeGreaterThan(20_000);
    expect(cases.every((c) => c.accuser !== c.accused)).toBe(true);
    expect(new Set(cases.map((c) => c.frame)).size).toBeGreaterThanOrEqual(9);
  });

  it('finds the pair of every sentence, and no other', () => {
    expect(failed(runChecklist()).slice(0, 10)).toEqual([]);
  });

  it('finds nothing where the sentence accuses nobody', () => {
    expect(negativeCases().length).toBeGreaterThan(900);
    expect(failed(runNegatives()).slice(0, 10)).toEqual([]);
  });
});
