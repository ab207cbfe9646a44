import type { Clock } from "../../ports/clock.js";

/** A clock that moves only when told to: for tests, simulations and conformance worlds. */
export class ManualClock implements Clock {
  /** Starts at a Gregorian-seconds time. */
  constructor(private current: number) {}

  /** The current time. */
  now(): number {
    return this.current;
  }

  /** Moves the clock forward by some seconds. */
  advance(seconds: number): void {
    this.current += seconds;
  }
}
