// The benchmark suite's vocabulary: a case pairs a measured figure with a baseline measured in
// the same run. Suites under bench/suites/ export `cases: BenchCase[]`; bench/run.ts runs them.
import { spawn } from "node:child_process";
import { Bench } from "tinybench";

/** What a probe gets: whether this is the quick run, and a way to pick sizes by run kind. */
export interface BenchContext {
  readonly quick: boolean;
  /** `full` in the full run, `quick` in `--quick`. */
  size(full: number, quick: number): number;
}

/** One measurement: the figure, plus free-form details (p50, p99, sizes) kept in results.json. */
export interface Sample {
  readonly value: number;
  readonly detail?: Readonly<Record<string, number | string>>;
}

/** Measures once and returns one sample; the runner calls it several times and keeps the best. */
export type Probe = (ctx: BenchContext) => Promise<Sample>;

/** A figure and the baseline it is judged against, both measured in the same run. */
export interface BenchCase {
  /** Short and stable (`B1`, `sqlite-page`): results.json and --check key on it. */
  readonly id: string;
  /** One line: what is measured. */
  readonly what: string;
  /** `ops/s`, `ms`, `bytes/number`, `req/s`, ... */
  readonly unit: string;
  /** Which way is better for this figure (and for the ratio figure/baseline). */
  readonly better: "higher" | "lower";
  /** The bound to meet, if any: on the figure and/or on the ratio figure/baseline. */
  readonly target?: { readonly value?: number; readonly ratio?: number };
  /** What the baseline is, in a few words. */
  readonly baselineWhat: string;
  readonly measure: Probe;
  readonly baseline: Probe;
  /** Rounds of (baseline, measure) pairs: default 3 in the full run, 1 in --quick. */
  readonly rounds?: number;
}

/** The outcome of one case in one run: the case's description and what was measured. */
export interface CaseResult extends Pick<
  BenchCase,
  "id" | "what" | "unit" | "better" | "target" | "baselineWhat"
> {
  readonly value: number;
  readonly baseline: number;
  /** figure / baseline. */
  readonly ratio: number;
  /** Whether the target holds (true when there is none). */
  readonly met: boolean;
  readonly detail: Readonly<Record<string, number | string>>;
}

/** Whether `a` is better than `b` in the given direction. */
export const isBetter = (better: "higher" | "lower", a: number, b: number): boolean =>
  better === "higher" ? a > b : a < b;

/** Whether a result meets its case's target. */
export function meetsTarget(
  better: "higher" | "lower",
  target: BenchCase["target"],
  value: number,
  ratio: number,
): boolean {
  if (target === undefined) return true;
  const valueOk = target.value === undefined || !isBetter(better, target.value, value);
  const ratioOk = target.ratio === undefined || !isBetter(better, target.ratio, ratio);
  return valueOk && ratioOk;
}

/** The work of a throughput probe: `ops` operations (or a count known only once `run` ended). */
interface Work {
  ops: number | (() => number);
  run: () => Promise<void> | void;
}

/**
 * A throughput probe: `setup` builds a fresh world (not timed) and returns the work; the work
 * runs `ops` operations once, timed; the sample is operations per second.
 */
export function throughput(setup: (ctx: BenchContext) => Promise<Work> | Work): Probe {
  return async (ctx) => {
    const work = await setup(ctx);
    const cpu = process.cpuUsage();
    const started = performance.now();
    await work.run();
    const ops = typeof work.ops === "function" ? work.ops() : work.ops;
    const seconds = (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    const cpuSeconds = (used.user + used.system) / 1e6;
    // CPU seconds of this process (all its threads): on a busy machine, wall time >> CPU time.
    return {
      value: ops / seconds,
      detail: { ops, seconds: round(seconds, 4), cpu_seconds: round(cpuSeconds, 4) },
    };
  };
}

/**
 * A latency probe through tinybench: `setup` (not timed) returns the call to time; the sample is
 * the median in milliseconds over `timeMs` of calls, with p99 in the details.
 */
export function latency(
  setup: (ctx: BenchContext) => Promise<() => unknown> | (() => unknown),
  timeMs: { full: number; quick: number } = { full: 1000, quick: 300 },
): Probe {
  return async (ctx) => {
    const call = await setup(ctx);
    const bench = new Bench({ time: ctx.size(timeMs.full, timeMs.quick), warmupTime: 100 });
    bench.add("call", call);
    await bench.run();
    const stats = bench.tasks[0]?.result;
    if (stats === undefined || !("latency" in stats)) throw new Error("tinybench gave no result");
    return {
      value: stats.latency.p50 ?? stats.latency.mean,
      detail: {
        p99_ms: round(stats.latency.p99 ?? Number.NaN, 5),
        samples: stats.latency.samplesCount,
      },
    };
  };
}

/** Runs a command to completion; resolves with its stdout, rejects on a non-zero exit. */
export function runProcess(command: string, args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0 ? resolve(out) : reject(new Error(`${command} exited ${code}: ${err}`)),
    );
  });
}

/** Rounds to `digits` decimals. */
export const round = (value: number, digits: number): number =>
  Math.round(value * 10 ** digits) / 10 ** digits;
