import assert from "node:assert/strict";
import type { JsonObject } from "../domain/json.js";
import type { E911Outcome, E911Provider } from "../ports/e911.js";
import { assertFailsWithMessage, assertJsonObject, required } from "./assertions.js";
import { withSkips, type ContractCase, type SkipReasons } from "./contract-case.js";

/** An E911 provider set up for the contract, with addresses it accepts and refuses. */
export interface E911Fixture {
  readonly provider: E911Provider;
  /** The E.164 number the addresses are provisioned for. */
  readonly number: string;
  /** An address it provisions. */
  readonly valid: JsonObject;
  /** Another address it provisions (an address change). */
  readonly otherValid: JsonObject;
  /** An address it refuses as invalid. */
  readonly invalid: JsonObject;
  /** An address that matches several locations. */
  readonly ambiguous?: JsonObject;
  /** The same provider with its back end down. */
  readonly failing?: E911Provider;
}

/** Every case of the E911 contract, by key. */
export type E911Case =
  "provision" | "change" | "invalid" | "multiple" | "validate" | "remove" | "failure";

/** An E911 provider under the contract: a factory of fresh fixtures and the cases it skips. */
export interface E911Subject {
  readonly make: () => Promise<E911Fixture> | E911Fixture;
  readonly skip?: SkipReasons<E911Case>;
}

function assertProvisioned(outcome: E911Outcome, what: string): void {
  assert.equal(outcome.kind, "provisioned", `${what}: ${JSON.stringify(outcome)}`);
  if (outcome.kind === "provisioned") assertJsonObject(outcome.fields, `${what}: fields`);
}

/**
 * The E911Provider contract: the outcomes the engine maps to `e911_invalid`,
 * `e911_multiple_choice` or a stored address, and failures it turns into an API error
 * carrying the Error's message.
 */
export function e911Contract(subject: E911Subject): ContractCase[] {
  const { make } = subject;
  return withSkips<E911Case>(
    [
      {
        id: "provision",
        name: "provisioning a valid address answers provisioned with a JSON object of fields",
        run: async () => {
          const { provider, number, valid } = await make();
          assertProvisioned(await provider.provision(number, valid), "valid address");
        },
      },
      {
        id: "change",
        name: "provisioning another valid address for a provisioned number answers provisioned again",
        run: async () => {
          const { provider, number, valid, otherValid } = await make();
          assertProvisioned(await provider.provision(number, valid), "first address");
          assertProvisioned(await provider.provision(number, otherValid), "changed address");
        },
      },
      {
        id: "invalid",
        name: "an invalid address answers invalid with a message to show the client",
        run: async () => {
          const { provider, number, invalid } = await make();
          const outcome = await provider.provision(number, invalid);
          assert.equal(outcome.kind, "invalid", JSON.stringify(outcome));
          if (outcome.kind === "invalid") {
            assert.equal(typeof outcome.message, "string", "message");
            assert.ok(outcome.message.length > 0, "the message is empty");
          }
        },
      },
      {
        id: "multiple",
        name: "an ambiguous address answers multiple with the candidate addresses as JSON objects",
        run: async () => {
          const fixture = await make();
          const address = required(fixture.ambiguous, "ambiguous address");
          const outcome = await fixture.provider.provision(fixture.number, address);
          assert.equal(outcome.kind, "multiple", JSON.stringify(outcome));
          if (outcome.kind === "multiple") {
            assert.ok(Array.isArray(outcome.details), "details is an array");
            outcome.details.forEach((detail, i) => assertJsonObject(detail, `details[${i}]`));
          }
        },
      },
      {
        id: "validate",
        name: "validate judges addresses as provision would (valid, invalid with a message, multiple with candidates)",
        run: async () => {
          const { provider, number, valid, invalid, ambiguous } = await make();
          assert.deepEqual(await provider.validate(number, valid), { kind: "valid" }, "valid");
          const refused = await provider.validate(number, invalid);
          assert.equal(refused.kind, "invalid", JSON.stringify(refused));
          if (refused.kind === "invalid") assert.ok(refused.message.length > 0, "message");
          if (ambiguous === undefined) return;
          const several = await provider.validate(number, ambiguous);
          assert.equal(several.kind, "multiple", JSON.stringify(several));
          assertProvisioned(await provider.provision(number, valid), "provision after validate");
        },
      },
      {
        id: "remove",
        name: "remove resolves for a provisioned number, which can then be provisioned again",
        run: async () => {
          const { provider, number, valid } = await make();
          assertProvisioned(await provider.provision(number, valid), "before remove");
          assert.equal(await provider.remove(number), undefined, "remove resolves");
          assertProvisioned(await provider.provision(number, valid), "after remove");
        },
      },
      {
        id: "failure",
        name: "a provider whose back end is down fails validate, provision and remove with an Error that has a message",
        run: async () => {
          const fixture = await make();
          const failing = required(fixture.failing, "failing provider");
          const { number, valid } = fixture;
          await assertFailsWithMessage(() => failing.validate(number, valid), "validate");
          await assertFailsWithMessage(() => failing.provision(number, valid), "provision");
          await assertFailsWithMessage(() => failing.remove(number), "remove");
        },
      },
    ],
    subject.skip,
  );
}
