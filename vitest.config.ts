import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    pool: "threads",
    testTimeout: 30_000,
    reporters: ["default", "./test/summary-reporter.ts"],
  },
});
