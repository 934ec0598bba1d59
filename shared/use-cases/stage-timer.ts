// Where an article's time goes, stage by stage: the benchmark's breakdown (metrics in Lambda).

export type Stage =
  | 'fetch'
  /** Pre-cleaning and building the DOM (in the extraction worker). */
  | 'parse'
  /** Readability and the text it keeps (in the extraction worker). */
  | 'readability'
  /** Decoding the page, handing it to the extraction worker and the article back. */
  | 'handoff'
  | 'topic'
  | 'dedupe'
  | 'claims'
  | 'store'
  | 'alert';

export interface StageReporter {
  /** Time spent per stage of an article. */
  onStage?: ((stage: Stage, ms: number) => void) | undefined;
}

/**
 * Charges the time since the previous lap to `stage`; `parts` (measured elsewhere, e.g. in the
 * extraction worker) go to their own stages and come off `stage`'s share.
 */
export type Lap = (stage: Stage, parts?: Partial<Record<Stage, number>>) => void;

/** A stopwatch: each lap charges the time since the previous one to a stage. */
export function stageTimer(deps: StageReporter): Lap {
  if (!deps.onStage) return () => {};
  const report = deps.onStage;
  let last = performance.now();
  return (stage, parts = {}) => {
    const now = performance.now();
    let rest = now - last;
    for (const [part, ms] of Object.entries(parts) as [Stage, number][]) {
      report(part, ms);
      rest -= ms;
    }
    report(stage, Math.max(0, rest));
    last = now;
  };
}
