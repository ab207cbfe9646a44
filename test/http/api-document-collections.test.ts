import { describe, expect, it } from "vitest";
import { aNumber } from "../support/records.js";
import { anApi, dataOf, url } from "./api.js";
import { expectError, expectSuccess } from "./envelope-expect.js";

const N1 = "+14155550101";
const N2 = "+14155550102";
const N3 = "+14155550103";
const owned = (number: string) =>
  aNumber({ number, state: "in_service", assignedTo: "acme_sales", carrier: "simulated" });
const view = (number: string, state: string, extra: object = {}) => ({
  _read_only: { created: expect.any(Number), modified: expect.any(Number), state },
  id: number,
  state,
  ...extra,
});

describe("API document: collections", () => {
  it("removes a list of numbers from the account", async () => {
    const api = await anApi({ numbers: [owned(N1), owned(N2), owned(N3)] });

    const response = await api.call("acme_sales", "DELETE", url("acme_sales", "/collection"), {
      body: { data: { numbers: [N1, N2, N3] } },
    });

    expectSuccess(response);
    expect(dataOf(response)).toEqual({
      success: {
        [N1]: view(N1, "available"),
        [N2]: view(N2, "available"),
        [N3]: view(N3, "available"),
      },
    });
  });

  it("deletes a list of numbers for the admin with hard=true", async () => {
    const api = await anApi({ numbers: [owned(N1), owned(N2), owned(N3)] });

    const response = await api.call("root", "DELETE", url("acme_sales", "/collection"), {
      body: { data: { numbers: [N1, N2, N3] } },
      query: { hard: "true" },
    });

    expectSuccess(response);
    expect(dataOf(response)).toEqual({
      success: { [N1]: view(N1, "deleted"), [N2]: view(N2, "deleted"), [N3]: view(N3, "deleted") },
    });
  });

  it("updates public fields of a list of numbers", async () => {
    const reserved = (number: string) =>
      aNumber({ number, state: "reserved", assignedTo: "acme", carrier: "simulated" });
    const api = await anApi({ numbers: [reserved(N1), reserved(N2)] });

    const response = await api.call("acme", "POST", url("acme", "/collection"), {
      body: { data: { numbers: [N1, N2], myfield: 1337 } },
    });

    expectSuccess(response);
    expect(dataOf(response)).toEqual({
      success: {
        [N1]: view(N1, "reserved", { myfield: 1337 }),
        [N2]: view(N2, "reserved", { myfield: 1337 }),
      },
    });
  });

  it("adds a list of numbers", async () => {
    const api = await anApi();

    const response = await api.call("acme", "PUT", url("acme", "/collection"), {
      body: { data: { numbers: [N1, N2, N3] } },
    });

    expectSuccess(response, {
      success: {
        [N1]: view(N1, "reserved"),
        [N2]: view(N2, "reserved"),
        [N3]: view(N3, "reserved"),
      },
    });
  });

  it("reports only the numbers that already exist, and adds nothing", async () => {
    const api = await anApi({ numbers: [owned(N2), owned(N3)] });

    const response = await api.call("acme", "PUT", url("acme", "/collection"), {
      body: { data: { numbers: [N1, N2, N3] } },
    });

    const exists = (number: string) => ({
      cause: number,
      code: 409,
      error: "number_exists",
      message: `number ${number} already exists`,
    });
    expectError(response, 400, "client error", { [N2]: exists(N2), [N3]: exists(N3) });
    expect(await api.world.engine.inspect(N1)).toBeUndefined();
  });

  it("buys a list of numbers once searched for", async () => {
    const api = await anApi({ inventory: [{ number: N1 }, { number: N2 }] });
    await api.call("acme_sales", "GET", url("acme_sales"), {
      query: { prefix: "415", quantity: "2" },
    });

    const response = await api.call(
      "acme_sales",
      "PUT",
      url("acme_sales", "/collection/activate"),
      {
        body: { data: { numbers: [N1, N2] } },
      },
    );

    expectSuccess(response);
    expect(dataOf(response)).toEqual({
      success: { [N1]: view(N1, "in_service"), [N2]: view(N2, "in_service") },
    });
  });

  it("reports a number that was never offered when buying a list, and buys nothing", async () => {
    const api = await anApi({ inventory: [{ number: N1 }] });
    await api.call("acme_sales", "GET", url("acme_sales"), { query: { prefix: "415" } });

    const response = await api.call(
      "acme_sales",
      "PUT",
      url("acme_sales", "/collection/activate"),
      {
        body: { data: { numbers: [N1, N2] } },
      },
    );

    expectError(response, 400, "client error", {
      [N2]: { code: 500, error: "unspecified_fault", message: "missing_provider_url" },
    });
    expect((await api.world.engine.inspect(N1))?.state).toBe("discovery");
  });
});
