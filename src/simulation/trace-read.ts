import { isJsonObject, type JsonValue } from "../domain/json.js";
import { isPortTarget } from "../domain/port-states.js";
import { InputFileError, parseJsonText } from "./input-error.js";
import { resolveProfile } from "./profile.js";
import { SIM_OPERATIONS, type SimRequest } from "./requests.js";
import { TRACE_FORMAT, TRACE_VERSION, type TraceHeader, type TraceStep } from "./trace-format.js";

type FieldCheck = (value: JsonValue | undefined) => boolean;
const isText: FieldCheck = (v) => typeof v === "string";
const isCount: FieldCheck = (v) => Number.isInteger(v) && (v as number) >= 0;
const optional =
  (check: FieldCheck): FieldCheck =>
  (v) =>
    v === undefined || check(v);

/** The fields of each request, and what each must hold. */
const REQUEST_FIELDS: Readonly<Record<SimRequest["op"], Readonly<Record<string, FieldCheck>>>> = {
  search: { account: optional(isText), prefix: isText, quantity: isCount },
  reserve: { number: isText, account: isText, requester: isText, holdFor: optional(isCount) },
  activate: { number: isText, account: isText, requester: isText },
  update: { number: isText, requester: isText, patch: isJsonObject },
  create: { number: isText, account: isText, requester: isText, createWithState: optional(isText) },
  release: { number: isText, requester: isText, hard: optional((v) => typeof v === "boolean") },
  inboundCall: { number: isText },
  sweep: {},
  portCreate: {
    account: isText,
    requester: isText,
    name: isText,
    numbers: (v) => Array.isArray(v) && v.every((n) => typeof n === "string"),
  },
  portMove: {
    id: isText,
    account: isText,
    requester: isText,
    target: isPortTarget,
    reason: optional(isText),
    body: optional(isJsonObject),
  },
};

/** Reads a trace's first line, or throws an InputFileError naming the bad field. */
export function readHeader(text: string, file: string): TraceHeader {
  const value = parseJsonText(text, file, 1);
  const bad = (field: string, problem: string): InputFileError =>
    new InputFileError(file, 1, field, problem);
  if (!isJsonObject(value)) throw bad("", "the first line must be the trace header object");
  if (value["format"] !== TRACE_FORMAT) throw bad("format", `must be "${TRACE_FORMAT}"`);
  if (value["version"] !== TRACE_VERSION) throw bad("version", `must be ${TRACE_VERSION}`);
  if (typeof value["seed"] !== "string") throw bad("seed", "must be a string");
  const settings = value["settings"];
  if (!isJsonObject(settings)) throw bad("settings", "must be an object");
  for (const key of ["accounts", "numbers", "days"]) {
    if (!isCount(settings[key])) throw bad(`settings.${key}`, "must be a whole number >= 0");
  }
  const profile = resolveProfile(value["profile"] ?? null);
  if (!profile.ok) {
    throw bad(["profile", ...profile.problem.path].join("."), profile.problem.message);
  }
  return {
    format: TRACE_FORMAT,
    version: TRACE_VERSION,
    seed: value["seed"],
    settings: settings as unknown as TraceHeader["settings"],
    profile: profile.profile,
  };
}

/** Reads one step line (line `line` of the file), or throws an InputFileError naming the bad field. */
export function readStep(text: string, file: string, line: number): TraceStep {
  const value = parseJsonText(text, file, line);
  const bad = (field: string, problem: string): InputFileError =>
    new InputFileError(file, line, field, problem);
  if (!isJsonObject(value)) throw bad("", "a step line must be an object");
  if (!isCount(value["step"])) throw bad("step", "must be a whole number");
  if (typeof value["at"] !== "number") throw bad("at", "must be a number");
  const request = value["request"];
  if (!isJsonObject(request)) throw bad("request", "must be an object");
  const op = request["op"];
  if (typeof op !== "string" || !(SIM_OPERATIONS as readonly string[]).includes(op)) {
    throw bad("request.op", `must be one of ${SIM_OPERATIONS.join(", ")}`);
  }
  const fields = REQUEST_FIELDS[op as SimRequest["op"]];
  for (const key of Object.keys(request)) {
    if (key !== "op" && !Object.hasOwn(fields, key))
      throw bad(`request.${key}`, "is not a field of " + op);
  }
  for (const [key, check] of Object.entries(fields)) {
    if (!check(request[key])) throw bad(`request.${key}`, "is missing or of the wrong type");
  }
  if (!isJsonObject(value["answer"])) throw bad("answer", "must be an object");
  const events = value["events"];
  if (!Array.isArray(events) || !events.every(isJsonObject))
    throw bad("events", "must be a list of objects");
  return value as unknown as TraceStep;
}
