import { describe, expect, it } from "vitest";
import { ROUTES } from "../../src/http/routes.js";
import { aNumber } from "../support/records.js";
import { anApi } from "./api.js";
import { expectError } from "./envelope-expect.js";

const N = "+14155550100";

/** The only routes anyone may call without credentials (decisions.md D11), written out here. */
const ANONYMOUS = ["GET /v2/phone_numbers", "GET /v2/phone_numbers/prefix"];

/** A concrete path for a template: acme_sales's account and its in-service number. */
const concrete = (template: string): string =>
  template.replace("{account_id}", "acme_sales").replace("{phone_number}", encodeURIComponent(N));

/** A body each route would act on if it let the request through. */
const BODY = JSON.stringify({ data: { numbers: [N], nickname: "intruder" } });

const guarded = ROUTES.filter((r) => !ANONYMOUS.includes(`${r.method} ${r.path}`));

describe("every route that needs credentials refuses a request without valid ones", () => {
  it("the route table marks exactly the documented routes as open to anonymous callers", () => {
    const open = ROUTES.filter((r) => r.auth === "optional").map((r) => `${r.method} ${r.path}`);

    expect(open.sort()).toEqual([...ANONYMOUS].sort());
    expect(guarded).toHaveLength(ROUTES.length - ANONYMOUS.length);
  });

  it.each(guarded.map((r) => [r.method, r.path] as const))(
    "%s %s answers 401 with no token and with an unknown one, writing nothing",
    async (method, template) => {
      const api = await anApi({
        numbers: [aNumber({ state: "in_service", assignedTo: "acme_sales" })],
        inventory: [{ number: N }],
      });
      const before = await api.snapshot();
      const request = {
        method,
        path: concrete(template),
        query: { hard: "true", city: "Denver", prefix: "415" },
        body: BODY,
      };

      const anonymous = await api.handle(request);
      const unknown = await api.handle({ ...request, headers: { "X-Auth-Token": "not-a-token" } });
      const blank = await api.handle({ ...request, headers: { "X-Auth-Token": "" } });

      for (const response of [anonymous, unknown, blank]) {
        expectError(response, 401, "invalid_credentials", { message: "invalid credentials" });
      }
      expect(await api.snapshot()).toEqual(before);
    },
  );

  it.each(guarded.filter((r) => r.path.includes("{account_id}")).map((r) => [r.method, r.path]))(
    "%s %s answers 403 to an account outside the URL account's ancestry, writing nothing",
    async (method, template) => {
      const api = await anApi({
        numbers: [aNumber({ state: "in_service", assignedTo: "acme_sales" })],
        inventory: [{ number: N }],
      });
      const before = await api.snapshot();

      const response = await api.call("globex", method, concrete(template), {
        body: BODY,
        query: { hard: "true", city: "Denver", prefix: "415" },
      });

      expect(response.status).toBe(403);
      expect(await api.snapshot()).toEqual(before);
    },
  );
});
