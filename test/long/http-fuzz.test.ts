import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MemoryTokenStore } from "../../src/adapters/memory/memory-tokens.js";
import { createMemoryWorld, type MemoryWorld } from "../../src/compose/memory-world.js";
import { createApiHandler } from "../../src/http/handler.js";
import type { ApiHandler } from "../../src/http/types.js";
import { createHonoApp } from "../../src/http/hono-app.js";
import { oneConnectionClient, serveApp } from "../checks/keep-alive.js";
import { snapshot } from "../support/world.js";
import { count, report, SEED } from "./counts.js";

const REQUESTS = count("LONG_REQUESTS", 400);

const ACCOUNTS = ["master", "reseller", "cust_a", "cust_b"];
const TOKENS = ACCOUNTS.map((id) => [`tok-${id}`, id] as const);
const NUMBERS = Array.from({ length: 8 }, (_, i) => `+1415555010${i}`);
const STATES = ["available", "reserved", "in_service", "released", "aging"] as const;

/** A request the fuzzer sends. */
interface Fuzzed {
  readonly method: string;
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body: string | Buffer | undefined;
}

const token = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const methodArb = fc.oneof(
  { arbitrary: fc.constantFrom("GET", "PUT", "POST", "DELETE"), weight: 8 },
  { arbitrary: fc.constantFrom("PATCH", "HEAD", "OPTIONS"), weight: 1 },
  { arbitrary: fc.stringMatching(/^[A-Z]{1,10}$/), weight: 1 },
);
const garbageSegment = fc.oneof(
  fc.string({ maxLength: 12 }).map(encodeURIComponent),
  fc.constantFrom(
    "%",
    "%zz",
    "%E0%A4",
    "%C0%AF",
    "%00",
    "%2F",
    "..",
    "%2e%2e",
    "__proto__",
    "constructor",
  ),
  fc.stringMatching(/^[0-9+]{0,16}$/).map(encodeURIComponent),
);
const accountSeg = fc.oneof(
  { arbitrary: fc.constantFrom(...ACCOUNTS), weight: 5 },
  { arbitrary: garbageSegment, weight: 1 },
);
const numberSeg = fc.oneof(
  { arbitrary: fc.constantFrom(...NUMBERS).map(encodeURIComponent), weight: 5 },
  { arbitrary: garbageSegment, weight: 1 },
);
const pathArb = fc.oneof(
  fc
    .tuple(accountSeg, numberSeg, fc.constantFrom("", "/reserve", "/activate", "/identify"))
    .map(([a, n, rest]) => `/v2/accounts/${a}/phone_numbers/${n}${rest}`),
  fc
    .tuple(
      accountSeg,
      fc.constantFrom(
        "",
        "/collection",
        "/collection/activate",
        "/fix",
        "/check",
        "/locality",
        "/prefix",
        "/classifiers",
      ),
    )
    .map(([a, rest]) => `/v2/accounts/${a}/phone_numbers${rest}`),
  fc
    .tuple(accountSeg, numberSeg)
    .map(([a, n]) => `/v2/accounts/${a}/phone_numbers/classifiers/${n}`),
  fc.constantFrom("/v2/phone_numbers", "/v2/phone_numbers/prefix", "/", "/v2", "/v3/x"),
  fc.array(garbageSegment, { maxLength: 6 }).map((segments) => `/${segments.join("/")}`),
);
const queryArb = fc.oneof(
  fc.constant(""),
  fc
    .dictionary(
      fc.constantFrom(
        "prefix",
        "quantity",
        "hard",
        "page_size",
        "start_key",
        "city",
        "filter_state",
        "__proto__",
        "x",
      ),
      fc.string({ maxLength: 8 }),
      { maxKeys: 3 },
    )
    .map((q) => `?${new URLSearchParams(q).toString()}`),
  fc.constantFrom("?%zz=1", "?a=%E0", "?hard=true&hard=false"),
);
const tokenArb = fc.oneof(
  { arbitrary: fc.constant(undefined), weight: 1 },
  { arbitrary: fc.constantFrom(...TOKENS.map(([t]) => t)), weight: 6 },
  { arbitrary: fc.constantFrom("", "nope", "tok-ghost", "tok-master "), weight: 1 },
);
const headersArb = fc
  .tuple(
    tokenArb,
    fc.option(fc.stringMatching(/^[!-~]{0,300}$/), { nil: undefined }),
    fc.dictionary(fc.stringMatching(token), fc.stringMatching(/^[ -~]{0,40}$/), { maxKeys: 3 }),
  )
  .map(([auth, key, extra]) => {
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(extra)) {
      if (
        ![
          "content-length",
          "transfer-encoding",
          "host",
          "connection",
          "expect",
          "upgrade",
        ].includes(k.toLowerCase())
      )
        headers[k] = v.trim();
    }
    if (auth !== undefined) headers["X-Auth-Token"] = auth;
    if (key !== undefined) headers["Idempotency-Key"] = key;
    return headers;
  });
