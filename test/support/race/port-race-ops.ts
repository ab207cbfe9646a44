import type { World, WorldSetup } from "../../../src/compose/world.js";
import { isJsonObject, type JsonValue } from "../../../src/domain/json.js";
import { createApiHandler } from "../../../src/http/handler.js";
import type { ApiHandler } from "../../../src/http/types.js";
import { RACE_NOW, seeded } from "./race-ops.js";

/** The numbers of a port race: none has a record when the race starts. */
export const PORT_RACE_NUMBERS = Array.from(
  { length: 22 },
  (_, i) => `+1415555${String(300 + i).padStart(4, "0")}`,
);
/** Numbers both sides go for. */
const CONTESTED = PORT_RACE_NUMBERS.slice(0, 16);
/** Numbers only porters ask for (so some request surely completes) and only buyers buy. */
const PORT_ONLY = PORT_RACE_NUMBERS.slice(16, 20);
const BUY_ONLY = PORT_RACE_NUMBERS.slice(20);

/** Who ports (customers of the reseller, the port authority) and who buys. */
export const PORTERS = ["cust_a", "cust_b", "cust_c"] as const;
export const BUYERS = ["buyer_x", "buyer_y"] as const;
const AUTHORITY = "reseller";

/** The port race's world: a reseller that is the port authority, three porting customers, two buyers; every account's token is its id. */
export function portRaceSetup(): WorldSetup {
  const accounts = [
    { id: "master", master: true, reseller: true, allowAdditions: true },
    { id: AUTHORITY, parent: "master", reseller: true, allowAdditions: true, portAuthority: true },
    ...PORTERS.map((id) => ({ id, parent: AUTHORITY })),
    ...BUYERS.map((id) => ({ id, parent: AUTHORITY, allowAdditions: true })),
  ];
  return { now: RACE_NOW, accounts, tokens: accounts.map((a) => [a.id, a.id] as const) };
}

/** One operation of a port race worker. */
export type PortRaceOp =
  /** Create a request for `numbers`, submit it and, when `complete`, have the authority complete it. */
  | {
      readonly id: string;
      readonly kind: "port";
      readonly account: string;
      readonly numbers: readonly string[];
      readonly complete: boolean;
    }
  /** Buy one number through `PUT /v2/accounts/{A}/phone_numbers/{N}`. */
  | {
      readonly id: string;
      readonly kind: "buy";
      readonly account: string;
      readonly number: string;
    };

/** One API answer of an operation: the step, its status and the error's message. */
export interface PortRaceStep {
  readonly step: string;
  readonly status: number;
  readonly error?: string;
}

/** What an operation answered, step by step (a refused step ends it). */
export interface PortRaceOutcome {
  readonly op: PortRaceOp;
  readonly steps: readonly PortRaceStep[];
  /** The created request's id. */
  readonly request?: string;
}

/** A worker's operations: porting workers port overlapping windows, buying workers buy single numbers. */
export function portRaceOps(
  role: "port" | "buy",
  worker: number,
  count: number,
  seed: number,
): PortRaceOp[] {
  const random = seeded(seed * 104_729 + worker * 31 + (role === "port" ? 0 : 7));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  return Array.from({ length: count }, (_, index): PortRaceOp => {
    const id = `${role}${worker}-${index}`;
    if (role === "buy") {
      const number = pick(index === 0 || random() < 0.1 ? BUY_ONLY : CONTESTED);
      return { id, kind: "buy", account: pick(BUYERS), number };
    }
    // Each porter's first operation, and a few more, stay away from the buyers and complete.
    const quiet = index === 0 || random() < 0.1;
    const pool = quiet ? PORT_ONLY : CONTESTED;
    const start = Math.floor(random() * pool.length);
    const size = 1 + Math.floor(random() * (quiet ? 2 : 3));
    const numbers = Array.from(
      { length: size },
      (_, k) => pool[(start + k) % pool.length] as string,
    );
    return { id, kind: "port", account: pick(PORTERS), numbers, complete: quiet || random() < 0.5 };
  });
}

/** The API handler of a race world (the tokens are the account ids). */
export function raceHandler(world: World): ApiHandler {
  return createApiHandler({ engine: world.engine, tokens: world.tokens });
}

/** Runs one operation through the API and reports every answer. */
export async function runPortRaceOp(handle: ApiHandler, op: PortRaceOp): Promise<PortRaceOutcome> {
  const steps: PortRaceStep[] = [];
  const call = async (step: string, as: string, method: string, path: string, data?: JsonValue) => {
    const response = await handle({
      method,
      path,
      headers: { "X-Auth-Token": as },
      body: data === undefined ? undefined : JSON.stringify({ data }),
    });
    const body = isJsonObject(response.body) ? response.body : {};
    const failed = response.status >= 300;
    steps.push({
      step,
      status: response.status,
      ...(failed ? { error: JSON.stringify(body) } : {}),
    });
    return { ok: !failed, data: body["data"] };
  };
  if (op.kind === "buy") {
    await call(
      "buy",
      op.account,
      "PUT",
      `/v2/accounts/${op.account}/phone_numbers/${encodeURIComponent(op.number)}`,
      {},
    );
    return { op, steps };
  }
  const base = `/v2/accounts/${op.account}/port_requests`;
  const created = await call("create", op.account, "PUT", base, {
    name: op.id,
    numbers: Object.fromEntries(op.numbers.map((n) => [n, {}])),
  });
  const id = isJsonObject(created.data) ? created.data["id"] : undefined;
  if (!created.ok || typeof id !== "string") return { op, steps };
  const moves: [string, string][] = [["submitted", op.account]];
  if (op.complete) moves.push(["pending", AUTHORITY], ["completed", AUTHORITY]);
  for (const [target, as] of moves) {
    const moved = await call(target, as, "PATCH", `${base}/${id}/${target}`, {});
    if (!moved.ok) break;
  }
  return { op, steps, request: id };
}
