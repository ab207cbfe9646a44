import { isJsonObject, type JsonObject, type JsonValue } from "../domain/json.js";
import { matchValue, show, type Mismatch } from "./match.js";
import type { InspectPortRequestStep, RequestStep, Step } from "./scenario.js";
import { substitute } from "./validate-port.js";
import type { ScenarioWorld } from "./world.js";

const strings = (
  value: Readonly<Record<string, string>> | undefined,
  captures: ReadonlyMap<string, JsonValue>,
): Record<string, string> | undefined =>
  value === undefined ? undefined : substitute({ ...value }, captures);

/** The step with every `{{name}}` replaced by its captured value (port-requests.md §13). */
export function withCaptures(step: Step, captures: ReadonlyMap<string, JsonValue>): Step {
  if (captures.size === 0) return step;
  switch (step.kind) {
    case "request": {
      const query = strings(step.query, captures);
      const headers = strings(step.headers, captures);
      const expectHeaders = strings(step.expect.headers, captures);
      return {
        ...step,
        path: substitute(step.path, captures),
        ...(query === undefined ? {} : { query }),
        ...(headers === undefined ? {} : { headers }),
        ...(step.body === undefined
          ? {}
          : { body: { value: substitute(step.body.value, captures) } }),
        expect: {
          ...step.expect,
          ...(step.expect.body === undefined
            ? {}
            : { body: substitute(step.expect.body, captures) }),
          ...(expectHeaders === undefined ? {} : { headers: expectHeaders }),
        },
      };
    }
    case "inspect_port_request":
      return {
        ...step,
        id: substitute(step.id, captures),
        expect: substitute(step.expect, captures),
      };
    case "inspect":
      return { ...step, expect: substitute(step.expect, captures) };
    case "inspect_events":
      return { ...step, expect: step.expect.map((e) => substitute(e, captures)) };
    default:
      return step;
  }
}

/** The value at a dotted path of a JSON value (`data.id`, `data.items.0.id`), if any. */
function at(value: JsonValue | undefined, path: string): JsonValue | undefined {
  let node = value;
  for (const key of path.split(".")) {
    if (Array.isArray(node)) node = /^\d+$/.test(key) ? node[Number(key)] : undefined;
    else if (isJsonObject(node)) node = Object.hasOwn(node, key) ? node[key] : undefined;
    else return undefined;
  }
  return node;
}

/** Binds a request step's captures from the response body; a path that finds nothing is a mismatch. */
export function capture(
  step: RequestStep,
  body: JsonValue,
  captures: Map<string, JsonValue>,
): Mismatch | undefined {
  for (const [name, path] of Object.entries(step.capture ?? {})) {
    const value = at(body, path);
    if (value === undefined) {
      return { path: `capture.${name}`, expected: `a value at ${path}`, actual: "<absent>" };
    }
    captures.set(name, value);
  }
  return undefined;
}

/** Compares a binary answer with `expect.body_base64`. */
export function matchBytes(expected: string, bytes: Uint8Array | undefined): Mismatch | undefined {
  const actual = bytes === undefined ? "<no bytes>" : Buffer.from(bytes).toString("base64");
  return actual === expected ? undefined : { path: "body_base64", expected, actual };
}

/** `inspect_port_request`: the stored request, matched like a record; null requires none. */
export async function runInspectPortRequest(
  step: InspectPortRequestStep,
  { world }: ScenarioWorld,
): Promise<Mismatch | undefined> {
  const actual: JsonObject | undefined = await world.engine.portRequests.inspect(step.id);
  if (step.expect === null) {
    return actual === undefined
      ? undefined
      : { path: "port_request", expected: "null", actual: show(actual) };
  }
  if (actual === undefined) {
    return { path: "port_request", expected: show(step.expect), actual: "null" };
  }
  return matchValue(step.expect, actual, "port_request");
}
