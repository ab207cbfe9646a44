import { describe, expect, it } from "vitest";
import { aNumber } from "../support/records.js";
import { anApi, url } from "./api.js";
import { expectError } from "./envelope-expect.js";

const OWNED = "+14155550101";
const POOL = "+14155550102";
const FOREIGN = "+14155550103";
const MISSING = "+14155550199";
const FREE = "+14155550104";

const FORBIDDEN = {
  code: 403,
  error: "forbidden",
  message: "requestor is unauthorized to perform operation",
};
const exists = (number: string) => ({
  cause: number,
  code: 409,
  error: "number_exists",
  message: `number ${number} already exists`,
});

/** acme_sales owns OWNED; POOL is in the pool; FOREIGN belongs to globex; MISSING has no record. */
const mixedWorld = () =>
  anApi({
    numbers: [
      aNumber({ number: OWNED, state: "in_service", assignedTo: "acme_sales" }),
      aNumber({ number: POOL, state: "available" }),
      aNumber({ number: FOREIGN, state: "in_service", assignedTo: "globex" }),
    ],
    inventory: [{ number: FREE }],
  });

describe("collections with mixed batches", () => {
  it("creates nothing when any number of a collection PUT fails, reporting each failure", async () => {
    const api = await mixedWorld();
    const before = await api.snapshot();

    const response = await api.call("acme", "PUT", url("acme", "/collection"), {
      body: { data: { numbers: [MISSING, OWNED, "abc", FOREIGN] } },
    });

    expectError(response, 400, "client error", {
      [OWNED]: exists(OWNED),
      abc: {
        cause: "abc",
        code: 404,
        error: "not_reconcilable",
        message: "number abc is not reconcilable",
      },
      [FOREIGN]: exists(FOREIGN),
    });
    expect(await api.snapshot()).toEqual(before);
  });

  it("reports forbidden for every new number when the requester may not add numbers", async () => {
    const api = await mixedWorld();

    const response = await api.call("plain", "PUT", url("plain", "/collection"), {
      body: { data: { numbers: [MISSING, "4155550198"] } },
    });

    expectError(response, 400, "client error", { [MISSING]: FORBIDDEN, "4155550198": FORBIDDEN });
  });

  it("keeps the updates of a collection POST that succeeded, keyed as given", async () => {
    const api = await mixedWorld();

    const response = await api.call("acme_sales", "POST", url("acme_sales", "/collection"), {
      body: { data: { numbers: ["4155550101", MISSING, "abc", FOREIGN], nickname: "x" } },
    });

    expectError(response, 400, "client error", {
      [MISSING]: "not_found",
      abc: "not_reconcilable",
      [FOREIGN]: FORBIDDEN,
    });
    expect((await api.world.engine.inspect(OWNED))?.public).toEqual({ nickname: "x" });
    expect((await api.world.engine.inspect(FOREIGN))?.public).toEqual({});
  });

  it("reports an available number's invalid transition in a collection DELETE (D12)", async () => {
    const api = await mixedWorld();

    const response = await api.call("acme_sales", "DELETE", url("acme_sales", "/collection"), {
      body: { data: { numbers: [OWNED, POOL, MISSING, "abc", FOREIGN] } },
    });

    expectError(response, 400, "client error", {
      [POOL]: {
        cause: "from available to released",
        code: 400,
        error: "invalid_state_transition",
        message: "invalid state transition",
      },
      [MISSING]: "not_found",
      abc: "not_reconcilable",
      [FOREIGN]: FORBIDDEN,
    });
    expect((await api.world.engine.inspect(OWNED))?.state).toBe("available");
  });

  it("buys nothing when a number of a collection activate fails the dry run", async () => {
    const api = await mixedWorld();
    await api.call("acme_sales", "GET", url("acme_sales"), {
      query: { prefix: "415", quantity: "5" },
    });
    const before = await api.snapshot();

    const response = await api.call(
      "acme_sales",
      "PUT",
      url("acme_sales", "/collection/activate"),
      {
        body: { data: { numbers: [FREE, MISSING, "abc", FOREIGN] } },
      },
    );

    expectError(response, 400, "client error", {
      [MISSING]: { code: 500, error: "unspecified_fault", message: "missing_provider_url" },
      abc: "not_reconcilable",
      [FOREIGN]: FORBIDDEN,
    });
    expect(await api.snapshot()).toEqual(before);
  });

  it("answers a validation error for a body without numbers", async () => {
    const api = await mixedWorld();

    const response = await api.call("acme", "PUT", url("acme", "/collection"), {
      body: { data: { nickname: "x" } },
    });

    expectError(response, 400, "validation error", {
      numbers: { required: { message: "list of numbers missing" } },
    });
  });
});
