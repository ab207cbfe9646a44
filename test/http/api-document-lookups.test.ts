import { describe, expect, it } from "vitest";
import { demoInventory } from "../../src/cli/demo-world.js";
import { aNumber } from "../support/records.js";
import { anApi, dataOf, url } from "./api.js";
import { BAD_IDENTIFIER_DATA, expectError, expectSuccess } from "./envelope-expect.js";

const rateCenter = { lata: "722", name: "SAN RAFAEL", state: "CA" };

describe("API document: search, listing and lookups", () => {
  it("searches numbers without credentials and shows the carrier's fields", async () => {
    const api = await anApi({ inventory: demoInventory().slice(0, 5) });

    const response = await api.call(null, "GET", "/v2/phone_numbers", {
      query: { prefix: "415", quantity: "2" },
    });

    expectSuccess(response, undefined, "");
    expect(dataOf(response)).toEqual([
      {
        e164: "+14152338397",
        formatted_number: "1-415-233-8397",
        npa_nxx: "415233",
        number: "+14152338397",
        number_id: "4AA418FB-3409-4340-8210-E7EAFE2AB118",
        rate_center: rateCenter,
        state: "discovery",
        status: "Available",
        ten_digit: "4152338397",
      },
      {
        e164: "+14152338421",
        formatted_number: "1-415-233-8421",
        npa_nxx: "415233",
        number: "+14152338421",
        number_id: "0CD68E85-F149-477F-9C13-1E720ACCC3EE",
        rate_center: rateCenter,
        state: "discovery",
        status: "Available",
        ten_digit: "4152338421",
      },
    ]);
  });

  it("searches the numbers an account can take, pool numbers first", async () => {
    const api = await anApi({
      numbers: [aNumber({ number: "+13035550100", state: "available" })],
      inventory: [{ number: "+13035550200" }],
    });

    const response = await api.call("acme_sales", "GET", url("acme_sales"), {
      query: { prefix: "303", quantity: "3" },
    });

    expectSuccess(response);
    expect(dataOf(response)).toEqual([
      { number: "+13035550100", state: "available" },
      { number: "+13035550200", state: "discovery" },
    ]);
  });

  it("lists a page of an account's numbers with the paging keys", async () => {
    const owned = { assignedTo: "acme_sales", state: "in_service" as const };
    const api = await anApi({
      numbers: [
        aNumber({ ...owned, number: "+14152338421", carrier: "simulated" }),
        aNumber({ ...owned, number: "+14155234712" }),
        aNumber({ ...owned, number: "+14155558920", state: "reserved" }),
        aNumber({ ...owned, number: "+14155558921" }),
      ],
    });

    const response = await api.call("acme_sales", "GET", url("acme_sales"), {
      query: { page_size: "3", start_key: "+14152338421" },
    });

    expect(response.status).toBe(200);
    const entry = (state: string, features: string[]) => ({
      assigned_to: "acme_sales",
      created: expect.any(Number),
      features,
      state,
      updated: expect.any(Number),
    });
    expect(response.body).toMatchObject({
      data: {
        casquade_quantity: 0,
        numbers: {
          "+14152338421": entry("in_service", []),
          "+14155234712": entry("in_service", ["local"]),
          "+14155558920": entry("reserved", ["local"]),
        },
      },
      next_start_key: "+14155558921",
      page_size: 3,
      start_key: "+14152338421",
      status: "success",
    });
    expect(Object.keys((dataOf(response) as { numbers: object }).numbers)).toHaveLength(3);
  });

  it("fixes an account and answers its listing", async () => {
    const api = await anApi({
      numbers: [aNumber({ state: "in_service", assignedTo: "acme", usedBy: "callflow" })],
    });

    const response = await api.call("acme", "POST", url("acme", "/fix"));

    expectSuccess(response, {
      casquade_quantity: 0,
      numbers: {
        "+14155550100": { assigned_to: "acme", state: "in_service", used_by: "callflow" },
      },
    });
  });

  it("checks which numbers can still be bought", async () => {
    const api = await anApi({ inventory: [{ number: "+14155550101" }] });

    const response = await api.call("acme", "POST", url("acme", "/check"), {
      body: { data: { numbers: ["+14155550101", "+14155550102"] } },
    });

    expectSuccess(response, {});
    expect(dataOf(response)).toEqual({ "+14155550101": "success", "+14155550102": "error" });
  });

  it("answers an empty check when the carrier fails", async () => {
    const api = await anApi({
      inventory: [{ number: "+14155550101" }],
      faults: [{ port: "carrier", op: "check" }],
    });

    const response = await api.call("acme", "POST", url("acme", "/check"), {
      body: { data: { numbers: ["+14155550101"] } },
    });

    expectSuccess(response, {});
    expect(dataOf(response)).toEqual({});
  });

  it("gives the locality of numbers, or init failed without a phonebook", async () => {
    const belvedere = {
      country: "US",
      e164_number: "+14155550101",
      locality: { locality: "Belvedere" },
      status: "success",
    };
    const withPhonebook = await anApi({ phonebook: { localities: { "+14155550101": belvedere } } });
    const without = await anApi();
    const body = { data: { numbers: ["+14155550101"] } };

    const found = await withPhonebook.call("acme", "POST", url("acme", "/locality"), { body });
    const missing = await without.call("acme", "POST", url("acme", "/locality"), { body });

    expectSuccess(found, {});
    expect(dataOf(found)).toEqual({ "+14155550101": belvedere });
    expectError(missing, 500, "init failed", "Unable to acquire numbers missing carrier url");
  });

  it("lists a city's prefixes and reports the phonebook's answer for an unknown city", async () => {
    const api = await anApi({ phonebook: { cities: { "San Francisco": ["415", "628"] } } });
    const none = await anApi();

    const found = await api.call("acme", "GET", url("acme", "/prefix"), {
      query: { city: "San Francisco" },
    });
    const unknown = await api.call("acme", "GET", url("acme", "/prefix"), {
      query: { city: "Atlantis" },
    });
    const noCity = await api.call("acme", "GET", url("acme", "/prefix"));
    const notSetUp = await none.call("acme", "GET", url("acme", "/prefix"), {
      query: { city: "Paris" },
    });

    expectSuccess(found, ["415", "628"]);
    expectError(unknown, 500, "init failed", {
      data: {},
      error: 404,
      message: "Not Found",
      status: "error",
    });
    expectError(noCity, 404, "bad_identifier", { message: "bad identifier" });
    expectError(notSetUp, 500, "init failed", "Unable to acquire numbers missing carrier url");
  });

  it("lists the classifiers and classifies a number", async () => {
    const api = await anApi();

    const list = await api.call("acme", "GET", url("acme", "/classifiers"));
    const one = await api.call("acme", "GET", url("acme", "/classifiers/4158867900"));

    const usPrint = "SS(###) ### - ####";
    expectSuccess(list);
    // normalization.md §4.3: the code lists `"emergency": true`, which the document's example omits.
    expect(dataOf(list)).toEqual({
      caribbean: {
        friendly_name: "Caribbean",
        pretty_print: usPrint,
        regex:
          "^\\+?1((?:684|264|268|242|246|441|284|345|767|809|829|849|473|671|876|664|670|787|939|869|758|784|721|868|649|340)\\d{7})$",
      },
      did_us: {
        friendly_name: "US DID",
        pretty_print: usPrint,
        regex: "^\\+?1?([2-9][0-9]{2}[2-9][0-9]{6})$",
      },
      emergency: { friendly_name: "Emergency Dispatcher", regex: "^(911)$", emergency: true },
      international: { friendly_name: "International", regex: "^(011\\d*)$|^(00\\d*)$" },
      toll_us: { friendly_name: "US Toll", pretty_print: usPrint, regex: "^\\+1(900\\d{7})$" },
      tollfree_us: {
        friendly_name: "US TollFree",
        pretty_print: usPrint,
        regex: "^\\+1((?:800|888|877|866|855)\\d{7})$",
      },
      unknown: { friendly_name: "Unknown", regex: "^(.*)$" },
    });
    expect(dataOf(one)).toEqual({
      e164: "+14158867900",
      friendly_name: "US DID",
      name: "did_us",
      number: "4158867900",
      pretty_print: "SS(###) ### - ####",
      regex: "^\\+?1?([2-9][0-9]{2}[2-9][0-9]{6})$",
    });
  });

  it("answers bad_identifier for identify of an unknown number", async () => {
    const api = await anApi();

    const response = await api.call("acme", "GET", url("acme", "/%2B14155550100/identify"));

    expectError(response, 404, "bad_identifier", BAD_IDENTIFIER_DATA);
  });
});
