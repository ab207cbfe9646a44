/**
 * How many cases the long runs make: small in `npm test`, the figures in
 * `npm run test:long` (which sets the variables), or whatever the environment asks for.
 */
export function count(variable: string, small: number): number {
  const raw = process.env[variable];
  if (raw === undefined || raw === "") return small;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`${variable} must be a positive integer`);
  return value;
}

/** The fast-check seed of a run: LONG_SEED, else a fixed one, so `npm test` is repeatable. */
export const SEED = Number(process.env["LONG_SEED"] ?? 20_261_201);

/** Prints one line of figures for a run (what docs/reliability.md quotes). */
export function report(name: string, figures: Record<string, number | string>): void {
  const parts = Object.entries(figures).map(([k, v]) => `${k}=${v}`);
  process.stdout.write(`[figures] ${name}: ${parts.join(" ")}\n`);
}
