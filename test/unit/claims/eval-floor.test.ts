// Regression floor on the labelled development sets (data/labels, read at run time).
// `npm run eval` prints the same report with every miss.

import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../shared/claims/evaluate.ts';

describe('evaluate() on the development sets combined', () => {
  const report = evaluate();

  it('scores every labelled article', () => {
    expect(report.sets.map((s) => s.name)).toEqual(['dev', 'topic-dev']);
    expect(report.sets[0]?.articles).toBe(340);
    expect(report.sets[1]?.articles).toBe(184);
  });

  it('keeps casualty F1 >= 0.91', () => {
    expect(report.combined.casualties.f1).toBeGreaterThanOrEqual(0.91);
  });

  it('keeps accusation F1 >= 0.62', () => {
    expect(report.combined.accusations.f1).toBeGreaterThanOrEqual(0.62);
  });

  it('keeps topic F1 >= 0.92', () => {
    expect(report.combined.topic.f1).toBeGreaterThanOrEqual(0.92);
  });

  it('gets victims right on most matched figures', () => {
    expect(report.combined.victimsAccuracy).toBeGreaterThanOrEqual(0.9);
  });
});
