/** The operations of the store fault matrix, each on a small world of its own. */
import type { ClosableWorld } from "../../src/compose/stores.js";
import type { WorldSetup } from "../../src/compose/world.js";
import type { NumberError } from "../../src/domain/errors.js";
import { createApiHandler } from "../../src/http/handler.js";
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
  tokens: [["tok-sales", "acme_sales"]],
  numbers,
  ...extra,
});
const available = (number: string) =>
  aNumber({ number, state: "available", assignedTo: undefined });
const reserved = (number: string) =>
  aNumber({ number, state: "reserved", reserveHistory: ["acme_sales"] });
const inService = (number: string) => aNumber({ number, reserveHistory: ["acme_sales"] });
const move = (number: string) => ({ number, account: "acme_sales", requester: "acme_sales" });

type Answer = NumberError | undefined | "unreported";

const asError = (entry: { message?: string; cause?: string } | undefined): NumberError =>
  entry?.message === "database_error"
    ? { reason: "database_error", cause: entry.cause ?? "" }
    : { reason: "provider_fault", message: JSON.stringify(entry) };

/**
 * What an API answer says of a number: done (2xx), the catalogue's error object of a 500 (the
 * `database_error` object stands for that engine error), or for a collection's 400 its own
 * entry; a 400 lists only the failed numbers (collections.md §3.1, seed's shape), so one it
 * leaves out was skipped after a dry-pass failure or committed in the real pass: "unreported".
 */
function httpAnswer(status: number, body: unknown, number: string, collection: boolean): Answer {
  if (status < 300) return undefined;
  const data = (body as { data?: Record<string, { message?: string; cause?: string }> }).data;
  if (collection && status === 400)
    return data?.[number] === undefined ? "unreported" : asError(data[number]);
  if (status === 500) return asError(data);
  return { reason: "provider_fault", message: `HTTP ${status} ${JSON.stringify(body)}` };
}

/** A request through the API handler as acme_sales, with an Idempotency-Key when `key` is given. */
async function overHttp(
  w: ClosableWorld,
  numbers: readonly string[],
  method: string,
  path: string,
  body: unknown,
  key?: string,
): Promise<Outcomes> {
  const handler = createApiHandler({ engine: w.engine, tokens: w.tokens });
  const response = await handler({
    method,
    path: `/v2/accounts/acme_sales/phone_numbers${path}`,
    headers: {
      "X-Auth-Token": "tok-sales",
      ...(key === undefined ? {} : { "Idempotency-Key": key }),
    },
    body: JSON.stringify(body),
  });
  const collection = path.startsWith("/collection");
  return new Map(
    numbers.map((n) => [n, httpAnswer(response.status, response.body, n, collection)] as const),
  );
}

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
    name: "reserve over HTTP (token lookup and account gate)",
    setup: world([available(N)]),
    act: (w) => overHttp(w, [N], "PUT", `/${encodeURIComponent(N)}/reserve`, {}),
  },
  {
    name: "reserve over HTTP with an Idempotency-Key (claim, commit keeping the answer)",
    setup: world([available(N)]),
    act: (w) => overHttp(w, [N], "PUT", `/${encodeURIComponent(N)}/reserve`, {}, "key-1"),
  },
  {
    name: "collection activate over HTTP with an Idempotency-Key",
    setup: world(BOTH.map(available)),
    act: (w) =>
      overHttp(w, BOTH, "PUT", "/collection/activate", { data: { numbers: BOTH } }, "key-2"),
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
