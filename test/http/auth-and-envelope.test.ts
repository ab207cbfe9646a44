import { describe, expect, it, vi } from "vitest";
import { aNumber } from "../support/records.js";
import { anApi, n, url } from "./api.js";
import { expectError } from "./envelope-expect.js";

const N = "+14155550100";

describe("credentials, account gate and envelope", () => {
  it("answers 401 without credentials or with an unknown token, writing nothing", async () => {
    const api = await anApi({ numbers: [aNumber({ state: "available" })] });
    const before = await api.snapshot();

    const anonymous = await api.call(null, "PUT", url("acme_sales", `${n(N)}/reserve`));
    const unknown = await api.handle({
      method: "GET",
      path: url("acme_sales"),
      headers: { "x-auth-token": "nope" },
    });

    expectError(anonymous, 401, "invalid_credentials", { message: "invalid credentials" });
    expect(unknown.status).toBe(401);
    expect(unknown.body).toMatchObject({ auth_token: "nope", status: "error" });
    expect(await api.snapshot()).toEqual(before);
  });

  it("lets anonymous callers search and look up city prefixes, but not an account's prefixes (D11)", async () => {
    const api = await anApi({ phonebook: { cities: { Denver: ["303"] } } });

    const search = await api.call(null, "GET", "/v2/phone_numbers", { query: { prefix: "303" } });
    const prefix = await api.call(null, "GET", "/v2/phone_numbers/prefix", {
      query: { city: "Denver" },
    });
    const accountPrefix = await api.call(null, "GET", url("acme", "/prefix"), {
      query: { city: "Denver" },
    });

    expect(search.status).toBe(200);
    expect(prefix.body).toMatchObject({ auth_token: "", data: ["303"], status: "success" });
    expect(accountPrefix.status).toBe(401);
  });

  it("answers 403 forbidden to a requester outside the URL account's ancestry", async () => {
    const api = await anApi({
      numbers: [aNumber({ state: "in_service", assignedTo: "acme_sales" })],
    });
    const before = await api.snapshot();

    const response = await api.call("acme_support", "DELETE", url("acme_sales", n(N)));

    expectError(response, 403, "forbidden", {
      code: 403,
      error: "forbidden",
      message: "requestor is unauthorized to perform operation",
    });
    expect(await api.snapshot()).toEqual(before);
  });

  it("echoes the token, uses the injected request id and puts revision on successes only", async () => {
    const api = await anApi({ numbers: [aNumber({ state: "in_service", assignedTo: "acme" })] });

    const ok = await api.call("acme", "GET", url("acme", n(N)));
    const missing = await api.call("acme", "GET", url("acme", "/%2B14155550199"));

    expect(ok.body).toMatchObject({
      auth_token: "tok-acme",
      request_id: "req-1",
      revision: expect.any(String),
    });
    expect(missing.body).toMatchObject({ auth_token: "tok-acme", request_id: "req-2" });
    expect(missing.body).not.toHaveProperty("revision");
    expect(ok.headers["content-type"]).toBe("application/json");
  });

  it("turns an exception inside the engine into a bare 500 without leaking it", async () => {
    const api = await anApi();
    vi.spyOn(api.world.engine, "get").mockRejectedValue(new Error("secret database password"));

    const response = await api.call("acme", "GET", url("acme", n(N)));

    expectError(response, 500, "unspecified_fault", { message: "unspecified fault" });
    expect(JSON.stringify(response.body)).not.toContain("secret");
  });
});
