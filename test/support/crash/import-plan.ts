import type { AccountSpec } from "../../../src/adapters/memory/memory-accounts.js";

/** How many numbers the crash import creates, and how many per collection PUT. */
export const IMPORT_TOTAL = 20_000;
export const IMPORT_BATCH = 100;

/** The import's accounts: a reseller allowed to add numbers under the master. */
export const IMPORT_ACCOUNTS: readonly AccountSpec[] = [
  { id: "master", master: true, reseller: true },
  { id: "reseller", parent: "master", reseller: true, allowAdditions: true },
];

/** Every imported number, in import order. */
export function importNumbers(): string[] {
  return Array.from({ length: IMPORT_TOTAL }, (_, i) => `+1212${String(2_000_000 + i)}`);
}

/** The numbers of each collection PUT, in order. */
export function importBatches(): string[][] {
  const numbers = importNumbers();
  return Array.from({ length: IMPORT_TOTAL / IMPORT_BATCH }, (_, i) =>
    numbers.slice(i * IMPORT_BATCH, (i + 1) * IMPORT_BATCH),
  );
}
