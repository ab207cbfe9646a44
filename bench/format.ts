// Number formatting shared by the console table and the rendered document.
import { round } from "./harness.js";

/** A figure for a table: whole above 100, two decimals above 1, four below; thousands separated. */
export function formatFigure(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 1 ? 2 : 4;
  return round(value, digits).toLocaleString("en-US", { maximumFractionDigits: digits });
}
