/**
 * A port's answer: the value itself when the adapter has it at hand (an in-memory store), or a
 * promise of it. The engine runs synchronously as long as the ports it calls answer that way,
 * so an in-process adapter costs no promise, no microtask and no suspended frame per call.
 * A failure may be thrown or rejected; the engine treats both alike.
 */
export type Awaitable<T> = T | Promise<T>;
