import { resolveConfig, type EngineConfig } from "../domain/config.js";
import { isJsonObject, type JsonObject, type JsonValue } from "../domain/json.js";
import { InputFileError, lineOfPath, parseJsonText } from "./input-error.js";

/** The journeys a simulated day is made of (docs/simulation.md describes each). */
export const FLOW_NAMES = [
  "buy",
  "update",
  "portIn",
  "release",
  "hardDelete",
  "transfer",
  "reassign",
  "addNumbers",
  "extendHold",
  "portRequest",
] as const;

/** One kind of journey. */
export type FlowName = (typeof FLOW_NAMES)[number];

/** What a simulation does and in which world: the JSON format of `--profile` (docs/simulation.md). */
export interface SimulationProfile {
  readonly name: string;
  /** The account tree under the master account: the share of accounts that are resellers. */
  readonly accounts: {
    readonly resellerShare: number;
    readonly resellersAllowAdditions: boolean;
    /** Resellers are port authorities (`port_authority: true`); else the master manages every port request. */
    readonly resellersArePortAuthorities: boolean;
  };
  /** How the numbers are split: the master's pool, the upstream carrier's stock, numbers to port in. */
  readonly numbers: { readonly pool: number; readonly upstream: number; readonly portable: number };
  /** US area codes the numbers are spread over and searched in. */
  readonly areaCodes: readonly string[];
  /** Journeys per simulated day, per number of the world. */
  readonly activity: number;
  /** Relative weight of each journey. */
  readonly flows: Readonly<Record<FlowName, number>>;
  /** Share of purchases that reserve first, the hold they ask for, and the share of holders who walk away. */
  readonly holds: { readonly share: number; readonly holdForS: number; readonly abandon: number };
  /** How many numbers a buyer's search asks for, and the share of searches made without an account (public). */
  readonly search: { readonly quantity: number; readonly anonymous: number };
  /** Number-level port-ins: days until completion, share completed by a first inbound call, share released instead. */
  readonly ports: {
    readonly completeWithinDays: number;
    readonly byInboundCall: number;
    readonly abandon: number;
  };
  /** Port requests (the `portRequest` journey): their size, pace and how they end (docs/simulation.md). */
  readonly portRequests: PortRequestMix;
  /** Engine settings (config.md names) the world runs with. */
  readonly config: Readonly<Partial<EngineConfig>>;
}

/** How the `portRequest` journey's requests go: each share is a chance taken at its step. */
export interface PortRequestMix {
  /** A request names 1 to this many numbers. */
  readonly numbers: number;
  /** Each step comes 1 to this many days after the one before. */
  readonly stepDays: number;
  /** Share of drafts never submitted: they stay `unconfirmed` until the clean-up deletes them. */
  readonly leaveUnconfirmed: number;
  /** Share of steps (the customer's draft, the authority's later ones) that cancel the request. */
  readonly cancel: number;
  /** Share of the authority's steps that reject the request. */
  readonly reject: number;
  /** Share of rejected requests the customer fixes and submits again. */
  readonly resubmit: number;
  /** Share of `pending` requests the authority schedules (with a date) before completing. */
  readonly schedule: number;
  /** Share of completions made by a first inbound call instead of the authority's move. */
  readonly byInboundCall: number;
}

/** The profile used when none is given. */
export const DEFAULT_PROFILE: SimulationProfile = {
  name: "default",
  accounts: {
    resellerShare: 0.2,
    resellersAllowAdditions: true,
    resellersArePortAuthorities: true,
  },
  numbers: { pool: 0.3, upstream: 0.5, portable: 0.2 },
  areaCodes: ["415", "212", "303", "512", "617"],
  activity: 0.02,
  flows: {
    buy: 50,
    update: 15,
    portIn: 6,
    release: 10,
    hardDelete: 1,
    transfer: 4,
    reassign: 2,
    addNumbers: 4,
    extendHold: 3,
    portRequest: 5,
  },
  holds: { share: 0.6, holdForS: 7_200, abandon: 0.3 },
  search: { quantity: 5, anonymous: 0.3 },
  ports: { completeWithinDays: 5, byInboundCall: 0.5, abandon: 0.1 },
  portRequests: {
    numbers: 3,
    stepDays: 3,
    leaveUnconfirmed: 0.1,
    cancel: 0.06,
    reject: 0.15,
    resubmit: 0.6,
    schedule: 0.5,
    byInboundCall: 0.4,
  },
  config: {
    should_age: true,
    aging_expiry_d: 10,
    discovery_expiry_d: 7,
    deleted_expiry_d: 7,
    unfinished_port_request_lifetime_s: 864_000,
  },
};

/** A profile field that is wrong: its path from the top and what is wrong with it. */
export interface ProfileProblem {
  readonly path: readonly string[];
  readonly message: string;
}

type Check = (value: JsonValue) => string | undefined;

const share: Check = (v) =>
  typeof v === "number" && v >= 0 && v <= 1 ? undefined : "must be a number from 0 to 1";
const positive: Check = (v) =>
  typeof v === "number" && Number.isFinite(v) && v > 0 ? undefined : "must be a number above 0";
