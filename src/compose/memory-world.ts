import { MemoryAccountDirectory } from "../adapters/memory/memory-accounts.js";
import { MemoryNumberRepository } from "../adapters/memory/memory-repository.js";
import { MemoryTokenStore } from "../adapters/memory/memory-tokens.js";
import { composeWorld, type World, type WorldSetup } from "./world.js";

export { DEFAULT_WORLD_NOW } from "./world.js";

/** Everything a deterministic in-memory world starts from. */
export interface MemoryWorldOptions extends WorldSetup {
  /** The most events the outbox keeps for `engine.events.since` (default `MEMORY_EVENT_CAPACITY`). */
  readonly eventCapacity?: number;
}

/** A built in-memory world: the engine and the adapters behind it, for driving and inspecting. */
export type MemoryWorld = World<MemoryNumberRepository, MemoryAccountDirectory, MemoryTokenStore>;

/**
 * Builds an engine over in-memory adapters: the built-in local and reserved carriers, the
 * simulated upstream carrier (after `knm_local` in the system carrier list, decisions.md D14),
 * and the optional phonebook and E911 back ends.
 */
export function createMemoryWorld(options: MemoryWorldOptions): Promise<MemoryWorld> {
  const repository = new MemoryNumberRepository(
    options.eventCapacity === undefined ? {} : { eventCapacity: options.eventCapacity },
  );
  return composeWorld(options, {
    repository,
    portRequests: repository.portRequests,
    accounts: new MemoryAccountDirectory(options.accounts),
    tokens: new MemoryTokenStore(options.tokens ?? []),
    seedNumbers: true,
  });
}
