/** A sorted set of strings with binary-search insert, delete and range reads. */
export class SortedKeys {
  readonly #keys: string[] = [];

  /** Index of the first key >= `key`. */
  #lowerBound(key: string): number {
    let lo = 0;
    let hi = this.#keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.#keys[mid] as string) < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Adds a key (no-op when present). */
  add(key: string): void {
    const at = this.#lowerBound(key);
    if (this.#keys[at] !== key) this.#keys.splice(at, 0, key);
  }

  /** Removes a key (no-op when absent). */
  delete(key: string): void {
    const at = this.#lowerBound(key);
    if (this.#keys[at] === key) this.#keys.splice(at, 1);
  }

  /** Number of keys. */
  get size(): number {
    return this.#keys.length;
  }

  /** Keys >= `from` in order, while `accept` holds, until `limit` were yielded. */
  *range(from: string, accept: (key: string) => boolean = () => true): Generator<string> {
    for (let i = this.#lowerBound(from); i < this.#keys.length; i++) {
      const key = this.#keys[i] as string;
      if (!accept(key)) return;
      yield key;
    }
  }
}
