import { gregorianFromUnixMs } from "../domain/time.js";
import type { Clock } from "../ports/clock.js";

/** The wall clock, in Gregorian seconds. */
export class SystemClock implements Clock {
  /** The current wall-clock time. */
  now(): number {
    return gregorianFromUnixMs(Date.now());
  }
}
