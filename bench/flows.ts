// The lifecycle flow several suites time (B1, E1, E2): one engine call per step and number.
import type { NumberEngine } from "../src/engine/engine.js";

/** Fails the run when a step of the flow was refused: a bench must not time refusals. */
export const must = (result: { ok: boolean }): void => {
  if (!result.ok) throw new Error(`bench flow failed: ${JSON.stringify(result)}`);
};

/** Numbers between two turns of the event loop in {@link lifecycleFlow}. */
const NUMBERS_PER_TURN = 100;

/** One turn of the event loop (timers, I/O and `setImmediate` callbacks run). */
const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * create → reserve → activate → release of every number, one awaited engine call each. Every
 * 100 numbers the flow lets the event loop turn, as a server does between requests: an
 * in-memory store answers within the same turn, so without it nothing queued for a later turn
 * (event delivery to subscribers) would run until the whole flow ended.
 */
export async function lifecycleFlow(engine: NumberEngine, list: readonly string[]): Promise<void> {
  for (const [i, number] of list.entries()) {
    must(
      await engine.create({
        number,
        account: "root",
        requester: "root",
        createWithState: "available",
      }),
    );
    const move = { number, account: "acme_sales", requester: "acme_sales" };
    must(await engine.reserve(move));
    must(await engine.activate(move));
    must(await engine.release({ number, requester: "acme_sales" }));
    if (i % NUMBERS_PER_TURN === NUMBERS_PER_TURN - 1) await turn();
  }
}
