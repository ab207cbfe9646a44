import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dataRevision } from "../../src/http/revision.js";
import { aNumber } from "../support/records.js";
import { anApi, n, url } from "./api.js";

describe("the envelope's revision", () => {
  it("is 32 hex digits, the same for the same data and different for different data", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.jsonValue(), {
          minLength: 2,
          maxLength: 30,
          selector: (v) => JSON.stringify(v),
        }),
        (values) => {
          const revisions = values.map((v) => dataRevision(v));
          for (const r of revisions) expect(r).toMatch(/^[0-9a-f]{32}$/);
          expect(values.map((v) => dataRevision(JSON.parse(JSON.stringify(v))))).toEqual(revisions);
          expect(new Set(revisions).size).toBe(values.length);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("is the SHA-1 of the data's JSON, also for large objects hashed member by member", () => {
    const sha1Of = (value: unknown): string =>
      createHash("sha1")
        .update(JSON.stringify(value) ?? "")
        .digest("hex")
        .slice(0, 32);
    // Over 64 keys a reply is hashed member by member (a collection's `{"success": {...}}`).
    const large = fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 2 }), {
      minKeys: 60,
      maxKeys: 90,
    });
    fc.assert(
      fc.property(
        large,
        fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }),
        fc.string(),
        (big, small, key) => {
          for (const data of [big, { [key]: big }, { ...small, [key]: big }, [big], small]) {
            expect(dataRevision(data)).toBe(sha1Of(data));
          }
          // Members JSON leaves out (undefined, functions) are left out the same way.
          const holes = { ...big, hole: undefined, fn: () => 1, [key]: big };
          expect(dataRevision(holes)).toBe(sha1Of(holes));
        },
      ),
      { numRuns: 100 },
    );
  });

  it("changes with one character of the data", () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 200 }),
        fc.nat(),
        fc.integer({ min: 1, max: 0xffff }),
        (text, at, delta) => {
          const i = at % text.length;
          const other =
            text.slice(0, i) +
            String.fromCharCode((text.charCodeAt(i) + delta) % 0x10000) +
            text.slice(i + 1);
          expect(dataRevision(other)).not.toBe(dataRevision(text));
        },
      ),
      { numRuns: 500 },
    );
  });

  it("stays while a number is unchanged and moves when it changes, over the handler", async () => {
    const N = "+14155550100";
    const api = await anApi({
      numbers: [aNumber({ number: N, state: "in_service", assignedTo: "acme" })],
    });
    const revision = async (): Promise<unknown> =>
      ((await api.call("acme", "GET", url("acme", n(N)))).body as { revision?: unknown }).revision;
    const first = await revision();
    expect(await revision()).toBe(first);
    const updated = await api.call("acme", "POST", url("acme", n(N)), {
      body: { data: { cnam: { display_name: "x" } } },
    });
    expect(updated.status).toBe(200);
    expect(await revision()).not.toBe(first);
  });
});