const weight: Check = (v) =>
  typeof v === "number" && Number.isFinite(v) && v >= 0 ? undefined : "must be a number >= 0";
const count =
  (min: number, max: number): Check =>
  (v) =>
    Number.isInteger(v) && (v as number) >= min && (v as number) <= max
      ? undefined
      : `must be an integer from ${min} to ${max}`;
const bool: Check = (v) => (typeof v === "boolean" ? undefined : "must be true or false");
const text: Check = (v) =>
  typeof v === "string" && v !== "" ? undefined : "must be a non-empty string";
const areaCodes: Check = (v) =>
  Array.isArray(v) && v.length > 0 && v.every((c) => typeof c === "string" && /^[2-9]\d\d$/.test(c))
    ? undefined
    : "must be a non-empty list of 3-digit US area codes";

const SECTIONS: Readonly<Record<string, Readonly<Record<string, Check>>>> = {
  accounts: {
    resellerShare: share,
    resellersAllowAdditions: bool,
    resellersArePortAuthorities: bool,
  },
  numbers: { pool: share, upstream: share, portable: share },
  flows: Object.fromEntries(FLOW_NAMES.map((name) => [name, weight])),
  holds: { share, holdForS: count(60, 2_592_000), abandon: share },
  search: { quantity: count(1, 50), anonymous: share },
  ports: { completeWithinDays: count(1, 365), byInboundCall: share, abandon: share },
  portRequests: {
    numbers: count(1, 100),
    stepDays: count(1, 365),
    leaveUnconfirmed: share,
    cancel: share,
    reject: share,
    resubmit: share,
    schedule: share,
    byInboundCall: share,
  },
};
const SCALARS: Readonly<Record<string, Check>> = { name: text, areaCodes, activity: positive };

function checkSection(name: string, value: JsonValue): ProfileProblem | undefined {
  if (!isJsonObject(value)) return { path: [name], message: "must be an object" };
  const fields = SECTIONS[name] as Readonly<Record<string, Check>>;
  for (const [key, field] of Object.entries(value)) {
    const check = fields[key];
    if (check === undefined) return { path: [name, key], message: "is not a known field" };
    const problem = check(field);
    if (problem !== undefined) return { path: [name, key], message: problem };
  }
  return undefined;
}

function checkField(key: string, value: JsonValue): ProfileProblem | undefined {
  if (key === "config") {
    const resolved = resolveConfig(value);
    if (resolved.ok) return undefined;
    const error = resolved.error as { field?: string; message?: string };
    const field = error.field === "config" ? [] : [error.field ?? ""];
    return { path: ["config", ...field], message: error.message ?? "is not valid" };
  }
  if (Object.hasOwn(SECTIONS, key)) return checkSection(key, value);
  const check = SCALARS[key];
  if (check === undefined) return { path: [key], message: "is not a known field" };
  const problem = check(value);
  return problem === undefined ? undefined : { path: [key], message: problem };
}

/**
 * Checks a parsed profile and merges it over the default (a missing field keeps the default's
 * value); returns the first problem instead when a field is unknown or out of range.
 */
export function resolveProfile(
  input: JsonValue,
): { ok: true; profile: SimulationProfile } | { ok: false; problem: ProfileProblem } {
  if (!isJsonObject(input))
    return { ok: false, problem: { path: [], message: "must be an object" } };
  for (const [key, value] of Object.entries(input)) {
    const problem = checkField(key, value);
    if (problem !== undefined) return { ok: false, problem };
  }
  const merged: Record<string, unknown> = { ...DEFAULT_PROFILE };
  for (const [key, value] of Object.entries(input)) {
    merged[key] =
      Object.hasOwn(SECTIONS, key) && key !== "flows"
        ? {
            ...(DEFAULT_PROFILE[key as keyof SimulationProfile] as JsonObject),
            ...(value as JsonObject),
          }
        : value;
  }
  const profile = merged as unknown as SimulationProfile;
  const split = profile.numbers.pool + profile.numbers.upstream + profile.numbers.portable;
  if (Math.abs(split - 1) > 1e-9)
    return {
      ok: false,
      problem: { path: ["numbers"], message: "pool + upstream + portable must be 1" },
    };
  if (!FLOW_NAMES.some((flow) => (profile.flows[flow] ?? 0) > 0))
    return {
      ok: false,
      problem: { path: ["flows"], message: "at least one flow needs a weight above 0" },
    };
  const flows = Object.fromEntries(FLOW_NAMES.map((flow) => [flow, profile.flows[flow] ?? 0]));
  return { ok: true, profile: { ...profile, flows: flows as Record<FlowName, number> } };
}

/** Reads a profile file's text: a syntax error or a bad field is an InputFileError naming its line. */
export function parseProfile(text: string, file: string): SimulationProfile {
  const resolved = resolveProfile(parseJsonText(text, file));
  if (resolved.ok) return resolved.profile;
  const { path, message } = resolved.problem;
  throw new InputFileError(file, lineOfPath(text, path), path.join(".") || "(profile)", message);
}
