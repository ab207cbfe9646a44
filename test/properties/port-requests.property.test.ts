import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MemoryTokenStore } from "../../src/adapters/memory/memory-tokens.js";
import { createMemoryWorld, type MemoryWorld } from "../../src/compose/memory-world.js";
import { isJsonObject, type JsonObject, type JsonValue } from "../../src/domain/json.js";
import { PORT_SETS, PORT_TARGETS, type PortTarget } from "../../src/domain/port-states.js";
import { createApiHandler } from "../../src/http/handler.js";
import type { ApiHandler, ApiResponse } from "../../src/http/types.js";

/** A random tree is drawn from these shapes: account -> parent, and who is flagged port authority. */
const TREES = [
  {
    parents: { root: undefined, r1: "root", c1: "r1", c2: "r1", s1: "c1", r2: "root", c3: "r2" },
    flagged: ["r1"],
  },
  {
    parents: { root: undefined, r1: "root", c1: "r1", c2: "r1", s1: "c1", r2: "root", c3: "r2" },
    flagged: ["r1", "c1"],
  },
  {
    parents: { root: undefined, r1: "root", c1: "root", c2: "c1", s1: "c2", r2: "s1", c3: "r2" },
    flagged: [],
  },
] as const;
type Tree = (typeof TREES)[number];
const ACCOUNTS = ["root", "r1", "c1", "c2", "s1", "r2", "c3"] as const;
const POOL = ["+14158867900", "+14158867901", "+14158867902", "+14158867903"];

const ancestorsOf = (tree: Tree, id: string): string[] => {
  const out: string[] = [];
  const parents = tree.parents as Record<string, string | undefined>;
  for (let p = parents[id]; p !== undefined; p = parents[p]) out.push(p);
  return out;
};
const within = (tree: Tree, account: string, top: string) =>
  account === top || ancestorsOf(tree, account).includes(top);

type Command =
  | { kind: "create"; as: string; account: string; numbers: string[] }
  | { kind: "update"; as: string; account: string; pick: number; numbers: string[] }
  | { kind: "move"; as: string; account: string; pick: number; target: PortTarget; dated: boolean }
  | { kind: "delete"; as: string; account: string; pick: number }
  | { kind: "comment"; as: string; account: string; pick: number; private: boolean }
  | { kind: "attach"; as: string; account: string; pick: number; type: string }
  | { kind: "buy"; as: string; number: string }
  | { kind: "call"; number: string }
  | { kind: "sweep" }
  | { kind: "advance"; seconds: number };

const account = fc.constantFrom(...ACCOUNTS);
const numbers = fc.subarray(POOL, { minLength: 1, maxLength: 3 });
const pick = fc.nat(20);
const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({ kind: fc.constant("create" as const), as: account, account, numbers }),
  fc.record({ kind: fc.constant("update" as const), as: account, account, pick, numbers }),
  fc.record({
    kind: fc.constant("move" as const),
    as: account,
    account,
    pick,
    target: fc.constantFrom(...PORT_TARGETS),
    dated: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant("move" as const),
    as: fc.constantFrom("root", "r1", "c1"),
    account: fc.constant("root"),
    pick,
    target: fc.constantFrom(...PORT_TARGETS),
    dated: fc.constant(true),
  }),
  fc.record({ kind: fc.constant("delete" as const), as: account, account, pick }),
  fc.record({
    kind: fc.constant("comment" as const),
    as: account,
    account,
    pick,
    private: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant("attach" as const),
    as: account,
    account,
    pick,
    type: fc.constantFrom("application/pdf", "image/png"),
  }),
  fc.record({ kind: fc.constant("buy" as const), as: account, number: fc.constantFrom(...POOL) }),
  fc.record({ kind: fc.constant("call" as const), number: fc.constantFrom(...POOL) }),
  fc.record({ kind: fc.constant("sweep" as const) }),
  fc.record({
    kind: fc.constant("advance" as const),
    seconds: fc.constantFrom(60, 86_400, 2_592_001),
  }),
);

interface Harness {
  readonly world: MemoryWorld;
  readonly handle: ApiHandler;
  readonly ids: string[];
}

async function harness(tree: Tree): Promise<Harness> {
  const parents = tree.parents as Record<string, string | undefined>;
  const world = await createMemoryWorld({
    accounts: ACCOUNTS.map((id) => ({
      id,
      parent: parents[id],
      name: id,
      master: id === "root",
      reseller: id === "root" || id === "r1" || id === "r2",
      allowAdditions: true,
      portAuthority: (tree.flagged as readonly string[]).includes(id),
    })),
  });
  const tokens = new MemoryTokenStore(ACCOUNTS.map((id) => [id, id] as const));
  return { world, handle: createApiHandler({ engine: world.engine, tokens }), ids: [] };
}

/** Everything the store holds: requests with revisions, number records, and the events so far. */
async function snapshot({ world }: Harness): Promise<string> {
  const requests = await world.repository.portRequests.findPortRequests({});
  const revisions = await Promise.all(
    requests.map(async (r) => (await world.repository.portRequests.getPortRequest(r.id))?.revision),
  );
  const records = await world.repository.getMany(POOL);
  const events = await world.repository.eventsSince(undefined, 10_000);
  return JSON.stringify([requests, revisions, [...records], events.events.length]);
}

