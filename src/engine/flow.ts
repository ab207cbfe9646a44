import type { Awaitable } from "../ports/awaitable.js";

/**
 * An engine computation that may wait on ports: a generator that yields only the promises it
 * waits on and returns its result. `yield* wait(answer)` reads like `await answer` but does
 * not suspend when the answer is already a value, so a flow over in-process ports runs to its
 * end in one synchronous call (see {@link run}).
 */
export type Flow<T> = Generator<Promise<unknown>, T, unknown>;

/** A port's answer inside a flow: the value at once, or the promise's value once it settles. */
export function* wait<T>(answer: Awaitable<T>): Flow<T> {
  return answer instanceof Promise ? ((yield answer) as T) : answer;
}

/** Feeds `flow` from where it stopped: its value at once, or a promise when it waits again. */
function resume<T>(flow: Flow<T>, step: IteratorResult<Promise<unknown>, T>): Awaitable<T> {
  if (step.done === true) return step.value;
  return step.value.then(
    (value) => resume(flow, flow.next(value)),
    (reason: unknown) => resume(flow, flow.throw(reason)),
  );
}

/**
 * Runs a flow: synchronously to its result while every port it waits on answers with a value,
 * else as a promise from the first port that answers with one. A throw inside the flow is
 * thrown (or rejected, once it has waited).
 */
export function run<T>(flow: Flow<T>): Awaitable<T> {
  return resume(flow, flow.next());
}
