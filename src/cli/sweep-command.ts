import type { Command } from "./command.js";
import { openCommandStore, STORE_OPTION, storeSpecOf } from "./store-option.js";
import { storeName } from "./store-spec.js";
import { sweepSummary } from "./sweep-schedule.js";

/** `number-lifecycle sweep`: one clean-up run against a store, for cron. */
export const sweepCommand: Command = {
  name: "sweep",
  summary: "run the periodic clean-up once against a store (for cron)",
  usage: "[options]",
  description: [
    "Runs the clean-up `serve` runs on its schedule, once: purges expired discovery offers and",
    "deleted records, returns aged numbers to available, unwinds reservations whose hold ran out,",
    "forgets old idempotency keys and outbox events, settles carrier orders that answered late.",
    "Prints one line saying what it did.",
  ],
  options: { store: STORE_OPTION },
  positionals: { min: 0, max: 0 },
  examples: ["number-lifecycle sweep --store sqlite:/var/lib/numbers.db"],
  exitCodes: { 1: "the store cannot be opened, or some numbers could not be swept (listed)" },
  async run(input) {
    const spec = storeSpecOf(input);
    const store = await openCommandStore(spec, { mustExist: true });
    try {
      const started = performance.now();
      const report = await store.world.engine.sweep();
      input.io.out(`${sweepSummary(report, performance.now() - started)} (${storeName(spec)})\n`);
      return report.failed.length === 0 ? 0 : 1;
    } finally {
      await store.close();
    }
  },
};
