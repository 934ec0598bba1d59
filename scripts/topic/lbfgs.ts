// L-BFGS with a backtracking (Armijo) line search, for the small smooth problems of topic
// training. Deterministic: starts from zero, no randomness, a fixed iteration cap.

/** Loss at `theta`; writes the gradient into `grad`. */
export type Objective = (theta: Float64Array, grad: Float64Array) => number;

const MEMORY = 10;
const MAX_ITERATIONS = 1000;
const TOLERANCE = 1e-7;

const dot = (a: Float64Array, b: Float64Array): number => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] ?? 0) * (b[i] ?? 0);
  return s;
};

const maxAbs = (a: Float64Array): number => {
  let m = 0;
  for (const v of a) m = Math.max(m, Math.abs(v));
  return m;
};

/** L-BFGS two-loop recursion: the search direction -H g from the remembered pairs. */
function direction(g: Float64Array, ss: Float64Array[], ys: Float64Array[]): Float64Array {
  const q = Float64Array.from(g);
  const alphas: number[] = [];
  for (let i = ss.length - 1; i >= 0; i--) {
    const s = ss[i] as Float64Array;
    const y = ys[i] as Float64Array;
    const a = dot(s, q) / dot(y, s);
    alphas[i] = a;
    for (let j = 0; j < q.length; j++) q[j] = (q[j] ?? 0) - a * (y[j] ?? 0);
  }
  const last = ss.length - 1;
  const gamma =
    last >= 0
      ? dot(ss[last] as Float64Array, ys[last] as Float64Array) /
        dot(ys[last] as Float64Array, ys[last] as Float64Array)
      : 1 / Math.max(1e-12, Math.sqrt(dot(g, g)));
  for (let j = 0; j < q.length; j++) q[j] = (q[j] ?? 0) * gamma;
  for (let i = 0; i < ss.length; i++) {
    const s = ss[i] as Float64Array;
    const y = ys[i] as Float64Array;
    const b = dot(y, q) / dot(y, s);
    for (let j = 0; j < q.length; j++) q[j] = (q[j] ?? 0) + (s[j] ?? 0) * ((alphas[i] ?? 0) - b);
  }
  for (let j = 0; j < q.length; j++) q[j] = -(q[j] ?? 0);
  return q;
}

/** The parameters (from zero) that minimise `f`, a smooth function of `n` parameters. */
export function minimise(n: number, f: Objective): Float64Array {
  let theta = new Float64Array(n);
  let grad = new Float64Array(n);
  let loss = f(theta, grad);
  const ss: Float64Array[] = [];
  const ys: Float64Array[] = [];
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    if (maxAbs(grad) < TOLERANCE) break;
    const dir = direction(grad, ss, ys);
    const slope = dot(grad, dir);
    let step = 1;
    const next = new Float64Array(n);
    const nextGrad = new Float64Array(n);
    let nextLoss = Number.POSITIVE_INFINITY;
    for (let tries = 0; tries < 40; tries++) {
      for (let j = 0; j < n; j++) next[j] = (theta[j] ?? 0) + step * (dir[j] ?? 0);
      nextLoss = f(next, nextGrad);
      if (nextLoss <= loss + 1e-4 * step * slope) break;
      step /= 2;
    }
    if (!(nextLoss < loss)) break;
    const s = next.map((v, j) => v - (theta[j] ?? 0));
    const y = nextGrad.map((v, j) => v - (grad[j] ?? 0));
    // Keep the pair only where the curvature is positive (always so on a convex loss).
    if (dot(s, y) > 1e-12) {
      ss.push(s);
      ys.push(y);
      if (ss.length > MEMORY) {
        ss.shift();
        ys.shift();
      }
    }
    const converged = loss - nextLoss < 1e-12 * Math.max(1, Math.abs(loss));
    theta = next;
    grad = nextGrad;
    loss = nextLoss;
    if (converged) break;
  }
  return theta;
}