const hostile = fc.constantFrom(
  '{"__proto__":{"polluted":true},"data":{"__proto__":{"polluted":true}}}',
  '{"data":{"constructor":{"prototype":{"polluted":true}},"numbers":["+14155550100"]}}',
  '{"data":{"numbers":{"__proto__":[]}}}',
  '{"data":{"cnam":{"__proto__":{"display_name":"x"}},"dash_e911":{"constructor":1}}}',
);
const bodyArb: fc.Arbitrary<string | Buffer | undefined> = fc.oneof(
  { arbitrary: fc.constant(undefined), weight: 6 },
  { arbitrary: fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify({ data: v })), weight: 4 },
  { arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)), weight: 2 },
  {
    arbitrary: fc
      .record({
        numbers: fc.array(fc.constantFrom(...NUMBERS, "123", "+1", "x"), { maxLength: 5 }),
      })
      .map((d) => JSON.stringify({ data: d, accept_charges: true })),
    weight: 4,
  },
  { arbitrary: hostile, weight: 3 },
  {
    arbitrary: fc
      .integer({ min: 10, max: 5000 })
      .map((d) => `{"data":{"x":${"[".repeat(d)}${"]".repeat(d)}}}`),
    weight: 2,
  },
  {
    arbitrary: fc
      .constantFrom(10_000, 1_048_577, 2_000_000)
      .map((n) => JSON.stringify({ data: { s: "x".repeat(n) } })),
    weight: 1,
  },
  {
    arbitrary: fc
      .uint8Array({ maxLength: 64 })
      .map((bytes) =>
        Buffer.concat([Buffer.from('{"data":"'), Buffer.from(bytes), Buffer.from('"}')]),
      ),
    weight: 2,
  },
  { arbitrary: fc.string({ maxLength: 40 }), weight: 1 },
);
const requestArb: fc.Arbitrary<Fuzzed> = fc.record({
  method: methodArb,
  path: fc.tuple(pathArb, queryArb).map(([p, q]) => p + q),
  headers: headersArb,
  body: bodyArb,
});

/** The 5xx answers the API documents (decisions.md D1-D3, errors.md): anything else is a fault. */
function documented5xx(body: string): boolean {
  try {
    const parsed = JSON.parse(body) as { message?: string; data?: { error?: string } };
    if (parsed.message === "unauthorized" || parsed.message === "init failed") return true;
    return parsed.message === "unspecified_fault" && parsed.data?.error !== undefined;
  } catch {
    return false;
  }
}

/** A collection request with `accept_charges: true`, which keeps the numbers that succeed. */
function chargesAccepted(request: Fuzzed): boolean {
  return (
    request.path.includes("/collection") && /"accept_charges":\s*true/.test(String(request.body))
  );
}

