import type { JsonObject, JsonValue } from "../domain/json.js";

/** An account of a scenario's starting world (conformance/FORMAT.md `given.accounts`). */
export interface ScenarioAccount {
  readonly id: string;
  readonly parent?: string;
  readonly master?: boolean;
  readonly allow_additions?: boolean;
  readonly reseller?: boolean;
  readonly enabled?: boolean;
  readonly name?: string;
  /** Manages the port requests of its sub-accounts (port-requests.md §13). */
  readonly port_authority?: boolean;
}

/** A port request stored before the first step (`given.port_requests`, port-requests.md §13). */
export interface ScenarioPortRequest {
  readonly id: string;
  readonly account: string;
  readonly state: string;
  readonly name: string;
  readonly numbers: JsonObject;
  readonly ported_numbers?: JsonObject;
  /** Default: computed from the account's tree (§3). */
  readonly port_authority?: string;
  readonly public?: JsonObject;
  readonly comments?: readonly JsonObject[];
  readonly transitions?: readonly JsonObject[];
  readonly created?: number;
  readonly modified?: number;
}

/** A record stored before the first step (`given.numbers`). */
export interface ScenarioNumber {
  readonly number: string;
  readonly state: string;
  readonly assigned_to?: string;
  readonly prev_assigned_to?: string;
  readonly carrier?: string;
  readonly reserve_history?: readonly string[];
  readonly used_by?: string;
  readonly features?: JsonObject;
  readonly public?: JsonObject;
  readonly created?: number;
  readonly modified?: number;
}

/** A number the upstream carrier can sell (`given.inventory`). */
export interface ScenarioInventoryEntry {
  readonly number: string;
  readonly rate_center?: JsonObject;
}

/** How the emergency-address back end answers for matching addresses (`given.e911.addresses`). */
export interface ScenarioE911Address {
  readonly match: JsonObject;
  readonly result: "valid" | "invalid" | "multiple";
  readonly details?: readonly JsonObject[];
  readonly provisioned?: JsonObject;
}

/** An injected port failure (`given.faults`). */
export interface ScenarioFault {
  readonly port: "carrier" | "phonebook" | "e911";
  readonly op: string;
  readonly number?: string;
  readonly message?: string;
}

/** A scenario's starting world. */
export interface ScenarioGiven {
  readonly now?: number;
  readonly config?: JsonObject;
  readonly accounts?: readonly ScenarioAccount[];
  readonly numbers?: readonly ScenarioNumber[];
  readonly inventory?: readonly ScenarioInventoryEntry[];
  /** E.164 number -> locality object, plus optional `cities`. */
  readonly phonebook?: JsonObject;
  readonly e911?: { readonly addresses: readonly ScenarioE911Address[] };
  readonly faults?: readonly ScenarioFault[];
  readonly port_requests?: readonly ScenarioPortRequest[];
}

/** An API call and what must come back. */
export interface RequestStep {
  readonly kind: "request";
  readonly as: string | null;
  readonly method: string;
  readonly path: string;
  readonly query?: Readonly<Record<string, string>>;
  /** Present when the request has a body (any JSON value, `null` included). */
  readonly body?: { readonly value: JsonValue };
  /** Raw bytes to send instead of a JSON body (`body_base64`). */
  readonly bodyBase64?: string;
  /** Names to bind to dotted paths of the response body, for `{{name}}` in later steps. */
  readonly capture?: Readonly<Record<string, string>>;
  /** Request headers to send besides the credentials (e.g. `Idempotency-Key`). */
  readonly headers?: Readonly<Record<string, string>>;
  readonly expect: {
    readonly status: number;
    readonly body?: JsonValue;
    /** The binary answer's bytes, base64-encoded. */
    readonly bodyBase64?: string;
    /** Response headers by name (any case): a value to equal, or `"<absent>"`. */
    readonly headers?: Readonly<Record<string, string>>;
  };
}

/** Moves the clock forward. */
export interface AdvanceStep {
  readonly kind: "advance";
  readonly seconds: number;
}

/** Something that happens outside the API; `error` names the failure it must end in. */
export type EventStep =
  | { readonly kind: "event"; readonly event: "sweep"; readonly error?: string }
  | {
      readonly kind: "event";
      readonly event: "inbound_call";
      readonly number: string;
      readonly error?: string;
    };

/** Reads a stored record; `expect` null requires that there is none. */
export interface InspectStep {
  readonly kind: "inspect";
  readonly number: string;
  readonly expect: JsonObject | null;
}

/** Matches the events committed since the previous such step, oldest first (FORMAT.md `inspect_events`). */
export interface InspectEventsStep {
  readonly kind: "inspect_events";
  /** Keep only the events whose `type` starts with this prefix. */
  readonly type?: string;
  readonly expect: readonly JsonObject[];
}

/** Reads a stored port request (port-requests.md §13); `expect` null requires that there is none. */
export interface InspectPortRequestStep {
  readonly kind: "inspect_port_request";
  readonly id: string;
  readonly expect: JsonObject | null;
}

/** One step of a scenario. */
export type Step =
  RequestStep | AdvanceStep | EventStep | InspectStep | InspectEventsStep | InspectPortRequestStep;

/** A validated scenario and the file it came from. */
export interface Scenario {
  readonly file: string;
  readonly name: string;
  readonly description?: string;
  readonly given: ScenarioGiven;
  readonly steps: readonly Step[];
}
