import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ApiRequest, ApiResponse } from "../../src/http/types.js";
import { anApi, n, url, type Api } from "./api.js";

const NUMBERS = ["+14155550101", "+14155550102", "+14155550103"];
const ACTORS = ["acme", "acme_sales", "globex_ops"] as const;
const pool = NUMBERS.map((number) => ({ number, state: "available" as const }));

type Op = {
  readonly actor: (typeof ACTORS)[number];
  readonly kind: "reserve" | "activate" | "release" | "update";
  readonly number: string;
  readonly note: number;
};

function requestOf(op: Op, key: string): ApiRequest {
  const path = url(op.actor, n(op.number));
  const headers = { "X-Auth-Token": `tok-${op.actor}`, "Idempotency-Key": key };
  switch (op.kind) {
    case "reserve":
    case "activate":
      return { method: "PUT", path: `${path}/${op.kind}`, headers };
    case "release":
      return { method: "DELETE", path, headers };
    case "update":
      return { method: "POST", path, headers, body: JSON.stringify({ data: { note: op.note } }) };
  }
}

const anOp: fc.Arbitrary<Op> = fc.record({
  actor: fc.constantFrom(...ACTORS),
  kind: fc.constantFrom("reserve", "activate", "release", "update"),
  number: fc.constantFrom(...NUMBERS),
  note: fc.nat(3),
});

const send = (api: Api, request: ApiRequest): Promise<ApiResponse> => api.handle(request);

describe("idempotency keys (extensions.md X2)", () => {
  it("property: a sequence with some requests sent again under their key leaves the store as the sequence sent once", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(anOp, { minLength: 1, maxLength: 8 }),
        fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 5 }),
        async (ops, retries) => {
          const once = await anApi({ numbers: pool });
          const twice = await anApi({ numbers: pool });
          const plan: { index: number; retry: boolean }[] = ops.map((_, index) => ({
            index,
            retry: false,
          }));
          for (const [which, later] of retries) {
            const index = which % ops.length;
            const after = plan.findIndex((p) => p.index === index && !p.retry);
            const at = after + 1 + (later % (plan.length - after));
            plan.splice(at, 0, { index, retry: true });
          }
          const first = new Map<number, ApiResponse>();
          for (const { index, retry } of plan) {
            const response = await send(twice, requestOf(ops[index] as Op, `key-${index}`));
            if (!retry) first.set(index, response);
            else {
              expect(response.status).toBe(first.get(index)?.status);
              if (response.status < 500)
                expect(response.headers["Idempotent-Replayed"]).toBe("true");
            }
          }
          for (const [index, op] of ops.entries()) await send(once, requestOf(op, `key-${index}`));
          expect(await twice.snapshot()).toEqual(await once.snapshot());
        },
      ),
      { seed: 11, numRuns: 80 },
    );
  });

  it("runs exactly one of two concurrent requests with the same key; the other is refused as in flight or replayed", async () => {
    const api = await anApi({ numbers: pool });
    const request = requestOf(
      { actor: "acme_sales", kind: "reserve", number: NUMBERS[0] as string, note: 0 },
      "k1",
    );

    const answers = await Promise.all([send(api, request), send(api, request)]);

    const statuses = answers.map((a) => a.status).sort();
    expect([
      [200, 409],
      [200, 200],
    ]).toContainEqual(statuses);
    const { events } = await api.world.repository.eventsSince(undefined, 10);
    expect(events).toHaveLength(1);
  });

  it("forgets kept answers at the sweep once idempotency_ttl_s has passed", async () => {
    const api = await anApi({ numbers: pool, config: { idempotency_ttl_s: 60 } });
    const op: Op = { actor: "acme_sales", kind: "reserve", number: NUMBERS[0] as string, note: 0 };
    await send(api, requestOf(op, "k1"));

    api.world.clock.advance(59);
    expect((await api.world.engine.sweep()).purgedKeys).toBe(0);
    api.world.clock.advance(1);
    expect((await api.world.engine.sweep()).purgedKeys).toBe(1);
  });

  it("gives the key back when the request fails with 500, so the retry runs", async () => {
    const api = await anApi({ numbers: [] });
    const op: Op = { actor: "acme_sales", kind: "activate", number: NUMBERS[0] as string, note: 0 };

    const failed = await send(api, requestOf(op, "k1"));
    const again = await send(api, requestOf(op, "k1"));

    expect([failed.status, again.status]).toEqual([500, 500]);
    expect(again.headers["Idempotent-Replayed"]).toBeUndefined();
  });

  it.each([
    ["nested 100,000 levels", `{"data":{"x":${"[".repeat(1e5)}${"]".repeat(1e5)}}}`],
    ["not UTF-8", Buffer.from([0x7b, 0xff, 0x7d])],
  ])("keeps the 400 for a body %s and replays it for the same bytes", async (_label, body) => {
    const api = await anApi({ numbers: pool });
    const op: Op = { actor: "acme_sales", kind: "update", number: NUMBERS[0] as string, note: 0 };
    const request = { ...requestOf(op, "k1"), body };

    const first = await send(api, request);
    const again = await send(api, request);
    const other = await send(api, { ...request, body: '{"data":{}}' });

    expect([first.status, again.status, other.status]).toEqual([400, 400, 422]);
    expect(again.headers["Idempotent-Replayed"]).toBe("true");
  });
});
