import type { CliIo } from "./command.js";

/** Reports how far a long job has come. */
export interface Progress {
  /** `done` of `total` units handled so far. */
  update(done: number, total: number): void;
  /** Ends the report (a terminal bar gets its line break). */
  finish(): void;
}

const WIDTH = 30;
const STEP_PERCENT = 10;

const counted = (value: number): string => value.toLocaleString("en-US");

/**
 * A progress report on stderr: a bar redrawn in place on a terminal (at most ten times a second),
 * else a plain line each time another tenth of the work is done.
 */
export function progress(io: CliIo, label: string, unit: string): Progress {
  let lastDraw = 0;
  let lastStep = 0;
  let drawn = false;
  return {
    update(done, total) {
      const fraction = total === 0 ? 1 : done / total;
      const percent = Math.floor(fraction * 100);
      if (io.isTTY) {
        const now = performance.now();
        if (now - lastDraw < 100 && done < total) return;
        lastDraw = now;
        const filled = Math.round(fraction * WIDTH);
        const bar = `${"#".repeat(filled)}${"-".repeat(WIDTH - filled)}`;
        io.err(`\r${label} [${bar}] ${percent}% ${counted(done)}/${counted(total)} ${unit}`);
        drawn = true;
        return;
      }
      const step = Math.floor(percent / STEP_PERCENT);
      if (step <= lastStep && done < total) return;
      if (done === total && lastStep === STEP_PERCENT) return;
      lastStep = done === total ? STEP_PERCENT : step;
      io.err(`${label}: ${counted(done)}/${counted(total)} ${unit} (${percent}%)\n`);
    },
    finish() {
      if (drawn) io.err("\n");
    },
  };
}
