import type { JsonObject } from "../domain/json.js";

/** What the E911 back end says of an address. */
export type E911Outcome =
  | { readonly kind: "provisioned"; readonly fields: JsonObject }
  | { readonly kind: "invalid"; readonly message: string }
  | { readonly kind: "multiple"; readonly details: readonly JsonObject[] };

/** What the E911 back end says of an address it was only asked to check. */
export type E911Validation =
  { readonly kind: "valid" } | Extract<E911Outcome, { readonly kind: "invalid" | "multiple" }>;

/** The emergency-address provider (features.md §3.2). */
export interface E911Provider {
  /** Checks an address without provisioning anything (the dry pass of a bulk request). */
  validate(number: string, address: JsonObject): Promise<E911Validation>;
  /** Validates an address and, when it is valid, provisions it for the number. */
  provision(number: string, address: JsonObject): Promise<E911Outcome>;
  /** Removes the number's upstream registration. */
  remove(number: string): Promise<void>;
}
