import { describe, expect, it } from 'vitest';
import { allegationAgreement, allegationFaults } from '../../../scripts/eval/allegation-quality.ts';
import { emptyTally, report, scoreArticle } from '../../../scripts/eval/evaluate.ts';
import type { ArticleLabel, LabelledArticle } from '../../../scripts/eval/labelled-sets.ts';
import type { Accusation, ClaimSet } from '../../../shared/domain/claims.ts';

describe('allegationFaults (rule 2 of issue 13)', () => {
  it('accepts a clean verb phrase', () => {
    expect(allegationFaults('killing 43 civilians in Raqqa')).toEqual([]);
    expect(allegationFaults('using "barrel bombs" on Aleppo.')).toEqual([]);
    expect(allegationFaults('supporting terrorists')).toEqual([]);
  });

  it('names every way a phrase is cut badly', () => {
    expect(allegationFaults('')).toEqual(['empty']);
    expect(allegationFaults('  ')).toEqual(['empty']);
    expect(allegationFaults(', killing civilians')).toEqual(['starts-with-punctuation']);
    expect(allegationFaults('and shelled Douma')).toEqual(['starts-with-conjunction']);
    expect(allegationFaults('that it bombed a school')).toEqual(['starts-with-conjunction']);
    expect(allegationFaults('killed civilians in')).toEqual(['ends-with-function-word']);
    expect(allegationFaults('bombed the')).toEqual(['ends-with-function-word']);
    expect(allegationFaults('bombed a market and.')).toEqual(['ends-with-function-word']);
    expect(allegationFaults('calling it "a massacre')).toEqual(['unbalanced-quotes']);
    expect(allegationFaults('calling it “a massacre')).toEqual(['unbalanced-quotes']);
    expect(allegationFaults('or struck the')).toEqual([
      'starts-with-conjunction',
      'ends-with-function-word',
    ]);
  });

  it('does not take a word ending in a function word for one', () => {
    expect(allegationFaults('bombing Idlib province')).toEqual([]);
    expect(allegationFaults('the killing of civilians in Manbij')).toEqual([]);
  });
});

const label = (accusations: ArticleLabel['accusations']): LabelledArticle => ({
  unitId: 'u1',
  text: 'Title\n\nBody.',
  ctx: { title: 'Title' },
  label: { unit_id: 'u1', coalition_strike: true, casualties: [], accusations },
});
const found = (accuser: string, accused: string, allegation = 'killing civilians'): Accusation =>
  ({
    accuser,
    accused,
    accuserName: accuser,
    accusedName: accused,
    allegation,
    place: null,
    quote: `${accuser} accused ${accused}`,
  }) as Accusation;
const decision = { relevant: true, topics: ['coalition-strikes-syria'] };

function scored(a: LabelledArticle, claims: ClaimSet) {
  const t = emptyTally();
  scoreArticle('test', a, claims, decision, t);
  return report('test', t);
}

describe('the US/coalition accusation subset', () => {
  it('counts us and coalition as one side, on both sides of the comparison', () => {
    const r = scored(
      label([
        { accuser: 'russia', accused: 'us' },
        { accuser: 'sohr', accused: 'coalition' },
        { accuser: 'sohr', accused: 'syria_gov' },
      ]),
      {
        casualties: [],
        accusations: [found('russia', 'coalition'), found('sohr', 'us'), found('un', 'us')],
      },
    );
    // russia>us/coalition and sohr>us/coalition match; un>us/coalition is false; sohr>syria_gov
    // is outside the subset.
    expect(r.usCoalitionAccusations).toMatchObject({ tp: 2, fp: 1, fn: 0 });
    // The plain figure keeps us and coalition apart.
    expect(r.accusations).toMatchObject({ tp: 0, fp: 3, fn: 3 });
  });

  it('takes accusations by the US or the coalition too', () => {
    const r = scored(label([{ accuser: 'us', accused: 'syria_gov' }]), {
      casualties: [],
      accusations: [],
    });
    expect(r.usCoalitionAccusations).toMatchObject({ tp: 0, fp: 0, fn: 1 });
  });
});

describe('allegation quality', () => {
  it('is the share of found accusations whose allegation breaks rule 2', () => {
    const r = scored(label([]), {
      casualties: [],
      accusations: [
        found('russia', 'us', 'killing civilians in Raqqa'),
        found('sohr', 'us', 'and struck a market in'),
        found('un', 'us', ''),
        found('un', 'coalition', 'bombing a hospital'),
      ],
    });
    expect(r.allegations).toMatchObject({ total: 4, broken: 2, share: 0.5 });
    expect(r.allegations.byFault).toMatchObject({
      empty: 1,
      'starts-with-conjunction': 1,
      'ends-with-function-word': 1,
    });
    expect(r.findings.filter((f) => f.kind === 'allegation-broken')).toHaveLength(2);
  });

  it("compares an allegation with the label's phrase for the same pair, over content words", () => {
    expect(
      allegationAgreement('airstrikes killing 20 civilians in Raqqa', 'killed 20 civilians'),
    ).toBeCloseTo(0.75); // 3 of its 5 content words, all 3 of the label's
    expect(allegationAgreement('planes Thursday', 'bombing a market in Idlib')).toBe(0);
    expect(allegationAgreement('air strikes on Raqqa', 'air strike on Raqqa')).toBe(1);
    expect(allegationAgreement('', 'bombing a market')).toBe(0);
    const r = scored(
      label([
        { accuser: 'sohr', accused: 'coalition', allegation: 'air strikes killing 56 civilians' },
        { accuser: 'russia', accused: 'us', allegation: 'bombing a hospital' },
        { accuser: 'un', accused: 'rebels' },
      ]),
      {
        casualties: [],
        accusations: [
          found('sohr', 'coalition', 'strikes killing 56 civilians in Manbij'),
          found('russia', 'us', 'planes on Thursday'),
          found('un', 'rebels', 'shelling'),
        ],
      },
    );
    // The un>rebels pair has no labelled phrase, so two are compared; one shares no word.
    expect(r.allegations).toMatchObject({ compared: 2, disjoint: 0.5 });
    expect(r.allegations.agreement).toBeGreaterThan(0.3);
    expect(r.findings.filter((f) => f.kind === 'allegation-disjoint')).toHaveLength(1);
  });
});
