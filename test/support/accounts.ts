import type { AccountLookup } from "../../src/domain/accounts.js";
import {
  MemoryAccountDirectory,
  type AccountSpec,
} from "../../src/adapters/memory/memory-accounts.js";

/**
 * The standard account tree of the unit tests:
 *
 * root (super-duper admin, reseller, may add numbers)
 * ├─ acme (reseller, may add numbers)
 * │  ├─ acme_sales ─ acme_sales_east
 * │  └─ acme_support
 * ├─ globex (reseller, may add numbers) ─ globex_ops
 * ├─ plain (may not add numbers)
 * └─ sleepy (disabled)
 */
export const STANDARD_TREE: readonly AccountSpec[] = [
  { id: "root", master: true, reseller: true, allowAdditions: true },
  { id: "acme", parent: "root", reseller: true, allowAdditions: true },
  { id: "acme_sales", parent: "acme" },
  { id: "acme_sales_east", parent: "acme_sales" },
  { id: "acme_support", parent: "acme" },
  { id: "globex", parent: "root", reseller: true, allowAdditions: true },
  { id: "globex_ops", parent: "globex" },
  { id: "plain", parent: "root" },
  { id: "sleepy", parent: "root", enabled: false },
];

/** A synchronous lookup over account specs, the way the engine hands accounts to predicates. */
export function lookupOf(specs: readonly AccountSpec[] = STANDARD_TREE): AccountLookup {
  const accounts = new Map(new MemoryAccountDirectory(specs).all().map((a) => [a.id, a]));
  return (id) => accounts.get(id);
}
