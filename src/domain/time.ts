/** Seconds between 0000-01-01 and 1970-01-01: Gregorian seconds = Unix seconds + this. */
export const GREGORIAN_UNIX_OFFSET = 62_167_219_200;

/** Seconds in a day, for the `*_expiry_d` settings. */
export const SECONDS_PER_DAY = 86_400;

/** Converts Unix milliseconds to Gregorian seconds, the timestamps Kazoo stores. */
export function gregorianFromUnixMs(unixMs: number): number {
  return Math.floor(unixMs / 1000) + GREGORIAN_UNIX_OFFSET;
}
