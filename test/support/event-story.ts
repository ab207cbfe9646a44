import fc from "fast-check";
import { createMemoryWorld, type MemoryWorld } from "../../src/compose/memory-world.js";
import { STANDARD_TREE } from "./accounts.js";
import { idsOf, numberIn, releaseConfig } from "./arbitraries.js";

/** Numbers stored before the story starts. */
export const POOL = ["+14155550100", "+14155550101", "+14155550102"];
/** Numbers the upstream carrier offers (a search stores them as discovery records). */
export const OFFERS = ["+17205550150", "+17205550151"];
/** Every number a story touches. */
export const NUMBERS = [...POOL, ...OFFERS];
const IDS = idsOf(STANDARD_TREE);

/** Accounts, weighted so that most operations are allowed: the admin and the acme family first. */
const account = fc.oneof(
  { weight: 3, arbitrary: fc.constant("root") },
  { weight: 4, arbitrary: fc.constantFrom("acme", "acme_sales", "acme_support") },
  { weight: 2, arbitrary: fc.constantFrom(...IDS) },
);
const owner = fc.option(fc.constantFrom("acme", "acme_sales", "globex_ops"), { nil: undefined });
/** A stored record in a state the operations act on, owned (or not) by a likely account. */
const seed = (number: string) =>
  fc.oneof(
    { weight: 3, arbitrary: numberIn(number, IDS) },
    {
      weight: 7,
      arbitrary: fc
        .record({
          state: fc.constantFrom(
            "available",
            "reserved",
            "in_service",
            "port_in",
            "aging",
            "deleted",
          ),
          assignedTo: owner,
          reserveHistory: fc.array(fc.constantFrom("acme", "acme_sales", "globex_ops"), {
            maxLength: 3,
          }),
          public: fc.option(fc.constant({ routing: { weight: 1 } }), { nil: undefined }),
        })
        .map((fields) => ({ number, carrier: "local", features: { local: {} }, ...fields })),
    },
  );
const number = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...POOL) },
  { weight: 1, arbitrary: fc.constantFrom(...OFFERS) },
);
const some = fc.uniqueArray(number, { minLength: 1, maxLength: 3 });
const patch = fc.dictionary(
  fc.constantFrom("label", "routing", "cnam_note"),
  fc.oneof(fc.constant(null), fc.integer(), fc.record({ weight: fc.integer({ max: 9 }) })),
);

/** One thing that can happen to the world: an engine operation, or time passing then a sweep. */
export const operation = fc.oneof(
  fc.record({ op: fc.constant("create" as const), number, account, requester: account }),
  fc.record({
    op: fc.constant("reserve" as const),
    number,
    account,
    requester: account,
    holdFor: fc.option(fc.constantFrom(60, 3600), { nil: undefined }),
  }),
  fc.record({ op: fc.constant("activate" as const), number, account, requester: account }),
  fc.record({ op: fc.constant("update" as const), number, requester: account, patch }),
  fc.record({
    op: fc.constant("release" as const),
    number,
    requester: account,
    hard: fc.boolean(),
  }),
  fc.record({ op: fc.constant("inboundCall" as const), number }),
  fc.record({
    op: fc.constant("search" as const),
    account: fc.option(account, { nil: undefined }),
  }),
  fc.record({ op: fc.constant("sweep" as const), advance: fc.constantFrom(0, 61, 86_400 * 3) }),
  fc.record({ op: fc.constant("createMany" as const), numbers: some, account, requester: account }),
  fc.record({ op: fc.constant("updateMany" as const), numbers: some, requester: account, patch }),
  fc.record({ op: fc.constant("releaseMany" as const), numbers: some, requester: account }),
  fc.record({
    op: fc.constant("activateMany" as const),
    numbers: some,
    account,
    requester: account,
  }),
);
/** One generated operation. */
export type Operation = typeof operation extends fc.Arbitrary<infer T> ? T : never;

/** A starting world (records, release settings), what happens in it, and the outbox page size to read with. */
export const story = fc.record({
  numbers: fc.tuple(...POOL.map(seed)),
  config: releaseConfig.map((c) => ({ ...c, aging_expiry_d: 2, deleted_expiry_d: 2 })),
  operations: fc.array(operation, { minLength: 1, maxLength: 20 }),
  pageSize: fc.integer({ min: 1, max: 5 }),
});
/** One generated story. */
export type Story = typeof story extends fc.Arbitrary<infer T> ? T : never;

/** Runs one operation and returns its answer as plain data. */
export async function perform(world: MemoryWorld, o: Operation): Promise<unknown> {
  const engine = world.engine;
  switch (o.op) {
    case "create":
    case "activate":
      return engine[o.op]({ number: o.number, account: o.account, requester: o.requester });
    case "reserve":
      return engine.reserve(o);
    case "update":
      return engine.update(o);
    case "release":
      return engine.release(o);
    case "inboundCall":
      return engine.inboundCall(o.number);
    case "search":
      return engine.search({ prefix: "720555", quantity: 2, account: o.account });
    case "sweep":
      world.clock.advance(o.advance);
      return engine.sweep();
    case "createMany":
      return engine.createMany({ ...o, acceptCharges: false });
    case "activateMany":
      return engine.activateMany(o);
    case "updateMany":
      return engine.updateMany(o);
    case "releaseMany":
      return engine.releaseMany(o);
  }
}

/** A world built from a story's records and settings (subscriber failures reported to `onSubscriberError`). */
export const built = (
  s: Story,
  onSubscriberError?: (error: unknown) => void,
): Promise<MemoryWorld> =>
  createMemoryWorld({
    accounts: STANDARD_TREE,
    numbers: s.numbers,
    inventory: OFFERS.map((n) => ({ number: n })),
    config: s.config,
    ...(onSubscriberError === undefined ? {} : { onSubscriberError }),
  });
