/**
 * The carrier fault check: an operation whose carrier call fails reports the documented error
 * and leaves the record byte for byte as it was. Shared by the fault matrix and the acceptance
 * tests.
 */
import { expect } from "vitest";
import type { MemoryWorld } from "../../src/compose/memory-world.js";
import { errorObject, type ErrorObject, type Result } from "../../src/domain/errors.js";
import { recordFingerprint } from "../../src/domain/record.js";

/** Runs `act` on `world` and checks the failure and that none of `numbers` changed. */
export async function checkPortFaultChangesNothing(
  world: MemoryWorld,
  numbers: readonly string[],
  act: (world: MemoryWorld) => Promise<Result<unknown>>,
  error: ErrorObject,
): Promise<void> {
  const fingerprints = () =>
    Promise.all(numbers.map(async (n) => recordFingerprint(await world.engine.inspect(n))));
  const before = await fingerprints();

  const result = await act(world);

  expect(result.ok || errorObject(result.error)).toEqual(error);
  expect(await fingerprints(), "a failed port call left a change behind").toEqual(before);
}
