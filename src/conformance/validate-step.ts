import { isJsonObject } from "../domain/json.js";
import {
  FormatProblem,
  arrayAt,
  fieldsOf,
  integerAt,
  jsonAt,
  objectAt,
  oneOf,
  optional,
  stringAt,
} from "./format-checks.js";
import { base64At, captureMap } from "./validate-port.js";
import type { EventStep, InspectEventsStep, RequestStep, Step } from "./scenario.js";

const METHOD = /^[A-Z]+$/;
/** The key that says which kind a step is. */
const KIND_KEYS = [
  "method",
  "advance",
  "event",
  "inspect",
  "inspect_events",
  "inspect_port_request",
] as const;

/** An object of strings: a query or a set of headers. */
function query(value: unknown, where: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, v] of Object.entries(objectAt(value, where))) {
    out[key] = stringAt(v, `${where}.${key}`);
  }
  return out;
}

function httpMethod(value: unknown, where: string): string {
  const method = stringAt(value, where);
  if (!METHOD.test(method)) throw new FormatProblem(where, "must be an upper-case HTTP method");
  return method;
}

function request(value: unknown, where: string, accounts: ReadonlySet<string>): RequestStep {
  const f = fieldsOf(
    value,
    where,
    ["as", "method", "path", "query", "headers", "body", "body_base64", "capture", "expect"],
    ["as", "method", "path", "expect"],
  );
  if (Object.hasOwn(f, "body") && Object.hasOwn(f, "body_base64")) {
    throw new FormatProblem(where, `has both "body" and "body_base64"`);
  }
  const as = f["as"] === null ? null : stringAt(f["as"], `${where}.as`);
  if (as !== null && !accounts.has(as)) {
    throw new FormatProblem(`${where}.as`, `"${as}" names no account of given.accounts`);
  }
  const path = stringAt(f["path"], `${where}.path`);
  if (!path.startsWith("/")) throw new FormatProblem(`${where}.path`, `must start with "/"`);
  const expect = fieldsOf(
    f["expect"],
    `${where}.expect`,
    ["status", "body", "body_base64", "headers"],
    ["status"],
  );
  if (Object.hasOwn(expect, "body") && Object.hasOwn(expect, "body_base64")) {
    throw new FormatProblem(`${where}.expect`, `has both "body" and "body_base64"`);
  }
  return {
    kind: "request",
    as,
    method: httpMethod(f["method"], `${where}.method`),
    path,
    ...optional(f, "query", where, query),
    ...optional(f, "headers", where, query),
    ...(Object.hasOwn(f, "body") ? { body: { value: jsonAt(f["body"]) } } : {}),
    ...(Object.hasOwn(f, "body_base64")
      ? { bodyBase64: base64At(f["body_base64"], `${where}.body_base64`) }
      : {}),
    ...optional(f, "capture", where, captureMap),
    expect: {
      status: integerAt(expect["status"], `${where}.expect.status`, 100),
      ...(Object.hasOwn(expect, "body") ? { body: jsonAt(expect["body"]) } : {}),
      ...(Object.hasOwn(expect, "body_base64")
        ? { bodyBase64: base64At(expect["body_base64"], `${where}.expect.body_base64`) }
        : {}),
      ...optional(expect, "headers", `${where}.expect`, query),
    },
  };
}

function expectedError(f: Readonly<Record<string, unknown>>, where: string): { error?: string } {
  if (!Object.hasOwn(f, "expect")) return {};
  const expect = fieldsOf(f["expect"], `${where}.expect`, ["error"], ["error"]);
  return { error: stringAt(expect["error"], `${where}.expect.error`) };
}

function event(value: unknown, where: string): EventStep {
  const name = oneOf((value as Record<string, unknown>)["event"], `${where}.event`, [
    "inbound_call",
    "sweep",
  ] as const);
  if (name === "sweep") {
    const f = fieldsOf(value, where, ["event", "expect"]);
    return { kind: "event", event: name, ...expectedError(f, where) };
  }
  const f = fieldsOf(value, where, ["event", "number", "expect"], ["number"]);
  return {
    kind: "event",
    event: name,
    number: stringAt(f["number"], `${where}.number`),
    ...expectedError(f, where),
  };
}

/** `{ "inspect_events": { "type"? }, "expect": [ ...events... ] }`: each expected event an object. */
function inspectEvents(value: unknown, where: string): InspectEventsStep {
  const f = fieldsOf(value, where, ["inspect_events", "expect"], ["expect"]);
  const filter = fieldsOf(f["inspect_events"], `${where}.inspect_events`, ["type"]);
  return {
    kind: "inspect_events",
    ...optional(filter, "type", `${where}.inspect_events`, stringAt),
    expect: arrayAt(f["expect"], `${where}.expect`, objectAt),
  };
}

/** Reads and checks one step; `accounts` are the ids a request may act as. */
export function readStep(value: unknown, where: string, accounts: ReadonlySet<string>): Step {
  if (!isJsonObject(value)) throw new FormatProblem(where, "must be an object");
  const kinds = KIND_KEYS.filter((key) => Object.hasOwn(value, key));
  if (kinds.length === 0) {
    throw new FormatProblem(where, `a step of no known kind (no ${KIND_KEYS.join(", ")})`);
  }
  if (kinds.length > 1) throw new FormatProblem(where, `a step of two kinds (${kinds.join(", ")})`);
  switch (kinds[0]) {
    case "advance": {
      const f = fieldsOf(value, where, ["advance"]);
      return { kind: "advance", seconds: integerAt(f["advance"], `${where}.advance`) };
    }
    case "event":
      return event(value, where);
    case "inspect_events":
      return inspectEvents(value, where);
    case "inspect_port_request": {
      const f = fieldsOf(value, where, ["inspect_port_request", "expect"], ["expect"]);
      const expect = f["expect"] === null ? null : objectAt(f["expect"], `${where}.expect`);
      const id = stringAt(f["inspect_port_request"], `${where}.inspect_port_request`);
      return { kind: "inspect_port_request", id, expect };
    }
    case "inspect": {
      const f = fieldsOf(value, where, ["inspect", "expect"], ["expect"]);
      const expect = f["expect"] === null ? null : objectAt(f["expect"], `${where}.expect`);
      return { kind: "inspect", number: stringAt(f["inspect"], `${where}.inspect`), expect };
    }
    default:
      return request(value, where, accounts);
  }
}
