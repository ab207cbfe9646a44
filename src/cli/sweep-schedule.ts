import type { SweepReport } from "../engine/sweep.js";

/** What a scheduled sweep runs: the engine's clean-up. */
export interface Sweeper {
  sweep(): Promise<SweepReport>;
}

/** A running schedule of sweeps. */
export interface SweepSchedule {
  /** Cancels the next run and resolves once a run in progress has finished. */
  stop(): Promise<void>;
}

const MAX_LISTED = 5;

/** `expiredHolds` → `expired holds`. */
const words = (key: string): string =>
  key.replace(/[A-Z]/g, (letter) => ` ${letter.toLowerCase()}`);

/**
 * One line saying what a sweep did: every field of the report, counts for lists (with the first
 * numbers), so fields added to the report later show up too.
 */
export function sweepSummary(report: SweepReport, milliseconds?: number): string {
  const parts = Object.entries(report).map(([key, value]) => {
    if (!Array.isArray(value)) return `${words(key)} ${String(value)}`;
    const listed = value.slice(0, MAX_LISTED).map(String).join(" ");
    const more = value.length > MAX_LISTED ? " …" : "";
    return value.length === 0
      ? `${words(key)} 0`
      : `${words(key)} ${value.length} (${listed}${more})`;
  });
  const took = milliseconds === undefined ? "" : ` in ${milliseconds.toFixed(0)} ms`;
  return `sweep${took}: ${parts.join(", ")}`;
}

/**
 * Runs a sweep now and then every `intervalS` seconds after the previous one finished (so runs
 * never overlap), logging one summary line per run; a failed run logs its error and the schedule
 * goes on. An interval of 0 schedules nothing.
 */
export function scheduleSweeps(
  sweeper: Sweeper,
  intervalS: number,
  log: (line: string) => void,
): SweepSchedule {
  if (intervalS === 0) return { stop: () => Promise.resolve() };
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  const runOnce = async (): Promise<void> => {
    const started = performance.now();
    try {
      log(sweepSummary(await sweeper.sweep(), performance.now() - started));
    } catch (error) {
      log(`sweep failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (!stopped) timer = setTimeout(tick, intervalS * 1000);
  };
  const tick = (): void => {
    running = runOnce();
  };
  tick();
  return {
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
