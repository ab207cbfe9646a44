// The shape of bench/results.json and the regression check against it.
import { isBetter, type CaseResult } from "./harness.js";

/** bench/results.json: the machine, its load during the run, and one entry per case. */
export interface Results {
  readonly date: string;
  readonly quick: boolean;
  readonly machine: {
    readonly cpu: string;
    readonly cores: number;
    readonly memoryGiB: number;
    readonly freeMemoryGiB: number;
    readonly node: string;
    readonly platform: string;
    readonly loadAverage: { readonly before: number; readonly after: number };
  };
  readonly cases: readonly CaseResult[];
}

/** How much worse than committed a figure may get before --check fails. */
export const REGRESSION_FACTOR = 2;

/**
 * The cases whose figure got more than 2x worse than committed. A case with a baseline must
 * also have its ratio to the baseline more than 2x worse: a machine that is merely busier slows
 * the baseline as much as the figure, and that is not a regression of our code.
 */
export function regressions(committed: Results, now: readonly CaseResult[]): string[] {
  const out: string[] = [];
  for (const current of now) {
    const before = committed.cases.find((c) => c.id === current.id);
    if (before === undefined) continue;
    const factor = (a: number, b: number): number => (current.better === "higher" ? b / a : a / b);
    const figureWorse = factor(current.value, before.value);
    const ratioWorse = factor(current.ratio, before.ratio);
    const worse =
      figureWorse > REGRESSION_FACTOR &&
      (!Number.isFinite(before.ratio) || ratioWorse > REGRESSION_FACTOR);
    if (worse && isBetter(current.better, before.value, current.value)) {
      out.push(
        `${current.id}: ${current.value.toPrecision(3)} ${current.unit} against ${before.value.toPrecision(3)} committed (${figureWorse.toFixed(1)}x worse; ratio to baseline ${ratioWorse.toFixed(1)}x worse)`,
      );
    }
  }
  return out;
}
