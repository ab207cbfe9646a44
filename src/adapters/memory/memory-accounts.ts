import type { Account } from "../../domain/accounts.js";
import type { AccountDirectory } from "../../ports/accounts.js";
import type { Awaitable } from "../../ports/awaitable.js";

/** How an account is declared: its parent instead of the full tree, flags default false. */
export interface AccountSpec {
  readonly id: string;
  readonly parent?: string | undefined;
  readonly name?: string | undefined;
  readonly master?: boolean | undefined;
  readonly allowAdditions?: boolean | undefined;
  readonly reseller?: boolean | undefined;
  readonly enabled?: boolean | undefined;
  /** Manages the port requests of its sub-accounts (P4). */
  readonly portAuthority?: boolean | undefined;
  /** Reseller setting: carriers searched for accounts below it. */
  readonly carrierModules?: readonly string[] | undefined;
  /** Reseller setting: feature providers allowed for numbers below it. */
  readonly allowedFeatures?: readonly string[] | undefined;
}

/** An in-memory account directory built from parent links. */
export class MemoryAccountDirectory implements AccountDirectory {
  readonly #accounts = new Map<string, Account>();

  /** Builds the directory; throws on an unknown parent, a cycle or a duplicate id. */
  constructor(specs: readonly AccountSpec[]) {
    const byId = new Map(specs.map((spec) => [spec.id, spec]));
    if (byId.size !== specs.length) throw new Error("duplicate account id");
    for (const spec of specs) {
      const tree: string[] = [];
      for (let parent = spec.parent; parent !== undefined; parent = byId.get(parent)?.parent) {
        if (!byId.has(parent)) throw new Error(`account ${spec.id}: unknown parent ${parent}`);
        if (parent === spec.id || tree.includes(parent))
          throw new Error(`account ${spec.id}: cycle`);
        tree.unshift(parent);
      }
      this.#accounts.set(spec.id, {
        id: spec.id,
        ...(spec.name === undefined ? {} : { name: spec.name }),
        tree,
        superduperAdmin: spec.master === true,
        allowAdditions: spec.allowAdditions === true,
        reseller: spec.reseller === true,
        enabled: spec.enabled !== false,
        ...(spec.portAuthority === true ? { portAuthority: true } : {}),
        ...(spec.carrierModules === undefined ? {} : { carrierModules: spec.carrierModules }),
        ...(spec.allowedFeatures === undefined ? {} : { allowedFeatures: spec.allowedFeatures }),
      });
    }
  }

  /** Reads one account. */
  get(id: string): Awaitable<Account | undefined> {
    return this.#accounts.get(id);
  }

  /** Every account, in declaration order. */
  all(): readonly Account[] {
    return [...this.#accounts.values()];
  }
}
