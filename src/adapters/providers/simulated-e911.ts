import type { JsonObject } from "../../domain/json.js";
import { jsonEqual } from "../../domain/json.js";
import type { E911Outcome, E911Provider, E911Validation } from "../../ports/e911.js";
import { FaultPlan } from "../fault-plan.js";

const NOT_GEOCODED = { kind: "invalid", message: "Location is not geocoded" } as const;

/** How the simulated back end answers for addresses that match `match`. */
export interface E911Rule {
  readonly match: JsonObject;
  readonly result: "valid" | "invalid" | "multiple";
  readonly details?: readonly JsonObject[];
  readonly provisioned?: JsonObject;
}

/**
 * An E911 back end from a rule list (conformance `given.e911`): the first rule whose `match`
 * fields all equal the address decides; no match is invalid ("Location is not geocoded").
 * Faults: ops `validate`, `provision` and `remove`.
 */
export class SimulatedE911 implements E911Provider {
  readonly #registered = new Map<string, JsonObject>();

  /** Builds the back end over its rules. */
  constructor(
    private readonly rules: readonly E911Rule[],
    private readonly faults: FaultPlan = new FaultPlan(),
  ) {}

  /** The addresses currently provisioned, by number. */
  registrations(): ReadonlyMap<string, JsonObject> {
    return this.#registered;
  }

  /** Checks an address against the rules, provisioning nothing (fault op `validate`). */
  async validate(number: string, address: JsonObject): Promise<E911Validation> {
    await this.faults.enter("e911", "validate", [number]);
    const rule = this.#ruleFor(address);
    if (rule === undefined || rule.result === "invalid") return NOT_GEOCODED;
    if (rule.result === "multiple") return { kind: "multiple", details: rule.details ?? [] };
    return { kind: "valid" };
  }

  /** Validates and provisions an address. */
  async provision(number: string, address: JsonObject): Promise<E911Outcome> {
    await this.faults.enter("e911", "provision", [number]);
    const rule = this.#ruleFor(address);
    if (rule === undefined || rule.result === "invalid") return NOT_GEOCODED;
    if (rule.result === "multiple") return { kind: "multiple", details: rule.details ?? [] };
    const fields = rule.provisioned ?? {};
    this.#registered.set(number, Object.keys(fields).length > 0 ? fields : address);
    return { kind: "provisioned", fields };
  }

  /** The first rule whose `match` fields all equal the address's. */
  #ruleFor(address: JsonObject): E911Rule | undefined {
    return this.rules.find((r) =>
      Object.entries(r.match).every(([k, v]) => jsonEqual(address[k], v)),
    );
  }

  /** Removes a registration. */
  async remove(number: string): Promise<void> {
    await this.faults.enter("e911", "remove", [number]);
    this.#registered.delete(number);
  }
}
