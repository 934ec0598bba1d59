// The checklists (scripts/eval/checklist.ts, casualty-checklist.ts): sentences built from
// templates, each sentence's accusation or figure known by construction.

import { describe, expect, it } from 'vitest';
import {
  casualtyAsideCases,
  casualtyCases,
  runCasualtyChecklist,
  runNoFigure,
  runShaped,
} from '../../../scripts/eval/casualty-checklist.ts';
import {
  allegationFault,
  checklistCases,
  negativeCases,
  runChecklist,
  runNegatives,
} from '../../../scripts/eval/checklist.ts';
import { asideCases } from '../../../scripts/eval/checklist-asides.ts';

const failed = (rs: ReturnType<typeof runChecklist>) =>
  rs.filter((r) => !r.found || r.extra.length > 0).map((r) => `${r.sentence} -> ${r.extra}`);

describe('accusation checklist', () => {
  it('builds cases of every frame, source and perpetrator, none on a party itself or an ally', () => {
    const cases = checklistCases();
    expect(cases.length).toBeGreaterThan(20_000);
    expect(cases.every((c) => c.accuser !== c.accused)).toBe(true);
    expect(new Set(cases.map((c) => c.frame)).size).toBeGreaterThanOrEqual(9);
  });

  it('finds the pair of every sentence, and no other, with a clean allegation', () => {
    const rs = runChecklist();
    expect(failed(rs).slice(0, 10)).toEqual([]);
    const faulty = rs.filter((r) => allegationFault(r) !== null);
    expect(faulty.slice(0, 10).map((r) => `${r.allegation} | ${r.sentence}`)).toEqual([]);
  });

  it('finds the pair with the asides live text has set off by commas', () => {
    const rs = runChecklist(asideCases(checklistCases()));
    expect(rs.length).toBeGreaterThan(30_000);
    expect(failed(rs).slice(0, 10)).toEqual([]);
  });

  it('finds nothing where the sentence accuses nobody', () => {
    expect(negativeCases().length).toBeGreaterThan(900);
    expect(failed(runNegatives()).slice(0, 10)).toEqual([]);
  });
});

describe('casualty checklist', () => {
  it('finds every figure with its count, outcome, victims and qualifier', () => {
    const rs = runCasualtyChecklist();
    expect(rs.length).toBe(casualtyCases().length);
    expect(rs.length).toBeGreaterThan(7000);
    expect(rs.filter((r) => !r.exact).map((r) => `${r.sentence} -> ${r.got}`)).toEqual([]);
  });

  it('finds every figure with the asides live text has set off by commas', () => {
    const rs = runCasualtyChecklist(casualtyAsideCases());
    expect(rs.length).toBeGreaterThan(2000);
    expect(rs.filter((r) => !r.exact).map((r) => `${r.sentence} -> ${r.got}`)).toEqual([]);
  });

  it('gives every figure of a shaped sentence and no other, and none where nobody is counted', () => {
    expect(runShaped().filter((x) => x.missing.length > 0 || x.extra.length > 0)).toEqual([]);
    expect(runNoFigure().filter((x) => x.got.length > 0)).toEqual([]);
  });
});
