import { describe } from "vitest";
import { MemoryNumberRepository } from "../../src/adapters/memory/memory-repository.js";
import { repositoryContract } from "../../src/testing/index.js";
import { registerCases } from "./register-cases.js";

describe("MemoryNumberRepository", () => {
  registerCases(repositoryContract(() => new MemoryNumberRepository()));
});

describe("MemoryNumberRepository under another seed", () => {
  registerCases(repositoryContract(() => new MemoryNumberRepository(), { seed: 7 }));
});
