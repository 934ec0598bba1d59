// The training objective of the coalition-strike topic model (scored by
// shared/topics/coalition-model.ts): class-weighted logistic loss with an L2 penalty, where an
// article's margin is
//   bias + w . article + log(1 + sum over its actor sentences of exp(w . sentence))
// a soft maximum over the sentences (the 1 is "no sentence"), so that the article is on topic
// when one of its sentences is a report. Fitted by L-BFGS from zero: deterministic.

import { softPool } from '../../shared/topics/coalition-model.ts';
import { minimise } from './lbfgs.ts';

export interface SparseRow {
  indices: Int32Array;
  values: Float64Array;
}

export interface PooledExample {
  article: SparseRow;
  sentences: SparseRow[];
  label: boolean;
}

export interface PooledProblem {
  examples: PooledExample[];
  dimension: number;
  /** L2 penalty on the weights (not on the bias). */
  lambda: number;
  /** Weight of a positive example relative to a negative one. */
  positiveWeight: number;
}

export interface PooledFit {
  weights: Float64Array;
  bias: number;
}

function dotRow(row: SparseRow, w: Float64Array): number {
  let z = 0;
  for (let k = 0; k < row.indices.length; k++) {
    z += (w[row.indices[k] ?? 0] ?? 0) * (row.values[k] ?? 0);
  }
  return z;
}

function addRow(row: SparseRow, scale: number, into: Float64Array): void {
  for (let k = 0; k < row.indices.length; k++) {
    const j = row.indices[k] ?? 0;
    into[j] = (into[j] ?? 0) + scale * (row.values[k] ?? 0);
  }
}

/** log(1 + e^x) without overflow. */
const softplus = (x: number): number =>
  x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));

/** Margin of one example, and the share of each of its sentences in it. */
function marginOf(
  e: PooledExample,
  w: Float64Array,
  bias: number,
): { z: number; shares: number[] } {
  const { pool, shares } = softPool(e.sentences.map((s) => dotRow(s, w)));
  return { z: bias + dotRow(e.article, w) + pool, shares };
}

function objective(p: PooledProblem): (theta: Float64Array, grad: Float64Array) => number {
  const d = p.dimension;
  const total = p.examples.reduce((n, e) => n + (e.label ? p.positiveWeight : 1), 0);
  return (theta, grad) => {
    const w = theta.subarray(0, d);
    const bias = theta[d] ?? 0;
    grad.fill(0);
    let loss = 0;
    for (const e of p.examples) {
      const y = e.label ? 1 : -1;
      const c = e.label ? p.positiveWeight : 1;
      const { z, shares } = marginOf(e, w, bias);
      loss += c * softplus(-y * z);
      // d loss / d z; the margin's gradient is the article row plus each sentence row by share.
      const g = (c * -y) / (1 + Math.exp(y * z)) / total;
      addRow(e.article, g, grad);
      e.sentences.forEach((s, j) => {
        addRow(s, g * (shares[j] ?? 0), grad);
      });
      grad[d] = (grad[d] ?? 0) + g;
    }
    let penalty = 0;
    for (let j = 0; j < d; j++) {
      const wj = theta[j] ?? 0;
      penalty += wj * wj;
      grad[j] = (grad[j] ?? 0) + p.lambda * wj;
    }
    return loss / total + (p.lambda / 2) * penalty;
  };
}

export function fitPooled(p: PooledProblem): PooledFit {
  const theta = minimise(p.dimension + 1, objective(p));
  return { weights: theta.slice(0, p.dimension), bias: theta[p.dimension] ?? 0 };
}
