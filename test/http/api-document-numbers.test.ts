import { describe, expect, it } from "vitest";
import { aNumber } from "../support/records.js";
import { anApi, n, url } from "./api.js";
import { BAD_IDENTIFIER_DATA, expectError, expectSuccess } from "./envelope-expect.js";

const N = "+14155550100";
const ANY_TIME = expect.any(Number);

describe("API document: per-number operations", () => {
  it("removes a number from the account owning it", async () => {
    const api = await anApi({
      numbers: [aNumber({ state: "in_service", assignedTo: "acme_sales", carrier: "simulated" })],
    });

    const response = await api.call("acme_sales", "DELETE", url("acme_sales", n(N)));

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ auth_token: "tok-acme_sales", status: "success" });
    expect((response.body as { data: unknown }).data).toEqual({
      _read_only: { created: ANY_TIME, modified: ANY_TIME, state: "available" },
      id: N,
      state: "available",
    });
  });

  it("answers bad_identifier when removing a number that is not there", async () => {
    const api = await anApi();

    const response = await api.call("acme_sales", "DELETE", url("acme_sales", n(N)));

    expectError(response, 404, "bad_identifier", BAD_IDENTIFIER_DATA);
  });

  it("deletes a number for the admin with hard=true", async () => {
    const api = await anApi({
      numbers: [aNumber({ state: "in_service", assignedTo: "acme_sales", carrier: "simulated" })],
    });

    const response = await api.call("root", "DELETE", url("acme_sales", n(N)), {
      query: { hard: "true" },
    });

    expectSuccess(response, { _read_only: { state: "deleted" }, id: N, state: "deleted" });
  });

  it("shows a number's properties with its user-defined fields", async () => {
    const api = await anApi({
      numbers: [aNumber({ state: "reserved", assignedTo: "acme", public: { my_own_field: {} } })],
    });

    const response = await api.call("acme", "GET", url("acme", n(N)));

    expectSuccess(response, {
      _read_only: { created: ANY_TIME, features: ["local"], modified: ANY_TIME, state: "reserved" },
      features: ["local"],
      id: N,
      state: "reserved",
      my_own_field: {},
    });
  });

  it("answers bad_identifier when reading a number the account may not read", async () => {
    const api = await anApi({ numbers: [aNumber({ state: "in_service", assignedTo: "globex" })] });

    const response = await api.call("acme", "GET", url("acme", n(N)));

    expectError(response, 404, "bad_identifier", BAD_IDENTIFIER_DATA);
  });

  it("updates public fields and turns cnam into features", async () => {
    const api = await anApi({
      numbers: [
        aNumber({
          state: "in_service",
          assignedTo: "acme",
          usedBy: "callflow",
          carrier: "simulated",
        }),
      ],
    });
    const body = {
      data: {
        my_own_field: "some other value",
        cnam: { display_name: "My caller ID", inbound_lookup: true },
      },
    };

    const response = await api.call("acme", "POST", url("acme", n(N)), { body });

    expectSuccess(response, {
      _read_only: { state: "in_service", used_by: "callflow" },
      cnam: { display_name: "My caller ID", inbound_lookup: true },
      id: N,
      state: "in_service",
      used_by: "callflow",
    });
    const data = (response.body as { data: { features: string[] } }).data;
    expect([...data.features].sort()).toEqual(["inbound_cnam", "outbound_cnam"]);
  });

  it("adds a number with the optional payload as public fields", async () => {
    const api = await anApi();

    const response = await api.call("acme", "PUT", url("acme", n(N)), {
      body: { data: { my_own_field: {} } },
    });

    expectSuccess(response, {
      _read_only: { created: ANY_TIME, modified: ANY_TIME, state: "reserved" },
      id: N,
      state: "reserved",
      my_own_field: {},
    });
  });

  it("refuses to add a number that already exists", async () => {
    const api = await anApi({ numbers: [aNumber({ state: "in_service", assignedTo: "acme" })] });

    const response = await api.call("acme", "PUT", url("acme", n(N)));

    expectError(response, 409, "number_exists", {
      cause: N,
      code: 409,
      error: "number_exists",
      message: `number ${N} already exists`,
    });
  });

  it("refuses to add a number that does not conform to E.164", async () => {
    const api = await anApi();
    const bad = "+141510010+15";

    const response = await api.call("acme", "PUT", url("acme", n(bad)));

    expectError(response, 404, "not_reconcilable", {
      cause: bad,
      code: 404,
      error: "not_reconcilable",
      message: `number ${bad} is not reconcilable`,
    });
  });

  it("answers the unauthorized shape when the account may not add numbers (D1)", async () => {
    const api = await anApi();

    const response = await api.call("plain", "PUT", url("plain", n(N)));

    expectError(response, 500, "unauthorized", {
      message: "unknown failure",
      unauthorized: "Not authorized to perform requested number operation",
    });
    expect(await api.world.engine.inspect(N)).toBeUndefined();
  });

  it("reserves a number, then says no change is required", async () => {
    const api = await anApi({ numbers: [aNumber({ state: "available" })] });

    const first = await api.call("acme_sales", "PUT", url("acme_sales", `${n(N)}/reserve`));
    const again = await api.call("acme_sales", "PUT", url("acme_sales", `${n(N)}/reserve`));

    expectSuccess(first, { _read_only: { state: "reserved" }, id: N, state: "reserved" });
    expectError(again, 400, "no_change_required", {
      code: 400,
      error: "no_change_required",
      message: "no change required",
    });
  });

  it("answers bad_identifier when reserving a number that does not exist", async () => {
    const api = await anApi();

    const response = await api.call("acme_sales", "PUT", url("acme_sales", `${n(N)}/reserve`));

    expectError(response, 404, "bad_identifier", BAD_IDENTIFIER_DATA);
  });

  it("buys a number once searched for", async () => {
    const api = await anApi({ inventory: [{ number: N }] });
    await api.call("acme_sales", "GET", url("acme_sales"), {
      query: { prefix: "415", quantity: "1" },
    });

    const response = await api.call("acme_sales", "PUT", url("acme_sales", `${n(N)}/activate`));

    expectSuccess(response, { _read_only: { state: "in_service" }, id: N, state: "in_service" });
  });

  it("answers missing_provider_url when the number was never offered (D2)", async () => {
    const api = await anApi();

    const response = await api.call("acme_sales", "PUT", url("acme_sales", `${n(N)}/activate`));

    expectError(response, 500, "unspecified_fault", {
      code: 500,
      error: "unspecified_fault",
      message: "missing_provider_url",
    });
  });

  it("reports a carrier fault when buying fails upstream", async () => {
    const api = await anApi({
      inventory: [{ number: N }],
      faults: [{ port: "carrier", op: "acquire" }],
    });
    await api.call("acme_sales", "GET", url("acme_sales"), { query: { prefix: "415" } });

    const response = await api.call("acme_sales", "PUT", url("acme_sales", `${n(N)}/activate`));

    expectError(response, 500, "unspecified_fault", {
      cause: N,
      code: 500,
      error: "unspecified_fault",
      message: "fault by carrier",
    });
  });

  it("identifies the account holding a number, and hides it from others", async () => {
    const api = await anApi({
      numbers: [aNumber({ state: "in_service", assignedTo: "acme_sales" })],
    });

    const owner = await api.call("acme", "GET", url("acme", `${n(N)}/identify`));
    const stranger = await api.call("globex", "GET", url("globex", `${n(N)}/identify`));

    expectSuccess(owner, { account_id: "acme_sales", number: N });
    expectError(stranger, 404, "bad_identifier", BAD_IDENTIFIER_DATA);
  });
});
