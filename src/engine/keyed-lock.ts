/**
 * Serializes async work per key: operations on one number run one after another, in arrival
 * order. An uncontended key costs one map entry: no promise is made for the lock itself.
 */
export class KeyedLock {
  /** Per held key, the wake-ups of the work waiting for it, first come first served. */
  readonly #waiting = new Map<string, (() => void)[]>();

  /** Runs `work` once every earlier holder of `key` has finished. */
  async run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const queue = this.#waiting.get(key);
    if (queue === undefined) this.#waiting.set(key, []);
    else await new Promise<void>((wake) => queue.push(wake));
    try {
      return await work();
    } finally {
      const next = this.#waiting.get(key)?.shift();
      if (next === undefined) this.#waiting.delete(key);
      else next();
    }
  }
}
