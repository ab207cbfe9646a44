import { isJsonObject, setOwn, type JsonObject, type JsonValue } from "./json.js";
import { REQUIRED } from "./port-request-errors.js";

/** Integer fields of a request (Gregorian seconds). */
const INTEGER_FIELDS = ["transfer_date", "scheduled_date", "signing_date"];
/** String fields of a request. */
const STRING_FIELDS = ["signee_name", "reference_number", "winning_carrier"];
const BILL_FIELDS = [
  "name",
  "carrier",
  "account_number",
  "btn",
  "pin",
  "street_number",
  "street_address",
  "street_type",
  "street_pre_dir",
  "street_post_dir",
  "locality",
  "region",
  "postal_code",
];
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const typeError = (type: string, value: JsonValue): JsonObject => ({
  type: { message: `Value did not match type(s): ${type}`, value, target: type },
});

/** Collects schema errors as Kazoo's flat field map. */
class Errors {
  readonly data: JsonObject = {};
  add(field: string, entry: JsonObject): void {
    if (!Object.hasOwn(this.data, field)) setOwn(this.data, field, entry);
  }
}

function checkString(errors: Errors, field: string, value: JsonValue | undefined): void {
  if (value !== undefined && typeof value !== "string")
    errors.add(field, typeError("string", value));
}

function checkName(errors: Errors, name: JsonValue | undefined): void {
  if (name === undefined) return errors.add("name", { required: REQUIRED });
  if (typeof name !== "string") return errors.add("name", typeError("string", name));
  if (name.length < 1) {
    errors.add("name", {
      minLength: { message: "String must be at least 1 characters", target: 1, value: name },
    });
  } else if (name.length > 128) {
    errors.add("name", {
      maxLength: {
        message: "String must not be more than 128 characters",
        target: 128,
        value: name,
      },
    });
  }
}

function checkNumbers(errors: Errors, numbers: JsonValue | undefined, completed: boolean): void {
  if (numbers === undefined) return errors.add("numbers", { required: REQUIRED });
  if (!isJsonObject(numbers)) return errors.add("numbers", typeError("object", numbers));
  if (!completed && Object.keys(numbers).length === 0) {
    errors.add("numbers", {
      minProperties: { message: "The object must have at least 1 keys", target: 1, value: {} },
    });
  }
  for (const [key, value] of Object.entries(numbers)) {
    if (!isJsonObject(value)) errors.add(`numbers.${key}`, typeError("object", value));
  }
}

function checkSendTo(errors: Errors, fields: JsonObject): void {
  const notifications = fields["notifications"];
  if (notifications === undefined) return;
  if (!isJsonObject(notifications))
    return errors.add("notifications", typeError("object", notifications));
  const email = notifications["email"];
  if (email === undefined) return;
  if (!isJsonObject(email)) return errors.add("notifications.email", typeError("object", email));
  const sendTo = email["send_to"];
  if (sendTo === undefined) return;
  const list = Array.isArray(sendTo) ? sendTo : [sendTo];
  if (!list.every((item) => typeof item === "string" && EMAIL.test(item))) {
    errors.add("notifications.email.send_to", {
      format: { message: "Value did not match any schema in oneOf (email)", value: sendTo },
    });
  }
}

function checkComments(errors: Errors, comments: JsonValue | undefined): void {
  if (comments === undefined) return;
  if (!Array.isArray(comments)) return errors.add("comments", typeError("array", comments));
  for (const [i, comment] of comments.entries()) {
    const at = `comments.${i}`;
    if (!isJsonObject(comment)) {
      errors.add(at, typeError("object", comment));
      continue;
    }
    for (const key of ["author", "content", "timestamp"]) {
      if (!Object.hasOwn(comment, key)) errors.add(`${at}.${key}`, { required: REQUIRED });
    }
    checkString(errors, `${at}.author`, comment["author"]);
    checkString(errors, `${at}.content`, comment["content"]);
    const timestamp = comment["timestamp"];
    if (timestamp !== undefined && !Number.isInteger(timestamp))
      errors.add(`${at}.timestamp`, typeError("integer", timestamp));
    for (const key of ["is_private", "action_required"]) {
      const flag = comment[key];
      if (flag !== undefined && typeof flag !== "boolean")
        errors.add(`${at}.${key}`, typeError("boolean", flag));
    }
  }
}

/**
 * Checks a request's public fields against the rules of port-requests.md §8.2 (C1: an empty
 * `numbers` is fine once `completed`); returns Kazoo's field map, or undefined when valid.
 */
export function schemaErrors(fields: JsonObject, completed = false): JsonObject | undefined {
  const errors = new Errors();
  checkName(errors, fields["name"]);
  checkNumbers(errors, fields["numbers"], completed);
  for (const field of INTEGER_FIELDS) {
    const value = fields[field];
    if (value !== undefined && !Number.isInteger(value))
      errors.add(field, typeError("integer", value));
  }
  for (const field of STRING_FIELDS) checkString(errors, field, fields[field]);
  const bill = fields["bill"];
  if (bill !== undefined) {
    if (!isJsonObject(bill)) errors.add("bill", typeError("object", bill));
    else for (const key of BILL_FIELDS) checkString(errors, `bill.${key}`, bill[key]);
  }
  checkSendTo(errors, fields);
  checkComments(errors, fields["comments"]);
  return Object.keys(errors.data).length === 0 ? undefined : errors.data;
}
