import { withSkips, type ContractCase, type SkipReasons } from "./contract-case.js";
import { repositoryBatchCases, type RepositoryBatchCase } from "./repository-batches.js";
import { repositoryKeyCases, type RepositoryKeyCase } from "./repository-keys.js";
import { repositoryListCases, type RepositoryListCase } from "./repository-lists.js";
import { repositoryRoundTripCases, type RepositoryRoundTripCase } from "./repository-round-trip.js";
import { repositoryWalkCase } from "./repository-walk.js";
import {
  repositoryWriteCases,
  type RepositoryFactory,
  type RepositoryWriteCase,
} from "./repository-writes.js";

/** Every case of the repository contract, by key. */
export type RepositoryCase =
  | RepositoryWriteCase
  | RepositoryBatchCase
  | RepositoryKeyCase
  | RepositoryListCase
  | RepositoryRoundTripCase
  | "walk";

/** How the repository suite runs: cases to skip (with reasons) and the seed of its shuffles. */
export interface RepositoryContractOptions {
  readonly skip?: SkipReasons<RepositoryCase>;
  readonly seed?: number;
}

/**
 * The NumberRepository contract: every repository adapter (memory, SQLite, Postgres, ...)
 * must pass it. `make` gives a fresh, empty repository per case.
 *
 * @example
 * for (const c of repositoryContract(() => new MemoryNumberRepository())) it(c.name, c.run);
 */
export function repositoryContract(
  make: RepositoryFactory,
  options: RepositoryContractOptions = {},
): ContractCase[] {
  const seed = options.seed ?? 20_240_601;
  return withSkips<RepositoryCase>(
    [
      ...repositoryWriteCases(make),
      ...repositoryBatchCases(make),
      ...repositoryKeyCases(make),
      ...repositoryListCases(make, seed),
      ...repositoryRoundTripCases(make),
      repositoryWalkCase(make, seed),
    ],
    options.skip,
  );
}
