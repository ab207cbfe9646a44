import type { AccountSpec } from "../../../src/adapters/memory/memory-accounts.js";

/** The accounts of the outbox crash test. */
export const OUTBOX_ACCOUNTS: readonly AccountSpec[] = [
  { id: "master", master: true, reseller: true },
  { id: "acme", parent: "master" },
];

/** The numbers it updates in turn. */
export const OUTBOX_NUMBERS = Array.from({ length: 20 }, (_, i) => `+1303555${1000 + i}`);
