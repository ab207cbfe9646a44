import { describe } from "vitest";
import { MemoryNumberRepository } from "../../src/adapters/memory/memory-repository.js";
import { portRequestContract } from "../../src/testing/index.js";
import { registerCases } from "./register-cases.js";

describe("MemoryNumberRepository's port requests", () => {
  registerCases(
    portRequestContract(() => {
      const repository = new MemoryNumberRepository();
      return { numbers: repository, requests: repository.portRequests };
    }),
  );
});
