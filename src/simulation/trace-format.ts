import type { StoredEvent } from "../domain/events.js";
import type { JsonObject } from "../domain/json.js";
import type { SimulationProfile } from "./profile.js";
import type { SimAnswer, SimRequest } from "./requests.js";

/** The format name in a trace's first line. */
export const TRACE_FORMAT = "number-lifecycle-trace";
/** The version of the trace format this library writes and replays. */
export const TRACE_VERSION = 1;

/** A trace's first line: everything needed to build the same world again. */
export interface TraceHeader {
  readonly format: typeof TRACE_FORMAT;
  readonly version: typeof TRACE_VERSION;
  readonly seed: string;
  readonly settings: { readonly accounts: number; readonly numbers: number; readonly days: number };
  readonly profile: SimulationProfile;
}

/** One line per request: when it was sent, what it asked, what it answered, what it committed. */
export interface TraceStep {
  readonly step: number;
  /** The clock when the request was sent, Gregorian seconds. */
  readonly at: number;
  readonly request: SimRequest;
  readonly answer: SimAnswer;
  /** Number and port request events, in commit order. */
  readonly events: readonly StoredEvent["event"][];
}

/** A trace line as text: JSON with the keys in the order they are written, and a newline. */
export function traceLine(value: TraceHeader | TraceStep | JsonObject): string {
  return `${JSON.stringify(value)}\n`;
}
