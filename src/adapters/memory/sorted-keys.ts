/** Keys per block: inserts and deletes move at most this many entries. */
const BLOCK = 512;

/**
 * A sorted set of strings kept as a list of sorted blocks, so that an insert or a delete costs
 * a binary search plus a shift inside one block, not a shift of the whole set.
 */
export class SortedKeys {
  readonly #blocks: string[][] = [];
  #size = 0;

  /** Number of keys. */
  get size(): number {
    return this.#size;
  }

  /** Adds a key (no-op when present). */
  add(key: string): void {
    if (this.#blocks.length === 0) {
      this.#blocks.push([key]);
      this.#size = 1;
      return;
    }
    const b = Math.min(this.#blockFor(key), this.#blocks.length - 1);
    const block = this.#blocks[b] as string[];
    const at = lowerBound(block, key);
    if (block[at] === key) return;
    block.splice(at, 0, key);
    this.#size++;
    if (block.length > 2 * BLOCK)
      this.#blocks.splice(b, 1, block.slice(0, BLOCK), block.slice(BLOCK));
  }

  /** Removes a key (no-op when absent). */
  delete(key: string): void {
    const b = this.#blockFor(key);
    const block = this.#blocks[b];
    if (block === undefined) return;
    const at = lowerBound(block, key);
    if (block[at] !== key) return;
    block.splice(at, 1);
    this.#size--;
    if (block.length === 0) this.#blocks.splice(b, 1);
  }

  /** Keys >= `from` in order, while `accept` holds. */
  *range(from: string, accept: (key: string) => boolean = () => true): Generator<string> {
    for (let b = this.#blockFor(from); b < this.#blocks.length; b++) {
      const block = this.#blocks[b] as string[];
      for (let i = lowerBound(block, from); i < block.length; i++) {
        const key = block[i] as string;
        if (!accept(key)) return;
        yield key;
      }
    }
  }

  /** The first block whose last key is >= `key` (blocks.length when there is none). */
  #blockFor(key: string): number {
    let lo = 0;
    let hi = this.#blocks.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const block = this.#blocks[mid] as string[];
      if ((block[block.length - 1] as string) < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/** Index of the first entry >= `key` in a sorted array. */
function lowerBound(keys: readonly string[], key: string): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((keys[mid] as string) < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