describe("HTTP fuzzer against a real server on loopback", () => {
  let world: MemoryWorld;
  let server: { port: number; close: () => void };
  const handlerErrors: unknown[] = [];
  /** The statuses the API handler gave since the last request was sent. */
  const handled: number[] = [];
  const rejections: unknown[] = [];
  const onRejection = (reason: unknown): void => {
    rejections.push(reason);
  };

  beforeAll(async () => {
    world = await createMemoryWorld({
      accounts: [
        { id: "master", master: true, reseller: true, allowAdditions: true },
        { id: "reseller", parent: "master", reseller: true, allowAdditions: true },
        { id: "cust_a", parent: "reseller" },
        { id: "cust_b", parent: "reseller" },
      ],
      numbers: NUMBERS.slice(0, 5).map((number, i) => ({
        number,
        state: STATES[i] ?? "available",
        ...(i === 1 || i === 2 ? { assignedTo: i === 1 ? "cust_a" : "cust_b" } : {}),
        features: { local: {} },
      })),
      inventory: NUMBERS.slice(5).map((number) => ({ number })),
    });
    const handler = createApiHandler({
      engine: world.engine,
      tokens: new MemoryTokenStore(TOKENS),
      onError: (error) => handlerErrors.push(error),
    });
    const recording: ApiHandler = async (request) => {
      const response = await handler(request);
      handled.push(response.status);
      return response;
    };
    server = await serveApp(createHonoApp(recording));
    process.on("unhandledRejection", onRejection);
  });
  afterAll(() => {
    process.off("unhandledRejection", onRejection);
    server.close();
  });

  it(`sends ${REQUESTS} hostile requests: no socket error, no undocumented 5xx, no change on a refusal, no polluted prototype`, async () => {
    const client = oneConnectionClient(server.port);
    const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();
    const statuses = new Map<number, number>();
    let documented = 0;
    let refused = 0;
    let violations = 1;
    let cursor = (await world.repository.eventsSince(undefined, 100_000)).cursor;
    try {
      await fc.assert(
        fc.asyncProperty(requestArb, async (request) => {
          const before = await snapshot(world.repository);
          handled.length = 0;
          const bodyless = request.method === "GET" || request.method === "HEAD";
          const answer = await client.send(
            request.method,
            request.path,
            request.headers,
            bodyless ? undefined : request.body,
          );
          statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
          // The answer read is the one the handler gave this request (none when Node's parser
          // refused it): a request counts as refused only by its own answer.
          expect(handled.length, `handler answers: ${handled.join(",")}`).toBeLessThanOrEqual(1);
          if (handled.length === 1) expect(answer.status, "the handler's answer").toBe(handled[0]);

          if (answer.status >= 500) {
            expect(
              documented5xx(answer.body),
              `undocumented ${answer.status}: ${answer.body}`,
            ).toBe(true);
            documented++;
          }
          // With accept_charges a collection commits the numbers that succeed and answers the
          // failures alone, an error status (deviations.md, accept_charges): not a refusal.
          const rejected = answer.status >= 400 && !chargesAccepted(request);
          if (rejected) {
            refused++;
            const answered = `${answer.status} ${answer.body.slice(0, 400)}`;
            expect(await snapshot(world.repository), `refused ${answered}`).toEqual(before);
          }
          const page = await world.repository.eventsSince(cursor, 10_000);
          cursor = page.cursor;
          if (rejected) expect(page.events, "a refused request committed").toEqual([]);
          expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
          expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
          expect(handlerErrors).toEqual([]);
        }),
        { numRuns: REQUESTS, seed: SEED, endOnFailure: true },
      );
      await new Promise((resolve) => setImmediate(resolve));
      expect(rejections).toEqual([]);
      violations = 0;
    } finally {
      client.close();
      report("http-fuzz", {
        seed: SEED,
        requests: REQUESTS,
        refused,
        documented_5xx: documented,
        statuses: [...statuses]
          .sort(([a], [b]) => a - b)
          .map(([s, n]) => `${s}:${n}`)
          .join(","),
        handler_exceptions: handlerErrors.length,
        unhandled_rejections: rejections.length,
        violations,
      });
    }
  });
});
