import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MemoryTokenStore } from "../../src/adapters/memory/memory-tokens.js";
import { createMemoryWorld, type MemoryWorld } from "../../src/compose/memory-world.js";
import { isJsonObject, type JsonObject, type JsonValue } from "../../src/domain/json.js";
import type { PortRequestRecord } from "../../src/domain/port-request.js";
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
  | {
      kind: "move";
      as: string;
      account: string;
      /** Which request, by creation order; `latest`: the newest one. */
      pick: number | "latest";
      target: PortTarget;
      dated: boolean;
    }
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
const single: fc.Arbitrary<Command> = fc.oneof(
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

/**
 * An account creating a request for itself, then the super-duper admin driving it on:
 * submitted, pending, then completed by the API or by an inbound call to one of its numbers, or a completion from rejected after someone else bought one of its numbers. Without these, runs seldom reach a completion (most random creates are refused);
 * each step is still checked like any other.
 */
const drive: fc.Arbitrary<Command[]> = fc
  .tuple(account, numbers, fc.constantFrom("api", "call", "contested"), fc.constantFrom(...POOL))
  .map(([owner, wanted, how, number]) => {
    const move = (target: PortTarget): Command => ({
      kind: "move",
      as: "root",
      account: "root",
      pick: "latest",
      target,
      dated: true,
    });
    const created: Command = { kind: "create", as: owner, account: owner, numbers: wanted };
    // Contested: another account buys a number while the request is rejected, so the
    // completion from rejected must fail whole (checklist 21).
    if (how === "contested")
      return [
        created,
        move("submitted"),
        move("rejected"),
        { kind: "buy", as: owner === "c3" ? "r2" : "c3", number: wanted[0] ?? number },
        move("completed"),
      ];
    return [
      created,
      move("submitted"),
      move("pending"),
      how === "call" ? { kind: "call", number: wanted[0] ?? number } : move("completed"),
    ];
  });

const commands: fc.Arbitrary<Command[]> = fc
  .array(
    fc.oneof({ weight: 6, arbitrary: single.map((c) => [c]) }, { weight: 2, arbitrary: drive }),
    {
      maxLength: 24,
    },
  )
  .map((groups) => groups.flat());

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
  const idOf = (n: number | "latest") =>
    (n === "latest" ? h.ids.at(-1) : h.ids[n % Math.max(1, h.ids.length)]) ?? "none";
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

/** The request a command acts on: the one it names, or for a call the porting request holding its number. */
function actedOn(
  c: Command,
  id: string | undefined,
  stored: ReadonlyMap<string, PortRequestRecord>,
): PortRequestRecord | undefined {
  if (id !== undefined) return stored.get(id);
  if (c.kind !== "call") return undefined;
  return [...stored.values()].find(
    (r) => PORT_SETS.porting.has(r.state) && Object.hasOwn(r.numbers, c.number),
  );
}

describe("port requests against a model (issue 14, tests beyond the corpus)", () => {
  it("keeps P5, all-or-nothing completion, silent refusals, authority-only moves and tree visibility", async () => {
    // What the runs went through, so that the test proves its checks were exercised.
    const seen = {
      completedByApi: 0,
      completedByCall: 0,
      completionRefused: 0,
      steps: new Set<string>(),
    };
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...TREES), commands, async (tree, list) => {
        const h = await harness(tree);
        for (const c of list) {
          seen.steps.add(c.kind);
          const before = await snapshot(h);
          const stored = new Map(
            (await h.world.repository.portRequests.findPortRequests({})).map((r) => [r.id, r]),
          );
          const numbersBefore = await h.world.repository.getMany(
            [...stored.values()].flatMap((r) => Object.keys(r.numbers)),
          );
          const { response, id } = await run(h, c, h.world.clock.now());
          const after = await snapshot(h);
          const request = actedOn(c, id, stored);

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
          // A completion is all-or-nothing (P8): every number in service for the request's
          // account, or (a refused completion, by the API or by a call) nothing changed at all.
          const completing =
            (c.kind === "move" && c.target === "completed") || (c.kind === "call" && request);
          if (request !== undefined && completing) {
            const now = (await h.world.repository.portRequests.getPortRequest(request.id))?.record;
            const numbers = Object.keys(request.numbers);
            if (now?.state === "completed" && request.state !== "completed") {
              if (c.kind === "call") seen.completedByCall++;
              else seen.completedByApi++;
              const records = await h.world.repository.getMany(numbers);
              expect(records.size).toBe(numbers.length);
              for (const n of numbers) {
                const earlier = numbersBefore.get(n)?.record;
                // §6.3.3: a number already in service for the request's account counts as
                // done and keeps its record; every other one is ported in for that account.
                if (earlier?.state === "in_service" && earlier.assignedTo === request.account)
                  expect(records.get(n)?.record).toEqual(earlier);
                else
                  expect(records.get(n)?.record).toMatchObject({
                    state: "in_service",
                    assignedTo: request.account,
                    portedIn: true,
                  });
              }
              expect(Object.keys(now.portedNumbers ?? {}).sort()).toEqual([...numbers].sort());
            } else {
              seen.completionRefused++;
              expect(after, JSON.stringify(c)).toBe(before);
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
      }),
      // A fixed seed: the checks below on what the runs went through must hold every time.
      { numRuns: 60, seed: 20261201 },
    );
    // The generated runs really completed requests, both ways, and refused some completions.
    expect(seen.completedByApi).toBeGreaterThan(0);
    expect(seen.completedByCall).toBeGreaterThan(0);
    expect(seen.completionRefused).toBeGreaterThan(0);
    expect([...seen.steps].sort()).toEqual([
      "advance",
      "attach",
      "buy",
      "call",
      "comment",
      "create",
      "delete",
      "move",
      "sweep",
      "update",
    ]);
  });
});
