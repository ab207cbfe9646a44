import { describe, expect, it } from "vitest";
import { run, wait, type Flow } from "../../../src/engine/flow.js";
import { KeyedLock } from "../../../src/engine/keyed-lock.js";

/** Adds the answers of two ports, whatever form they answer in. */
function* sum(a: number | Promise<number>, b: number | Promise<number>): Flow<number> {
  return (yield* wait(a)) + (yield* wait(b));
}

/** A promise and the function that settles it. */
function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe("flows", () => {
  it("run to their result within the call when every port answers with a value", () => {
    expect(run(sum(1, 2))).toBe(3);
  });

  it("answer with a promise from the first port that answers with one", async () => {
    const answer = run(sum(1, Promise.resolve(2)));
    expect(answer).toBeInstanceOf(Promise);
    expect(await answer).toBe(3);
  });

  it("throw a synchronous failure and reject an asynchronous one, where the flow can catch it", async () => {
    function* guarded(answer: Promise<number> | number): Flow<string> {
      try {
        return String(yield* wait(answer));
      } catch (thrown) {
        return `caught ${(thrown as Error).message}`;
      }
    }
    expect(await run(guarded(Promise.reject(new Error("late"))))).toBe("caught late");
    function* failing(): Flow<number> {
      const value = yield* wait(1);
      throw new Error(`at once after ${value}`);
    }
    expect(() => run(failing())).toThrow("at once after 1");
    await expect(run(sum(Promise.resolve(1), Promise.reject(new Error("second"))))).rejects.toThrow(
      "second",
    );
  });
});

describe("the per-number lock", () => {
  it("runs synchronous work within the call and holds nothing afterwards", async () => {
    const lock = new KeyedLock();
    expect(lock.run("n", () => 1)).toBe(1);
    expect(lock.run("n", () => 2)).toBe(2);
    // A key held by nothing lets the next work in at once, even after asynchronous work ended.
    expect(await lock.run("n", () => Promise.resolve(3))).toBe(3);
    expect(lock.run("n", () => 4)).toBe(4);
  });

  it("makes work on a held key wait for the holder, in arrival order, sync or not", async () => {
    const lock = new KeyedLock();
    const order: string[] = [];
    const gate = deferred<void>();
    const first = lock.run("n", async () => {
      await gate.promise;
      order.push("first");
    });
    const second = lock.run("n", () => {
      order.push("second");
    });
    const third = lock.run("n", () => {
      order.push("third");
      return Promise.resolve();
    });
    const other = lock.run("m", () => order.push("other key"));
    expect(order).toEqual(["other key"]);
    expect(second).toBeInstanceOf(Promise);
    gate.resolve();
    await Promise.all([first, second, third, other]);
    expect(order).toEqual(["other key", "first", "second", "third"]);
    expect(lock.run("n", () => "free")).toBe("free");
  });

  it("hands the key on when the holder throws or rejects", async () => {
    const lock = new KeyedLock();
    expect(() =>
      lock.run("n", () => {
        throw new Error("sync");
      }),
    ).toThrow("sync");
    const failed = lock.run("n", () => Promise.reject(new Error("async")));
    const next = lock.run("n", () => "next");
    await expect(failed).rejects.toThrow("async");
    expect(await next).toBe("next");
    expect(lock.run("n", () => "free")).toBe("free");
  });
});
