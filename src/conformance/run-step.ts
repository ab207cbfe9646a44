import { errorObject, NumberLifecycleError, type NumberError } from "../domain/errors.js";
import { toDocument } from "../domain/record.js";
import type { ApiRequest } from "../http/types.js";
import { matchValue, show, type Mismatch } from "./match.js";
import type { EventStep, InspectStep, RequestStep, Step } from "./scenario.js";
import { collectEvents, runInspectEvents } from "./run-events.js";
import { capture, matchBytes, runInspectPortRequest, withCaptures } from "./run-port.js";
import { tokenOf, type ScenarioWorld } from "./world.js";

const describeThrown = (error: unknown): string =>
  error instanceof Error ? `${error.name}: ${error.message}` : String(error);

async function runRequest(
  step: RequestStep,
  { handler, thrown, captures }: ScenarioWorld,
): Promise<Mismatch | undefined> {
  const request: ApiRequest = {
    method: step.method,
    path: step.path,
    query: step.query,
    headers: { ...step.headers, ...(step.as === null ? {} : { "X-Auth-Token": tokenOf(step.as) }) },
    body:
      step.bodyBase64 !== undefined
        ? Buffer.from(step.bodyBase64, "base64")
        : step.body === undefined
          ? undefined
          : JSON.stringify(step.body.value),
  };
  thrown.length = 0;
  const response = await handler(request);
  if (response.status !== step.expect.status) {
    const cause = thrown.length === 0 ? "" : ` (handler threw ${describeThrown(thrown[0])})`;
    return {
      path: "status",
      expected: String(step.expect.status),
      actual: `${response.status} ${show(response.body)}${cause}`,
    };
  }
  const headers = matchHeaders(step.expect.headers ?? {}, response.headers);
  if (headers !== undefined) return headers;
  if (step.expect.bodyBase64 !== undefined) {
    const bytes = matchBytes(step.expect.bodyBase64, response.bytes);
    if (bytes !== undefined) return bytes;
  }
  const body =
    step.expect.body === undefined
      ? undefined
      : matchValue(step.expect.body, response.body, "body");
  return body ?? capture(step, response.body, captures);
}

/** Matches expected response headers by name in any case; `"<absent>"` requires no such header. */
function matchHeaders(
  expected: Readonly<Record<string, string>>,
  actual: Readonly<Record<string, string>>,
): Mismatch | undefined {
  const byName = new Map(Object.entries(actual).map(([k, v]) => [k.toLowerCase(), v]));
  for (const [name, value] of Object.entries(expected)) {
    const got = byName.get(name.toLowerCase());
    if (value === "<absent>" ? got === undefined : got === value) continue;
    return { path: `headers.${name}`, expected: value, actual: got ?? "<absent>" };
  }
  return undefined;
}

/** The failure of an event as a name the scenario can expect: the engine reason and its API error. */
function failureNames(error: unknown): string[] {
  if (error instanceof NumberLifecycleError) return errorNames(error.detail);
  throw error;
}

function errorNames(error: NumberError): string[] {
  return [error.reason, errorObject(error).error];
}

async function eventFailure(
  step: EventStep,
  { world }: ScenarioWorld,
): Promise<string[] | undefined> {
  if (step.event === "sweep") {
    try {
      await world.engine.sweep();
      return undefined;
    } catch (error) {
      return failureNames(error);
    }
  }
  const result = await world.engine.inboundCall(step.number);
  return result.ok ? undefined : errorNames(result.error);
}

async function runEvent(
  step: EventStep,
  scenarioWorld: ScenarioWorld,
): Promise<Mismatch | undefined> {
  const failure = await eventFailure(step, scenarioWorld);
  const actual = failure === undefined ? "success" : `error ${failure[0] ?? ""}`;
  if (step.error === undefined) {
    return failure === undefined ? undefined : { path: "event", expected: "success", actual };
  }
  return failure?.includes(step.error) === true
    ? undefined
    : { path: "event", expected: `error ${step.error}`, actual };
}

async function runInspect(
  step: InspectStep,
  { world }: ScenarioWorld,
): Promise<Mismatch | undefined> {
  const record = await world.engine.inspect(step.number);
  const actual = record === undefined ? undefined : toDocument(record);
  if (step.expect === null) {
    return actual === undefined
      ? undefined
      : { path: "record", expected: "null", actual: show(actual) };
  }
  if (actual === undefined) return { path: "record", expected: show(step.expect), actual: "null" };
  return matchValue(step.expect, actual, "record");
}

/** Runs one step in a world; returns where it differed from what the scenario expects, if anywhere. */
export async function runStep(step: Step, world: ScenarioWorld): Promise<Mismatch | undefined> {
  const mismatch = await runStepOnly(step, world);
  await collectEvents(world);
  return mismatch;
}

async function runStepOnly(given: Step, world: ScenarioWorld): Promise<Mismatch | undefined> {
  const step = withCaptures(given, world.captures);
  switch (step.kind) {
    case "request":
      return runRequest(step, world);
    case "advance":
      world.world.clock.advance(step.seconds);
      return undefined;
    case "event":
      return runEvent(step, world);
    case "inspect":
      return runInspect(step, world);
    case "inspect_events":
      await collectEvents(world);
      return runInspectEvents(step, world);
    case "inspect_port_request":
      return runInspectPortRequest(step, world);
  }
}
