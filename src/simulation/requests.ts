import type { JsonObject, JsonValue } from "../domain/json.js";
import type { NumberRecord } from "../domain/record.js";
import type { Result } from "../domain/errors.js";
import type { PortResult } from "../domain/port-request-errors.js";
import type { PortTarget } from "../domain/port-states.js";
import type { NumberEngine } from "../engine/engine.js";

/** One request a simulation sends to the engine, exactly as the trace records it. */
export type SimRequest =
  | {
      readonly op: "search";
      /** Absent: a public search (only the system carrier list is consulted). */
      readonly account?: string;
      readonly prefix: string;
      readonly quantity: number;
    }
  | {
      readonly op: "reserve";
      readonly number: string;
      readonly account: string;
      readonly requester: string;
      readonly holdFor?: number;
    }
  | {
      readonly op: "activate";
      readonly number: string;
      readonly account: string;
      readonly requester: string;
    }
  | {
      readonly op: "update";
      readonly number: string;
      readonly requester: string;
      readonly patch: JsonObject;
    }
  | {
      readonly op: "create";
      readonly number: string;
      readonly account: string;
      readonly requester: string;
      readonly createWithState?: string;
    }
  | {
      readonly op: "release";
      readonly number: string;
      readonly requester: string;
      readonly hard?: boolean;
    }
  | { readonly op: "inboundCall"; readonly number: string }
  | { readonly op: "sweep" }
  | {
      /** `PUT /v2/accounts/{account}/port_requests`: a draft for these numbers. */
      readonly op: "portCreate";
      readonly account: string;
      readonly requester: string;
      readonly name: string;
      readonly numbers: readonly string[];
    }
  | {
      /** `PATCH /v2/accounts/{account}/port_requests/{id}/{target}` with its optional body. */
      readonly op: "portMove";
      readonly id: string;
      readonly account: string;
      readonly requester: string;
      readonly target: PortTarget;
      readonly reason?: string;
      readonly body?: JsonObject;
    };

/** The operations a simulation sends. */
export type SimOperation = SimRequest["op"];

/** The names of the operations, for checking a trace. */
export const SIM_OPERATIONS: readonly SimOperation[] = [
  "search",
  "reserve",
  "activate",
  "update",
  "create",
  "release",
  "inboundCall",
  "sweep",
  "portCreate",
  "portMove",
];

/** What a request answered, in the form the trace keeps and replay compares. */
export type SimAnswer = JsonObject;

function recordAnswer(result: Result<NumberRecord | undefined>): SimAnswer {
  if (!result.ok) return { ok: false, error: result.error as unknown as JsonObject };
  const record = result.value;
  return record === undefined
    ? { ok: true, state: null }
    : { ok: true, state: record.state, owner: record.assignedTo ?? null };
}

function portAnswer(result: PortResult<JsonObject>): SimAnswer {
  if (!result.ok) return { ok: false, error: result.error };
  return { ok: true, id: result.value["id"] ?? null, state: result.value["port_state"] ?? null };
}

/**
 * Sends one request to the engine and condenses its answer: the state and owner of the number
 * it left (or the error, whole), the offers of a search, what a sweep did, or a port request's
 * id and state.
 */
export async function execute(engine: NumberEngine, request: SimRequest): Promise<SimAnswer> {
  switch (request.op) {
    case "search": {
      const found = await engine.search({
        account: request.account,
        prefix: request.prefix,
        quantity: request.quantity,
      });
      if (!found.ok) return { ok: false, error: found.error as unknown as JsonObject };
      return {
        ok: true,
        found: found.value.map((offer) => [offer["number"] ?? null, offer["state"] ?? null]),
      };
    }
    case "reserve":
      return recordAnswer(await engine.reserve(request));
    case "activate":
      return recordAnswer(await engine.activate(request));
    case "update":
      return recordAnswer(await engine.update(request));
    case "create":
      return recordAnswer(await engine.create(request));
    case "release":
      return recordAnswer(await engine.release({ ...request, hard: request.hard }));
    case "inboundCall":
      return recordAnswer(await engine.inboundCall(request.number));
    case "sweep": {
      const report = await engine.sweep();
      return { ok: true, ...(report as unknown as Record<string, JsonValue>) };
    }
    case "portCreate": {
      const numbers: JsonObject = {};
      for (const number of request.numbers) numbers[number] = {};
      const asker = { requester: request.requester, account: request.account };
      return portAnswer(await engine.portRequests.create(asker, { name: request.name, numbers }));
    }
    case "portMove": {
      const asker = { requester: request.requester, account: request.account };
      const { target, body, reason } = request;
      return portAnswer(
        await engine.portRequests.move(asker, request.id, { target, body, reason }),
      );
    }
  }
}
