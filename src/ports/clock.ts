/** The time source of the engine. */
export interface Clock {
  /** The current time in Gregorian seconds. */
  now(): number;
}
