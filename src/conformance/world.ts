import { isJsonObject, type JsonObject, type JsonValue } from "../domain/json.js";
import type { NumberState } from "../domain/states.js";
import type { AccountSpec } from "../adapters/memory/memory-accounts.js";
import type { PhonebookData } from "../adapters/providers/memory-phonebook.js";
import { createWorldOn, type ClosableWorld, type WorldStore } from "../compose/stores.js";
import type { WorldSetup } from "../compose/world.js";
import { createApiHandler } from "../http/handler.js";
import type { ApiHandler } from "../http/types.js";
import type { TransitionTable } from "../machine/transition-table.js";
import { seedPortRequests, sequentialIds } from "./world-ports.js";
import type { ScenarioAccount, ScenarioGiven, ScenarioNumber } from "./scenario.js";

/** A scenario's world: the engine and adapters, and the API handler over them. */
export interface ScenarioWorld {
  readonly world: ClosableWorld;
  readonly handler: ApiHandler;
  /** Exceptions the handler turned into 500s, oldest first (shown when a status differs). */
  readonly thrown: unknown[];
  /** Where the runner has read the outbox to, and the events read but not yet inspected. */
  readonly events: { cursor: string | undefined; readonly unseen: JsonObject[] };
  /** Values bound by `capture`, for `{{name}}` in later steps. */
  readonly captures: Map<string, JsonValue>;
}

/** How the runner may change the world it builds (e.g. a broken transition table, to test the corpus). */
export interface WorldOptions {
  readonly transitions?: TransitionTable;
  /** The store the world keeps its numbers in (default memory). */
  readonly store?: WorldStore;
}

/** The `X-Auth-Token` a scenario account authenticates with. */
export const tokenOf = (account: string): string => `token-${account}`;

function accountSpec(a: ScenarioAccount): AccountSpec {
  return {
    id: a.id,
    parent: a.parent,
    name: a.name,
    master: a.master,
    allowAdditions: a.allow_additions,
    reseller: a.reseller,
    enabled: a.enabled,
    portAuthority: a.port_authority,
  };
}

function recordInit(n: ScenarioNumber): NonNullable<WorldSetup["numbers"]>[number] {
  return {
    number: n.number,
    // The validator has checked the state against NUMBER_STATES.
    state: n.state as NumberState,
    assignedTo: n.assigned_to,
    prevAssignedTo: n.prev_assigned_to,
    carrier: n.carrier ?? "local",
    reserveHistory: n.reserve_history,
    usedBy: n.used_by,
    features: n.features,
    public: n.public,
    created: n.created,
    modified: n.modified,
  };
}

function phonebookData(book: JsonObject): PhonebookData {
  const localities: Record<string, JsonObject> = {};
  for (const [key, value] of Object.entries(book)) {
    if (key !== "cities" && isJsonObject(value)) localities[key] = value;
  }
  const cities = book["cities"];
  return isJsonObject(cities) ? { localities, cities } : { localities };
}

/** The world setup a scenario's `given` describes; its accounts authenticate with `tokenOf`. */
export function setupOfGiven(given: ScenarioGiven): WorldSetup {
  const accounts = given.accounts ?? [];
  return {
    accounts: accounts.map(accountSpec),
    tokens: accounts.map((a) => [tokenOf(a.id), a.id] as const),
    numbers: (given.numbers ?? []).map(recordInit),
    inventory: (given.inventory ?? []).map((entry) =>
      entry.rate_center === undefined
        ? { number: entry.number }
        : { number: entry.number, fields: { rate_center: entry.rate_center } },
    ),
    phonebook: given.phonebook === undefined ? undefined : phonebookData(given.phonebook),
    e911: given.e911?.addresses,
    faults: given.faults ?? [],
    config: given.config ?? {},
    ...(given.now === undefined ? {} : { now: given.now }),
  };
}

/** Builds a fresh in-process world from a scenario's `given`, on a new store; close it when done. */
export async function buildWorld(
  given: ScenarioGiven,
  options: WorldOptions = {},
): Promise<ScenarioWorld> {
  const world = await createWorldOn(options.store ?? "memory", {
    ...setupOfGiven(given),
    newId: sequentialIds(),
    ...(options.transitions === undefined ? {} : { transitions: options.transitions }),
  });
  const ids = (given.accounts ?? []).map((a) => a.id);
  await seedPortRequests(world, ids, given.port_requests ?? []);
  const thrown: unknown[] = [];
  const handler = createApiHandler({
    engine: world.engine,
    tokens: world.tokens,
    onError: (error) => thrown.push(error),
  });
  // Records of `given` emit nothing, so the first inspection reads the outbox from its start.
  return {
    world,
    handler,
    thrown,
    events: { cursor: undefined, unseen: [] },
    captures: new Map(),
  };
}
