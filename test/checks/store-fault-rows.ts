/** The operations of the store fault matrix, each on a small world of its own. */
import type { WorldSetup } from "../../src/compose/world.js";
import { ACCOUNTS, aNumber, N } from "../features/feature-world.js";
import { batch, single, type Outcomes, type StoreFaultRow } from "./store-faults.js";

const M = "+14155550101";
const BOTH = [N, M];
const DAY = 86_400;

const world = (
  numbers: NonNullable<WorldSetup["numbers"]>,
  extra: Partial<WorldSetup> = {},
): WorldSetup => ({
  accounts: ACCOUNTS,
  numbers,
  ...extra,
});
const available = (number: string) =>
  aNumber({ number, state: "available", assignedTo: undefined });
const reserved = (number: string) =>
  aNumber({ number, state: "reserved", reserveHistory: ["acme_sales"] });
const inService = (number: string) => aNumber({ number, reserveHistory: ["acme_sales"] });
const move = (number: string) => ({ number, account: "acme_sales", requester: "acme_sales" });

/** Every operation that writes a number, single and collection, and the sweep. */
export const STORE_FAULT_ROWS: readonly StoreFaultRow[] = [
  {
    name: "create of a new number",
    setup: world([]),
    act: (w) => single(N, w.engine.create({ number: N, account: "acme", requester: "acme" })),
  },
  {
    name: "reserve of an available number",
    setup: world([available(N)]),
    act: (w) => single(N, w.engine.reserve(move(N))),
  },
  {
    name: "reserve of a discovery number (the upstream acquire, then the write)",
    setup: world([aNumber({ state: "discovery", assignedTo: undefined, carrier: "simulated" })], {
      inventory: [{ number: N }],
    }),
    act: (w) => single(N, w.engine.reserve(move(N))),
  },
  {
    name: "activate of a reserved number",
    setup: world([reserved(N)]),
    act: (w) => single(N, w.engine.activate(move(N))),
  },
  {
    name: "release of a number in service",
    setup: world([inService(N)]),
    act: (w) => single(N, w.engine.release({ number: N, requester: "acme_sales" })),
  },
  {
    name: "hard delete by the master",
    setup: world([inService(N)]),
    act: (w) => single(N, w.engine.release({ number: N, requester: "root", hard: true })),
  },
  {
    name: "update of a number's document",
    setup: world([inService(N)]),
    act: (w) =>
      single(N, w.engine.update({ number: N, requester: "acme_sales", patch: { note: "x" } })),
  },
  {
    name: "createMany",
    setup: world([]),
    act: (w) =>
      batch(BOTH, w.engine.createMany({ numbers: BOTH, account: "acme", requester: "acme" })),
  },
  {
    name: "activateMany of available numbers",
    setup: world(BOTH.map(available)),
    act: (w) =>
      batch(
        BOTH,
        w.engine.activateMany({ numbers: BOTH, account: "acme_sales", requester: "acme_sales" }),
      ),
  },
  {
    name: "releaseMany",
    setup: world(BOTH.map(inService)),
    act: (w) => batch(BOTH, w.engine.releaseMany({ numbers: BOTH, requester: "acme_sales" })),
  },
  {
    name: "updateMany",
    setup: world(BOTH.map(inService)),
    act: (w) =>
      batch(
        BOTH,
        w.engine.updateMany({ numbers: BOTH, requester: "acme_sales", patch: { bulk: true } }),
      ),
  },
  {
    name: "sweep of an aging number past its time",
    setup: world([aNumber({ state: "aging", assignedTo: undefined })], {
      config: { should_age: true, aging_expiry_d: 2 },
    }),
    act: async (w): Promise<Outcomes> => {
      w.clock.advance(3 * DAY);
      try {
        const report = await w.engine.sweep();
        const failed = report.failed.includes(N);
        return new Map([[N, failed ? { reason: "database_error", cause: "sweep" } : undefined]]);
      } catch {
        return new Map([[N, "unreported" as const]]);
      }
    },
  },
];
