import type { Awaitable } from "../ports/awaitable.js";

/**
 * Serializes work per key: operations on one number run one after another, in arrival order.
 * Work that answers synchronously runs within the call and leaves nothing behind (nothing else
 * can run meanwhile); a key is held only while work on it waits for a promise.
 */
export class KeyedLock {
  /** Per held key, the wake-ups of the work waiting for it, first come first served. */
  readonly #waiting = new Map<string, (() => void)[]>();

  /** Runs `work` once every earlier holder of `key` has finished. */
  run<T>(key: string, work: () => Awaitable<T>): Awaitable<T> {
    const queue = this.#waiting.get(key);
    if (queue !== undefined)
      return new Promise<void>((wake) => queue.push(wake)).then(() => this.#hold(key, work));
    const answer = work();
    if (!(answer instanceof Promise)) return answer;
    this.#waiting.set(key, []);
    return answer.finally(() => this.#handOn(key));
  }

  /** Runs `work` as the key's holder (woken from its queue) and hands the key on once it has answered or failed. */
  #hold<T>(key: string, work: () => Awaitable<T>): Awaitable<T> {
    let answer: Awaitable<T>;
    try {
      answer = work();
    } catch (thrown) {
      this.#handOn(key);
      throw thrown;
    }
    if (!(answer instanceof Promise)) {
      this.#handOn(key);
      return answer;
    }
    return answer.finally(() => this.#handOn(key));
  }

  /** Wakes the next waiter of `key`, or frees the key when nobody waits. */
  #handOn(key: string): void {
    const next = this.#waiting.get(key)?.shift();
    if (next === undefined) this.#waiting.delete(key);
    else next();
  }
}
