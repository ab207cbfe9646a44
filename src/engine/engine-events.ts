import { NumberLifecycleError } from "../domain/errors.js";
import type { EventPage } from "../ports/repository.js";
import type { EngineContext } from "./context.js";
import type { EventHandler } from "./event-bus.js";

/** The most events one `since` call returns. */
export const MAX_EVENT_PAGE = 10_000;

/** The events an engine commits: pushed to in-process subscribers, or read back from the outbox. */
export interface EngineEvents {
  /**
   * Calls `handler` with every event this engine commits from now on, after the commit, in
   * commit order, one at a time (a returned promise is awaited before the next event). A
   * handler that throws or rejects is reported to `onSubscriberError`, never to the operation.
   * Returns the unsubscribe: no call starts after it.
   */
  subscribe(handler: EventHandler): () => void;
  /**
   * Reads at most `limit` committed events after `cursor` from the repository's outbox, oldest
   * first (from the oldest kept when `cursor` is undefined). Pass the page's `cursor` to the
   * next call to read on with no gap and no repeat, across restarts too.
   */
  since(cursor: string | undefined, limit?: number): Promise<EventPage>;
  /** Resolves once every subscriber has handled every event delivered to it so far. */
  settled(): Promise<void>;
}

/** The events facade of an engine context. */
export function engineEvents(ctx: EngineContext): EngineEvents {
  return {
    subscribe: (handler) => ctx.bus.subscribe(handler),
    since: (cursor, limit = 100) => {
      if (cursor !== undefined && typeof cursor !== "string")
        return Promise.reject(badArgument("cursor", "type", "cursor must be a string"));
      if (!Number.isInteger(limit) || limit < 1 || limit > MAX_EVENT_PAGE)
        return Promise.reject(
          badArgument(
            "limit",
            "range",
            `limit must be an integer from 1 to ${MAX_EVENT_PAGE}`,
            MAX_EVENT_PAGE,
          ),
        );
      return ctx.deps.repository.eventsSince(cursor, limit);
    },
    settled: () => ctx.bus.settled(),
  };
}

function badArgument(
  field: string,
  rule: string,
  message: string,
  target?: number,
): NumberLifecycleError {
  return new NumberLifecycleError({
    reason: "invalid_request",
    field,
    rule,
    message,
    ...(target === undefined ? {} : { target }),
  });
}
