import { it } from "vitest";
import { MemoryNumberRepository } from "../../src/adapters/memory/memory-repository.js";
import { checkAgainstModel } from "../support/repository-model.js";

it("MemoryNumberRepository answers every sequence of right and wrong writes, deletes and listings like a plain map", () =>
  checkAgainstModel(() => new MemoryNumberRepository(), 150));
