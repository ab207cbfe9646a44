import { stampEvent, type NumberEvent } from "../domain/events.js";
import type { CommitBatch } from "../ports/repository.js";

/** Receives committed events, one at a time; a returned promise is awaited before the next. */
export type EventHandler = (event: NumberEvent) => void | PromiseLike<void>;

/** Told when a subscriber throws or rejects: the error and the event it was handling. */
export type SubscriberErrorHandler = (error: unknown, event: NumberEvent) => void;

/** One subscriber: its handler and the events committed but not yet handed to it. */
interface Subscription {
  readonly handler: EventHandler;
  readonly queue: NumberEvent[];
  /** The running delivery loop, while there is one. */
  drain: Promise<void> | undefined;
  active: boolean;
}

/** Runs `task` on a later turn of the event loop, after the operation's caller has its answer. */
const later: (task: () => void) => void =
  typeof globalThis.setImmediate === "function"
    ? (task) => void globalThis.setImmediate(task)
    : (task) => void globalThis.setTimeout(task, 0);

/** Default report of a failing subscriber: a warning on the console, never an exception. */
const warn: SubscriberErrorHandler = (error, event) => {
  console.warn(`number-lifecycle: event subscriber failed on ${event.number}`, error);
};

/**
 * The in-process delivery of committed events. Each subscriber has its own queue, handed over
 * in commit order on a later turn of the event loop, one event at a time; a subscriber that
 * throws, rejects or never settles holds up nothing but its own queue.
 */
export class EventBus {
  readonly #subscriptions = new Set<Subscription>();
  readonly #onError: SubscriberErrorHandler;

  /** A bus that reports subscriber failures to `onError` (default: a console warning). */
  constructor(onError: SubscriberErrorHandler | undefined) {
    this.#onError = onError ?? warn;
  }

  /** True when someone listens (the engine skips all event work otherwise). */
  get active(): boolean {
    return this.#subscriptions.size > 0;
  }

  /** Adds a handler for every event committed from now on; returns its unsubscribe. */
  subscribe(handler: EventHandler): () => void {
    const subscription: Subscription = { handler, queue: [], drain: undefined, active: true };
    this.#subscriptions.add(subscription);
    return () => {
      subscription.active = false;
      subscription.queue.length = 0;
      this.#subscriptions.delete(subscription);
    };
  }

  /** Queues the events a committed batch carried, stamped with the revisions the store gave. */
  publish(batch: CommitBatch, revisions: readonly number[]): void {
    if (this.#subscriptions.size === 0) return;
    const events: NumberEvent[] = [];
    for (const [i, write] of batch.writes.entries()) {
      const revision = revisions[i] as number;
      for (const draft of write.events) events.push(stampEvent(draft, revision));
    }
    if (events.length === 0) return;
    for (const subscription of this.#subscriptions) {
      subscription.queue.push(...events);
      subscription.drain ??= new Promise<void>((resolve) => later(resolve)).then(() =>
        this.#deliver(subscription),
      );
    }
  }

  /** Resolves once every subscriber has handled every event queued for it (for tests and shutdown). */
  async settled(): Promise<void> {
    for (;;) {
      const running = [...this.#subscriptions].flatMap((s) => (s.drain ? [s.drain] : []));
      if (running.length === 0) return;
      await Promise.all(running);
    }
  }

  /** Hands a subscriber its queue, in order, until it is empty or the subscriber left. */
  async #deliver(subscription: Subscription): Promise<void> {
    const queue = subscription.queue;
    // An index rather than shift(): a long queue is walked once, then dropped.
    for (let next = 0; subscription.active && next < queue.length; next++) {
      const event = queue[next] as NumberEvent;
      try {
        const returned = subscription.handler(event);
        if (returned !== undefined) await returned;
      } catch (error) {
        this.#report(error, event);
      }
    }
    queue.length = 0;
    subscription.drain = undefined;
  }

  #report(error: unknown, event: NumberEvent): void {
    try {
      this.#onError(error, event);
    } catch {
      // A failing error reporter must not break delivery either.
    }
  }
}
