import { describe, expect, it } from "vitest";
import { FaultPlan } from "../../src/adapters/fault-plan.js";
import { SimulatedCarrier } from "../../src/adapters/carriers/simulated.js";
import { aNumber } from "./a-number.js";
import { carrierContract } from "./carrier-contract.js";

const STOCK = ["+12125550100", "+12125550142", "+12125550199", "+12125557000"];
const inventory = STOCK.map((number) => ({ number }));

describe("SimulatedCarrier", () => {
  carrierContract({
    make: () => ({
      carrier: new SimulatedCarrier({ inventory: [...inventory].reverse() }),
      context: { prefix: "+1212555", country: "US" },
      offerable: STOCK,
      acquirable: aNumber({ number: STOCK[1] as string, state: "discovery", carrier: "simulated" }),
      unacquirable: aNumber({ number: "+12125550000", state: "discovery", carrier: "simulated" }),
    }),
  });

  it("shows an inventory entry's rate_center in its offer (decisions.md D5)", async () => {
    const rateCenter = { lata: "132", name: "NEW YORK", state: "NY" };
    const carrier = new SimulatedCarrier({
      inventory: [{ number: "+12125550100", fields: { rate_center: rateCenter } }],
    });

    const result = await carrier.search({ prefix: "+1212", quantity: 1, offset: 0, country: "US" });

    expect(result).toEqual({
      kind: "ok",
      offers: [{ number: "+12125550100", fields: { rate_center: rateCenter } }],
    });
  });

  it("puts a disconnected number back for sale (decisions.md D14)", async () => {
    const carrier = new SimulatedCarrier({ inventory });
    const record = aNumber({ number: "+12125550100", state: "in_service", carrier: "simulated" });
    await carrier.acquire(record);

    await carrier.disconnect(record);

    expect(await carrier.checkNumbers([record.number])).toEqual({ [record.number]: "success" });
  });

  it("checks success for stock and error for anything else (decisions.md D14)", async () => {
    const carrier = new SimulatedCarrier({ inventory });

    const answer = await carrier.checkNumbers(["+12125550100", "+19995550100"]);

    expect(answer).toEqual({ "+12125550100": "success", "+19995550100": "error" });
  });

  it("fails an operation the fault plan names, for that number only (conformance faults)", async () => {
    const faults = new FaultPlan([{ port: "carrier", op: "acquire", number: "+12125550142" }]);
    const carrier = new SimulatedCarrier({ inventory, faults });
    const hit = aNumber({ number: "+12125550142", state: "discovery", carrier: "simulated" });
    const spared = aNumber({ number: "+12125550100", state: "discovery", carrier: "simulated" });

    await expect(carrier.acquire(hit)).rejects.toThrow("fault by carrier");
    await expect(carrier.acquire(spared)).resolves.toEqual({});
  });
});
