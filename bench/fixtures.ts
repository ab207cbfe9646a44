// Shared fixtures of the bench suites: the account tree and number generators.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AccountSpec } from "../src/adapters/memory/memory-accounts.js";

/** root (master) → acme (reseller, may add numbers) → acme_sales (customer). */
export const ACCOUNTS: readonly AccountSpec[] = [
  { id: "root", master: true, reseller: true },
  { id: "acme", parent: "root", reseller: true, allowAdditions: true },
  { id: "acme_sales", parent: "acme" },
];

/** The i-th of a run of distinct NANP numbers in E.164 (i below 10^7): +1 415 then 7 digits. */
export const nanp = (i: number): string => `+1415${String(i).padStart(7, "0")}`;

/** `count` distinct NANP numbers. */
export const numbers = (count: number): string[] =>
  Array.from({ length: count }, (_, i) => nanp(i));

/** Scratch folders made by {@link scratchFolder}, removed together when the process exits. */
const scratch: string[] = [];

/** A fresh temporary folder, removed at exit (one exit listener for all of them). */
export function scratchFolder(prefix: string): string {
  if (scratch.length === 0)
    process.once("exit", () => {
      for (const folder of scratch) rmSync(folder, { recursive: true, force: true });
    });
  const folder = mkdtempSync(join(tmpdir(), prefix));
  scratch.push(folder);
  return folder;
}
