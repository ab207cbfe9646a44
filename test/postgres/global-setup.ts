// vitest globalSetup of the PostgreSQL project: one throwaway server for the whole run (or the
// server DATABASE_URL names), handed to the test files as `inject("postgresUrl")`.
import type { TestProject } from "vitest/node";
import { startPostgres } from "../support/postgres-server.js";

declare module "vitest" {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

/** Starts the server (unless DATABASE_URL names one) and returns its teardown. */
export default async function setup(project: TestProject): Promise<() => void> {
  const given = process.env["DATABASE_URL"];
  if (given !== undefined && given !== "") {
    project.provide("postgresUrl", given);
    return () => undefined;
  }
  const server = await startPostgres();
  project.provide("postgresUrl", server.url);
  return server.stop;
}
