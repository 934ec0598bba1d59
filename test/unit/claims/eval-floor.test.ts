// Regression floor on the labelled development sets (FA-KES dev labels + seeds, read at run
// time from ../shared/data). `npm run eval` prints the same report with every miss.

import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../shared/claims/evaluate.ts';

describe('evaluate() on the development sets combined', () => {
  const report = evaluate();

  it('scores every labelled article', () => {
    expect(report.sets.map((s) => s.name)).toEqual(['dev', 'seeds']);
    expect(report.combined.articles).toBeGreaterThanOrEqual(45);
  });

  it('keeps casualty F1 >= 0.92', () => {
    expect(report.combined.casualties.f1).toBeGreaterThanOrEqual(0.92);
  });

  it('keeps accusation F1 >= 0.87', () => {
    expect(report.combined.accusations.f1).toBeGreaterThanOrEqual(0.87);
  });

  it('keeps topic F1 >= 0.90', () => {
    expect(report.combined.topic.f1).toBeGreaterThanOrEqual(0.9);
  });

  it('gets victims right on most matched figures', () => {
    expect(report.combined.victimsAccuracy).toBeGreaterThanOrEqual(0.9);
  });
});
