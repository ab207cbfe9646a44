import type { AccountSpec } from "../../../src/adapters/memory/memory-accounts.js";

/** How many numbers the crashed completion hands over. */
export const PORT_CRASH_SIZE = 1_000;

/** A reseller that is the port authority of its customer. */
export const PORT_CRASH_ACCOUNTS: readonly AccountSpec[] = [
  { id: "master", master: true, reseller: true },
  { id: "reseller", parent: "master", reseller: true, portAuthority: true },
  { id: "customer", parent: "reseller" },
];

/** The request's numbers. */
export function portCrashNumbers(): string[] {
  return Array.from({ length: PORT_CRASH_SIZE }, (_, i) => `+1646${String(3_000_000 + i)}`);
}
