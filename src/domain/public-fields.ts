import type { NumberError } from "./errors.js";
import { isJsonObject, type JsonObject } from "./json.js";

const invalid = (field: string, rule: string, message: string): NumberError => ({
  reason: "invalid_request",
  field,
  rule,
  message,
});

const E911_KEYS = ["e911", "dash_e911"] as const;

/**
 * Checks public fields against the `phone_numbers` schema (record.md §3): `cnam.display_name`
 * is a string of 1 to 15 characters, `cnam.inbound_lookup` a boolean, an E911 address and
 * `porting` objects of strings. Unknown keys are allowed; `null` values (merge-patch removals)
 * pass. Returns the first problem, or undefined.
 */
export function validatePublicFields(fields: JsonObject): NumberError | undefined {
  const cnam = fields["cnam"];
  if (cnam !== undefined && cnam !== null) {
    if (!isJsonObject(cnam)) return invalid("cnam", "type", "cnam must be an object");
    const name = cnam["display_name"];
    if (name !== undefined && name !== null) {
      if (typeof name !== "string") return invalid("cnam.display_name", "type", "must be a string");
      if (name.length < 1 || name.length > 15) {
        return invalid("cnam.display_name", "maxLength", "must be 1 to 15 characters");
      }
    }
    const lookup = cnam["inbound_lookup"];
    if (lookup !== undefined && lookup !== null && typeof lookup !== "boolean") {
      return invalid("cnam.inbound_lookup", "type", "must be a boolean");
    }
  }
  for (const key of [...E911_KEYS, "porting"]) {
    const value = fields[key];
    if (value === undefined || value === null) continue;
    if (!isJsonObject(value)) return invalid(key, "type", `${key} must be an object`);
    for (const [sub, v] of Object.entries(value)) {
      if (v !== null && typeof v !== "string" && !(sub === "legacy_data" && isJsonObject(v))) {
        return invalid(`${key}.${sub}`, "type", "must be a string");
      }
    }
  }
  return undefined;
}

/** The public key holding the E911 address, as the request named it (decisions.md D15). */
export function e911Key(fields: JsonObject): (typeof E911_KEYS)[number] | undefined {
  return E911_KEYS.find((key) => fields[key] !== undefined);
}

/** Address keys the schema requires of an E911 address that gets provisioned (record.md §3). */
const E911_REQUIRED = ["street_address", "locality", "region", "postal_code"] as const;

/**
 * The schema's required E911 address fields, enforced only when the address is about to be
 * provisioned (record.md §3 recommendation): the first missing or empty one, as a validation
 * error on `<key>.<field>`, or undefined.
 */
export function missingE911Field(key: string, address: JsonObject): NumberError | undefined {
  const missing = E911_REQUIRED.find((field) => {
    const value = address[field];
    return typeof value !== "string" || value.length === 0;
  });
  return missing === undefined
    ? undefined
    : invalid(
        `${key}.${missing}`,
        "required",
        `${missing} is required to provision an E911 address`,
      );
}