const call = (
  h: Harness,
  as: string,
  method: string,
  path: string,
  body?: JsonValue,
  headers?: Record<string, string>,
  raw?: Uint8Array,
): Promise<ApiResponse> =>
  h.handle({
    method,
    path,
    headers: { "X-Auth-Token": as, ...headers },
    body: raw ?? (body === undefined ? undefined : JSON.stringify({ data: body })),
  });

/** Runs one command; returns the answer of an API call (undefined for events) and the request it named. */
async function run(
  h: Harness,
  c: Command,
  now: number,
): Promise<{ response?: ApiResponse; id?: string }> {
  const base = (a: string) => `/v2/accounts/${a}/port_requests`;
  const idOf = (n: number) => h.ids[n % Math.max(1, h.ids.length)] ?? "none";
  switch (c.kind) {
    case "create": {
      const response = await call(h, c.as, "PUT", base(c.account), {
        name: "p",
        numbers: Object.fromEntries(c.numbers.map((n) => [n, {}])),
      });
      const data = (response.body as JsonObject)["data"];
      if (response.status === 200 && isJsonObject(data)) h.ids.push(data["id"] as string);
      return { response };
    }
    case "update": {
      const id = idOf(c.pick);
      return {
        id,
        response: await call(h, c.as, "PATCH", `${base(c.account)}/${id}`, {
          numbers: Object.fromEntries(c.numbers.map((n) => [n, {}])),
        }),
      };
    }
    case "move": {
      const id = idOf(c.pick);
      const body = c.dated ? { scheduled_date: now } : undefined;
      return {
        id,
        response: await call(h, c.as, "PATCH", `${base(c.account)}/${id}/${c.target}`, body),
      };
    }
    case "delete": {
      const id = idOf(c.pick);
      return { id, response: await call(h, c.as, "DELETE", `${base(c.account)}/${id}`) };
    }
    case "comment": {
      const id = idOf(c.pick);
      const comment = { author: "a", content: "c", timestamp: now + 1, is_private: c.private };
      return {
        id,
        response: await call(h, c.as, "PATCH", `${base(c.account)}/${id}`, { comments: [comment] }),
      };
    }
    case "attach": {
      const id = idOf(c.pick);
      const path = `${base(c.account)}/${id}/attachments`;
      return {
        id,
        response: await h.handle({
          method: "PUT",
          path,
          query: { filename: "loa" },
          headers: { "X-Auth-Token": c.as, "Content-Type": c.type },
          body: new Uint8Array([1, 2, 3]),
        }),
      };
    }
    case "buy":
      return {
        response: await call(
          h,
          c.as,
          "PUT",
          `/v2/accounts/${c.as}/phone_numbers/${encodeURIComponent(c.number)}`,
        ),
      };
    case "call":
      await h.world.engine.inboundCall(c.number);
      return {};
    case "sweep":
      await h.world.engine.sweep();
      return {};
    case "advance":
      h.world.clock.advance(c.seconds);
      return {};
  }
}

describe("port requests against a model (issue 14, tests beyond the corpus)", () => {
  it("keeps P5, all-or-nothing completion, silent refusals, authority-only moves and tree visibility", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...TREES),
        fc.array(command, { maxLength: 30 }),
        async (tree, commands) => {
          const h = await harness(tree);
          for (const c of commands) {
            const before = await snapshot(h);
            const stored = new Map(
              (await h.world.repository.portRequests.findPortRequests({})).map((r) => [r.id, r]),
            );
            const { response, id } = await run(h, c, h.world.clock.now());
            const after = await snapshot(h);
            const request = id === undefined ? undefined : stored.get(id);

            // A refused API call changes nothing and emits nothing.
            if (response !== undefined && response.status >= 400)
              expect(after, JSON.stringify(c)).toBe(before);
            // Nothing is visible or changeable outside the URL account's subtree (P3).
            if (response?.status === 200 && request !== undefined && "account" in c) {
              expect(within(tree, request.account, c.account)).toBe(true);
            }
            // Only the authority or the admin moves a request past submitted (P1, §2.2).
            if (c.kind === "move" && response?.status === 200 && request !== undefined) {
              const draftCancel = c.target === "canceled" && request.state === "unconfirmed";
              if (c.target !== "submitted" && !draftCancel)
                expect([request.portAuthority, "root"]).toContain(c.as);
            }
            // A completion is all-or-nothing (P8).
            if (request !== undefined && (c.kind === "move" || c.kind === "call")) {
              const now = (await h.world.repository.portRequests.getPortRequest(request.id))
                ?.record;
              const numbers = Object.keys(request.numbers);
              const records = await h.world.repository.getMany(numbers);
              if (now?.state === "completed" && request.state !== "completed") {
                for (const n of numbers)
                  expect(records.get(n)?.record).toMatchObject({
                    state: "in_service",
                    assignedTo: request.account,
                    portedIn: true,
                  });
              }
            }
            // P5: no number is in two open requests.
            const open = (await h.world.repository.portRequests.findPortRequests({})).filter((r) =>
              PORT_SETS.active.has(r.state),
            );
            const held = open.flatMap((r) => Object.keys(r.numbers));
            expect(
              new Set(held).size,
              JSON.stringify(open.map((r) => [r.id, r.state, r.numbers])),
            ).toBe(held.length);
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
