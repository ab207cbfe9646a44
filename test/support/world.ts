import {
  createMemoryWorld,
  type MemoryWorld,
  type MemoryWorldOptions,
} from "../../src/compose/memory-world.js";
import { recordFingerprint } from "../../src/domain/record.js";
import { NUMBER_STATES } from "../../src/domain/states.js";
import type { NumberRepository } from "../../src/ports/repository.js";
import { STANDARD_TREE } from "./accounts.js";

/** A memory world over the standard account tree unless the options name other accounts. */
export function aWorld(options: Partial<MemoryWorldOptions> = {}): Promise<MemoryWorld> {
  return createMemoryWorld({ accounts: STANDARD_TREE, ...options });
}

/** Every stored record's fingerprint, by number: equal snapshots mean an untouched repository. */
export async function snapshot(repository: NumberRepository): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const state of NUMBER_STATES) {
    for (const record of await repository.listByState(state)) {
      out[record.number] = recordFingerprint(record);
    }
  }
  return out;
}

/** Builds a world around one record (see aNumber) and remembers the repository before acting. */
export async function worldWith(
  numbers: NonNullable<MemoryWorldOptions["numbers"]>,
  options: Partial<MemoryWorldOptions> = {},
): Promise<MemoryWorld & { readonly before: Record<string, string> }> {
  const world = await aWorld({ ...options, numbers });
  return { ...world, before: await snapshot(world.repository) };
}
