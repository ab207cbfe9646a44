import { describe, expect, it } from "vitest";
import type { CommitBatch } from "../../src/ports/repository.js";
import type { ApiRequest } from "../../src/http/types.js";
import { anApi, dataOf } from "./api.js";

const N = "+14158867900";
const BASE = "/v2/accounts/acme_sales/port_requests";

const keyed = (method: string, path: string, key: string, data?: unknown): ApiRequest => ({
  method,
  path,
  headers: { "X-Auth-Token": "tok-acme_sales", "Idempotency-Key": key },
  ...(data === undefined ? {} : { body: JSON.stringify({ data }) }),
});

describe("idempotency keys on port request writes (extensions.md X2)", () => {
  it("a create retried under its key is answered again and creates one request; the kept answer commits in the request's own batch", async () => {
    const api = await anApi();
    const batches: CommitBatch[] = [];
    const commit = api.world.repository.commit.bind(api.world.repository);
    api.world.repository.commit = (batch) => {
      batches.push(batch);
      return commit(batch);
    };
    const create = keyed("PUT", BASE, "create-1", { name: "port", numbers: { [N]: {} } });

    const first = await api.handle(create);
    const again = await api.handle(create);

    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    expect(again.headers["Idempotent-Replayed"]).toBe("true");
    expect(dataOf(again)).toEqual(dataOf(first));
    expect(await api.world.repository.portRequests.findPortRequests({})).toHaveLength(1);
    // One batch holds the request, its event and the kept answer: a crash keeps both or neither.
    expect(batches).toHaveLength(1);
    expect(batches[0]?.portRequests).toHaveLength(1);
    expect(batches[0]?.answers).toHaveLength(1);
  });

  it("a keyed delete retried is replayed, and the same key on another request is refused with 422", async () => {
    const api = await anApi();
    const created = await api.handle(
      keyed("PUT", BASE, "c", { name: "port", numbers: { [N]: {} } }),
    );
    const id = (dataOf(created) as { id: string }).id;

    const deleted = await api.handle(keyed("DELETE", `${BASE}/${id}`, "d"));
    const replayed = await api.handle(keyed("DELETE", `${BASE}/${id}`, "d"));
    const reused = await api.handle(
      keyed("PUT", BASE, "d", { name: "other", numbers: { [N]: {} } }),
    );

    expect(deleted.status).toBe(200);
    expect(replayed.status).toBe(200);
    expect(replayed.headers["Idempotent-Replayed"]).toBe("true");
    expect(reused.status).toBe(422);
    expect(await api.world.repository.portRequests.findPortRequests({})).toEqual([]);
  });
});
