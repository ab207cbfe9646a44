import { defineConfig } from "vitest/config";

const POSTGRES_TESTS = "test/postgres/**/*.test.ts";

export default defineConfig({
  test: {
    pool: "threads",
    testTimeout: 30_000,
    reporters: ["default", "./test/summary-reporter.ts"],
    projects: [
      {
        extends: true,
        test: { name: "main", include: ["test/**/*.test.ts"], exclude: [POSTGRES_TESTS] },
      },
      {
        // Starts a throwaway PostgreSQL server only when a PostgreSQL test file runs.
        extends: true,
        test: {
          name: "postgres",
          include: [POSTGRES_TESTS],
          globalSetup: ["test/postgres/global-setup.ts"],
        },
      },
    ],
  },
});
