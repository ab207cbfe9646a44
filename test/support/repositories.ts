import type { NumberRepository } from "../../src/ports/repository.js";

/** A repository that forwards every call to `inner` except those `overrides` replaces. */
export function wrapRepository(
  inner: NumberRepository,
  overrides: Partial<NumberRepository> = {},
): NumberRepository {
  return {
    get: (number) => inner.get(number),
    getMany: (numbers) => inner.getMany(numbers),
    commit: (batch) => inner.commit(batch),
    listByOwner: (owner, page) => inner.listByOwner(owner, page),
    scanPrefix: (prefix, state, page) => inner.scanPrefix(prefix, state, page),
    listByState: (state, page) => inner.listByState(state, page),
    eventsSince: (cursor, limit) => inner.eventsSince(cursor, limit),
    pruneEvents: (before) => inner.pruneEvents(before),
    claimKey: (claim) => inner.claimKey(claim),
    releaseKey: (account, key, token) => inner.releaseKey(account, key, token),
    purgeKeys: (before) => inner.purgeKeys(before),
    ...overrides,
  };
}
