// The learned accusation scorer: its candidates and features on short sentences written for the
// test, and the committed weights against what `npm run train:accusations` produces from the
// labels (read at run time from data/labels).

import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  bestThreshold,
  repeatedCrossValidation,
  serialiseModel,
  TRAINING_OPTIONS,
  trainModel,
  tuningRows,
} from '../../../scripts/accusations/train.ts';
import { accusationCandidates } from '../../../shared/claims/accusation-candidates.ts';
import { candidateVectors } from '../../../shared/claims/accusation-features.ts';
import { ACCUSATION_MODEL } from '../../../shared/claims/accusation-model.ts';
import { probabilityOf, scoredAccusations } from '../../../shared/claims/accusation-scorer.ts';
import { accusationFrames } from '../../../shared/claims/accusations.ts';
import { analyseArticle } from '../../../shared/claims/article-analysis.ts';
import type { ArticleContext } from '../../../shared/domain/claims.ts';

const here = dirname(fileURLToPath(import.meta.url));
const frames = (text: string, ctx: ArticleContext = {}) =>
  accusationFrames(analyseArticle(text, ctx), ctx);
const candidates = (text: string, ctx: ArticleContext = {}) =>
  accusationCandidates(frames(text, ctx));
const pairs = (text: string, ctx: ArticleContext = {}) =>
  scoredAccusations(frames(text, ctx), ACCUSATION_MODEL).map((a) => `${a.accuser}>${a.accused}`);

describe('accusation candidates', () => {
  it('pairs a named speaker with the agent of harm it names', () => {
    const [c] = candidates(
      'Coalition jets killed 15 civilians in Manbij on Monday, the Syrian Observatory said.',
    );
    expect(c).toMatchObject({ accuser: 'sohr', accusedActor: 'coalition' });
    const [v] = candidateVectors(c ? [c] : []);
    expect(v?.has('a:agent')).toBe(true);
    expect(v?.has('sp:named')).toBe(true);
    expect(v?.has('r:harm')).toBe(true);
  });

  it('gives no candidate to a journalist reporting a strike in his own voice', () => {
    expect(candidates('US-led coalition jets struck Raqqa on Monday.')).toEqual([]);
  });

  it("speaks with a party outlet's own voice when nobody else speaks", () => {
    const [c] = candidates('Terrorists fired rocket shells on Aleppo killing two civilians.', {
      outletId: 'sana',
    });
    expect(c).toMatchObject({ accuser: 'syria_gov', accusedActor: 'rebels' });
    expect(candidateVectors(c ? [c] : [])[0]?.has('sp:own-voice')).toBe(true);
  });

  it('marks a denial', () => {
    const cs = candidates(
      'Russia denied that its jets bombed the hospital in Idlib, the Observatory said.',
    );
    expect(cs.length).toBeGreaterThan(0);
    expect(candidateVectors(cs).every((v) => v.has('s:denial'))).toBe(true);
  });

  it('counts the sentences a pair meets in', () => {
    const text =
      'Regime forces shelled Douma killing four civilians, the Observatory said. ' +
      'The Observatory said regime forces also bombed a market in the town.';
    const vectors = candidateVectors(candidates(text));
    expect(vectors.some((v) => v.has('n:pair-twice'))).toBe(true);
  });

  it('marks the parties the headline names', () => {
    const text =
      'Coalition strikes kill 12 in Raqqa\n\n' +
      'Activists said coalition jets bombed a market in the city killing 12 civilians.';
    const cs = candidates(text).filter((c) => c.si > 0);
    const [v] = candidateVectors(cs);
    expect(cs[0]).toMatchObject({ accuser: 'other', accusedActor: 'coalition' });
    expect(v?.has('h:accused')).toBe(true);
    expect(v?.has('h:accuser')).toBe(false);
  });
});

describe('scoredAccusations', () => {
  it('accepts attributed harm and explicit blame', () => {
    expect(
      pairs('Coalition jets killed 15 civilians in Manbij on Monday, the Syrian Observatory said.'),
    ).toEqual(['sohr>coalition']);
    expect(
      pairs('Russia accused the US-led coalition of killing civilians in Deir Ezzor.'),
    ).toEqual(['russia>coalition']);
  });

  it('rejects a denial and neutral reporting', () => {
    expect(pairs('The Pentagon denied that coalition aircraft had hit the school.')).toEqual([]);
    expect(pairs('US-led coalition jets struck Raqqa on Monday.')).toEqual([]);
  });

  it('scores a rule finding above the same candidate without it', () => {
    const base = new Map([
      ['sp:named', 1],
      ['a:agent', 1],
    ]);
    const ruled = new Map([...base, ['r:harm', 1]]);
    expect(probabilityOf(ACCUSATION_MODEL, ruled)).toBeGreaterThan(
      probabilityOf(ACCUSATION_MODEL, new Map([...base, ['r:none', 1]])),
    );
  });
});

describe('the committed accusation model', () => {
  it('is what npm run train:accusations gives from the tuning part', () => {
    const articles = tuningRows();
    const threshold = bestThreshold(repeatedCrossValidation(articles, TRAINING_OPTIONS)).threshold;
    const text = serialiseModel(trainModel(articles, TRAINING_OPTIONS, threshold));
    expect(text).toBe(
      readFileSync(resolve(here, '../../../shared/claims/accusation-model.json'), 'utf8'),
    );
  }, 60_000);
});
