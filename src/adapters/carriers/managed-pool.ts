/** One entry of a managed pool (carriers.md §5.4): a number an account may hand out. */
export interface PoolEntry {
  readonly number: string;
  /** The account whose pool holds the number; absent once released. */
  readonly owner?: string | undefined;
  /** `available` while it can be offered; afterwards the state of the number's record. */
  readonly state: string;
}

/** Where a managed carrier keeps its pool entries. */
export interface ManagedPoolStore {
  /** The entries of an account's pool, in number order. */
  entriesOf(account: string): Promise<readonly PoolEntry[]>;
  /** Reads one entry by number, or undefined. */
  get(number: string): Promise<PoolEntry | undefined>;
  /** Writes one entry (creating or replacing it). */
  put(entry: PoolEntry): Promise<void>;
}

/** A managed pool kept in memory, seeded with entries. */
export class MemoryManagedPool implements ManagedPoolStore {
  readonly #entries = new Map<string, PoolEntry>();

  /** Starts with the given entries. */
  constructor(entries: readonly PoolEntry[] = []) {
    for (const entry of entries) this.#entries.set(entry.number, entry);
  }

  /** The entries of an account's pool, in number order. */
  entriesOf(account: string): Promise<readonly PoolEntry[]> {
    const owned = [...this.#entries.values()].filter((entry) => entry.owner === account);
    return Promise.resolve(owned.sort((a, b) => (a.number < b.number ? -1 : 1)));
  }

  /** Reads one entry. */
  get(number: string): Promise<PoolEntry | undefined> {
    return Promise.resolve(this.#entries.get(number));
  }

  /** Writes one entry. */
  put(entry: PoolEntry): Promise<void> {
    this.#entries.set(entry.number, entry);
    return Promise.resolve();
  }
}
